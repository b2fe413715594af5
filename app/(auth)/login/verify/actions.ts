'use server';
import { redirect } from 'next/navigation';
import type { FormState } from '@/lib/forms/form-state';
import { requirePendingLogin } from '@/lib/auth/guards';
import { getRequestMeta } from '@/lib/auth/request-meta';
import { clearSessionCookie, writeSessionCookie } from '@/lib/auth/session-cookie';
import { safeCallbackUrl } from '@/lib/auth/safe-callback-url';
import { verifyLoginCode } from '@/lib/auth/verify-login-code';
import { parseVerificationCode } from '@/lib/two-factor/code-format';
import { CODE_ALREADY_USED, CODE_NOT_ACCEPTED } from '@/lib/auth/login-messages';
import { deliverOutboxSoon } from '@/lib/notifications/deliver-outbox';

export async function verifyCode(_prev: FormState, formData: FormData): Promise<FormState> {
  const session = await requirePendingLogin();
  const parsed = parseVerificationCode(formData.get('code'));
  if (!parsed.ok) return { fieldErrors: { code: [parsed.message] } };

  const result = await verifyLoginCode({ sessionId: session.sessionId, code: parsed.code }, await getRequestMeta());
  switch (result.kind) {
    case 'signed-in':
      await writeSessionCookie(result.token, result.cookieExpiresAt);
      redirect(safeCallbackUrl(formData.get('callbackUrl')));
    case 'wrong':
    case 'replayed':
      if (result.kind === 'replayed') deliverOutboxSoon();
      return {
        fieldErrors: { code: [result.kind === 'wrong' ? CODE_NOT_ACCEPTED : CODE_ALREADY_USED] },
        message: `${result.attemptsLeft} ${result.attemptsLeft === 1 ? 'attempt' : 'attempts'} left before you need to log in again.`,
      };
    case 'locked':
      await clearSessionCookie();
      redirect('/login?notice=code-locked');
    case 'start-again':
      await clearSessionCookie();
      redirect('/login?notice=start-again');
  }
}
