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
import { SecurityActivityTable, securityActivityRows } from '@/components/security/security-activity-table';
import { getTranslator } from '@/lib/i18n/server';
import { SessionList } from '@/components/security/session-list';
import { RememberedBrowsers } from '@/components/security/remembered-browsers';
import { ChangePasswordLink } from '@/components/password/change-password-link';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslator('security'))('title') };
}

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);

export default async function SecurityActivityPage({ searchParams }: Props) {
  const { user, sessionId } = await requireActiveSession();
  const params = await searchParams;
  // A cursor that is not an event id shows the newest page; any cursor stays within the user's own events.
  const cursor = parseEventCursor(first(params.cursor)) ?? undefined;
  const [{ events, nextCursor }, otherSessions] = await Promise.all([queryOwnSecurityEvents(user.id, { cursor }), countOtherSessions(user.id, sessionId)]);
  const signedOutElsewhere = first(params.notice) === 'signed-out-elsewhere';
  const t = await getTranslator('security');
  const rows = await securityActivityRows(events);

  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-semibold tracking-tight">{t('title')}</h1>
        <p className="mt-1 text-slate-600">{t('intro')}</p>
      </div>

      {signedOutElsewhere && <Notice tone="success">{t('signedOutElsewhere')}</Notice>}
      <ChangePasswordLink variant="security" />

      <SessionList userId={user.id} sessionId={sessionId} notice={first(params.session)} />
      <Card>
        <h2 className="text-lg font-semibold">{t('elsewhere.heading')}</h2>
        <p className="mt-1 text-sm text-slate-700" data-testid="other-sessions">
          {otherSessions === 0 ? t('elsewhere.none') : t('elsewhere.some', { count: otherSessions })} {t('elsewhere.advice')}
        </p>
        <form action={signOutEverywhereElse} className="mt-4">
          <SubmitButton variant="secondary" pendingLabel={t('elsewhere.submitting')}>
            {t('elsewhere.submit')}
          </SubmitButton>
        </form>
      </Card>
      <RememberedBrowsers userId={user.id} />

      <section className="space-y-3">
        <h2 className="text-lg font-semibold">{t('events.heading')}</h2>
        <SecurityActivityTable events={rows} />
        <nav aria-label={t('events.pages')} className="flex justify-between">
          {cursor ? (
            <Link href="/settings/security" className="text-sm font-medium text-brand-700 underline">
              {t('events.newest')}
            </Link>
          ) : (
            <span />
          )}
          {nextCursor && (
            <Link href={`/settings/security?cursor=${nextCursor}`} className="text-sm font-medium text-brand-700 underline">
              {t('events.older')}
            </Link>
          )}
        </nav>
      </section>
    </div>
  );
}
