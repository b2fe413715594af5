import 'server-only';
import { db } from '@/lib/db';
import type { AuditOutcome } from '@/lib/db/enums';

export type AuditFilter = {
  /** Events the user did or that were done to them (the helpdesk's view). */
  userId?: string;
  /** Only events done to this user: what a user may see of their own. */
  subjectUserId?: string;
  officeId?: string;
  type?: string;
  types?: readonly string[];
  from?: Date;
  to?: Date;
};

export type AuditEventView = {
  id: number;
  createdAt: Date;
  type: string;
  outcome: AuditOutcome;
  factor: string | null;
  actor: { id: string; name: string; email: string } | null;
  subject: { id: string; name: string; email: string } | null;
  officeName: string | null;
  ip: string | null;
  userAgent: string | null;
  details: Record<string, unknown>;
};

export type AuditPage = { events: AuditEventView[]; nextCursor: number | null };

const AUDIT_PAGE_SIZE = 50;

function whereOf(filter: AuditFilter, cursor?: number) {
  return {
    AND: [
      filter.userId ? { OR: [{ subjectUserId: filter.userId }, { actorUserId: filter.userId }] } : {},
      filter.subjectUserId ? { subjectUserId: filter.subjectUserId } : {},
      filter.officeId ? { officeId: filter.officeId } : {},
      filter.type ? { type: filter.type } : {},
      filter.types ? { type: { in: [...filter.types] } } : {},
      filter.from ? { createdAt: { gte: filter.from } } : {},
      filter.to ? { createdAt: { lt: filter.to } } : {},
      cursor ? { id: { lt: cursor } } : {},
    ],
  };
}

/**
 * Newest first, a page at a time. The cursor is the last id seen: events written meanwhile
 * have higher ids and never shift a later page, so paging is stable under new writes.
 */
export async function queryAuditEvents(filter: AuditFilter, { cursor, limit = AUDIT_PAGE_SIZE }: { cursor?: number; limit?: number } = {}): Promise<AuditPage> {
  const rows = await db.auditEvent.findMany({ where: whereOf(filter, cursor), orderBy: { id: 'desc' }, take: limit + 1 });
  const page = rows.slice(0, limit);
  const userIds = [...new Set(page.flatMap((row) => [row.actorUserId, row.subjectUserId]).filter((id): id is string => !!id))];
  const officeIds = [...new Set(page.map((row) => row.officeId).filter((id): id is string => !!id))];
  const [users, offices] = await Promise.all([
    db.user.findMany({ where: { id: { in: userIds } }, select: { id: true, name: true, email: true } }),
    db.office.findMany({ where: { id: { in: officeIds } }, select: { id: true, name: true } }),
  ]);
  const userById = new Map(users.map((user) => [user.id, user]));
  const officeById = new Map(offices.map((office) => [office.id, office.name]));
  return {
    events: page.map((row) => ({
      id: row.id,
      createdAt: row.createdAt,
      type: row.type,
      outcome: row.outcome,
      factor: row.factor,
      actor: row.actorUserId ? (userById.get(row.actorUserId) ?? null) : null,
      subject: row.subjectUserId ? (userById.get(row.subjectUserId) ?? null) : null,
      officeName: row.officeId ? (officeById.get(row.officeId) ?? null) : null,
      ip: row.ip,
      userAgent: row.userAgent,
      details: JSON.parse(row.details) as Record<string, unknown>,
    })),
    nextCursor: rows.length > limit ? page[page.length - 1].id : null,
  };
}
