import { textField } from '@/lib/forms/form-input';

/** The helpdesk page of the user a form names: where "Confirm it's you" comes back to (S25). */
export function helpdeskUserPage(formData: FormData): string {
  return `/helpdesk/users/${encodeURIComponent(textField(formData, 'userId'))}`;
}
