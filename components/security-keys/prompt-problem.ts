'use client';
import type { useTranslations } from 'next-intl';
import { WebAuthnError } from '@simplewebauthn/browser';

/** The browser's refusals in the user's words: a closed prompt is no error of theirs. */
export function promptProblem(error: unknown, errors: ReturnType<typeof useTranslations<'securityKeys.errors'>>): string {
  const name = error instanceof WebAuthnError ? (error.cause as Error | undefined)?.name : (error as Error | undefined)?.name;
  if (name === 'NotAllowedError' || name === 'AbortError') return errors('cancelled');
  if (name === 'NotSupportedError' || name === 'SecurityError') return errors('notSupported');
  if (error instanceof WebAuthnError && error.code === 'ERROR_AUTHENTICATOR_PREVIOUSLY_REGISTERED') return errors('alreadyRegistered');
  return errors('refused');
}
