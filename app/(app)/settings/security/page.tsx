import type { Metadata } from 'next';
import Link from 'next/link';
import { requireActiveSession } from '@/lib/auth/guards';
import { queryOwnSecurityEvents } from '@/lib/audit/query-own-security-events';
import { parseEventCursor } from '@/lib/audit/event-cursor';
import { countOtherSessions } from '@/lib/auth/sign-out-other-sessions';
import { signOutEverywhereElse } from './actions';
import { Card } from '@/components/ui/card';
import { Notice } from '@/components/ui/notice';
import { SubmitButton } from '@/components/ui/submit-button';
import { SecurityActivityTable } from '@/components/security/security-activity-table';
import { ChangePasswordLink } from '@/components/password/change-password-link';

export const metadata: Metadata = { title: 'Security activity' };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);

export default async function SecurityActivityPage({ searchParams }: Props) {
  const { user, sessionId } = await requireActiveSession();
  const params = await searchParams;
  // A cursor that is not an event id shows the newest page; any cursor stays within the user's own events.
  const cursor = parseEventCursor(first(params.cursor)) ?? undefined;
  const [{ events, nextCursor }, otherSessions] = await Promise.all([queryOwnSecurityEvents(user.id, { cursor }), countOtherSessions(user.id, sessionId)]);
  const signedOutElsewhere = first(params.notice) === 'signed-out-elsewhere';

  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-semibold tracking-tight">Security activity</h1>
        <p className="mt-1 text-slate-600">
          Recent logins and changes to the security of your account, newest first. If you see something you did not do, change your password and contact the
          helpdesk.
        </p>
      </div>

      {signedOutElsewhere && <Notice tone="success">You are now signed out everywhere else. Only this browser is still signed in.</Notice>}
      <ChangePasswordLink variant="security" />

      <Card>
        <h2 className="text-lg font-semibold">Sign out everywhere else</h2>
        <p className="mt-1 text-sm text-slate-700" data-testid="other-sessions">
          {otherSessions === 0
            ? 'No other browser is signed in to your account.'
            : `${otherSessions} other ${otherSessions === 1 ? 'browser is' : 'browsers are'} signed in to your account.`}{' '}
          Left yourself signed in on a shared computer, or see a login you do not recognise? End every session but this one.
        </p>
        <form action={signOutEverywhereElse} className="mt-4">
          <SubmitButton variant="secondary" pendingLabel="Signing out…">
            Sign out everywhere else
          </SubmitButton>
        </form>
      </Card>

      <section className="space-y-3">
        <h2 className="text-lg font-semibold">Recent events</h2>
        <SecurityActivityTable events={events} />
        <nav aria-label="Pages" className="flex justify-between">
          {cursor ? (
            <Link href="/settings/security" className="text-sm font-medium text-brand-700 underline">
              Newest
            </Link>
          ) : (
            <span />
          )}
          {nextCursor && (
            <Link href={`/settings/security?cursor=${nextCursor}`} className="text-sm font-medium text-brand-700 underline">
              Older events →
            </Link>
          )}
        </nav>
      </section>
    </div>
  );
}
