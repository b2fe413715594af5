import type { Metadata } from 'next';
import { requireOfficeAdmin } from '@/lib/auth/guards';
import { getOfficeOverview } from '@/lib/offices/office-overview';
import { MAX_GRACE_DAYS } from '@/lib/offices/two-factor-deadline';
import { getDateFormat, getTranslator } from '@/lib/i18n/server';
import { Card } from '@/components/ui/card';
import { Notice } from '@/components/ui/notice';
import { RequirementForm } from '@/components/office/requirement-form';
import { RememberBrowserSetting } from '@/components/office/remember-browser-setting';
import { RemindersNowCard } from '@/components/office/reminders-now-card';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslator('office'))('title') };
}

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function OfficePage({ searchParams }: Props) {
  const { user } = await requireOfficeAdmin();
  const office = await getOfficeOverview(user.officeId);
  const saved = (await searchParams).saved === '1';
  const t = await getTranslator('office');
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
      <section>
        <h2 className="text-lg font-semibold">{t('members.heading')}</h2>
        <div className="mt-3 overflow-x-auto rounded-lg ring-1 ring-slate-200">
          <table className="min-w-full divide-y divide-slate-200 bg-white text-sm">
            <caption className="sr-only">{t('members.caption', { office: office.name })}</caption>
            <thead className="bg-slate-50 text-left text-xs font-semibold uppercase tracking-wide text-slate-600">
              <tr>
                <th scope="col" className="px-3 py-2">
                  {t('members.user')}
                </th>
                <th scope="col" className="px-3 py-2">
                  {t('members.twoFactor')}
                </th>
                <th scope="col" className="px-3 py-2">
                  {t('members.grace')}
                </th>
                <th scope="col" className="px-3 py-2">
                  {t('members.lastSignIn')}
                </th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {office.members.map((member) => (
                <tr key={member.id} data-testid="office-member">
                  <td className="px-3 py-2">
                    <div className="font-medium text-slate-900">{member.name}</div>
                    <div className="text-slate-600">{member.email}</div>
                  </td>
                  <td className="px-3 py-2">{member.twoFactorOn ? t('members.on') : t('members.off')}</td>
                  <td className="px-3 py-2 text-slate-700">
                    {member.grace
                      ? member.grace.passed
                        ? t('members.gracePassed')
                        : t('members.graceUntil', { deadline: format.dateTimeWithZone(member.grace.deadline) })
                      : '—'}
                  </td>
                  <td className="px-3 py-2 text-slate-700">{member.lastSignInAt ? format.dateTimeWithZone(member.lastSignInAt) : t('members.never')}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>
    </div>
  );
}
