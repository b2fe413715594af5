import { CopyButton } from './copy-button';

/** The 2FA key as text, in blocks of four, for typing into an app that cannot scan. */
export function EnrolmentKey({ secret }: { secret: string }) {
  const grouped = secret.match(/.{1,4}/g)!.join(' ');
  return (
    <div>
      <p className="text-sm font-medium text-slate-800" id="totp-key-label">
        2FA key
      </p>
      <div className="mt-1.5 flex flex-wrap items-center gap-3">
        <code
          aria-labelledby="totp-key-label"
          data-testid="totp-key"
          className="rounded-md bg-slate-100 px-3 py-2 font-mono text-base tracking-wide text-slate-900"
        >
          {grouped}
        </code>
        <CopyButton text={secret} label="Copy key" />
      </div>
      <p className="mt-1.5 text-sm text-slate-600">Choose &ldquo;time-based&rdquo; if your app asks. Spaces do not matter.</p>
    </div>
  );
}
