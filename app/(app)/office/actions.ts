'use server';
import { redirect } from 'next/navigation';
import { z } from 'zod';
import type { FormState } from '@/lib/forms/form-state';
import { isFormData, textField, unreadableForm } from '@/lib/forms/form-input';
import { requireOfficeAdmin } from '@/lib/auth/guards';
import { getRequestMeta } from '@/lib/auth/request-meta';
import { previewRequirement, setTwoFactorRequirement } from '@/lib/offices/set-two-factor-requirement';
import { formatDateTime } from '@/lib/format';
import { MAX_GRACE_DAYS } from '@/lib/offices/two-factor-deadline';

const RequirementSchema = z.object({
  required: z.enum(['on', 'off'], 'Choose whether the office requires two-factor authentication.'),
  graceDays: z.coerce
    .number('Enter the grace period as a number of days.')
    .int('Enter a whole number of days.')
    .min(0, 'The grace period cannot be negative.')
    .max(MAX_GRACE_DAYS, `The grace period is at most ${MAX_GRACE_DAYS} days.`),
  confirm: z.string('Confirm to apply').max(10, 'Confirm to apply'),
});

/**
 * The office's own admins only: the office is the caller's, never a form field. Turning the
 * requirement on first answers with how many users it affects and their deadline; a second
 * click confirms.
 */
export async function saveTwoFactorRequirement(_prev: FormState, formData: FormData): Promise<FormState> {
  const { user } = await requireOfficeAdmin();
  if (!isFormData(formData)) return unreadableForm();
  const parsed = RequirementSchema.safeParse({
    required: textField(formData, 'required') === 'on' ? 'on' : 'off',
    // Without the requirement the grace period does not matter (a missing one is 0); with it, an
    // empty field (or a file sent in its place) is a question for the admin, not a silent 0.
    graceDays: textField(formData, 'graceDays') || (textField(formData, 'required') === 'on' ? undefined : '0'),
    confirm: textField(formData, 'confirm'),
  });
  const values = { graceDays: textField(formData, 'graceDays').slice(0, 10), required: textField(formData, 'required') === 'on' ? 'on' : 'off' };
  if (!parsed.success) return { fieldErrors: z.flattenError(parsed.error).fieldErrors, values };
  const { required, graceDays, confirm } = parsed.data;
  const officeId = user.officeId!;

  if (required === 'on' && confirm !== 'yes') {
    const preview = await previewRequirement(officeId, graceDays);
    return {
      fieldErrors: { confirm: ['Confirm to apply'] },
      values,
      message: `${preview.affectedUsers} ${preview.affectedUsers === 1 ? 'user does' : 'users do'} not have two-factor authentication yet. They must enable it by ${formatDateTime(preview.deadline)}${graceDays === 0 ? ' (at their next login)' : ''}.`,
    };
  }
  await setTwoFactorRequirement({ officeId, adminId: user.id, required: required === 'on', graceDays }, await getRequestMeta());
  redirect('/office?saved=1');
}
