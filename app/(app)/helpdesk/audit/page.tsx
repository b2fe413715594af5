import type { Metadata } from 'next';
import Link from 'next/link';
import { requireHelpdeskAgent } from '@/lib/auth/guards';
import { readAuditLog } from '@/lib/audit/read-audit-log';
import { AUDIT_EVENT_TYPES } from '@/lib/audit/events';
import { getRequestLocale, getTranslator, translateMessage } from '@/lib/i18n/server';
import { AuditTable } from '@/components/helpdesk/audit-table';
import { AuditFilterForm } from '@/components/helpdesk/audit-filter-form';
import { AuditPager } from '@/components/helpdesk/audit-pager';
import { Notice } from '@/components/ui/notice';

export async function generateMetadata(): Promise<Metadata> {
  const [t, tHelpdesk] = await Promise.all([getTranslator('audit'), getTranslator('helpdesk')]);
  return { title: `${t('title')} · ${tHelpdesk('title')}` };
}

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function AuditLogPage({ searchParams }: Props) {
  await requireHelpdeskAgent();
  const { filterValues, errors, cursor, events, nextCursor, offices } = await readAuditLog(await searchParams);
  const [t, tHelpdesk, locale] = await Promise.all([getTranslator('audit'), getTranslator('helpdesk'), getRequestLocale()]);

  return (
    <div className="space-y-6">
      <div>
        <Link href="/helpdesk" className="text-sm font-medium text-slate-600 underline">
          ← {tHelpdesk('title')}
        </Link>
        <h1 className="mt-2 text-2xl font-semibold tracking-tight">{t('title')}</h1>
        <p className="mt-1 text-slate-600">{t('intro')}</p>
      </div>

      <AuditFilterForm path="/helpdesk/audit" filterValues={filterValues} types={AUDIT_EVENT_TYPES} offices={offices} />

      {errors.length > 0 && <Notice tone="error">{errors.map((error) => translateMessage(locale, error)).join(' ')}</Notice>}
      <AuditTable events={events} caption={t('caption')} />
      <AuditPager filterValues={filterValues} cursor={cursor} nextCursor={nextCursor} />
    </div>
  );
}
