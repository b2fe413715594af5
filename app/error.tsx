'use client';
import { Card } from '@/components/ui/card';
import { buttonClass } from '@/components/ui/button-class';
import { FORM_TOO_LARGE } from '@/lib/forms/body-limit';

/**
 * Shown when a page fails on the server. Never the error's text: it may say more than a user
 * should read. One exception, compared whole: the 413 that proxy.ts gives a form too large to
 * send, whose fixed text the React client turns into the error's message.
 */
export default function ErrorPage({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  if (error.message === FORM_TOO_LARGE) {
    return (
      <main className="mx-auto max-w-md px-4 py-16">
        <Card>
          <h1 className="text-xl font-semibold">The form was too large</h1>
          <p className="mt-2 text-slate-700">{FORM_TOO_LARGE}</p>
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
