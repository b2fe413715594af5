import type { Metadata } from 'next';
import type { ReactNode } from 'react';
import Link from 'next/link';
import { requirePendingLogin } from '@/lib/auth/guards';
import { safeCallbackUrl } from '@/lib/auth/safe-callback-url';
import { productConfig } from '@/lib/env';
import { getTranslator } from '@/lib/i18n/server';
import { logOut } from '@/app/(auth)/logout/actions';
import { VerifyForm } from '@/components/auth/verify-form';
import { RecoveryCodeForm } from '@/components/auth/recovery-code-form';
import { VerificationHelp } from '@/components/auth/verification-help';
import { Card } from '@/components/ui/card';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslator('verify'))('pageTitle') };
}

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

/** The account being logged in, as the intro sentence marks it ("Logging in as <b>…</b>"). */
const account = (chunks: ReactNode) => <span className="font-medium text-slate-900">{chunks}</span>;

export default async function VerifyPage({ searchParams }: Props) {
  const session = await requirePendingLogin();
  const params = await searchParams;
  const callbackUrl = safeCallbackUrl(params.callbackUrl);
  const withRecoveryCode = params.method === 'recovery-code';
  const { APP_NAME, HELPDESK_EMAIL } = productConfig();
  const otherMethod = `/login/verify?${new URLSearchParams({ ...(withRecoveryCode ? {} : { method: 'recovery-code' }), ...(callbackUrl === '/' ? {} : { callbackUrl }) })}`;
  const t = await getTranslator('verify');

  return (
    <Card>
      {withRecoveryCode ? (
        <>
          <h1 className="text-2xl font-semibold tracking-tight">{t('recovery.title')}</h1>
          <p className="mt-1 text-sm text-slate-600">{t.rich('recovery.intro', { email: session.user.email, b: account })}</p>
          <div className="mt-6">
            <RecoveryCodeForm callbackUrl={callbackUrl} />
          </div>
        </>
      ) : (
        <>
          <h1 className="text-2xl font-semibold tracking-tight">{t('title')}</h1>
          <p className="mt-1 text-sm text-slate-600">{t.rich('intro', { email: session.user.email, appName: APP_NAME, b: account })}</p>
          <div className="mt-6">
            <VerifyForm callbackUrl={callbackUrl} />
          </div>
        </>
      )}
      <p className="mt-4 text-center text-sm">
        <Link href={otherMethod} className="font-medium text-brand-700 underline">
          {withRecoveryCode ? t('useApp') : t('useRecoveryCode')}
        </Link>
      </p>
      <div className="mt-8 border-t border-slate-200 pt-6">
        {withRecoveryCode ? (
          <p className="text-sm text-slate-700">
            {t.rich('recovery.noCodes', {
              helpdeskEmail: HELPDESK_EMAIL,
              link: (chunks) => (
                <a className="font-medium text-brand-700 underline" href={`mailto:${HELPDESK_EMAIL}`}>
                  {chunks}
                </a>
              ),
            })}
          </p>
        ) : (
          <VerificationHelp helpdeskEmail={HELPDESK_EMAIL} appName={APP_NAME} />
        )}
      </div>
      <form action={logOut} className="mt-6 text-center">
        <button type="submit" className="text-sm font-medium text-slate-600 underline hover:text-slate-900">
          {t('cancel')}
        </button>
      </form>
    </Card>
  );
}
