'use client';
import { useState } from 'react';

/** Copies a text to the clipboard and says so, for screen readers too. Both labels come in the caller's words ("Copy key" → "Copied"). */
export function CopyButton({ text, label, copiedLabel }: { text: string; label: string; copiedLabel: string }) {
  const [copied, setCopied] = useState(false);
  return (
    <button
      type="button"
      onClick={async () => {
        await navigator.clipboard.writeText(text);
        setCopied(true);
        setTimeout(() => setCopied(false), 2000);
      }}
      className="rounded-md bg-white px-3 py-1.5 text-sm font-medium text-slate-800 ring-1 ring-inset ring-slate-300 hover:bg-slate-50"
    >
      <span aria-live="polite">{copied ? copiedLabel : label}</span>
    </button>
  );
}
