import Link from 'next/link';
import { requireEnrolmentAccess } from '@/lib/auth/guards';
import { productConfig } from '@/lib/env';
import { NextIntlClientProvider } from 'next-intl';
import { getDateFormat, getRequestLocale, getTranslator, translate } from '@/lib/i18n/server';
import { clientMessages } from '@/lib/i18n/messages';
import { countUnusedRecoveryCodes } from '@/lib/two-factor/recovery-codes';
import { LOW_RECOVERY_CODES } from '@/lib/two-factor/recovery-code-format';
import { unusedRecoveryCodes } from '@/lib/two-factor/messages';
import { AppHeader } from '@/components/layout/app-header';

// Renders the header and the reminders (the office's 2FA, recovery codes) only; each page and action below still runs its own guard.
export default async function AppLayout({ children }: { children: React.ReactNode }) {
  const { user, secondFactor } = await requireEnrolmentAccess();
  const codesLeft = user.twoFactorEnabledAt ? await countUnusedRecoveryCodes(user.id) : null;
  const usedRecoveryCode = secondFactor === 'recovery_code';
  const codesLow = codesLeft !== null && codesLeft <= LOW_RECOVERY_CODES;
  const t = await getTranslator('layout');
  const format = await getDateFormat();
  return (
    <NextIntlClientProvider messages={clientMessages(await getRequestLocale(), 'app')}>
      <AppHeader appName={productConfig().APP_NAME} email={user.email} role={user.role} />
      {user.twoFactorDeadline && !user.mustEnrolNow && (
        <div className="border-b border-amber-200 bg-amber-50" role="status" data-testid="two-factor-banner">
          <p className="mx-auto max-w-5xl px-4 py-2.5 text-sm text-amber-900 sm:px-6">
            {t('banners.officeDeadline', { deadline: format.dateTimeWithZone(user.twoFactorDeadline) })}{' '}
            <Link href="/settings/2fa" className="font-semibold underline">
              {t('manage2fa')}
            </Link>
          </p>
        </div>
      )}
      {codesLeft !== null && (usedRecoveryCode || codesLow) && (
        <div
          className={`border-b ${codesLow ? 'border-amber-200 bg-amber-50' : 'border-brand-100 bg-brand-50'}`}
          role="status"
          data-testid="recovery-codes-banner"
        >
          <p className={`mx-auto max-w-5xl px-4 py-2.5 text-sm sm:px-6 ${codesLow ? 'text-amber-900' : 'text-brand-800'}`}>
            {usedRecoveryCode && `${t('banners.recoveryCodeUsed')} `}
            {await translate(unusedRecoveryCodes(codesLeft))}{' '}
            {codesLow ? (
              <>
                {t('banners.recoveryCodesLow')}{' '}
                <Link href="/settings/2fa/recovery-codes" className="font-semibold underline">
                  {t('banners.newRecoveryCodes')}
                </Link>
              </>
            ) : (
              <Link href="/settings/2fa" className="font-semibold underline">
                {t('manage2fa')}
              </Link>
            )}
          </p>
        </div>
      )}
      <main className="mx-auto max-w-5xl px-4 py-8 sm:px-6">{children}</main>
    </NextIntlClientProvider>
  );
}
