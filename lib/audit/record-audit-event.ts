import 'server-only';
import type { TxClient } from '@/lib/db';
import type { RequestMeta } from '@/lib/auth/request-meta';
import type { AuditOutcome } from '@/lib/db/enums';
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

/** Several events of one change, in one statement. */
export async function recordAuditEvents(tx: TxClient, events: AuditEventInput[]): Promise<void> {
  await tx.auditEvent.createMany({ data: events.map(toRow) });
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
