'use server';
import { redirect } from 'next/navigation';
import type { PublicKeyCredentialCreationOptionsJSON } from '@simplewebauthn/server';
import type { FormState } from '@/lib/forms/form-state';
import { tryAgainLater } from '@/lib/forms/try-again-later';
import { isFormData, textField, unreadableForm } from '@/lib/forms/form-input';
import { requireActiveSession, requireEnrolmentAccess } from '@/lib/auth/guards';
import { requireFreshSecondFactor, requireRecentSignIn } from '@/lib/auth/step-up';
import type { SessionContext } from '@/lib/auth/sessions';
import { PASSWORD_MAX_LENGTH } from '@/lib/auth/password-limits';
import { getRequestMeta } from '@/lib/auth/request-meta';
import { PASSWORD_LOCKED } from '@/lib/auth/login-messages';
import { translate } from '@/lib/i18n/server';
import { PASSWORD_INCORRECT, PASSWORD_REQUIRED, PASSWORD_TOO_LONG, REQUIRED_BY_OFFICE } from '@/lib/two-factor/messages';
import { MAX_KEYS_PER_USER } from '@/lib/webauthn/config';
import { parseKeyName } from '@/lib/webauthn/key-name';
import { parseRegistrationResponse } from '@/lib/webauthn/response-json';
import { finishKeyRegistration, startKeyRegistration } from '@/lib/webauthn/register-key';
import { removeSecurityKey, renameSecurityKey } from '@/lib/webauthn/manage-keys';

/** The answer of "Add a security key or passkey": the browser's prompt, or why there is none. */
export type KeyPromptState = FormState & { options?: PublicKeyCredentialCreationOptionsJSON };

/**
 * Adding a key changes how the account signs in. With 2FA on, a fresh second-factor check (S25);
 * as the first method, a recent sign-in or the password again, as for the app (S26): a stolen
 * session must not enrol the thief's key.
 */
async function mayAddKey(session: SessionContext, formData: FormData): Promise<FormState | null> {
  if (session.user.twoFactorEnabledAt) return requireFreshSecondFactor(session, formData, '/settings/2fa');
  await requireRecentSignIn(session);
  return null;
}

/**
 * Step 1 of adding a key (S24): the options for the browser's prompt, with a challenge bound to
 * this session. Open to a user whose office's deadline has passed: a key is one way to turn 2FA on.
 */
export async function prepareSecurityKey(_prev: KeyPromptState, formData: FormData): Promise<KeyPromptState> {
  try {
    const session = await requireEnrolmentAccess();
    const { user, sessionId } = session;
    if (!isFormData(formData)) return unreadableForm();
    const stepUp = await mayAddKey(session, formData);
    if (stepUp) return stepUp;
    const started = await startKeyRegistration({ userId: user.id, sessionId, email: user.email, name: user.name });
    if (started.kind === 'too-many') return { message: await translate({ key: 'securityKeys.errors.tooMany', values: { max: MAX_KEYS_PER_USER } }) };
    return { ok: true, options: started.options };
  } catch (error) {
    return tryAgainLater(error);
  }
}

/**
 * Step 2: the browser's answer and the key's name. The key is kept only when the answer matches
 * this session's challenge, origin and RP ID; as the first method it turns 2FA on and the answer
 * carries the new recovery codes, once (S13).
 */
export async function saveSecurityKey(_prev: FormState, formData: FormData): Promise<FormState> {
  try {
    const session = await requireEnrolmentAccess();
    const { user, sessionId } = session;
    if (!isFormData(formData)) return unreadableForm();
    const stepUp = await mayAddKey(session, formData);
    if (stepUp) return stepUp;
    const name = parseKeyName(textField(formData, 'name'));
    const values = { name: textField(formData, 'name').slice(0, 200) };
    if (!name.ok) return { fieldErrors: { name: [await translate(name.message)] }, values };
    const response = parseRegistrationResponse(textField(formData, 'response'));
    if (!response) return { message: await translate('securityKeys.errors.refused') };

    const result = await finishKeyRegistration({ userId: user.id, sessionId, name: name.name, response }, await getRequestMeta());
    switch (result.kind) {
      case 'added':
        return {
          ok: true,
          message: await translate({ key: 'securityKeys.manage.keyAdded', values: { name: name.name } }),
          recoveryCodes: result.recoveryCodes ?? undefined,
        };
      case 'refused':
        return { message: await translate('securityKeys.errors.refused') };
      case 'no-challenge':
        return { message: await translate('securityKeys.errors.expired') };
      case 'already-registered':
        return { message: await translate('securityKeys.errors.alreadyRegistered') };
      case 'too-many':
        return { message: await translate({ key: 'securityKeys.errors.tooMany', values: { max: MAX_KEYS_PER_USER } }) };
    }
  } catch (error) {
    return tryAgainLater(error);
  }
}

/** A new name for one of the user's own keys. */
export async function renameKey(_prev: FormState, formData: FormData): Promise<FormState> {
  try {
    const { user } = await requireActiveSession();
    if (!isFormData(formData)) return unreadableForm();
    const name = parseKeyName(textField(formData, 'name'));
    if (!name.ok) return { fieldErrors: { name: [await translate(name.message)] }, values: { name: textField(formData, 'name').slice(0, 200) } };
    const result = await renameSecurityKey({ userId: user.id, keyId: textField(formData, 'keyId'), name: name.name }, await getRequestMeta());
    if (result.kind === 'not-found') return { message: await translate('securityKeys.errors.notFound') };
    return { ok: true, message: await translate('securityKeys.manage.renamed') };
  } catch (error) {
    return tryAgainLater(error);
  }
}

/** Removes one of the user's keys with the password, as Disable 2FA asks it (S5, S8). */
export async function removeKey(_prev: FormState, formData: FormData): Promise<FormState> {
  try {
    const session = await requireActiveSession();
    const { user, sessionId } = session;
    if (!isFormData(formData)) return unreadableForm();
    // Removing a key is a privileged change (S25): a fresh check, then the password as Disable 2FA asks it.
    const stepUp = await requireFreshSecondFactor(session, formData, `/settings/2fa/security-keys/${encodeURIComponent(textField(formData, 'keyId'))}/remove`);
    if (stepUp) return stepUp;
    const password = textField(formData, 'password');
    if (password.length === 0) return { fieldErrors: { password: [await translate(PASSWORD_REQUIRED)] } };
    if (password.length > PASSWORD_MAX_LENGTH) return { fieldErrors: { password: [await translate(PASSWORD_TOO_LONG)] } };

    const result = await removeSecurityKey({ userId: user.id, sessionId, keyId: textField(formData, 'keyId'), password }, await getRequestMeta());
    switch (result.kind) {
      case 'incorrect':
        return { fieldErrors: { password: [await translate(PASSWORD_INCORRECT)] } };
      case 'locked':
        return { message: await translate(PASSWORD_LOCKED) };
      case 'not-found':
        return { message: await translate('securityKeys.errors.notFound') };
      case 'required-by-office':
        return { message: await translate(REQUIRED_BY_OFFICE) };
      case 'removed':
        break;
    }
  } catch (error) {
    return tryAgainLater(error);
  }
  redirect('/settings/2fa?key=removed');
}
