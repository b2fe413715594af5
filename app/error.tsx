'use client';
import { Card } from '@/components/ui/card';
import { buttonClass } from '@/components/ui/button-class';
import { REFUSAL_HEADINGS } from '@/lib/forms/request-refusals';

/**
 * Shown when a page fails on the server. Never the error's text: it may say more than a user
 * should read. The exceptions, compared whole: the fixed texts proxy.ts refuses a form with
 * (too large, unreadable, from another site), which the React client makes the error's message.
 */
export default function ErrorPage({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  if (Object.hasOwn(REFUSAL_HEADINGS, error.message)) {
    return (
      <main className="mx-auto max-w-md px-4 py-16">
        <Card>
          <h1 className="text-xl font-semibold">{REFUSAL_HEADINGS[error.message]}</h1>
          <p className="mt-2 text-slate-700">{error.message}</p>
          <button type="button" onClick={reset} className={`mt-6 ${buttonClass('primary')}`}>
            Back to the form
          </button>
        </Card>
      </main>
    );
  }
  return (
    <main className="mx-auto max-w-md px-4 py-16">
      <Card>
        <h1 className="text-xl font-semibold">Something went wrong on our side</h1>
        <p className="mt-2 text-slate-700">Nothing you entered was lost by trying again. Please try again in a moment. If it keeps happening, contact the helpdesk.</p>
        <button type="button" onClick={reset} className={`mt-6 ${buttonClass('primary')}`}>
          Try again
        </button>
      </Card>
    </main>
  );
}
