type Props = React.InputHTMLAttributes<HTMLInputElement> & {
  label: string;
  name: string;
  errors?: string[];
  hint?: React.ReactNode;
};

/** A labelled input whose hint and errors are tied to it for screen readers. */
export function TextField({ label, name, errors, hint, id = name, className = '', ...input }: Props) {
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = errors?.length ? `${id}-error` : undefined;
  return (
    <div className={className}>
      <label htmlFor={id} className="block text-sm font-medium text-slate-800">
        {label}
      </label>
      {hint && (
        <p id={hintId} className="mt-1 text-sm text-slate-600">
          {hint}
        </p>
      )}
      <input
        id={id}
        name={name}
        aria-invalid={errorId ? true : undefined}
        aria-describedby={[hintId, errorId].filter(Boolean).join(' ') || undefined}
        className={`mt-1.5 block w-full rounded-md border-0 px-3 py-2.5 text-slate-900 shadow-sm ring-1 ring-inset placeholder:text-slate-400 focus:ring-2 focus:ring-inset focus:ring-brand-600 ${
          errorId ? 'ring-red-600' : 'ring-slate-300'
        }`}
        {...input}
      />
      <div id={errorId} aria-live="polite">
        {errors?.map((error) => (
          <p key={error} className="mt-1.5 text-sm text-red-700">
            {error}
          </p>
        ))}
      </div>
    </div>
  );
}
