import 'server-only';
import { z } from 'zod';
import { db } from '@/lib/db';
import { NO_CONTROL_CHARACTERS } from '@/lib/forms/control-characters';
import { EMAIL_MAX_LENGTH, normaliseEmail } from '@/lib/auth/email-address';
import { isMessageKey, messageKey, type Message } from '@/lib/i18n/messages';
import { AUDIT_EVENT_TYPES } from './events';
import { parseEventCursor } from './event-cursor';
import { OFFICE_AUDIT_EVENT_TYPES } from './office-audit-events';
import type { AuditFilter } from './query-audit-events';

const day = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, messageKey('audit.errors.dateFormat'))
  .refine((value) => !Number.isNaN(Date.parse(`${value}T00:00:00Z`)), messageKey('audit.errors.notADate'));

const ParamsSchema = z.object({
  user: z
    .string()
    .trim()
    .max(EMAIL_MAX_LENGTH, messageKey('audit.errors.emailTooLong'))
    .regex(NO_CONTROL_CHARACTERS, messageKey('audit.errors.emailInvalid'))
    .optional(),
  office: z.string().max(64, messageKey('audit.errors.office')).regex(NO_CONTROL_CHARACTERS, messageKey('audit.errors.office')).optional(),
  type: z.enum(AUDIT_EVENT_TYPES, messageKey('audit.errors.type')).optional(),
  from: day.optional(),
  to: day.optional(),
});

/** An office admin's view: no office to choose, and only the office's 2FA event types. */
const OfficeParamsSchema = ParamsSchema.omit({ office: true }).extend({
  type: z.enum(OFFICE_AUDIT_EVENT_TYPES, messageKey('audit.errors.type')).optional(),
});

/**
 * The one office an audit view may show, from the admin's session: every event recorded for it
 * (the office of the subject when it happened, or the office itself for its settings), whatever
 * the query string says.
 */
export type AuditScope = { officeId: string };

/** errors: what is wrong with the filters or the page link, as catalogue messages for the page or the export to say in the agent's language. */
export type AuditQuery = { filter: AuditFilter; cursor?: number; values: Record<string, string>; errors: Message[] };

const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value) || undefined;

/** The audit log's filters from the query string, for the page and its CSV export alike; with a scope, an office admin's. */
export async function parseAuditQuery(params: Record<string, string | string[] | undefined>, scope?: AuditScope): Promise<AuditQuery> {
  const keys = scope ? ['user', 'type', 'from', 'to', 'cursor'] : ['user', 'office', 'type', 'from', 'to', 'cursor'];
  const raw = Object.fromEntries(keys.map((key) => [key, first(params[key])]));
  const values = Object.fromEntries(Object.entries(raw).filter(([, v]) => v !== undefined)) as Record<string, string>;
  const parsed = scope ? OfficeParamsSchema.safeParse(raw) : ParamsSchema.safeParse(raw);
  const cursor = parseEventCursor(raw.cursor);
  // A message that is not one of our keys is zod's own, for a case no rule above names: the generic field message.
  const errors: Message[] = parsed.success ? [] : parsed.error.issues.map((issue) => (isMessageKey(issue.message) ? issue.message : 'errors.invalidField'));
  if (cursor === null) errors.push('audit.errors.pageLink');
  if (!parsed.success || cursor === null) return { filter: { userId: '-', officeId: scope?.officeId }, values, errors: [...new Set(errors)] };
  const { user, type, from, to } = parsed.data;
  const office = 'office' in parsed.data ? parsed.data.office : undefined;
  let userId: string | undefined;
  if (user) {
    // An office admin looks up their own members only: whether an address has an account elsewhere is not theirs to learn.
    const found = scope
      ? await db.user.findFirst({ where: { email: normaliseEmail(user), officeId: scope.officeId }, select: { id: true } })
      : await db.user.findUnique({ where: { email: normaliseEmail(user) }, select: { id: true } });
    if (!found) errors.push({ key: scope ? 'officeMembers.audit.noSuchMember' : 'audit.errors.noSuchUser', values: { email: user } });
    userId = found?.id ?? '-';
  }
  return {
    filter: {
      userId,
      officeId: scope ? scope.officeId : office,
      ...(scope ? { types: OFFICE_AUDIT_EVENT_TYPES } : {}),
      type,
      from: from ? new Date(`${from}T00:00:00Z`) : undefined,
      // "to" is inclusive: everything before the next day.
      to: to ? new Date(Date.parse(`${to}T00:00:00Z`) + 86_400_000) : undefined,
    },
    cursor,
    values,
    errors,
  };
}
