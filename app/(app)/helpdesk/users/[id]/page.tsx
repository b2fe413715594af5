import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { requireHelpdeskAgent } from '@/lib/auth/guards';
import { getUserFacts } from '@/lib/helpdesk/find-users';
import { queryAuditEvents } from '@/lib/audit/query-audit-events';
import { formatDateTime } from '@/lib/format';
import { Card } from '@/components/ui/card';
import { Notice } from '@/components/ui/notice';
import { AuditTable } from '@/components/helpdesk/audit-table';
import { TwoFactorBadge } from '@/components/helpdesk/two-factor-badge';
import { ResetTwoFactorForm } from '@/components/helpdesk/reset-two-factor-form';
import { UnlockForm } from '@/components/helpdesk/unlock-form';
import { RememberedBrowserCount } from '@/components/helpdesk/remembered-browser-count';

export const metadata: Metadata = { title: 'User · Helpdesk' };

type Props = { params: Promise<{ id: string }> };

export default async function HelpdeskUserPage({ params }: Props) {
  const agent = await requireHelpdeskAgent();
  const { id } = await params;
  const user = await getUserFacts(id);
  if (!user) notFound();
  const { events } = await queryAuditEvents({ userId: user.id }, { limit: 20 });
  const isSelf = user.id === agent.user.id;

  return (
    <div className="space-y-6">
      <Link href="/helpdesk" className="text-sm font-medium text-slate-600 underline">
        ← Back to search
      </Link>
      <Card>
        <h1 className="text-2xl font-semibold tracking-tight">{user.name}</h1>
        <dl className="mt-4 grid grid-cols-1 gap-x-6 gap-y-3 text-sm sm:grid-cols-2">
          <div>
            <dt className="text-slate-600">E-mail address</dt>
            <dd className="font-medium">{user.email}</dd>
          </div>
          <div>
            <dt className="text-slate-600">Office</dt>
            <dd className="font-medium">{user.officeName ?? '—'}</dd>
          </div>
          <div>
            <dt className="text-slate-600">Role</dt>
            <dd className="font-medium">{user.role}</dd>
          </div>
          <div>
            <dt className="text-slate-600">Two-factor authentication</dt>
            <dd>
              <TwoFactorBadge twoFactor={user.twoFactor} />
            </dd>
          </div>
          <div>
            <dt className="text-slate-600">Last sign-in</dt>
            <dd className="font-medium">{user.lastSignInAt ? formatDateTime(user.lastSignInAt) : 'Never'}</dd>
          </div>
          <div>
            <dt className="text-slate-600">Locked</dt>
            <dd className="font-medium">{user.lockedUntil ? `Until ${formatDateTime(user.lockedUntil)}` : 'No'}</dd>
          </div>
          <RememberedBrowserCount userId={user.id} />
        </dl>
      </Card>

      {isSelf ? (
        <Notice tone="info">This is your own account. Another agent must reset or unlock it.</Notice>
      ) : (
        <>
          {user.twoFactor.status !== 'off' && (
            <Card>
              <h2 className="text-lg font-semibold">Reset 2FA</h2>
              <p className="mt-1 text-sm text-slate-600">
                For a user who lost the phone with their authentication app. First confirm the caller&rsquo;s identity with the checks below; do not reset on
                the caller&rsquo;s word alone.
              </p>
              <div className="mt-5">
                <ResetTwoFactorForm user={{ id: user.id, name: user.name, email: user.email }} />
              </div>
            </Card>
          )}
          {user.lockedUntil && (
            <Card>
              <h2 className="text-lg font-semibold">Unlock account</h2>
              <p className="mt-1 text-sm text-slate-600">The account is locked after too many wrong passwords or codes. Unlock it now instead of waiting.</p>
              <div className="mt-5">
                <UnlockForm userId={user.id} />
              </div>
            </Card>
          )}
        </>
      )}

      <section className="space-y-3">
        <div className="flex items-center justify-between">
          <h2 className="text-lg font-semibold">Recent security events</h2>
          <Link href={`/helpdesk/audit?user=${encodeURIComponent(user.email)}`} className="text-sm font-medium text-brand-700 underline">
            All events
          </Link>
        </div>
        <AuditTable events={events} caption={`Recent security events of ${user.name}`} />
      </section>
    </div>
  );
}
