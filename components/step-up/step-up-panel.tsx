'use client';
import Link from 'next/link';
import { useTranslations } from 'next-intl';
import type { FormState, StepUpMethods } from '@/lib/forms/form-state';
import { Notice } from '@/components/ui/notice';
import { ConfirmItsYouForm } from './confirm-its-you-form';

/**
 * "Confirm it's you" beside a form whose action asked for it (S25), in the page: the form and
 * what was typed into it stay where they are; after the check the user submits it again. A
 * user without 2FA is sent to turn it on first.
 */
export function StepUpPanel({ need, methods }: { need: NonNullable<FormState['stepUp']>; methods?: StepUpMethods }) {
  const t = useTranslations('stepUp');
  return (
    <section aria-labelledby="step-up-title" className="mt-6 rounded-lg bg-slate-50 p-5 ring-1 ring-inset ring-slate-300" data-testid="step-up-panel">
      <h2 id="step-up-title" className="text-base font-semibold text-slate-900">
        {t('title')}
      </h2>
      <div className="mt-3">
        {need === 'confirm' ? (
          <ConfirmItsYouForm methods={methods} />
        ) : (
          <Notice tone="warning">
            {t('enableFirst')}{' '}
            <Link href="/settings/2fa" className="font-semibold underline">
              {t('manage2fa')}
            </Link>
          </Notice>
        )}
      </div>
    </section>
  );
}
