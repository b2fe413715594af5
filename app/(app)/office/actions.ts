'use server';
import { redirect } from 'next/navigation';
import { z } from 'zod';
import type { FormState } from '@/lib/forms/form-state';
import { isFormData, textField, unreadableForm } from '@/lib/forms/form-input';
import { requireOfficeAdmin } from '@/lib/auth/guards';
import { requireFreshSecondFactor } from '@/lib/auth/step-up';
import { getRequestMeta } from '@/lib/auth/request-meta';
import { previewRequirement, setTwoFactorRequirement } from '@/lib/offices/set-two-factor-requirement';
import { messageKey } from '@/lib/i18n/messages';
import { getDateFormat, translate, translateFieldErrors } from '@/lib/i18n/server';
import { MAX_GRACE_DAYS } from '@/lib/offices/two-factor-deadline';

const CONFIRM_TO_APPLY = messageKey('office.requirement.confirmToApply');

const RequirementSchema = z.object({
  required: z.enum(['on', 'off'], messageKey('office.requirement.requiredChoice')),
  graceDays: z.coerce
    .number(messageKey('office.requirement.graceNotANumber'))
    .int(messageKey('office.requirement.graceNotWhole'))
    .min(0, messageKey('office.requirement.graceNegative'))
    .max(MAX_GRACE_DAYS, messageKey('office.requirement.graceTooLong')),
  confirm: z.string(CONFIRM_TO_APPLY).max(10, CONFIRM_TO_APPLY),
});

/** The arguments the schema's messages take (graceTooLong says the limit, from the constant). */
const SCHEMA_MESSAGE_VALUES = { max: MAX_GRACE_DAYS };

/**
 * The office's own admins only: the office is the caller's, never a form field. Turning the
 * requirement on first answers with how many users it affects and their deadline; a second
 * click confirms.
 */
export async function saveTwoFactorRequirement(_prev: FormState, formData: FormData): Promise<FormState> {
  const admin = await requireOfficeAdmin();
  const { user } = admin;
  if (!isFormData(formData)) return unreadableForm();
  const stepUp = await requireFreshSecondFactor(admin, formData, '/office');
  if (stepUp) return stepUp;
  const parsed = RequirementSchema.safeParse({
    required: textField(formData, 'required') === 'on' ? 'on' : 'off',
    // Without the requirement the grace period does not matter (a missing one is 0); with it, an
    // empty field (or a file sent in its place) is a question for the admin, not a silent 0.
    graceDays: textField(formData, 'graceDays') || (textField(formData, 'required') === 'on' ? undefined : '0'),
    confirm: textField(formData, 'confirm'),
  });
  const values = { graceDays: textField(formData, 'graceDays').slice(0, 10), required: textField(formData, 'required') === 'on' ? 'on' : 'off' };
  if (!parsed.success) return { fieldErrors: await translateFieldErrors(z.flattenError(parsed.error).fieldErrors, SCHEMA_MESSAGE_VALUES), values };
  const { required, graceDays, confirm } = parsed.data;
  const officeId = user.officeId!;

  if (required === 'on' && confirm !== 'yes') {
    const preview = await previewRequirement(officeId, graceDays);
    // The deadline in the admin's time zone, named, as the office page shows it.
    const deadline = (await getDateFormat()).dateTimeWithZone(preview.deadline);
    return {
      fieldErrors: { confirm: [await translate(CONFIRM_TO_APPLY)] },
      values,
      message: await translate({
        key: graceDays === 0 ? 'office.requirement.previewAtNextLogin' : 'office.requirement.preview',
        values: { count: preview.affectedUsers, deadline },
      }),
    };
  }
  await setTwoFactorRequirement({ officeId, adminId: user.id, required: required === 'on', graceDays }, await getRequestMeta());
  redirect('/office?saved=1');
}
