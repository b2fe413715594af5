import type { Metadata } from 'next';
import { isResetLinkValid } from '@/lib/auth/reset-password';
import { getTranslator } from '@/lib/i18n/server';
import { ResetPasswordForm } from '@/components/password/reset-password-form';
import { Card } from '@/components/ui/card';

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
  return (
    <Card>
      <h1 className="mb-6 text-2xl font-semibold tracking-tight">{t('reset.title')}</h1>
      <ResetPasswordForm token={token} isLinkValid={await isResetLinkValid(token)} />
    </Card>
  );
}
