import type { Metadata } from 'next';
import type { ReactNode } from 'react';
import Link from 'next/link';
import { requirePendingLogin } from '@/lib/auth/guards';
import { safeCallbackUrl } from '@/lib/auth/safe-callback-url';
import { rememberBrowserDays } from '@/lib/auth/remembered-browsers';
import { codeRefusalFromQuery, codeRefusalState } from '@/lib/auth/code-refusal';
import { productConfig } from '@/lib/env';
import { getRequestLocale, getTranslator } from '@/lib/i18n/server';
import { logOut } from '@/app/(auth)/logout/actions';
import { VerifyForm } from '@/components/auth/verify-form';
import { RecoveryCodeForm } from '@/components/auth/recovery-code-form';
import { VerificationHelp } from '@/components/auth/verification-help';
import { Card } from '@/components/ui/card';
import { KeyLoginForm } from '@/components/auth/key-login-form';
import type { LoginMethod } from '@/lib/webauthn/login-methods';

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
  // A user with keys starts on the key (S24); the app's code is offered only to a user who has the app.
  const methods = session.user.twoFactorMethods;
  const method: LoginMethod =
    params.method === 'recovery-code' || (params.method === 'app' && methods.app) || (params.method === 'key' && methods.key)
      ? params.method
      : methods.key
        ? 'key'
        : 'app';
  const withRecoveryCode = method === 'recovery-code';
  const { APP_NAME, HELPDESK_EMAIL } = productConfig();
  const linkTo = (other: LoginMethod) =>
    `/login/verify?${new URLSearchParams({ ...(other === (methods.key ? 'key' : 'app') ? {} : { method: other }), ...(callbackUrl === '/' ? {} : { callbackUrl }) })}`;
  const otherMethods = (['key', 'app', 'recovery-code'] as const).filter((other) => other !== method && (other === 'recovery-code' || methods[other]));
  const t = await getTranslator('verify');
  // The office's days for "remember this browser" (S18): 0 means the office turned it off, and the choice is not offered.
  const rememberDays = await rememberBrowserDays(session.user.officeId);
  const keys = await getTranslator('securityKeys.login');
  // The code form posted without JavaScript comes back here with its refusal in the query string (lib/auth/code-refusal.ts).
  const sentBack = method === 'app' ? codeRefusalFromQuery(params) : null;
  const codeState = sentBack ? codeRefusalState(sentBack.refusal, sentBack.remember, await getRequestLocale()) : {};
  const switchLabel = { key: keys('useKey'), app: methods.key ? keys('useApp') : t('useApp'), 'recovery-code': t('useRecoveryCode') };

  return (
    <Card>
      {method === 'key' ? (
        <>
          <h1 className="text-2xl font-semibold tracking-tight">{keys('title')}</h1>
          <p className="mt-1 text-sm text-slate-600">{keys.rich('intro', { email: session.user.email, b: account })}</p>
          <div className="mt-6">
            <KeyLoginForm callbackUrl={callbackUrl} autoStart rememberDays={rememberDays} />
          </div>
        </>
      ) : withRecoveryCode ? (
        <>
          <h1 className="text-2xl font-semibold tracking-tight">{t('recovery.title')}</h1>
          <p className="mt-1 text-sm text-slate-600">{t.rich('recovery.intro', { email: session.user.email, b: account })}</p>
          <div className="mt-6">
            <RecoveryCodeForm callbackUrl={callbackUrl} rememberDays={rememberDays} />
          </div>
        </>
      ) : (
        <>
          <h1 className="text-2xl font-semibold tracking-tight">{t('title')}</h1>
          <p className="mt-1 text-sm text-slate-600">{t.rich('intro', { email: session.user.email, appName: APP_NAME, b: account })}</p>
          <div className="mt-6">
            <VerifyForm callbackUrl={callbackUrl} rememberDays={rememberDays} initialState={codeState} />
          </div>
        </>
      )}
      {otherMethods.map((other) => (
        <p key={other} className="mt-4 text-center text-sm">
          <Link href={linkTo(other)} className="font-medium text-brand-700 underline">
            {switchLabel[other]}
          </Link>
        </p>
      ))}
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
        ) : method === 'app' ? (
          <VerificationHelp helpdeskEmail={HELPDESK_EMAIL} appName={APP_NAME} />
        ) : (
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
