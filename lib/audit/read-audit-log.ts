import 'server-only';
import { db } from '@/lib/db';
import type { Message } from '@/lib/i18n/messages';
import { parseAuditQuery } from './audit-filter-params';
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
  /** Every office, for the filter's list. */
  offices: Array<{ id: string; name: string }>;
};

/** The helpdesk's audit log page: the events the query string asks for, newest first, a page at a time. */
export async function readAuditLog(params: SearchParams): Promise<AuditLogView> {
  const query = await parseAuditQuery(params);
  const [{ events, nextCursor }, offices] = await Promise.all([
    query.errors.length ? { events: [], nextCursor: null } : queryAuditEvents(query.filter, { cursor: query.cursor }),
    db.office.findMany({ orderBy: { name: 'asc' }, select: { id: true, name: true } }),
  ]);
  const { cursor: _cursor, ...filterValues } = query.values;
  return { filterValues, errors: query.errors, cursor: query.cursor, events, nextCursor, offices };
}
