import type { Metadata } from 'next';
import Link from 'next/link';
import { requireHelpdeskAgent } from '@/lib/auth/guards';
import { readAuditLog } from '@/lib/audit/read-audit-log';
import { AUDIT_EVENT_TYPES, eventLabel } from '@/lib/audit/events';
import { getRequestLocale, getTranslator, translateMessage } from '@/lib/i18n/server';
import { EMAIL_MAX_LENGTH } from '@/lib/auth/email-address';
import { AuditTable } from '@/components/helpdesk/audit-table';
import { Notice } from '@/components/ui/notice';
import { buttonClass } from '@/components/ui/button-class';

export async function generateMetadata(): Promise<Metadata> {
  const [t, tHelpdesk] = await Promise.all([getTranslator('audit'), getTranslator('helpdesk')]);
  return { title: `${t('title')} · ${tHelpdesk('title')}` };
}

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

const inputClass = 'mt-1 block w-full rounded-md border-0 px-3 py-2 text-sm shadow-sm ring-1 ring-inset ring-slate-300 focus:ring-2 focus:ring-brand-600';

export default async function AuditLogPage({ searchParams }: Props) {
  await requireHelpdeskAgent();
  const { filterValues, errors, cursor, events, nextCursor, offices } = await readAuditLog(await searchParams);
  const [t, tHelpdesk, locale] = await Promise.all([getTranslator('audit'), getTranslator('helpdesk'), getRequestLocale()]);
  const withParams = (extra: Record<string, string>) => `?${new URLSearchParams({ ...filterValues, ...extra })}`;

  return (
    <div className="space-y-6">
      <div>
        <Link href="/helpdesk" className="text-sm font-medium text-slate-600 underline">
          ← {tHelpdesk('title')}
        </Link>
        <h1 className="mt-2 text-2xl font-semibold tracking-tight">{t('title')}</h1>
        <p className="mt-1 text-slate-600">{t('intro')}</p>
      </div>

      <form className="grid grid-cols-1 gap-4 rounded-lg bg-white p-4 ring-1 ring-slate-200 sm:grid-cols-3 lg:grid-cols-6">
        <div className="sm:col-span-2">
          <label htmlFor="user" className="text-sm font-medium text-slate-800">
            {t('filter.user')}
          </label>
          <input id="user" name="user" type="email" defaultValue={filterValues.user} maxLength={EMAIL_MAX_LENGTH} className={inputClass} />
        </div>
        <div>
          <label htmlFor="office" className="text-sm font-medium text-slate-800">
            {t('filter.office')}
          </label>
          <select id="office" name="office" defaultValue={filterValues.office ?? ''} className={inputClass}>
            <option value="">{t('filter.allOffices')}</option>
            {offices.map((office) => (
              <option key={office.id} value={office.id}>
                {office.name}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor="type" className="text-sm font-medium text-slate-800">
            {t('filter.type')}
          </label>
          <select id="type" name="type" defaultValue={filterValues.type ?? ''} className={inputClass}>
            <option value="">{t('filter.allTypes')}</option>
            {AUDIT_EVENT_TYPES.map((type) => (
              <option key={type} value={type}>
                {eventLabel(type, locale)}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor="from" className="text-sm font-medium text-slate-800">
            {t('filter.from')}
          </label>
          <input id="from" name="from" type="date" defaultValue={filterValues.from} className={inputClass} />
        </div>
        <div>
          <label htmlFor="to" className="text-sm font-medium text-slate-800">
            {t('filter.to')}
          </label>
          <input id="to" name="to" type="date" defaultValue={filterValues.to} className={inputClass} />
        </div>
        <div className="flex items-end gap-3 sm:col-span-3 lg:col-span-6">
          <button type="submit" className={buttonClass('primary')}>
            {t('filter.submit')}
          </button>
          <Link href="/helpdesk/audit" className="text-sm font-medium text-slate-600 underline">
            {t('filter.clear')}
          </Link>
          <a href={`/helpdesk/audit/export${withParams({})}`} className={`ml-auto ${buttonClass('secondary')}`} download>
            {t('filter.export')}
          </a>
        </div>
      </form>

      {errors.length > 0 && <Notice tone="error">{errors.map((error) => translateMessage(locale, error)).join(' ')}</Notice>}
      <AuditTable events={events} caption={t('caption')} />
      <nav aria-label={t('pages')} className="flex justify-between">
        {cursor ? (
          <Link href={withParams({})} className="text-sm font-medium text-brand-700 underline">
            {t('newest')}
          </Link>
        ) : (
          <span />
        )}
        {nextCursor && (
          <Link href={withParams({ cursor: String(nextCursor) })} className="text-sm font-medium text-brand-700 underline">
            {t('older')}
          </Link>
        )}
      </nav>
    </div>
  );
}
