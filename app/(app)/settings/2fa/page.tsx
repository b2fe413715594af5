import type { Metadata } from 'next';
import Link from 'next/link';
import { requireEnrolmentAccess } from '@/lib/auth/guards';
import { hasPendingEnrolment } from '@/lib/two-factor/read-enrolment';
import { countUnusedRecoveryCodes } from '@/lib/two-factor/recovery-codes';
import { unusedRecoveryCodesText } from '@/lib/two-factor/messages';
import { beginEnrolment } from './actions';
import { Card } from '@/components/ui/card';
import { SubmitButton } from '@/components/ui/submit-button';
import { buttonClass } from '@/components/ui/button-class';
import { Notice } from '@/components/ui/notice';
import { formatDate } from '@/lib/format';

export const metadata: Metadata = { title: 'Manage 2FA' };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function ManageTwoFactorPage({ searchParams }: Props) {
  const { user } = await requireEnrolmentAccess();
  const requiredForHelpdesk = user.role === 'HELPDESK' && (await searchParams).required === 'helpdesk';
  const enabledAt = user.twoFactorEnabledAt;
  const enrolmentOpen = !enabledAt && (await hasPendingEnrolment(user.id));
  const codesLeft = enabledAt ? await countUnusedRecoveryCodes(user.id) : 0;

  return (
    <Card className="max-w-2xl">
      <h1 className="text-2xl font-semibold tracking-tight">Manage 2FA</h1>
      <div className="mt-4 flex items-center gap-2">
        <span className="text-sm font-medium text-slate-700">Two-factor authentication:</span>
        <span
          data-testid="two-factor-status"
          className={`rounded-full px-2.5 py-0.5 text-sm font-semibold ${enabledAt ? 'bg-emerald-100 text-emerald-800' : 'bg-slate-200 text-slate-800'}`}
        >
          {enabledAt ? 'On' : 'Off'}
        </span>
      </div>

      {enabledAt ? (
        <>
          <p className="mt-4 text-slate-700">
            Two-factor authentication is enabled for your account since {formatDate(enabledAt)}. When you log in, you enter your e-mail address and password,
            then the 6-digit code from your authentication app.
          </p>
          <section className="mt-6 border-t border-slate-200 pt-6" aria-labelledby="recovery-codes-heading">
            <h2 id="recovery-codes-heading" className="text-lg font-semibold">
              Recovery codes
            </h2>
            <p className="mt-1 text-slate-700">
              If you lose your phone, you can log in with a recovery code instead of the 6-digit code. Each code works once.
            </p>
            <p className="mt-2 font-medium text-slate-900" data-testid="recovery-codes-left">
              {unusedRecoveryCodesText(codesLeft)}
            </p>
            <Link href="/settings/2fa/recovery-codes" className={`mt-4 ${buttonClass('secondary')}`}>
              Generate new recovery codes
            </Link>
          </section>
          <div className="mt-6 border-t border-slate-200 pt-6">
            <Link href="/settings/2fa/disable" className={buttonClass('secondary')}>
              Disable 2FA
            </Link>
          </div>
        </>
      ) : (
        <>
          {user.mustEnrolNow && (
            <div className="mt-4">
              <Notice tone="warning" title="Your office requires two-factor authentication">
                Your office requires two-factor authentication for all its users. Enable 2FA to continue to the portal.
              </Notice>
            </div>
          )}
          {requiredForHelpdesk && (
            <div className="mt-4">
              <Notice tone="warning" title="The helpdesk requires two-factor authentication">
                Enable 2FA on your own account before you use the helpdesk.
              </Notice>
            </div>
          )}
          <p className="mt-4 text-slate-700">
            Two-factor authentication is a simple way to protect your account better: after your password, you also enter a 6-digit code that an authentication
            app on your phone generates. Someone who learns your password still cannot get into your account, or to your clients&rsquo; data.
          </p>
          <p className="mt-2 text-slate-700">
            You need an authentication app on your phone, such as Microsoft Authenticator, Google Authenticator, Authy or FreeOTP, or the one built into your
            password manager.
          </p>
          {enrolmentOpen && (
            <div className="mt-4">
              <Notice tone="info">
                You started enabling 2FA but did not finish. Continue where you left off, or click Enable 2FA to start again with a new QR code.
              </Notice>
              <Link href="/settings/2fa/enable" className="mt-3 inline-block text-sm font-semibold text-brand-700 underline">
                Continue where I left off
              </Link>
            </div>
          )}
          <form action={beginEnrolment} className="mt-6">
            <SubmitButton pendingLabel="Preparing…">Enable 2FA</SubmitButton>
          </form>
        </>
      )}
    </Card>
  );
}
