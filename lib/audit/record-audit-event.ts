import 'server-only';
import type { DbClient, Statement, TxClient } from '@/lib/db';
import type { RequestMeta } from '@/lib/auth/request-meta';
import { AuditOutcome } from '@/lib/db/enums';
import { Prisma } from '@/lib/generated/sqlite/client';
import type { AuditEventType, AuditFactor } from './events';

export type AuditEventInput = {
  type: AuditEventType;
  outcome: AuditOutcome;
  factor?: AuditFactor;
  actorUserId?: string | null;
  subjectUserId?: string | null;
  officeId?: string | null;
  meta: RequestMeta;
  details?: Record<string, unknown>;
};

/**
 * Appends one audit event. Takes the transaction client of the change it records, so the
 * change and its record commit or roll back together (S11). Rows are never updated.
 */
export async function recordAuditEvent(tx: TxClient, event: AuditEventInput): Promise<void> {
  await tx.auditEvent.create({ data: toRow(event) });
}

/**
 * Several events of one change, in one INSERT written out (issue 17: the model API's createMany
 * costs several times the statement). createdAt is given, as the model API gives it: the
 * column's SQLite default would store another text format. The outcome is a literal from the
 * enum's fixed set: PostgreSQL types the column as an enum, not text.
 */
export async function recordAuditEvents(tx: DbClient, events: AuditEventInput[]): Promise<void> {
  if (events.length > 0) await auditEventsStatement(tx, events);
}

/** recordAuditEvents' INSERT, not yet sent: for a batch transaction (`Statement` in lib/db.ts). At least one event. */
export function auditEventsStatement(tx: DbClient, events: AuditEventInput[]): Statement {
  const createdAt = new Date();
  const values = events.map((event) => {
    const row = toRow(event);
    if (!(row.outcome in AuditOutcome)) throw new Error(`unknown audit outcome ${row.outcome}`);
    return Prisma.sql`(${createdAt}, ${row.type}, ${Prisma.raw(`'${row.outcome}'`)}, ${row.factor}, ${row.actorUserId}, ${row.subjectUserId}, ${row.officeId}, ${row.ip}, ${row.userAgent}, ${row.details})`;
  });
  return tx.$executeRaw`INSERT INTO "AuditEvent" ("createdAt", "type", "outcome", "factor", "actorUserId", "subjectUserId", "officeId", "ip", "userAgent", "details") VALUES ${Prisma.join(values)}`;
}

function toRow(event: AuditEventInput) {
  return {
    type: event.type,
    outcome: event.outcome,
    factor: event.factor ?? null,
    actorUserId: event.actorUserId ?? null,
    subjectUserId: event.subjectUserId ?? null,
    officeId: event.officeId ?? null,
    ip: event.meta.ip,
    userAgent: event.meta.userAgent,
    details: JSON.stringify(event.details ?? {}),
  };
}
