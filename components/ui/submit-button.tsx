'use client';
import { useFormStatus } from 'react-dom';

type Props = { children: React.ReactNode; variant?: 'primary' | 'secondary' | 'danger'; pendingLabel?: string; className?: string };

const styles = {
  primary: 'bg-brand-600 text-white hover:bg-brand-700 focus-visible:outline-brand-600',
  secondary: 'bg-white text-slate-800 ring-1 ring-inset ring-slate-300 hover:bg-slate-50 focus-visible:outline-brand-600',
  danger: 'bg-red-700 text-white hover:bg-red-800 focus-visible:outline-red-700',
};

export const buttonClass = (variant: keyof typeof styles = 'primary') =>
  `inline-flex items-center justify-center gap-2 rounded-md px-4 py-2.5 text-sm font-semibold shadow-sm focus-visible:outline-2 focus-visible:outline-offset-2 disabled:cursor-wait disabled:opacity-70 ${styles[variant]}`;

/** A submit button that says it is working while its form's action runs. */
export function SubmitButton({ children, variant = 'primary', pendingLabel, className = '' }: Props) {
  const { pending } = useFormStatus();
  return (
    <button type="submit" disabled={pending} aria-disabled={pending} className={`${buttonClass(variant)} ${className}`}>
      {pending && pendingLabel ? pendingLabel : children}
    </button>
  );
}
