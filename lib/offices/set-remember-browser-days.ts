import 'server-only';
import { db } from '@/lib/db';
import { recordAuditEvent } from '@/lib/audit/record-audit-event';
import { rememberBrowserDays } from '@/lib/auth/remembered-browsers';
import type { RequestMeta } from '@/lib/auth/request-meta';

/**
 * An office's "remember this browser" days (S18): 0 turns it off, at most
 * REMEMBER_BROWSER_MAX_DAYS. Rows already made keep their own expiry and are cut to the new
 * period when used (lib/auth/remembered-browsers.ts), so shortening applies to them at once.
 */
export async function setRememberBrowserDays(
  { officeId, adminId, days }: { officeId: string; adminId: string; days: number },
  meta: RequestMeta,
): Promise<void> {
  await db.$transaction(async (tx) => {
    const before = await rememberBrowserDays(officeId, tx);
    await tx.officeSettings.upsert({ where: { officeId }, create: { officeId, rememberBrowserDays: days }, update: { rememberBrowserDays: days } });
    await recordAuditEvent(tx, {
      type: 'office.remember_browser_changed',
      outcome: 'SUCCESS',
      actorUserId: adminId,
      officeId,
      meta,
      details: { before, after: days },
    });
  });
}
