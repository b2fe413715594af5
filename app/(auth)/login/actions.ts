'use server';
import { redirect } from 'next/navigation';
import { z } from 'zod';
import type { FormState } from '@/lib/forms/form-state';
import { tryAgainLater } from '@/lib/forms/try-again-later';
import { NO_CONTROL_CHARACTERS } from '@/lib/forms/control-characters';
import { isFormData, textField, unreadableForm } from '@/lib/forms/form-input';
import { signInWithPassword } from '@/lib/auth/sign-in-with-password';
import { getRequestMeta } from '@/lib/auth/request-meta';
import { writeSessionCookie } from '@/lib/auth/session-cookie';
import { endCurrentSession } from '@/lib/auth/end-current-session';
import { safeCallbackUrl } from '@/lib/auth/safe-callback-url';
import { INCORRECT_CREDENTIALS, PASSWORD_LOCKED } from '@/lib/auth/login-messages';
import { EMAIL_MAX_LENGTH } from '@/lib/auth/email-address';
import { messageKey } from '@/lib/i18n/messages';
import { translate, translateFieldErrors } from '@/lib/i18n/server';
import { readBrowserTokens } from '@/lib/auth/browser-cookies';
import { afterLoginCompleted } from '@/lib/auth/complete-login';

const LoginSchema = z.object({
  email: z
    .string(messageKey('login.emailRequired'))
    .trim()
    .min(1, messageKey('login.emailRequired'))
    .max(EMAIL_MAX_LENGTH, messageKey('login.emailTooLong'))
    // No e-mail address has control characters; PostgreSQL refuses a NUL in text (a 500 before this).
    .regex(NO_CONTROL_CHARACTERS, messageKey('login.emailInvalid')),
  password: z.string(messageKey('login.passwordRequired')).min(1, messageKey('login.passwordRequired')).max(1024, messageKey('login.passwordTooLong')),
});

/** Public by design: the one action an anonymous caller may use. */
export async function logIn(_prev: FormState, formData: FormData): Promise<FormState> {
  if (!isFormData(formData)) return unreadableForm();
  const email = textField(formData, 'email');
  // A missing field or a file part is an empty one: its own clear message, not zod's type error.
  const parsed = LoginSchema.safeParse({ email, password: textField(formData, 'password') });
  const values = { email: email.slice(0, EMAIL_MAX_LENGTH) };
  if (!parsed.success) return { fieldErrors: await translateFieldErrors(z.flattenError(parsed.error).fieldErrors), values };

  try {
    const result = await signInWithPassword(parsed.data, await getRequestMeta(), await readBrowserTokens());
    if (result.kind === 'incorrect') return { message: await translate(INCORRECT_CREDENTIALS), values };
    if (result.kind === 'locked') return { message: await translate(PASSWORD_LOCKED), values };

    await endCurrentSession(); // a session this browser had before does not linger
    await writeSessionCookie(result.token, result.cookieExpiresAt);
    if (result.kind === 'signed-in') await afterLoginCompleted(result.token);
    const callbackUrl = safeCallbackUrl(textField(formData, 'callbackUrl'));
    if (result.kind === 'code-required') {
      redirect(callbackUrl === '/' ? '/login/verify' : `/login/verify?callbackUrl=${encodeURIComponent(callbackUrl)}`);
    }
    redirect(callbackUrl);
  } catch (error) {
    return tryAgainLater(error, { values });
  }
}
