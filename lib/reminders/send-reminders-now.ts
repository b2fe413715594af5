import 'server-only';
import { db } from '@/lib/db';
import { transaction } from '@/lib/db/transaction';
import { recordAuditEvent } from '@/lib/audit/record-audit-event';
import type { RequestMeta } from '@/lib/auth/request-meta';
import { TWO_FACTOR_OFF } from '@/lib/two-factor/two-factor-state';
import { DAY_MS, userTwoFactorDeadline } from '@/lib/offices/two-factor-deadline';
import { enqueueReminderEmail } from './reminder-email';

/**
 * "Send a reminder now" at most once per office in this time (S21): members should not get a
 * mail a click, and an admin account in the wrong hands cannot flood the office's mailboxes.
 */
export const MANUAL_REMINDER_INTERVAL_MS = DAY_MS;

export type ReminderNowStatus = { membersWithoutTwoFactor: number; nextAllowedAt: Date | null };

/** What the office page shows: how many would get it, and when it may be used again (null: now). */
export async function reminderNowStatus(officeId: string, now: Date = new Date()): Promise<ReminderNowStatus> {
  const [membersWithoutTwoFactor, last] = await Promise.all([
    db.user.count({ where: { officeId, ...TWO_FACTOR_OFF } }),
    db.officeReminderSend.findUnique({ where: { officeId }, select: { lastSentAt: true } }),
  ]);
  const next = last ? new Date(last.lastSentAt.getTime() + MANUAL_REMINDER_INTERVAL_MS) : null;
  return { membersWithoutTwoFactor, nextAllowedAt: next && next > now ? next : null };
}

export type SendRemindersNowResult = { kind: 'sent'; count: number } | { kind: 'too_soon'; nextAllowedAt: Date } | { kind: 'nobody' };

/**
 * Every member of the office without 2FA gets a reminder, each through the outbox in the same
 * transaction as the office's "last sent" time (a conditional write: two clicks, two admins or two
 * instances at once send one round) and the audit event with the count.
 */
export async function sendRemindersNow(
  { officeId, adminId }: { officeId: string; adminId: string },
  meta: RequestMeta,
  now: Date = new Date(),
): Promise<SendRemindersNowResult> {
  const since = new Date(now.getTime() - MANUAL_REMINDER_INTERVAL_MS);
  // The row exists before the conditional write; created at the epoch, it allows the first send.
  try {
    await db.officeReminderSend.create({ data: { officeId, lastSentAt: new Date(0) } });
  } catch (error) {
    if ((error as { code?: string }).code !== 'P2002') throw error;
  }
  return transaction<SendRemindersNowResult>(async (tx, rollBack) => {
    const claimed = await tx.officeReminderSend.updateMany({ where: { officeId, lastSentAt: { lte: since } }, data: { lastSentAt: now } });
    if (claimed.count === 0) {
      const last = await tx.officeReminderSend.findUniqueOrThrow({ where: { officeId }, select: { lastSentAt: true } });
      return { kind: 'too_soon', nextAllowedAt: new Date(last.lastSentAt.getTime() + MANUAL_REMINDER_INTERVAL_MS) };
    }
    const office = await tx.office.findUniqueOrThrow({
      where: { id: officeId },
      select: { twoFactorRequired: true, twoFactorGraceDays: true, twoFactorRequiredAt: true, twoFactorDeadline: true },
    });
    const members = await tx.user.findMany({
      where: { officeId, ...TWO_FACTOR_OFF },
      select: { id: true, email: true, name: true, locale: true, timeZone: true, officeJoinedAt: true, twoFactorDueBy: true },
    });
    // Nobody to remind: the day's send is not used up.
    if (members.length === 0) rollBack({ kind: 'nobody' });
    for (const member of members) {
      await enqueueReminderEmail(tx, { user: member, kind: 'now', deadline: userTwoFactorDeadline(office, member), now });
    }
    await recordAuditEvent(tx, { type: 'office.reminders_sent', outcome: 'SUCCESS', actorUserId: adminId, officeId, meta, details: { count: members.length } });
    return { kind: 'sent', count: members.length };
  });
}
