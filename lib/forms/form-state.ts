/** What every server action returns to its form (HOUSE-STYLE: authorise → parse → lib → redirect). */
export type FormState = {
  ok?: boolean;
  message?: string;
  fieldErrors?: Record<string, string[] | undefined>;
  /** Values to put back into the form after an error (never a password or a code). */
  values?: Record<string, string>;
  /** New recovery codes, in the one answer of the action that made them (S13): shown once, stored only as hashes. */
  recoveryCodes?: string[];
  /** S25: the action changed nothing; "Confirm it's you" first (or, without 2FA, turn it on first). lib/auth/step-up.ts. */
  stepUp?: 'confirm' | 'enable-two-factor';
  /** With stepUp 'confirm': the second factors the user can confirm with (S24: a key, the app; recovery codes always). */
  stepUpMethods?: StepUpMethods;
};

export type StepUpMethods = { key: boolean; app: boolean };

export const initialFormState: FormState = {};
