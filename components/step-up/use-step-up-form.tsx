'use client';
import { useActionState, useEffect, useRef, useState, type FormEvent } from 'react';
import type { FormState } from '@/lib/forms/form-state';
import { STEP_UP_INLINE_FIELD } from '@/lib/auth/step-up-fields';
import { StepUpPanel } from './step-up-panel';
import { useHydrated } from '@/components/ui/use-hydrated';

type ServerAction = (prev: FormState, formData: FormData) => Promise<FormState>;

/**
 * useActionState for a form whose action may ask for "Confirm it's you" (S25). With JavaScript
 * the form says so (STEP_UP_INLINE_FIELD) and the check opens beside it (`panel`): the form
 * keeps the state it showed before (a confirmation step stays open) and the fields keep what was
 * typed, which never leaves the page: React empties a form after its action, so they are put
 * back from the page's own copy. Without JavaScript the action redirects to /confirm and back.
 *
 * Usage: `const { state, action, formProps, marker, panel } = useStepUpForm(serverAction, initialFormState)`;
 * `<form action={action} {...formProps}>{marker}…</form>{panel}`.
 */
export function useStepUpForm(serverAction: ServerAction, initialState: FormState) {
  const [answer, action] = useActionState(serverAction, initialState);
  // The state the form shows: a step-up answer keeps the one before it.
  const [shown, setShown] = useState(answer);
  const [seen, setSeen] = useState(answer);
  const [asked, setAsked] = useState(0);
  if (answer !== seen) {
    setSeen(answer);
    setShown(answer.stepUp ? { ...shown, stepUp: answer.stepUp, stepUpMethods: answer.stepUpMethods } : answer);
    if (answer.stepUp) setAsked(asked + 1);
  }

  const formRef = useRef<HTMLFormElement>(null);
  const typed = useRef<[string, FormDataEntryValue][] | null>(null);
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    typed.current = Array.from(new FormData(event.currentTarget));
  };
  useEffect(() => {
    if (answer.stepUp && formRef.current && typed.current) restoreFields(formRef.current, typed.current);
  }, [answer]);

  // Rendered once the page runs JavaScript (never on the server, so hydration matches).
  const hydrated = useHydrated();
  const marker = hydrated ? <input type="hidden" name={STEP_UP_INLINE_FIELD} value="1" /> : null;
  const panel = shown.stepUp ? <StepUpPanel key={asked} need={shown.stepUp} methods={shown.stepUpMethods} /> : null;
  return { state: shown, action, formProps: { ref: formRef, onSubmit }, marker, panel };
}

/** Puts typed values back into the form's fields (hidden fields and buttons are the page's own). */
function restoreFields(form: HTMLFormElement, entries: [string, FormDataEntryValue][]) {
  const remaining = new Map<string, string[]>();
  for (const [name, value] of entries) {
    if (typeof value === 'string') remaining.set(name, [...(remaining.get(name) ?? []), value]);
  }
  for (const element of Array.from(form.elements)) {
    if (element instanceof HTMLInputElement) {
      if (!element.name || element.type === 'hidden' || element.type === 'file' || element.type === 'submit') continue;
      if (element.type === 'checkbox' || element.type === 'radio') {
        element.checked = (remaining.get(element.name) ?? []).includes(element.value);
      } else {
        element.value = remaining.get(element.name)?.shift() ?? '';
      }
    } else if (element instanceof HTMLTextAreaElement || element instanceof HTMLSelectElement) {
      if (element.name) element.value = remaining.get(element.name)?.shift() ?? '';
    }
  }
}
