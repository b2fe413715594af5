import type { Metadata } from 'next';
import { requirePendingLogin } from '@/lib/auth/guards';
import { safeCallbackUrl } from '@/lib/auth/safe-callback-url';
import { productConfig } from '@/lib/env';
import { logOut } from '@/app/(auth)/logout/actions';
import { VerifyForm } from '@/components/auth/verify-form';
import { VerificationHelp } from '@/components/auth/verification-help';
import { Card } from '@/components/ui/card';

export const metadata: Metadata = { title: 'Verification code' };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function VerifyPage({ searchParams }: Props) {
  const session = await requirePendingLogin();
  const callbackUrl = safeCallbackUrl((await searchParams).callbackUrl);
  const { APP_NAME, HELPDESK_EMAIL } = productConfig();

  return (
    <Card>
      <h1 className="text-2xl font-semibold tracking-tight">Enter your verification code</h1>
      <p className="mt-1 text-sm text-slate-600">
        Logging in as <span className="font-medium text-slate-900">{session.user.email}</span>. Check your authentication app:
        it shows a 6-digit code for {APP_NAME}.
      </p>
      <div className="mt-6">
        <VerifyForm callbackUrl={callbackUrl} />
      </div>
      <div className="mt-8 border-t border-slate-200 pt-6">
        <VerificationHelp helpdeskEmail={HELPDESK_EMAIL} appName={APP_NAME} />
      </div>
      <form action={logOut} className="mt-6 text-center">
        <button type="submit" className="text-sm font-medium text-slate-600 underline hover:text-slate-900">
          Cancel and log out
        </button>
      </form>
    </Card>
  );
}
