import type { Metadata } from 'next';
import Link from 'next/link';
import { redirect } from 'next/navigation';
import { hasAuthenticatorApp } from '@/lib/webauthn/manage-keys';
import { requireEnrolmentAccess } from '@/lib/auth/guards';
import { requireRecentSignIn } from '@/lib/auth/step-up';
import { productConfig } from '@/lib/env';
import { readEnrolment } from '@/lib/two-factor/read-enrolment';
import { getTranslator } from '@/lib/i18n/server';
import { Card } from '@/components/ui/card';
import { buttonClass } from '@/components/ui/button-class';
import { EnrolmentKey } from '@/components/two-factor/enrolment-key';
import { ConfirmEnrolmentForm } from '@/components/two-factor/confirm-enrolment-form';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslator('enable2fa'))('title') };
}

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function EnableTwoFactorPage({ searchParams }: Props) {
  const session = await requireEnrolmentAccess();
  const { user } = session;
  const confirming = (await searchParams).step === 'confirm';
  // Step 2 is rendered again with the answer of its own form, which has just turned 2FA on:
  // without JavaScript that render is the only place the new recovery codes are shown.
  // With security keys alone 2FA is on and the app can still be added: what counts here is the app.
  const hasApp = !!user.twoFactorEnabledAt && (await hasAuthenticatorApp(user.id));
  const justEnabled = confirming && hasApp;
  if (hasApp && !justEnabled) redirect('/settings/2fa');
  // S26: the new secret is shown only to a recent sign-in (or the password entered again).
  if (!justEnabled) await requireRecentSignIn(session);
  const enrolment = justEnabled ? null : await readEnrolment(user.id);
  if (!enrolment && !justEnabled) redirect('/settings/2fa');
  const t = await getTranslator('enable2fa');
  const common = await getTranslator('common');

  return (
    <Card className="max-w-2xl">
      <p className="text-sm font-medium text-brand-700">{t('step', { step: confirming ? 2 : 1, total: 2 })}</p>
      {confirming ? (
        <>
          <h1 className="mt-1 text-2xl font-semibold tracking-tight">{t('confirm.heading')}</h1>
          <p className="mt-2 text-slate-700">{t('confirm.intro')}</p>
          <div className="mt-6">
            <ConfirmEnrolmentForm accountEmail={user.email} appName={productConfig().APP_NAME} alreadyEnabled={justEnabled} />
          </div>
        </>
      ) : (
        <>
          <h1 className="mt-1 text-2xl font-semibold tracking-tight">{t('scan.heading')}</h1>
          <p className="mt-2 text-slate-700">{t('scan.intro')}</p>
          <div className="mt-6 flex flex-col gap-6 sm:flex-row sm:items-start">
            <div
              role="img"
              aria-label={t('scan.qrLabel')}
              data-testid="totp-qr"
              className="h-52 w-52 shrink-0 rounded-lg bg-white ring-1 ring-slate-200 [&>svg]:h-full [&>svg]:w-full"
              dangerouslySetInnerHTML={{ __html: enrolment!.qrSvg }}
            />
            <div className="space-y-4">
              <EnrolmentKey secret={enrolment!.key} />
              <p className="text-sm text-slate-600">{t('scan.noApp')}</p>
            </div>
          </div>
          <div className="mt-8 flex items-center justify-between gap-3">
            <Link href="/settings/2fa" className="text-sm font-medium text-slate-600 underline">
              {common('cancel')}
            </Link>
            <Link href="/settings/2fa/enable?step=confirm" className={buttonClass('primary')}>
              {common('next')}
            </Link>
          </div>
        </>
      )}
    </Card>
  );
}
