import { getDateFormat, getTranslator } from '@/lib/i18n/server';
import { listOwnSessions, type OwnSession } from '@/lib/sessions/list-own-sessions';
import { signOutSession } from '@/app/(app)/settings/security/session-actions';
import { Card } from '@/components/ui/card';
import { Notice } from '@/components/ui/notice';
import { SubmitButton } from '@/components/ui/submit-button';

type Props = {
  userId: string;
  /** This browser's session: marked, and without a Sign out button (Log out is for that). */
  sessionId: string;
  /** The answer of the last Sign out, from the page's query string (?session=ended | not-found). */
  notice?: string;
};

/** The user's signed-in sessions on the Security page, each other one with its own Sign out (S20). */
export async function SessionList({ userId, sessionId, notice }: Props) {
  const [sessions, t, format] = await Promise.all([listOwnSessions(userId, sessionId), getTranslator('sessions'), getDateFormat()]);
  const nameOf = (session: OwnSession) =>
    session.browser && session.system
      ? t('browserOnSystem', { browser: session.browser, system: session.system })
      : (session.browser ?? session.system ?? t('unknownBrowser'));

  return (
    <Card>
      <h2 className="text-lg font-semibold">{t('title')}</h2>
      <p className="mt-1 text-sm text-slate-700">{t('intro')}</p>
      {notice === 'ended' && (
        <div className="mt-4">
          <Notice tone="success">{t('ended')}</Notice>
        </div>
      )}
      {notice === 'not-found' && (
        <div className="mt-4">
          <Notice tone="info">{t('notFound')}</Notice>
        </div>
      )}
      <ul className="mt-4 divide-y divide-slate-100" data-testid="session-list">
        {sessions.map((session) => (
          <li key={session.id} className="flex flex-wrap items-center justify-between gap-3 py-3" data-testid="session">
            <div className="text-sm">
              <p className="font-medium text-slate-900">
                {nameOf(session)}
                {session.isThisBrowser && (
                  <span className="ml-2 rounded-full bg-emerald-50 px-2 py-0.5 text-xs font-semibold text-emerald-800 ring-1 ring-emerald-200">
                    {t('thisBrowser')}
                  </span>
                )}
              </p>
              <dl className="mt-1 grid grid-cols-[auto_1fr] gap-x-3 text-slate-600">
                <dt>{t('ipAddress')}</dt>
                <dd className="font-mono text-xs leading-5">{session.ip ?? t('unknownIp')}</dd>
                <dt>{t('startedAt')}</dt>
                <dd>{format.dateTimeWithZone(session.startedAt)}</dd>
                <dt>{t('lastActiveAt')}</dt>
                <dd>{format.dateTimeWithZone(session.lastActiveAt)}</dd>
              </dl>
            </div>
            {!session.isThisBrowser && (
              <form action={signOutSession} aria-label={t('signOutNamed', { browser: nameOf(session) })}>
                <input type="hidden" name="sessionId" value={session.id} />
                <SubmitButton variant="secondary" pendingLabel={t('signingOut')}>
                  {t('signOut')}
                </SubmitButton>
              </form>
            )}
          </li>
        ))}
      </ul>
    </Card>
  );
}
