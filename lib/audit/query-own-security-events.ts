import 'server-only';
import { queryAuditEvents } from './query-audit-events';
import { OWN_SECURITY_EVENT_TYPES, toOwnSecurityEvent, type OwnSecurityEvent } from './own-security-event';

export const OWN_EVENTS_PAGE_SIZE = 25;

/**
 * The signed-in user's own security events, newest first, a page at a time. `userId` comes
 * from the session, never from the request: the subject filter is what keeps every page,
 * whatever cursor is sent, to the user's own events.
 */
export async function queryOwnSecurityEvents(
  userId: string,
  { cursor, limit = OWN_EVENTS_PAGE_SIZE }: { cursor?: number; limit?: number } = {},
): Promise<{ events: OwnSecurityEvent[]; nextCursor: number | null }> {
  const page = await queryAuditEvents({ subjectUserId: userId, types: OWN_SECURITY_EVENT_TYPES }, { cursor, limit });
  return { events: page.events.map((event) => toOwnSecurityEvent(event, userId)), nextCursor: page.nextCursor };
}
