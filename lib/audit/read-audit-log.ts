import 'server-only';
import { db } from '@/lib/db';
import type { Message } from '@/lib/i18n/messages';
import { parseAuditQuery, type AuditScope } from './audit-filter-params';
import { queryAuditEvents, type AuditEventView } from './query-audit-events';

export type SearchParams = Record<string, string | string[] | undefined>;

export type AuditLogView = {
  /** The filters as the agent sent them (to fill in the form again), without the cursor. */
  filterValues: Record<string, string>;
  /** What is wrong with the filters or the page link, to say in the agent's language: no events are read then. */
  errors: Message[];
  cursor: number | undefined;
  events: AuditEventView[];
  nextCursor: number | null;
  /** Every office, for the filter's list (none in an office's own view). */
  offices: Array<{ id: string; name: string }>;
};

/**
 * The helpdesk's audit log page, or with a scope an office admin's view of their office: the
 * events the query string asks for, newest first, a page at a time.
 */
export async function readAuditLog(params: SearchParams, scope?: AuditScope): Promise<AuditLogView> {
  const query = await parseAuditQuery(params, scope);
  const [{ events, nextCursor }, offices] = await Promise.all([
    query.errors.length ? { events: [], nextCursor: null } : queryAuditEvents(query.filter, { cursor: query.cursor }),
    scope ? [] : db.office.findMany({ orderBy: { name: 'asc' }, select: { id: true, name: true } }),
  ]);
  const { cursor: _cursor, ...filterValues } = query.values;
  return { filterValues, errors: query.errors, cursor: query.cursor, events: scope ? events.map(withoutAgentAddress) : events, nextCursor, offices };
}

/**
 * In an office's view, the helpdesk's events without the agent's address and browser: those are
 * the portal operator's, not the office's; the agent's name and ticket stay.
 */
export function withoutAgentAddress(event: AuditEventView): AuditEventView {
  return event.type.startsWith('helpdesk.') ? { ...event, ip: null, userAgent: null } : event;
}
