/**
 * The second step of an office change that affects members (the requirement, "Send a reminder
 * now"): what it will do, then a submit named `confirm=yes` in the same form, or Cancel.
 */
export function ConfirmStep({ message, confirmLabel, cancelLabel, testId }: { message?: string; confirmLabel: string; cancelLabel: string; testId?: string }) {
  return (
    <div className="rounded-md bg-amber-50 p-4 ring-1 ring-inset ring-amber-200" role="status">
      <p className="text-sm text-amber-900" data-testid={testId}>
        {message}
      </p>
      <div className="mt-3 flex items-center gap-3">
        <button type="submit" name="confirm" value="yes" className="rounded-md bg-brand-600 px-4 py-2.5 text-sm font-semibold text-white hover:bg-brand-700">
          {confirmLabel}
        </button>
        <a href="/office" className="text-sm font-medium text-slate-700 underline">
          {cancelLabel}
        </a>
      </div>
    </div>
  );
}
