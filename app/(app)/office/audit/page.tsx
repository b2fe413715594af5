import type { Metadata } from 'next';
import Link from 'next/link';
import { requireOfficeAdminOrNotFound } from '@/lib/auth/guards';
import { readAuditLog } from '@/lib/audit/read-audit-log';
import { OFFICE_AUDIT_EVENT_TYPES } from '@/lib/audit/office-audit-events';
import { db } from '@/lib/db';
import { getRequestLocale, getTranslator, translateMessage } from '@/lib/i18n/server';
import { AuditTable } from '@/components/helpdesk/audit-table';
import { AuditFilterForm } from '@/components/helpdesk/audit-filter-form';
import { AuditPager } from '@/components/helpdesk/audit-pager';
import { Notice } from '@/components/ui/notice';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslator('officeMembers'))('audit.title') };
}

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

/** The office's own audit view, read-only: its members' 2FA events and its settings, its admins only (others get 404). */
export default async function OfficeAuditPage({ searchParams }: Props) {
  const { user } = await requireOfficeAdminOrNotFound();
  const scope = { officeId: user.officeId };
  const [{ filterValues, errors, cursor, events, nextCursor }, office] = await Promise.all([
    readAuditLog(await searchParams, scope),
    db.office.findUniqueOrThrow({ where: { id: user.officeId }, select: { name: true } }),
  ]);
  const [t, tOffice, locale] = await Promise.all([getTranslator('officeMembers'), getTranslator('office'), getRequestLocale()]);

  return (
    <div className="space-y-6">
      <div>
        <Link href="/office" className="text-sm font-medium text-slate-600 underline">
          ← {tOffice('title')}
        </Link>
        <h1 className="mt-2 text-2xl font-semibold tracking-tight">{t('audit.title')}</h1>
        <p className="mt-1 text-slate-600">{t('audit.intro', { office: office.name })}</p>
      </div>
      <AuditFilterForm path="/office/audit" filterValues={filterValues} types={OFFICE_AUDIT_EVENT_TYPES} />
      {errors.length > 0 && <Notice tone="error">{errors.map((error) => translateMessage(locale, error)).join(' ')}</Notice>}
      <AuditTable events={events} caption={t('audit.caption', { office: office.name })} />
      <AuditPager filterValues={filterValues} cursor={cursor} nextCursor={nextCursor} />
    </div>
  );
}
