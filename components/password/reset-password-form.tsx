'use client';
import Link from 'next/link';
import { useActionState, useEffect } from 'react';
import { useTranslations } from 'next-intl';
import { resetPasswordWithLink } from '@/app/(auth)/login/reset-password/actions';
import { initialFormState } from '@/lib/forms/form-state';
import { SubmitButton } from '@/components/ui/submit-button';
import { Notice } from '@/components/ui/notice';
import { buttonClass } from '@/components/ui/button-class';
import { NewPasswordFields } from './new-password-fields';

/**
 * The token travels in a hidden field of this form, posted with the new password. The address
 * bar loses it as soon as the page runs (replaceState), so it is not left in the history, in a
 * bookmark or on screen; the Referrer-Policy keeps it out of any request to another site.
 */
export function ResetPasswordForm({ token }: { token: string }) {
  const t = useTranslations('password');
  const [state, action] = useActionState(resetPasswordWithLink, initialFormState);
  useEffect(() => {
    if (window.location.search) window.history.replaceState(null, '', window.location.pathname);
  }, []);

  if (state.ok) {
    return (
      <div className="space-y-4">
        <Notice tone="success">{state.message}</Notice>
        <Link href="/login" className={buttonClass()}>
          {t('reset.logIn')}
        </Link>
      </div>
    );
  }
  if (state.values?.linkInvalid) {
    return (
      <div className="space-y-4">
        <Notice tone="error" title={t('reset.invalidTitle')}>
          {state.message}
        </Notice>
        <Link href="/login/forgot-password" className={buttonClass()}>
          {t('reset.askNew')}
        </Link>
      </div>
    );
  }
  return (
    <form action={action} className="space-y-5" noValidate>
      {state.message && <Notice tone="error">{state.message}</Notice>}
      <input type="hidden" name="token" value={token} />
      <NewPasswordFields errors={state.fieldErrors} />
      <SubmitButton className="w-full" pendingLabel={t('reset.submitting')}>
        {t('reset.submit')}
      </SubmitButton>
    </form>
  );
}
