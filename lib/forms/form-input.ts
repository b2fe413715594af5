import { messageKey } from '@/lib/i18n/messages';
import { translate } from '@/lib/i18n/server';
import type { FormState } from './form-state';

/**
 * Reading what a server action receives. Every action is a public endpoint: anyone can post to
 * it with the Next-Action header and a body React's decoder accepts, so the "form data" argument
 * may be `[]`, `null` or a JSON object, and any field of a real form may be a file part instead
 * of text. Before this, `formData.get` on a non-form threw outside the action's `try` (a 500 with
 * a stack frame and the server's path), and a file as password showed the validator's
 * "expected string, received File".
 */

/** The same words as proxy.ts's refusal of a form that does not parse. */
export const FORM_UNREADABLE = messageKey('errors.refusals.unreadable.body');

/**
 * The answer to an action called with anything but form data: fixed and plain, before any
 * session check or database access, so such a call changes nothing and tells nothing.
 */
export async function unreadableForm(): Promise<FormState> {
  return { message: await translate(FORM_UNREADABLE) };
}

/**
 * Only a real FormData: React's decoder can build objects with function-valued properties
 * (references to other server actions), so a duck-typed `get` method proves nothing.
 */
export function isFormData(value: unknown): value is FormData {
  return value instanceof FormData;
}

/**
 * The text of one field. A missing field and a file part are an empty field, so the form's
 * own "Enter …" message answers them, never the validator's type error.
 */
export function textField(formData: FormData, name: string): string {
  const value = formData.get(name);
  return typeof value === 'string' ? value : '';
}

/** Every value of a repeated field (checkboxes), a file part as an empty value. */
export function textFields(formData: FormData, name: string): string[] {
  return formData.getAll(name).map((value) => (typeof value === 'string' ? value : ''));
}
