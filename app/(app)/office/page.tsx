import type { Metadata } from 'next';
import Link from 'next/link';
import { requireOfficeAdmin } from '@/lib/auth/guards';
import { getOfficeOverview } from '@/lib/offices/office-overview';
import { listOfficeMembers } from '@/lib/offices/list-office-members';
import { MAX_GRACE_DAYS } from '@/lib/offices/two-factor-deadline';
import { getDateFormat, getTranslator } from '@/lib/i18n/server';
import { Card } from '@/components/ui/card';
import { Notice } from '@/components/ui/notice';
import { RequirementForm } from '@/components/office/requirement-form';
import { RememberBrowserSetting } from '@/components/office/remember-browser-setting';
import { OfficeAlertsSetting } from '@/components/office/office-alerts-setting';
import { MemberList } from '@/components/office/member-list';
import { RemindersNowCard } from '@/components/office/reminders-now-card';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslator('office'))('title') };
}

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function OfficePage({ searchParams }: Props) {
  const { user } = await requireOfficeAdmin();
  const params = await searchParams;
  const [office, members, t, tMembers] = await Promise.all([
    getOfficeOverview(user.officeId),
    listOfficeMembers(user.officeId, params),
    getTranslator('office'),
    getTranslator('officeMembers'),
  ]);
  const saved = params.saved === '1';
  // Deadlines in the admin's own time zone, named: the admin may compare them with a colleague's, or be elsewhere.
  const format = await getDateFormat();

  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-semibold tracking-tight">{office.name}</h1>
        <p className="mt-1 text-slate-600">{t('description')}</p>
      </div>
      {saved && <Notice tone="success">{t('saved')}</Notice>}
      <Card>
        <h2 className="text-lg font-semibold">{t('requirement.heading')}</h2>
        {office.twoFactorRequired && office.twoFactorDeadline && (
          <p className="mt-1 text-sm text-slate-700" data-testid="office-deadline">
            {t('requirement.deadline', { deadline: format.dateTimeWithZone(office.twoFactorDeadline) })}
          </p>
        )}
        <div className="mt-5">
          <RequirementForm required={office.twoFactorRequired} graceDays={office.twoFactorGraceDays} maxGraceDays={MAX_GRACE_DAYS} />
        </div>
      </Card>
      <RemindersNowCard officeId={user.officeId} />
      <RememberBrowserSetting officeId={user.officeId} />
      <OfficeAlertsSetting adminId={user.id} />
      <p>
        <Link href="/office/audit" className="text-sm font-medium text-brand-700 underline">
          {tMembers('auditLink')}
        </Link>
      </p>
      <MemberList officeName={office.name} view={members} />
    </div>
  );
}
