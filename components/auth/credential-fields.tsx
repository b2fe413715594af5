import { EMAIL_MAX_LENGTH } from '@/lib/auth/email-address';
import { PASSWORD_MAX_LENGTH } from '@/lib/auth/password-limits';
import { TextField } from '@/components/ui/text-field';

type FieldProps = { label: string; errors?: string[]; hint?: React.ReactNode; className?: string };

/**
 * The account's e-mail address, as the login and "Forgot your password?" ask for it: the same
 * autocomplete name, so password managers fill both, and the typed value kept after a refusal.
 */
export function EmailField({ label, errors, defaultValue, className }: FieldProps & { defaultValue?: string }) {
  return (
    <TextField
      label={label}
      name="email"
      type="email"
      autoComplete="username"
      required
      maxLength={EMAIL_MAX_LENGTH}
      defaultValue={defaultValue}
      errors={errors}
      className={className}
      // A new value from the server replaces what the field shows (React keeps an uncontrolled field's own value otherwise).
      key={`email-${defaultValue ?? ''}`}
    />
  );
}

/** The password the user has now: at the login and before every change that asks for it again. Never filled back in. */
export function CurrentPasswordField({ label, errors, hint, className, name = 'password' }: FieldProps & { name?: string }) {
  return (
    <TextField
      label={label}
      name={name}
      type="password"
      autoComplete="current-password"
      required
      maxLength={PASSWORD_MAX_LENGTH}
      hint={hint}
      errors={errors}
      className={className}
    />
  );
}
