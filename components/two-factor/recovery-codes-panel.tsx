'use client';
import { useEffect, useRef, useState, useSyncExternalStore } from 'react';
import { buttonClass } from '@/components/ui/button-class';
import { formatDateTime } from '@/lib/format';
import { CopyButton } from './copy-button';

type Props = { codes: string[]; accountEmail: string; appName: string };

const noSubscription = () => () => {};

/**
 * New recovery codes, shown this once (S13): the server keeps only their hashes, so the page
 * cannot show them again. Copy, download as .txt, and confirm they are saved before Close.
 */
export function RecoveryCodesPanel({ codes, accountEmail, appName }: Props) {
  const [saved, setSaved] = useState(false);
  // False in the server's HTML (without JavaScript `required` holds the form), true once React runs.
  const hydrated = useSyncExternalStore(
    noSubscription,
    () => true,
    () => false,
  );
  const heading = useRef<HTMLHeadingElement>(null);
  // The answer replaced the form: take keyboard and screen reader users to what now matters.
  useEffect(() => {
    heading.current?.focus();
  }, []);

  const text = [
    `${appName} recovery codes for ${accountEmail}`,
    `Generated ${formatDateTime(new Date())}`,
    '',
    'If you cannot use your authentication app, log in with your e-mail address and password,',
    'click "Use a recovery code instead" and enter one of these codes. Each code works once.',
    '',
    ...codes,
    '',
  ].join('\n');

  function download() {
    const url = URL.createObjectURL(new Blob([text], { type: 'text/plain;charset=utf-8' }));
    const link = document.createElement('a');
    link.href = url;
    link.download = `${appName.toLowerCase().replace(/[^a-z0-9]+/g, '-')}-recovery-codes.txt`;
    link.click();
    setTimeout(() => URL.revokeObjectURL(url), 1000);
  }

  return (
    <div className="space-y-4">
      <h2 ref={heading} tabIndex={-1} className="text-lg font-semibold outline-none">
        Save your recovery codes
      </h2>
      <p className="text-sm text-slate-700">
        If you lose your phone or cannot use your authentication app, you can log in with one of these recovery codes instead of the 6-digit code. Each code
        works once. Keep them somewhere safe, such as your password manager or a printed copy: this is the only time they are shown.
      </p>
      <ol
        aria-label="Recovery codes"
        data-testid="recovery-codes"
        className="grid grid-cols-2 gap-x-6 gap-y-1.5 rounded-md bg-slate-100 px-4 py-3 font-mono text-base tracking-wide text-slate-900 sm:max-w-md"
      >
        {codes.map((code) => (
          <li key={code}>{code}</li>
        ))}
      </ol>
      <div className="flex flex-wrap gap-3">
        <CopyButton text={codes.join('\n')} label="Copy codes" />
        <button
          type="button"
          onClick={download}
          className="rounded-md bg-white px-3 py-1.5 text-sm font-medium text-slate-800 ring-1 ring-inset ring-slate-300 hover:bg-slate-50"
        >
          Download (.txt)
        </button>
      </div>
      {/* A plain GET form: a full page load, so the header's reminders (built by the layout) count
          the new codes. Without JavaScript the browser itself holds Close until the box is ticked
          (required); with it, Close is disabled until then. */}
      <form action="/settings/2fa" method="get" className="space-y-4">
        <label className="flex items-start gap-2 text-sm text-slate-800">
          <input
            type="checkbox"
            required
            checked={saved}
            onChange={(event) => setSaved(event.target.checked)}
            className="mt-0.5 h-4 w-4 rounded border-slate-300"
          />
          I have saved these codes
        </label>
        <button type="submit" disabled={hydrated && !saved} className={buttonClass('primary')}>
          Close
        </button>
      </form>
    </div>
  );
}
