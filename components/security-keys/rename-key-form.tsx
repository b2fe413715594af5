'use client';
import { useActionState } from 'react';
import { useTranslations } from 'next-intl';
import { renameKey } from '@/app/(app)/settings/2fa/security-keys/actions';
import { initialFormState } from '@/lib/forms/form-state';
import { SubmitButton } from '@/components/ui/submit-button';
import { TextField } from '@/components/ui/text-field';
import { Notice } from '@/components/ui/notice';

/** Rename one key: a disclosure, so it works the same without JavaScript (the action answers the page). */
export function RenameKeyForm({ keyId, name, nameMaxLength }: { keyId: string; name: string; nameMaxLength: number }) {
  const t = useTranslations('securityKeys.manage');
  const [state, action] = useActionState(renameKey, initialFormState);
  return (
    <details className="text-sm" open={!!state.fieldErrors || (!!state.message && !state.ok)}>
      <summary className="cursor-pointer font-medium text-brand-700 underline">{t('rename')}</summary>
      <form action={action} className="mt-3 space-y-3" noValidate>
        {state.message && <Notice tone={state.ok ? 'success' : 'error'}>{state.message}</Notice>}
        <input type="hidden" name="keyId" value={keyId} />
        <TextField
          label={t('nameLabel')}
          id={`name-${keyId}`}
          name="name"
          type="text"
          required
          autoComplete="off"
          maxLength={nameMaxLength}
          defaultValue={state.values?.name ?? name}
          errors={state.fieldErrors?.name}
          className="max-w-sm"
        />
        <SubmitButton variant="secondary" pendingLabel={t('saving')}>
          {t('renameSave')}
        </SubmitButton>
      </form>
    </details>
  );
}
