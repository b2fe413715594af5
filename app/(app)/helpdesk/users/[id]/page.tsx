import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { requireHelpdeskAgent } from '@/lib/auth/guards';
import { getUserFacts } from '@/lib/helpdesk/find-users';
import { queryAuditEvents } from '@/lib/audit/query-audit-events';
import { getDateFormat, getTranslator } from '@/lib/i18n/server';
import { Card } from '@/components/ui/card';
import { Notice } from '@/components/ui/notice';
import { AuditTable } from '@/components/helpdesk/audit-table';
import { TwoFactorBadge } from '@/components/helpdesk/two-factor-badge';
import { ResetTwoFactorForm } from '@/components/helpdesk/reset-two-factor-form';
import { UnlockForm } from '@/components/helpdesk/unlock-form';
import { ROLE_LABELS } from '@/components/helpdesk/role-label';
import { SignOutEverywhereForm } from '@/components/helpdesk/sign-out-everywhere-form';
import { RememberedBrowserCount } from '@/components/helpdesk/remembered-browser-count';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslator('helpdesk'))('user.title') };
}

type Props = { params: Promise<{ id: string }> };

export default async function HelpdeskUserPage({ params }: Props) {
  const agent = await requireHelpdeskAgent();
  const { id } = await params;
  const user = await getUserFacts(id);
  if (!user) notFound();
  const { events } = await queryAuditEvents({ userId: user.id }, { limit: 20 });
  const isSelf = user.id === agent.user.id;
  const [t, format] = await Promise.all([getTranslator('helpdesk'), getDateFormat()]);
  const keysText = await getTranslator('securityKeys.helpdesk');
  // Times with their zone named: an agent compares them with what a caller says.
  const lockedText = user.lockedUntil ? t('facts.lockedUntil', { when: format.dateTimeWithZone(user.lockedUntil) }) : t('facts.notLocked');

  return (
    <div className="space-y-6">
      <Link href="/helpdesk" className="text-sm font-medium text-slate-600 underline">
        {t('user.back')}
      </Link>
      <Card>
        <h1 className="text-2xl font-semibold tracking-tight">{user.name}</h1>
        <dl className="mt-4 grid grid-cols-1 gap-x-6 gap-y-3 text-sm sm:grid-cols-2">
          <div>
            <dt className="text-slate-600">{t('facts.email')}</dt>
            <dd className="font-medium">{user.email}</dd>
          </div>
          <div>
            <dt className="text-slate-600">{t('facts.office')}</dt>
            <dd className="font-medium">{user.officeName ?? '—'}</dd>
          </div>
          <div>
            <dt className="text-slate-600">{t('facts.role')}</dt>
            <dd className="font-medium">{t(`roles.${ROLE_LABELS[user.role]}`)}</dd>
          </div>
          <div>
            <dt className="text-slate-600">{t('facts.twoFactor')}</dt>
            <dd>
              <TwoFactorBadge twoFactor={user.twoFactor} />
            </dd>
          </div>
          {/* Which methods the user has (S24): the app and the number of security keys. */}
          <div>
            <dt className="text-slate-600">{keysText('methods')}</dt>
            <dd className="font-medium" data-testid="two-factor-methods">
              {[...(user.methods.app ? [keysText('app')] : []), keysText('keys', { count: user.methods.securityKeys })].join(', ')}
            </dd>
          </div>
          <div>
            <dt className="text-slate-600">{t('facts.lastSignIn')}</dt>
            <dd className="font-medium">{user.lastSignInAt ? format.dateTimeWithZone(user.lastSignInAt) : t('facts.never')}</dd>
          </div>
          <div>
            <dt className="text-slate-600">{t('facts.locked')}</dt>
            <dd className="font-medium">{lockedText}</dd>
          </div>
          <RememberedBrowserCount userId={user.id} />
        </dl>
      </Card>

      {isSelf ? (
        <Notice tone="info">{t('user.ownAccount')}</Notice>
      ) : (
        <>
          {user.twoFactor.status !== 'off' && (
            <Card>
              <h2 className="text-lg font-semibold">{t('user.resetTitle')}</h2>
              <p className="mt-1 text-sm text-slate-600">{t('user.resetIntro')}</p>
              <div className="mt-5">
                <ResetTwoFactorForm user={{ id: user.id, name: user.name, email: user.email }} />
              </div>
            </Card>
          )}
          {user.lockedUntil && (
            <Card>
              <h2 className="text-lg font-semibold">{t('user.unlockTitle')}</h2>
              <p className="mt-1 text-sm text-slate-600">{t('user.unlockIntro')}</p>
              <div className="mt-5">
                <UnlockForm userId={user.id} />
              </div>
            </Card>
          )}
          <SignOutEverywhereForm userId={user.id} />
        </>
      )}

      <section className="space-y-3">
        <div className="flex items-center justify-between">
          <h2 className="text-lg font-semibold">{t('user.recentEvents')}</h2>
          <Link href={`/helpdesk/audit?user=${encodeURIComponent(user.email)}`} className="text-sm font-medium text-brand-700 underline">
            {t('user.allEvents')}
          </Link>
        </div>
        <AuditTable events={events} caption={t('user.eventsCaption', { name: user.name })} />
      </section>
    </div>
  );
}
