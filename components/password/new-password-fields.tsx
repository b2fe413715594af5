'use client';
import { useTranslations } from 'next-intl';
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from '@/lib/auth/password-limits';
import { TextField } from '@/components/ui/text-field';

/**
 * The new password twice. No composition rules and no client-side checks beyond the length
 * limit (S17): the server judges the password and explains, in the user's language, why it
 * refused one. autoComplete="new-password" lets a password manager offer a generated one.
 */
export function NewPasswordFields({ errors }: { errors?: Record<string, string[] | undefined> }) {
  const t = useTranslations('password.fields');
  return (
    <>
      <TextField
        label={t('newPassword')}
        name="newPassword"
        type="password"
        autoComplete="new-password"
        required
        maxLength={PASSWORD_MAX_LENGTH}
        hint={t('newPasswordHint', { min: PASSWORD_MIN_LENGTH })}
        errors={errors?.newPassword}
      />
      <TextField
        label={t('confirmPassword')}
        name="confirmPassword"
        type="password"
        autoComplete="new-password"
        required
        maxLength={PASSWORD_MAX_LENGTH}
        errors={errors?.confirmPassword}
      />
    </>
  );
}
