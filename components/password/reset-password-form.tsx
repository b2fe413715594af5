'use client';
import Link from 'next/link';
import { useActionState, useEffect } from 'react';
import { useTranslations } from 'next-intl';
import { resetPasswordWithLink } from '@/app/(auth)/login/reset-password/actions';
import { initialFormState } from '@/lib/forms/form-state';
import { RESET_TOKEN_LIFETIME_MS } from '@/lib/auth/password-limits';
import { SubmitButton } from '@/components/ui/submit-button';
import { Notice } from '@/components/ui/notice';
import { buttonClass } from '@/components/ui/button-class';
import { NewPasswordFields } from './new-password-fields';

/**
 * The token travels in a hidden field of this form, posted with the new password. The address
 * bar loses it as soon as the page runs (replaceState), so it is not left in the history, in a
 * bookmark or on screen; the Referrer-Policy keeps it out of any request to another site.
 * Without JavaScript the form posts to the clean address and the page is drawn again without
 * the token: the action's answer then carries the state (and, after a refused password, the
 * token back into the hidden field), so the page's own check of the link is not asked again.
 */
export function ResetPasswordForm({ token, isLinkValid }: { token: string; isLinkValid: boolean }) {
  const t = useTranslations('password.reset');
  const [state, action] = useActionState(resetPasswordWithLink, initialFormState);
  useEffect(() => {
    if (window.location.search) window.history.replaceState(null, '', window.location.pathname);
  }, []);

  if (state.ok) {
    return (
      <div className="space-y-4">
        <Notice tone="success">{state.message}</Notice>
        <Link href="/login" className={buttonClass()}>
          {t('logIn')}
        </Link>
      </div>
    );
  }
  const formToken = state.values?.token ?? token;
  const answered = state !== initialFormState;
  if (state.values?.linkInvalid || (!answered && !isLinkValid)) {
    return (
      <div className="space-y-4">
        <Notice tone="warning" title={t('invalidTitle')}>
          {state.message ?? t('invalid', { hours: RESET_TOKEN_LIFETIME_MS / 3_600_000 })}
        </Notice>
        <Link href="/login/forgot-password" className={buttonClass()}>
          {t('askNew')}
        </Link>
      </div>
    );
  }
  return (
    <form action={action} className="space-y-5" noValidate>
      <p className="text-sm text-slate-600">{t('intro')}</p>
      {state.message && <Notice tone="error">{state.message}</Notice>}
      <input type="hidden" name="token" value={formToken} />
      <NewPasswordFields errors={state.fieldErrors} />
      <SubmitButton className="w-full" pendingLabel={t('submitting')}>
        {t('submit')}
      </SubmitButton>
    </form>
  );
}
