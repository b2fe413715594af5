import 'server-only';
import { db, type TxClient } from '@/lib/db';
import { recordAuditEvent } from '@/lib/audit/record-audit-event';
import type { RequestMeta } from '@/lib/auth/request-meta';

/** Whether an office admin gets the e-mails about their members' 2FA events (S23): on until they turn them off. */
export async function adminAlertsOn(userId: string, client: TxClient = db): Promise<boolean> {
  const row = await client.officeAlertPreference.findUnique({ where: { userId }, select: { alertsOn: true } });
  return row?.alertsOn ?? true;
}

/**
 * An admin's own choice, audited in the same transaction (S11). Only ever the caller's own row:
 * `adminId` comes from the session, and the action takes no id from the form.
 */
export async function setAdminAlerts({ adminId, officeId, on }: { adminId: string; officeId: string; on: boolean }, meta: RequestMeta): Promise<void> {
  await db.$transaction(async (tx) => {
    const before = await adminAlertsOn(adminId, tx);
    await tx.officeAlertPreference.upsert({ where: { userId: adminId }, create: { userId: adminId, alertsOn: on }, update: { alertsOn: on } });
    await recordAuditEvent(tx, {
      type: 'office.admin_alerts_changed',
      outcome: 'SUCCESS',
      actorUserId: adminId,
      subjectUserId: adminId,
      officeId,
      meta,
      details: { before, after: on },
    });
  });
}
