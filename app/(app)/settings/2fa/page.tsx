import type { Metadata } from 'next';
import Link from 'next/link';
import { requireEnrolmentAccess } from '@/lib/auth/guards';
import { hasPendingEnrolment } from '@/lib/two-factor/read-enrolment';
import { countUnusedRecoveryCodes } from '@/lib/two-factor/recovery-codes';
import { unusedRecoveryCodes } from '@/lib/two-factor/messages';
import { getDateFormat, getTranslator, translate } from '@/lib/i18n/server';
import { beginEnrolment } from './actions';
import { Card } from '@/components/ui/card';
import { SubmitButton } from '@/components/ui/submit-button';
import { buttonClass } from '@/components/ui/button-class';
import { Notice } from '@/components/ui/notice';
import { SecurityKeysSection } from '@/components/security-keys/security-keys-section';
import { hasAuthenticatorApp, listSecurityKeys } from '@/lib/webauthn/manage-keys';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslator('manage2fa'))('title') };
}

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function ManageTwoFactorPage({ searchParams }: Props) {
  const { user } = await requireEnrolmentAccess();
  const requiredForHelpdesk = user.role === 'HELPDESK' && (await searchParams).required === 'helpdesk';
  const enabledAt = user.twoFactorEnabledAt;
  const enrolmentOpen = !enabledAt && (await hasPendingEnrolment(user.id));
  const codesLeft = enabledAt ? await countUnusedRecoveryCodes(user.id) : 0;
  const t = await getTranslator('manage2fa');
  const format = await getDateFormat();
  const keys = await listSecurityKeys(user.id);
  const hasApp = enabledAt ? await hasAuthenticatorApp(user.id) : false;
  const keyRemoved = (await searchParams).key === 'removed';
  const keysText = await getTranslator('securityKeys');

  return (
    <Card className="max-w-2xl">
      <h1 className="text-2xl font-semibold tracking-tight">{t('title')}</h1>
      <div className="mt-4 flex items-center gap-2">
        <span className="text-sm font-medium text-slate-700">{t('status.label')}</span>
        <span
          data-testid="two-factor-status"
          className={`rounded-full px-2.5 py-0.5 text-sm font-semibold ${enabledAt ? 'bg-emerald-100 text-emerald-800' : 'bg-slate-200 text-slate-800'}`}
        >
          {enabledAt ? t('status.on') : t('status.off')}
        </span>
      </div>
      {keyRemoved && (
        <div className="mt-4">
          <Notice tone="success">{keysText('remove.done')}</Notice>
        </div>
      )}

      {enabledAt ? (
        <>
          <p className="mt-4 text-slate-700">{t('enabled.body', { date: format.date(enabledAt) })}</p>
          {/* 2FA on with keys alone: the app can be added beside them (its own flow, unchanged). */}
          <section className="mt-6 border-t border-slate-200 pt-6" aria-labelledby="authenticator-app-heading">
            <h2 id="authenticator-app-heading" className="text-lg font-semibold">
              {keysText('manage.appHeading')}
            </h2>
            {hasApp ? (
              <p className="mt-1 text-slate-700">{keysText('manage.appOn')}</p>
            ) : (
              <form action={beginEnrolment} className="mt-3">
                <SubmitButton variant="secondary" pendingLabel={t('notEnabled.preparing')}>
                  {keysText('manage.addApp')}
                </SubmitButton>
              </form>
            )}
          </section>
          <SecurityKeysSection keys={keys} accountEmail={user.email} />
          <section className="mt-6 border-t border-slate-200 pt-6" aria-labelledby="recovery-codes-heading">
            <h2 id="recovery-codes-heading" className="text-lg font-semibold">
              {t('enabled.recoveryCodesHeading')}
            </h2>
            <p className="mt-1 text-slate-700">{t('enabled.recoveryCodesIntro')}</p>
            <p className="mt-2 font-medium text-slate-900" data-testid="recovery-codes-left">
              {await translate(unusedRecoveryCodes(codesLeft))}
            </p>
            <Link href="/settings/2fa/recovery-codes" className={`mt-4 ${buttonClass('secondary')}`}>
              {t('enabled.generateRecoveryCodes')}
            </Link>
          </section>
          <div className="mt-6 border-t border-slate-200 pt-6">
            <Link href="/settings/2fa/disable" className={buttonClass('secondary')}>
              {t('enabled.disable')}
            </Link>
          </div>
        </>
      ) : (
        <>
          {user.mustEnrolNow && (
            <div className="mt-4">
              <Notice tone="warning" title={t('notEnabled.officeRequiredTitle')}>
                {t('notEnabled.officeRequiredBody')}
              </Notice>
            </div>
          )}
          {requiredForHelpdesk && (
            <div className="mt-4">
              <Notice tone="warning" title={t('notEnabled.helpdeskRequiredTitle')}>
                {t('notEnabled.helpdeskRequiredBody')}
              </Notice>
            </div>
          )}
          <p className="mt-4 text-slate-700">{t('notEnabled.intro')}</p>
          <p className="mt-2 text-slate-700">{t('notEnabled.appNeeded')}</p>
          {enrolmentOpen && (
            <div className="mt-4">
              <Notice tone="info">{t('notEnabled.enrolmentOpen')}</Notice>
              <Link href="/settings/2fa/enable" className="mt-3 inline-block text-sm font-semibold text-brand-700 underline">
                {t('notEnabled.continueEnrolment')}
              </Link>
            </div>
          )}
          <form action={beginEnrolment} className="mt-6">
            <SubmitButton pendingLabel={t('notEnabled.preparing')}>{t('notEnabled.enable')}</SubmitButton>
          </form>
          <SecurityKeysSection keys={keys} accountEmail={user.email} />
        </>
      )}
    </Card>
  );
}
