import 'server-only';
import { db } from '@/lib/db';

/**
 * One holder at a time for a job every instance may run: a row per job, taken by a conditional
 * write when free or expired. An instance that dies while holding it stops renewing, and the
 * lease expires after `ms`. The lease saves the work of several instances doing the same run;
 * exactly-once sending rests on the reminders' unique rows, not on it.
 */
export async function takeLease(name: string, holder: string, ms: number, now: Date = new Date()): Promise<boolean> {
  const expiresAt = new Date(now.getTime() + ms);
  const taken = await db.jobLease.updateMany({ where: { name, OR: [{ expiresAt: { lte: now } }, { holder }] }, data: { holder, expiresAt } });
  if (taken.count === 1) return true;
  try {
    await db.jobLease.create({ data: { name, holder, expiresAt } });
    return true;
  } catch (error) {
    // The row exists and is held by another instance, or another instance created it just now.
    if ((error as { code?: string }).code === 'P2002') return false;
    throw error;
  }
}

/** Gives the lease back at once (the next run need not wait for it to expire); only the holder can. */
export async function releaseLease(name: string, holder: string, now: Date = new Date()): Promise<void> {
  await db.jobLease.updateMany({ where: { name, holder }, data: { expiresAt: now } });
}
