'use client';
import { startKeyLogin, verifyKeyLogin } from '@/app/(auth)/login/verify/key-actions';
import { KeyPromptForm } from '@/components/security-keys/key-prompt-form';
import { RememberBrowserCheckbox } from './remember-browser-checkbox';

/**
 * The login's second step with a security key (S24), started on load when `autoStart`.
 * "Remember this browser" is read from the form when the key answers, as the code form sends it.
 */
export function KeyLoginForm({ callbackUrl, autoStart, rememberDays }: { callbackUrl: string; autoStart: boolean; rememberDays: number }) {
  return (
    <KeyPromptForm start={startKeyLogin} verify={verifyKeyLogin} autoStart={autoStart}>
      <input type="hidden" name="callbackUrl" value={callbackUrl} />
      <RememberBrowserCheckbox days={rememberDays} />
    </KeyPromptForm>
  );
}
