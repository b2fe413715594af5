import 'server-only';
import { randomUUID } from 'node:crypto';
import { env } from '@/lib/env';
import { releaseLease, takeLease } from './job-lease';
import { sendDueReminders } from './send-due-reminders';

export const REMINDERS_LEASE = 'two_factor_reminders';
/** Longer than a run takes (a few hundred offices); a holder that dies frees it after this. */
export const REMINDERS_LEASE_MS = 5 * 60 * 1000;

/** This process, as a lease holder. */
const INSTANCE_ID = randomUUID();

/** One run of the reminder schedule under the lease: null when another instance holds it. */
export async function runRemindersUnderLease(now: Date = new Date(), holder: string = INSTANCE_ID): Promise<{ sent: number } | null> {
  if (!(await takeLease(REMINDERS_LEASE, holder, REMINDERS_LEASE_MS, now))) return null;
  try {
    return await sendDueReminders(now);
  } finally {
    await releaseLease(REMINDERS_LEASE, holder);
  }
}

async function runInBackground(): Promise<void> {
  try {
    await runRemindersUnderLease();
  } catch (error) {
    console.error('[reminders] run failed; the next one retries', error);
  }
}

/**
 * On a long-running server (not on Vercel, where the cron route runs it): every
 * REMINDERS_POLL_SECONDS, as the outbox poller does. Every instance polls; the lease lets one work.
 */
export function startReminderPoller(): void {
  const seconds = env().REMINDERS_POLL_SECONDS;
  if (seconds === 0 || process.env.VERCEL) return;
  setInterval(runInBackground, seconds * 1000).unref();
}
