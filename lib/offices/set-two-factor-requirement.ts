import 'server-only';
import { TWO_FACTOR_OFF } from '@/lib/two-factor/two-factor-state';
import { db } from '@/lib/db';
import { transaction } from '@/lib/db/transaction';
import { recordAuditEvent } from '@/lib/audit/record-audit-event';
import { enqueueNotification } from '@/lib/notifications/enqueue-notification';
import type { RequestMeta } from '@/lib/auth/request-meta';
import { nextOfficeDeadline } from './two-factor-deadline';

export type RequirementPreview = { affectedUsers: number; deadline: Date };

/** Who turning the requirement on would affect (users of the office without 2FA), and by when. */
export async function previewRequirement(officeId: string, graceDays: number, now = new Date()): Promise<RequirementPreview> {
  const office = await db.office.findUniqueOrThrow({ where: { id: officeId }, select: { twoFactorDeadline: true } });
  const affectedUsers = await db.user.count({ where: { officeId, ...TWO_FACTOR_OFF } });
  return { affectedUsers, deadline: nextOfficeDeadline(office.twoFactorDeadline, graceDays, now) };
}

export type RequirementChange = { officeId: string; adminId: string; required: boolean; graceDays: number };

/**
 * Turns "Require two-factor authentication for all users in this office" on or off, or changes
 * the grace period. Audited (S11); on turning on, every affected user is told (S12). The
 * deadline only ever moves earlier (see two-factor-deadline.ts).
 */
export async function setTwoFactorRequirement(
  change: RequirementChange,
  meta: RequestMeta,
  now = new Date(),
): Promise<{ deadline: Date | null; affectedUsers: number }> {
  return transaction(async (tx) => {
    const office = await tx.office.findUniqueOrThrow({
      where: { id: change.officeId },
      select: { twoFactorRequired: true, twoFactorGraceDays: true, twoFactorDeadline: true, twoFactorRequiredAt: true },
    });
    const audit = { actorUserId: change.adminId, officeId: change.officeId, meta };

    if (!change.required) {
      if (!office.twoFactorRequired) return { deadline: null, affectedUsers: 0 };
      await tx.office.update({ where: { id: change.officeId }, data: { twoFactorRequired: false } });
      await recordAuditEvent(tx, { ...audit, type: 'office.two_factor_requirement_lifted', outcome: 'SUCCESS' });
      return { deadline: null, affectedUsers: 0 };
    }

    const deadline = nextOfficeDeadline(office.twoFactorDeadline, change.graceDays, now);
    const turningOn = !office.twoFactorRequired;
    await tx.office.update({
      where: { id: change.officeId },
      data: {
        twoFactorRequired: true,
        twoFactorGraceDays: change.graceDays,
        twoFactorDeadline: deadline,
        ...(turningOn ? { twoFactorRequiredAt: now } : {}),
      },
    });
    const affected = await tx.user.findMany({ where: { officeId: change.officeId, ...TWO_FACTOR_OFF }, select: { id: true } });
    await recordAuditEvent(tx, {
      ...audit,
      type: turningOn ? 'office.two_factor_required' : 'office.two_factor_grace_changed',
      outcome: 'SUCCESS',
      details: { graceDays: change.graceDays, previousGraceDays: office.twoFactorGraceDays, deadline: deadline.toISOString(), affectedUsers: affected.length },
    });
    if (turningOn) {
      for (const user of affected) await enqueueNotification(tx, { userId: user.id, kind: 'two_factor_required', meta, now, deadline });
    }
    return { deadline, affectedUsers: affected.length };
  });
}
