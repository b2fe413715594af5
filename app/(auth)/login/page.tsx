import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { getCurrentSession } from '@/lib/auth/guards';
import { safeCallbackUrl } from '@/lib/auth/safe-callback-url';
import { loginNotice } from '@/lib/auth/login-messages';
import { loginRefusalFromQuery, loginRefusalState } from '@/lib/auth/login-refusal';
import { typedEmail } from '@/lib/auth/typed-email-cookie';
import { getRequestLocale, getTranslator, translate } from '@/lib/i18n/server';
import { LoginForm } from '@/components/auth/login-form';
import { Card } from '@/components/ui/card';
import { Notice } from '@/components/ui/notice';
import { ForgotPasswordLink } from '@/components/password/forgot-password-link';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslator('login'))('title') };
}

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function LoginPage({ searchParams }: Props) {
  const params = await searchParams;
  const callbackUrl = safeCallbackUrl(params.callbackUrl);
  const session = await getCurrentSession();
  if (session?.stage === 'ACTIVE') redirect(callbackUrl);
  const notice = loginNotice(params.notice);
  const t = await getTranslator('login');
  // Sent back by the form's post without JavaScript (lib/auth/password-step-post.ts): the refusal, and the address as typed.
  const refusal = loginRefusalFromQuery(params);
  const formState = refusal ? loginRefusalState(refusal, await typedEmail(), await getRequestLocale()) : {};

  return (
    <Card>
      <h1 className="text-2xl font-semibold tracking-tight">{t('title')}</h1>
      <p className="mt-1 text-sm text-slate-600">{t('intro')}</p>
      {notice && (
        <div className="mt-5">
          <Notice tone={notice.key === 'logged-out' ? 'success' : 'warning'}>{await translate(notice.message)}</Notice>
        </div>
      )}
      <div className="mt-6">
        <LoginForm callbackUrl={callbackUrl} initialState={formState} />
      </div>
      <ForgotPasswordLink />
    </Card>
  );
}
