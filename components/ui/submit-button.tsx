'use client';
import { useFormStatus } from 'react-dom';
import { buttonClass, type ButtonVariant } from './button-class';

type Props = { children: React.ReactNode; variant?: ButtonVariant; pendingLabel?: string; className?: string };

/** A submit button that says it is working while its form's action runs. */
export function SubmitButton({ children, variant = 'primary', pendingLabel, className = '' }: Props) {
  const { pending } = useFormStatus();
  return (
    <button type="submit" disabled={pending} aria-disabled={pending} className={`${buttonClass(variant)} ${className}`}>
      {pending && pendingLabel ? pendingLabel : children}
    </button>
  );
}
