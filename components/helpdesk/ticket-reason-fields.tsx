import type { FormState } from '@/lib/forms/form-state';
import { REASON_MAX_LENGTH, TICKET_MAX_LENGTH } from '@/lib/helpdesk/request-limits';
import { TextField } from '@/components/ui/text-field';

/**
 * The ticket reference and reason every helpdesk change records (lib/helpdesk/helpdesk-request.ts),
 * with what was typed put back after a refusal. `idPrefix` keeps the ids apart when two forms share a page.
 */
export function TicketReasonFields({ idPrefix, labels, state }: { idPrefix: string; labels: { ticket: string; reason: string }; state: FormState }) {
  return (
    <>
      <TextField
        label={labels.ticket}
        name="ticket"
        id={`${idPrefix}-ticket`}
        maxLength={TICKET_MAX_LENGTH}
        required
        defaultValue={state.values?.ticket}
        errors={state.fieldErrors?.ticket}
        className="max-w-xs"
      />
      <TextField
        label={labels.reason}
        name="reason"
        id={`${idPrefix}-reason`}
        maxLength={REASON_MAX_LENGTH}
        required
        defaultValue={state.values?.reason}
        errors={state.fieldErrors?.reason}
      />
    </>
  );
}
