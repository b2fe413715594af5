import type { Metadata } from 'next';
import Link from 'next/link';
import { isResetLinkValid } from '@/lib/auth/reset-password';
import { RESET_TOKEN_LIFETIME_MS } from '@/lib/auth/password-limits';
import { getTranslator } from '@/lib/i18n/server';
import { ResetPasswordForm } from '@/components/password/reset-password-form';
import { Card } from '@/components/ui/card';
import { Notice } from '@/components/ui/notice';
import { buttonClass } from '@/components/ui/button-class';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslator('password'))('reset.title') };
}

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

/**
 * Public: the link's token is the credential (S16). This GET only reads: it says at once when
 * the link no longer works, and otherwise hands the token to the form, which posts it; the
 * link is spent only by a successful reset. A signed-in session in this browser is left as it
 * is: the reset ends every session of the link's user when it happens.
 */
export default async function ResetPasswordPage({ searchParams }: Props) {
  const t = await getTranslator('password');
  const raw = (await searchParams).token;
  const token = typeof raw === 'string' ? raw : '';
  const valid = await isResetLinkValid(token);
  return (
    <Card>
      <h1 className="text-2xl font-semibold tracking-tight">{valid ? t('reset.title') : t('reset.invalidTitle')}</h1>
      {valid ? (
        <>
          <p className="mt-1 text-sm text-slate-600">{t('reset.intro')}</p>
          <div className="mt-6">
            <ResetPasswordForm token={token} />
          </div>
        </>
      ) : (
        <div className="mt-6 space-y-4">
          <Notice tone="warning">{t('reset.invalid', { hours: RESET_TOKEN_LIFETIME_MS / 3_600_000 })}</Notice>
          <Link href="/login/forgot-password" className={buttonClass()}>
            {t('reset.askNew')}
          </Link>
        </div>
      )}
    </Card>
  );
}
