import type { Metadata } from 'next';
import Link from 'next/link';
import { redirect } from 'next/navigation';
import { requireActiveSession } from '@/lib/auth/guards';
import { safeCallbackUrl } from '@/lib/auth/safe-callback-url';
import { hasFreshSecondFactor } from '@/lib/auth/session-checks';
import { getTranslator } from '@/lib/i18n/server';
import { Card } from '@/components/ui/card';
import { Notice } from '@/components/ui/notice';
import { ConfirmItsYouForm, type Method } from '@/components/step-up/confirm-its-you-form';
import { loginMethods } from '@/lib/webauthn/login-methods';

const METHODS: readonly Method[] = ['security_key', 'totp', 'recovery_code'];

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslator('stepUp'))('title') };
}

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

/**
 * "Confirm it's you" as a page of its own (S25): where a privileged action sends a browser
 * without JavaScript, and back to `next` (a path of ours only) after the check.
 */
export default async function ConfirmPage({ searchParams }: Props) {
  const session = await requireActiveSession();
  const params = await searchParams;
  const next = safeCallbackUrl(params.next);
  // Already checked (the back button, a second tab): nothing to ask.
  if (session.user.twoFactorEnabledAt && (await hasFreshSecondFactor(session.sessionId))) redirect(next);
  const t = await getTranslator('stepUp');
  const methods = await loginMethods(session.user.id);
  return (
    <Card className="max-w-xl">
      <h1 className="text-2xl font-semibold tracking-tight">{t('title')}</h1>
      <div className="mt-6">
        {session.user.twoFactorEnabledAt ? (
          <ConfirmItsYouForm next={next} methods={methods} method={METHODS.find((m) => m === params.method)} />
        ) : (
          <Notice tone="warning">
            {t('enableFirst')}{' '}
            <Link href="/settings/2fa" className="font-semibold underline">
              {t('manage2fa')}
            </Link>
          </Notice>
        )}
      </div>
      <p className="mt-6">
        <Link href={next} className="text-sm font-medium text-slate-600 underline">
          {t('back')}
        </Link>
      </p>
    </Card>
  );
}
