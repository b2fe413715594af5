'use client';
import { useState, type FormEvent } from 'react';
import { useTranslations } from 'next-intl';
import type { FormState } from './form-state';

/** What a login form's route handler answers the page's script (decisions 0019, 0020): where to go next, or the form's state after a refusal. */
type FormPostAnswer = { to: string } | { state: FormState };

/**
 * Posts `form` to `url` as the page's script does: the same URL-encoded body a browser without
 * JavaScript sends, with `Accept: application/json`. Null when the network or the server failed
 * before answering.
 */
async function postFormAsScript(form: HTMLFormElement, url: string): Promise<FormPostAnswer | null> {
  try {
    const response = await fetch(url, {
      method: 'POST',
      headers: { Accept: 'application/json' },
      body: new URLSearchParams([...new FormData(form)].map(([name, value]) => [name, String(value)])),
    });
    return (await response.json()) as FormPostAnswer;
  } catch {
    return null;
  }
}

/**
 * A plain form (`method="post" action={url}`, so it works without JavaScript) that the page's
 * script posts itself once hydrated: on success the next page loads in full; a refusal becomes
 * the form's state, shown in place, after `onRefused` has put the fields right (it gets the form
 * and the refusal, and returns the state to show). A failure before any answer says "try again
 * later" and keeps what was typed. One post at a time.
 */
export function useFormPost(url: string, initialState: FormState, onRefused: (form: HTMLFormElement, refusal: FormState) => FormState) {
  const errors = useTranslations('errors');
  const [state, setState] = useState(initialState);
  const [posting, setPosting] = useState(false);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (posting) return;
    const form = event.currentTarget;
    setPosting(true);
    const answer = await postFormAsScript(form, url);
    if (answer && 'to' in answer) {
      window.location.assign(answer.to);
      return;
    }
    setState(onRefused(form, answer?.state ?? { message: errors('tryAgainLater') }));
    setPosting(false);
  }

  return { state, posting, submit };
}
