import type { Metadata } from 'next';
import Link from 'next/link';
import { requirePendingLogin } from '@/lib/auth/guards';
import { safeCallbackUrl } from '@/lib/auth/safe-callback-url';
import { productConfig } from '@/lib/env';
import { logOut } from '@/app/(auth)/logout/actions';
import { VerifyForm } from '@/components/auth/verify-form';
import { RecoveryCodeForm } from '@/components/auth/recovery-code-form';
import { VerificationHelp } from '@/components/auth/verification-help';
import { Card } from '@/components/ui/card';

export const metadata: Metadata = { title: 'Verification code' };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function VerifyPage({ searchParams }: Props) {
  const session = await requirePendingLogin();
  const params = await searchParams;
  const callbackUrl = safeCallbackUrl(params.callbackUrl);
  const withRecoveryCode = params.method === 'recovery-code';
  const { APP_NAME, HELPDESK_EMAIL } = productConfig();
  const otherMethod = `/login/verify?${new URLSearchParams({ ...(withRecoveryCode ? {} : { method: 'recovery-code' }), ...(callbackUrl === '/' ? {} : { callbackUrl }) })}`;

  return (
    <Card>
      {withRecoveryCode ? (
        <>
          <h1 className="text-2xl font-semibold tracking-tight">Enter a recovery code</h1>
          <p className="mt-1 text-sm text-slate-600">
            Logging in as <span className="font-medium text-slate-900">{session.user.email}</span>. Use one of the recovery codes you saved when you enabled
            2FA. Each code works once.
          </p>
          <div className="mt-6">
            <RecoveryCodeForm callbackUrl={callbackUrl} />
          </div>
        </>
      ) : (
        <>
          <h1 className="text-2xl font-semibold tracking-tight">Enter your verification code</h1>
          <p className="mt-1 text-sm text-slate-600">
            Logging in as <span className="font-medium text-slate-900">{session.user.email}</span>. Check your authentication app: it shows a 6-digit code for{' '}
            {APP_NAME}.
          </p>
          <div className="mt-6">
            <VerifyForm callbackUrl={callbackUrl} />
          </div>
        </>
      )}
      <p className="mt-4 text-center text-sm">
        <Link href={otherMethod} className="font-medium text-brand-700 underline">
          {withRecoveryCode ? 'Use your authentication app instead' : 'Use a recovery code instead'}
        </Link>
      </p>
      <div className="mt-8 border-t border-slate-200 pt-6">
        {withRecoveryCode ? (
          <p className="text-sm text-slate-700">
            No recovery codes, or none left? Contact the helpdesk at{' '}
            <a className="font-medium text-brand-700 underline" href={`mailto:${HELPDESK_EMAIL}`}>
              {HELPDESK_EMAIL}
            </a>
            . With a few questions, we will first confirm your identity. Then we can disable two-factor authentication for your account, and you can log in with
            your e-mail address and password.
          </p>
        ) : (
          <VerificationHelp helpdeskEmail={HELPDESK_EMAIL} appName={APP_NAME} />
        )}
      </div>
      <form action={logOut} className="mt-6 text-center">
        <button type="submit" className="text-sm font-medium text-slate-600 underline hover:text-slate-900">
          Cancel and log out
        </button>
      </form>
    </Card>
  );
}
