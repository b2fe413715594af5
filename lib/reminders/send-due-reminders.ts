import 'server-only';
import { db } from '@/lib/db';
import { transaction } from '@/lib/db/transaction';
import { recordAuditEvent } from '@/lib/audit/record-audit-event';
import { TWO_FACTOR_OFF } from '@/lib/two-factor/two-factor-state';
import { userTwoFactorDeadline } from '@/lib/offices/two-factor-deadline';
import { deadlineKnownSince, dueReminderKind, type ReminderKind } from './reminder-schedule';
import { enqueueReminderEmail } from './reminder-email';

/** No request behind the schedule: the audit row says so by having no address or browser. */
const NO_REQUEST = { ip: null, userAgent: null };

/**
 * The deadline reminders due at `now` (S21), each sent once: the TwoFactorReminder row (unique per
 * user, deadline and kind) and the outbox message are written in one transaction, so a second run,
 * a second instance or a restart finds the row and sends nothing; a run that dies before the commit
 * leaves neither. Users who enabled 2FA or left the office are checked again inside that
 * transaction. Safe to run at any time, as often as wanted.
 */
export async function sendDueReminders(now: Date = new Date()): Promise<{ sent: number }> {
  const offices = await db.office.findMany({
    where: { twoFactorRequired: true, twoFactorDeadline: { not: null } },
    select: { id: true, twoFactorRequired: true, twoFactorGraceDays: true, twoFactorRequiredAt: true, twoFactorDeadline: true },
  });
  let sent = 0;
  for (const office of offices) {
    const users = await db.user.findMany({
      where: { officeId: office.id, ...TWO_FACTOR_OFF },
      select: { id: true, officeJoinedAt: true, twoFactorDueBy: true },
    });
    const due: Array<{ userId: string; deadline: Date; kind: ReminderKind }> = [];
    for (const user of users) {
      const deadline = userTwoFactorDeadline(office, user);
      if (!deadline) continue;
      const kind = dueReminderKind({ deadline, knownSince: deadlineKnownSince(office, user, deadline), now });
      if (kind) due.push({ userId: user.id, deadline, kind });
    }
    if (due.length === 0) continue;
    // What earlier runs already sent, in one query, so a run over a quiet office writes nothing.
    const done = await db.twoFactorReminder.findMany({
      where: { userId: { in: due.map((d) => d.userId) } },
      select: { userId: true, deadline: true, kind: true },
    });
    const doneKeys = new Set(done.map((r) => `${r.userId}|${r.deadline.getTime()}|${r.kind}`));
    for (const reminder of due) {
      if (doneKeys.has(`${reminder.userId}|${reminder.deadline.getTime()}|${reminder.kind}`)) continue;
      if (await sendReminder(office.id, reminder, now)) sent += 1;
    }
  }
  return { sent };
}

async function sendReminder(officeId: string, { userId, deadline, kind }: { userId: string; deadline: Date; kind: ReminderKind }, now: Date): Promise<boolean> {
  try {
    return await transaction(async (tx) => {
      // Still in this office, still without 2FA: either may have changed since the list was read.
      const user = await tx.user.findFirst({
        where: { id: userId, officeId, ...TWO_FACTOR_OFF },
        select: { id: true, email: true, name: true, locale: true, timeZone: true },
      });
      if (!user) return false;
      // The unique key (userId, deadline, kind): another run that got here first makes this insert fail.
      await tx.twoFactorReminder.create({ data: { userId, deadline, kind, createdAt: now } });
      await enqueueReminderEmail(tx, { user, kind, deadline, now });
      await recordAuditEvent(tx, {
        type: 'two_factor.reminder_sent',
        outcome: 'SUCCESS',
        subjectUserId: userId,
        officeId,
        meta: NO_REQUEST,
        details: { kind, deadline: deadline.toISOString() },
      });
      return true;
    });
  } catch (error) {
    if ((error as { code?: string }).code === 'P2002') return false; // sent by another run
    throw error;
  }
}
