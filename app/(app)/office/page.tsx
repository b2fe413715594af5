import type { Metadata } from 'next';
import { requireOfficeAdmin } from '@/lib/auth/guards';
import { getOfficeOverview } from '@/lib/offices/office-overview';
import { MAX_GRACE_DAYS } from '@/lib/offices/two-factor-deadline';
import { formatDateTime } from '@/lib/format';
import { Card } from '@/components/ui/card';
import { Notice } from '@/components/ui/notice';
import { RequirementForm } from '@/components/office/requirement-form';
import { RememberBrowserSetting } from '@/components/office/remember-browser-setting';

export const metadata: Metadata = { title: 'Office' };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function OfficePage({ searchParams }: Props) {
  const { user } = await requireOfficeAdmin();
  const office = await getOfficeOverview(user.officeId);
  const saved = (await searchParams).saved === '1';

  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-semibold tracking-tight">{office.name}</h1>
        <p className="mt-1 text-slate-600">Two-factor authentication for all users in your office.</p>
      </div>
      {saved && <Notice tone="success">The setting is saved.</Notice>}
      <Card>
        <h2 className="text-lg font-semibold">Requirement</h2>
        {office.twoFactorRequired && office.twoFactorDeadline && (
          <p className="mt-1 text-sm text-slate-700" data-testid="office-deadline">
            Required since this office turned it on. Deadline for current users: {formatDateTime(office.twoFactorDeadline)}.
          </p>
        )}
        <div className="mt-5">
          <RequirementForm required={office.twoFactorRequired} graceDays={office.twoFactorGraceDays} maxGraceDays={MAX_GRACE_DAYS} />
        </div>
      </Card>
      <RememberBrowserSetting officeId={user.officeId} />
      <section>
        <h2 className="text-lg font-semibold">Users</h2>
        <div className="mt-3 overflow-x-auto rounded-lg ring-1 ring-slate-200">
          <table className="min-w-full divide-y divide-slate-200 bg-white text-sm">
            <caption className="sr-only">Users of {office.name} and their two-factor authentication</caption>
            <thead className="bg-slate-50 text-left text-xs font-semibold uppercase tracking-wide text-slate-600">
              <tr>
                <th scope="col" className="px-3 py-2">
                  User
                </th>
                <th scope="col" className="px-3 py-2">
                  2FA
                </th>
                <th scope="col" className="px-3 py-2">
                  Grace period
                </th>
                <th scope="col" className="px-3 py-2">
                  Last sign-in
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
                  <td className="px-3 py-2">{member.twoFactorOn ? 'On' : 'Off'}</td>
                  <td className="px-3 py-2 text-slate-700">
                    {member.grace ? (member.grace.passed ? 'Past: must enable at login' : `Until ${formatDateTime(member.grace.deadline)}`) : '—'}
                  </td>
                  <td className="px-3 py-2 text-slate-700">{member.lastSignInAt ? formatDateTime(member.lastSignInAt) : 'Never'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>
    </div>
  );
}
