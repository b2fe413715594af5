'use client';
import Link from 'next/link';
import { useTranslations } from 'next-intl';
import type { FormState } from '@/lib/forms/form-state';
import type { ButtonVariant } from '@/components/ui/button-class';
import { SubmitButton } from '@/components/ui/submit-button';
import { CurrentPasswordField } from '@/components/auth/credential-fields';
import { Notice } from '@/components/ui/notice';

/** A form's words: its translator, whose namespace has these four keys. */
type Wording = (key: 'passwordLabel' | 'passwordHint' | 'submit' | 'submitting') => string;

/**
 * The inside of the Manage 2FA forms that ask for the account password (S5): the refusal, the password field, the button and the way back to
 * Manage 2FA. Disable 2FA, Remove key and New recovery codes differ only in their words and in
 * what the action does.
 */
export function PasswordAgainFields({ state, t, variant }: { state: FormState; t: Wording; variant?: ButtonVariant }) {
  const common = useTranslations('common');
  return (
    <>
      {state.message && <Notice tone="error">{state.message}</Notice>}
      <CurrentPasswordField label={t('passwordLabel')} hint={t('passwordHint')} errors={state.fieldErrors?.password} className="max-w-sm" />
      <div className="flex items-center gap-3">
        <SubmitButton variant={variant} pendingLabel={t('submitting')}>
          {t('submit')}
        </SubmitButton>
        <Link href="/settings/2fa" className="text-sm font-medium text-slate-600 underline">
          {common('cancel')}
        </Link>
      </div>
    </>
  );
}
