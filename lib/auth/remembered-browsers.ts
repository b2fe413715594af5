import 'server-only';
import { db, type TxClient } from '@/lib/db';
import { recordAuditEvent } from '@/lib/audit/record-audit-event';
import type { RequestMeta } from './request-meta';
import { createSessionToken, sessionIdFromToken } from './session-token';
import { REMEMBER_BROWSER_MAX_DAYS } from './limits';

/**
 * "Don't ask for a code on this browser" (S18). A remembered browser only ever stands in for the
 * code step: it is looked at after the right password, for that same user, and counts while
 * its row is unexpired, within the office's current number of days, and made under the user's
 * current sessionVersion (2FA enabled, disabled or reset, a password change and "Sign out
 * everywhere else" all raise it, ending every remembered browser at once).
 */

const DAY_MS = 24 * 60 * 60 * 1000;
/** lastUsedAt is written at most this often: parallel logins with one cookie make one cheap write at most. */
const TOUCH_INTERVAL_MS = 60 * 1000;

/** The office's days (0 = off); an office without a settings row, or a user without an office: the maximum. */
export async function rememberBrowserDays(officeId: string | null, client: TxClient = db): Promise<number> {
  if (!officeId) return REMEMBER_BROWSER_MAX_DAYS;
  const settings = await client.officeSettings.findUnique({ where: { officeId }, select: { rememberBrowserDays: true } });
  return Math.min(settings?.rememberBrowserDays ?? REMEMBER_BROWSER_MAX_DAYS, REMEMBER_BROWSER_MAX_DAYS);
}

/** When a row stops counting: its own expiry, or earlier if the office shortened the period since (0 days: already). */
export function rememberedUntil(row: { createdAt: Date; expiresAt: Date }, officeDays: number): Date {
  return new Date(Math.min(row.expiresAt.getTime(), row.createdAt.getTime() + officeDays * DAY_MS));
}

/**
 * The remembered browser behind `token`, if it lets `user` skip the code now; null otherwise,
 * whatever the reason (another user's, expired, voided, forgotten, turned off), so the caller
 * simply asks for the code.
 */
export async function findRememberedBrowser(
  token: string | null,
  user: { id: string; sessionVersion: number; officeId: string | null },
  now = new Date(),
): Promise<{ id: string } | null> {
  if (!token) return null;
  const row = await db.rememberedBrowser.findUnique({
    where: { tokenHash: sessionIdFromToken(token) },
    select: { id: true, userId: true, userVersion: true, createdAt: true, expiresAt: true },
  });
  if (!row || row.userId !== user.id || row.userVersion !== user.sessionVersion) return null;
  if (rememberedUntil(row, await rememberBrowserDays(user.officeId)) <= now) return null;
  // Conditional and rare: remembering is not single-use, so parallel logins all pass; at most one writes.
  await db.rememberedBrowser.updateMany({ where: { id: row.id, lastUsedAt: { lt: new Date(now.getTime() - TOUCH_INTERVAL_MS) } }, data: { lastUsedAt: now } });
  return { id: row.id };
}

/** A new remembered browser for `user`, or null when the office has turned it off. The token goes into the cookie only. */
export async function rememberBrowser(
  tx: TxClient,
  user: { id: string; sessionVersion: number; officeId: string | null },
  description: string,
  now = new Date(),
): Promise<{ id: string; token: string; expiresAt: Date } | null> {
  const days = await rememberBrowserDays(user.officeId, tx);
  if (days <= 0) return null;
  const token = createSessionToken();
  const expiresAt = new Date(now.getTime() + days * DAY_MS);
  const row = await tx.rememberedBrowser.create({
    data: { tokenHash: sessionIdFromToken(token), userId: user.id, userVersion: user.sessionVersion, description, createdAt: now, lastUsedAt: now, expiresAt },
    select: { id: true },
  });
  return { id: row.id, token, expiresAt };
}

export type RememberedBrowserItem = { id: string; description: string; createdAt: Date; lastUsedAt: Date; expiresAt: Date };

/** The user's remembered browsers that still count, newest use first. */
export async function listRememberedBrowsers(userId: string, now = new Date()): Promise<RememberedBrowserItem[]> {
  const user = await db.user.findUnique({ where: { id: userId }, select: { sessionVersion: true, officeId: true } });
  if (!user) return [];
  const days = await rememberBrowserDays(user.officeId);
  const rows = await db.rememberedBrowser.findMany({
    where: { userId, userVersion: user.sessionVersion, expiresAt: { gt: now } },
    select: { id: true, description: true, createdAt: true, lastUsedAt: true, expiresAt: true },
    orderBy: { lastUsedAt: 'desc' },
  });
  return rows.map((row) => ({ ...row, expiresAt: rememberedUntil(row, days) })).filter((row) => row.expiresAt > now);
}

/** How many browsers the user has remembered that still count (the helpdesk's user page). */
export async function countRememberedBrowsers(userId: string, now = new Date()): Promise<number> {
  return (await listRememberedBrowsers(userId, now)).length;
}

/** Forgets one of the user's own remembered browsers, audited; scoped by owner, so another user's id does nothing. */
export async function forgetRememberedBrowser(userId: string, id: string, meta: RequestMeta = { ip: null, userAgent: null }): Promise<boolean> {
  return db.$transaction(async (tx) => {
    const row = await tx.rememberedBrowser.findFirst({ where: { id, userId }, select: { user: { select: { officeId: true } } } });
    if (!row) return false;
    const { count } = await tx.rememberedBrowser.deleteMany({ where: { id, userId } });
    if (count !== 1) return false;
    await recordAuditEvent(tx, {
      type: 'remembered_browser.forgotten',
      outcome: 'SUCCESS',
      actorUserId: userId,
      subjectUserId: userId,
      officeId: row.user.officeId,
      meta,
      details: { rememberedBrowserId: id },
    });
    return true;
  });
}
