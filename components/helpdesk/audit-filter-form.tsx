import Link from 'next/link';
import { eventLabel } from '@/lib/audit/events';
import { getRequestLocale, getTranslator } from '@/lib/i18n/server';
import { EMAIL_MAX_LENGTH } from '@/lib/auth/email-address';
import { buttonClass } from '@/components/ui/button-class';

const inputClass = 'mt-1 block w-full rounded-md border-0 px-3 py-2 text-sm shadow-sm ring-1 ring-inset ring-slate-300 focus:ring-2 focus:ring-brand-600';

type Props = {
  /** The listing's path: the form's "Clear" and the export (`<path>/export`) are under it. */
  path: string;
  filterValues: Record<string, string>;
  types: readonly string[];
  /** The office filter's choices; none in an office's own view. */
  offices?: Array<{ id: string; name: string }>;
};

/** The audit log's filters as a GET form (shareable links, works without JavaScript), for the helpdesk's log and an office's. */
export async function AuditFilterForm({ path, filterValues, types, offices }: Props) {
  const [t, locale] = await Promise.all([getTranslator('audit'), getRequestLocale()]);
  const exportQuery = new URLSearchParams(filterValues).toString();
  return (
    <form className="grid grid-cols-1 gap-4 rounded-lg bg-white p-4 ring-1 ring-slate-200 sm:grid-cols-3 lg:grid-cols-6">
      <div className="sm:col-span-2">
        <label htmlFor="user" className="text-sm font-medium text-slate-800">
          {t('filter.user')}
        </label>
        <input id="user" name="user" type="email" defaultValue={filterValues.user} maxLength={EMAIL_MAX_LENGTH} className={inputClass} />
      </div>
      {offices && (
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
      )}
      <div>
        <label htmlFor="type" className="text-sm font-medium text-slate-800">
          {t('filter.type')}
        </label>
        <select id="type" name="type" defaultValue={filterValues.type ?? ''} className={inputClass}>
          <option value="">{t('filter.allTypes')}</option>
          {types.map((type) => (
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
        <Link href={path} className="text-sm font-medium text-slate-600 underline">
          {t('filter.clear')}
        </Link>
        <a href={`${path}/export${exportQuery ? `?${exportQuery}` : ''}`} className={`ml-auto ${buttonClass('secondary')}`} download>
          {t('filter.export')}
        </a>
      </div>
    </form>
  );
}
