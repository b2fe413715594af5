'use client';
import { useFormStatus } from 'react-dom';
import { buttonClass, type ButtonVariant } from './button-class';

type Props = { children: React.ReactNode; variant?: ButtonVariant; pendingLabel?: string; className?: string; pending?: boolean };

/** A submit button that says it is working while its form's action runs (or while `pending`, for a form posted by a script of its own). */
export function SubmitButton({ children, variant = 'primary', pendingLabel, className = '', pending: posting = false }: Props) {
  const status = useFormStatus();
  const pending = posting || status.pending;
  return (
    <button type="submit" disabled={pending} aria-disabled={pending} className={`${buttonClass(variant)} ${className}`}>
      {pending && pendingLabel ? pendingLabel : children}
    </button>
  );
}
