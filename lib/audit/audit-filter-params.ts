import 'server-only';
import { z } from 'zod';
import { db } from '@/lib/db';
import { NO_CONTROL_CHARACTERS } from '@/lib/forms/control-characters';
import { EMAIL_MAX_LENGTH, normaliseEmail } from '@/lib/auth/email-address';
import { AUDIT_EVENT_TYPES } from './events';
import { parseEventCursor } from './event-cursor';
import type { AuditFilter } from './query-audit-events';

const PAGE_LINK_BROKEN = 'That page link is not valid: show the newest events and page on from there.';

const day = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'Use a date like 2026-11-28.')
  .refine((value) => !Number.isNaN(Date.parse(`${value}T00:00:00Z`)), 'That is not a date.');

const ParamsSchema = z.object({
  user: z.string().trim().max(EMAIL_MAX_LENGTH, 'That e-mail address is too long.').regex(NO_CONTROL_CHARACTERS, 'Enter a valid e-mail address.').optional(),
  office: z.string().max(64, 'Choose an office from the list.').regex(NO_CONTROL_CHARACTERS, 'Choose an office from the list.').optional(),
  type: z.enum(AUDIT_EVENT_TYPES, 'Choose an event type from the list.').optional(),
  from: day.optional(),
  to: day.optional(),
});

export type AuditQuery = { filter: AuditFilter; cursor?: number; values: Record<string, string>; errors: string[] };

const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value) || undefined;

/** The audit log's filters from the query string, for the page and its CSV export alike. */
export async function parseAuditQuery(params: Record<string, string | string[] | undefined>): Promise<AuditQuery> {
  const raw = Object.fromEntries(['user', 'office', 'type', 'from', 'to', 'cursor'].map((key) => [key, first(params[key])]));
  const values = Object.fromEntries(Object.entries(raw).filter(([, v]) => v !== undefined)) as Record<string, string>;
  const parsed = ParamsSchema.safeParse(raw);
  const cursor = parseEventCursor(raw.cursor);
  const errors = parsed.success ? [] : parsed.error.issues.map((issue) => issue.message);
  if (cursor === null) errors.push(PAGE_LINK_BROKEN);
  if (!parsed.success || cursor === null) return { filter: { userId: '-' }, values, errors: [...new Set(errors)] };
  const { user, office, type, from, to } = parsed.data;
  let userId: string | undefined;
  if (user) {
    const found = await db.user.findUnique({ where: { email: normaliseEmail(user) }, select: { id: true } });
    if (!found) errors.push(`No user has the e-mail address ${user}.`);
    userId = found?.id ?? '-';
  }
  return {
    filter: {
      userId,
      officeId: office,
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
