type Props = { tone?: 'info' | 'error' | 'success' | 'warning'; children: React.ReactNode; title?: string };

const tones = {
  info: 'bg-brand-50 text-brand-800 ring-brand-100',
  error: 'bg-red-50 text-red-800 ring-red-200',
  success: 'bg-emerald-50 text-emerald-800 ring-emerald-200',
  warning: 'bg-amber-50 text-amber-900 ring-amber-200',
};

/** A message box; errors are announced (role="alert"), other notices politely. */
export function Notice({ tone = 'info', children, title }: Props) {
  return (
    <div role={tone === 'error' ? 'alert' : 'status'} className={`rounded-md p-4 text-sm ring-1 ring-inset ${tones[tone]}`}>
      {title && <p className="font-semibold">{title}</p>}
      <div className={title ? 'mt-1' : undefined}>{children}</div>
    </div>
  );
}
