import 'server-only';
import { twoFactorSince } from '@/lib/two-factor/two-factor-state';
import { db, type DbClient, type Statement, type TxClient } from '@/lib/db';
import type { RequestMeta } from './request-meta';
import { createSessionToken, sessionIdFromToken } from './session-token';
import { userTwoFactorDeadline } from '@/lib/offices/two-factor-deadline';
import { SessionStage, type Role } from '@/lib/db/enums';
import { Prisma } from '@/lib/generated/sqlite/client';
import { ACTIVE_ABSOLUTE_MS, ACTIVE_IDLE_MS, PENDING_LIFETIME_MS } from './limits';

/**
 * Sessions live in the database, so every instance sees the same state and a session can be
 * ended at once (S9). A session in stage PENDING_2FA is the login challenge between the
 * password and the code (S6): bound to one user, short-lived, with its own attempt count.
 */

/**
 * "Last active" on the Security page's list of sessions is written at most this often, so
 * reading a page is not a write: a request within a minute of the last write costs the one
 * read it always did. The idle expiry slides with it.
 */
export const LAST_ACTIVE_INTERVAL_MS = 60 * 1000;

export type SessionUser = {
  id: string;
  email: string;
  name: string;
  role: Role;
  officeId: string | null;
  officeName: string | null;
  twoFactorEnabledAt: Date | null;
  /** Which second factors the user has (S24): the verify page offers those, read with the session instead of a query of its own. */
  twoFactorMethods: { app: boolean; key: boolean };
  officeRequiresTwoFactor: boolean;
  /** Without 2FA in an office that requires it: the date by which the user must enable it. */
  twoFactorDeadline: Date | null;
  /** Past that deadline: only enrolment and log out are open until 2FA is on. Decided per request. */
  mustEnrolNow: boolean;
  /** The language and time zone the user chose (account settings), as stored; null until chosen. lib/i18n/server.ts checks them. */
  locale: string | null;
  timeZone: string | null;
};

/** How a login's second step was passed; remembered_browser: skipped by a remembered browser (S18); security_key: a WebAuthn key (S24). */
export type SecondFactor = 'totp' | 'recovery_code' | 'remembered_browser' | 'security_key';

export type SessionContext = {
  sessionId: string;
  stage: SessionStage;
  codeAttempts: number;
  /** null: the login had no second step (a user without 2FA). */
  secondFactor: SecondFactor | null;
  expiresAt: Date;
  user: SessionUser;
};

type NewSession = { token: string; sessionId: string; cookieExpiresAt: Date };

/**
 * A fresh token for a session in `stage` starting `now`, and the row's fields that go with it:
 * its id (the token's hash), times and stage. The row's expiry slides with use; the cookie lasts
 * as long as the session could.
 */
function newSession(stage: SessionStage, secondFactor: SecondFactor | null, meta: RequestMeta, now: Date) {
  const token = createSessionToken();
  const sessionId = sessionIdFromToken(token);
  const expiresAt = new Date(now.getTime() + (stage === 'PENDING_2FA' ? PENDING_LIFETIME_MS : ACTIVE_IDLE_MS));
  const cookieExpiresAt = stage === 'PENDING_2FA' ? expiresAt : new Date(now.getTime() + ACTIVE_ABSOLUTE_MS);
  const row = { id: sessionId, stage, secondFactor, expiresAt, createdAt: now, lastSeenAt: now, ip: meta.ip, userAgent: meta.userAgent };
  return { row, session: { token, sessionId, cookieExpiresAt } satisfies NewSession };
}

export async function startSession(tx: TxClient, options: NewSessionOptions): Promise<NewSession> {
  const { statement, session } = sessionStatement(tx, options);
  await statement;
  return session;
}

type NewSessionOptions = { userId: string; userVersion: number; stage: SessionStage; secondFactor?: SecondFactor | null; meta: RequestMeta; now?: Date };

/** startSession's INSERT, not yet sent (for a batch transaction, `Statement` in lib/db.ts), and the session it makes. */
export function sessionStatement(
  client: DbClient,
  { userId, userVersion, stage, secondFactor = null, meta, now = new Date() }: NewSessionOptions,
): { statement: Statement; session: NewSession } {
  const { row, session } = newSession(stage, secondFactor, meta, now);
  if (!(row.stage in SessionStage)) throw new Error(`unknown session stage ${row.stage}`);
  // Raw SQL on the password step's hot path (issue 17), as promotePendingSession. The stage is a
  // literal from the enum's fixed set: PostgreSQL types the column as an enum, not text.
  const statement = client.$executeRaw`
    INSERT INTO "Session" ("id", "userId", "stage", "userVersion", "codeAttempts", "secondFactor", "createdAt", "lastSeenAt", "expiresAt", "ip", "userAgent")
    VALUES (${row.id}, ${userId}, ${Prisma.raw(`'${row.stage}'`)}, ${userVersion}, 0, ${row.secondFactor}, ${row.createdAt}, ${row.lastSeenAt}, ${row.expiresAt}, ${row.ip}, ${row.userAgent})`;
  return { statement, session };
}

/**
 * The login challenge `pendingId` becomes the signed-in session, in place, under a new token
 * (the token that reached the verify step never opens the portal). null when the challenge is
 * no longer there.
 */
export async function promotePendingSession(
  tx: TxClient,
  pendingId: string,
  { userVersion, secondFactor, meta, now }: { userVersion: number; secondFactor: SecondFactor; meta: RequestMeta; now: Date },
): Promise<NewSession | null> {
  const { row, session } = newSession('ACTIVE', secondFactor, meta, now);
  // Raw SQL on the code step's hot path (issue 17): the same conditional UPDATE as updateMany's, at a fraction of its cost.
  const count = await tx.$executeRaw`
    UPDATE "Session" SET "id" = ${row.id}, "stage" = 'ACTIVE', "secondFactor" = ${row.secondFactor}, "expiresAt" = ${row.expiresAt},
      "createdAt" = ${row.createdAt}, "lastSeenAt" = ${row.lastSeenAt}, "ip" = ${row.ip}, "userAgent" = ${row.userAgent},
      "userVersion" = ${userVersion}, "codeAttempts" = 0
    WHERE "id" = ${pendingId} AND "stage" = 'PENDING_2FA'`;
  return count === 1 ? session : null;
}

export async function loadSession(token: string, now = new Date()): Promise<SessionContext | null> {
  const sessionId = sessionIdFromToken(token);
  const row = await readSessionRow(sessionId);
  if (!row || row.expiresAt <= now || row.userVersion !== row.user.sessionVersion) return null;

  let expiresAt = row.expiresAt;
  const staleBefore = new Date(now.getTime() - LAST_ACTIVE_INTERVAL_MS);
  if (row.stage === 'ACTIVE' && row.lastSeenAt < staleBefore) {
    expiresAt = new Date(Math.min(row.createdAt.getTime() + ACTIVE_ABSOLUTE_MS, now.getTime() + ACTIVE_IDLE_MS));
    // Conditional: of parallel requests on several instances, one writes; the others match no row.
    await db.session.updateMany({ where: { id: sessionId, lastSeenAt: { lt: staleBefore } }, data: { lastSeenAt: now, expiresAt } });
  }
  const { user } = row;
  const twoFactorEnabledAt = twoFactorSince(user);
  const twoFactorDeadline = twoFactorEnabledAt ? null : userTwoFactorDeadline(user.office, user);
  return {
    sessionId,
    stage: row.stage,
    codeAttempts: row.codeAttempts,
    secondFactor: row.secondFactor as SecondFactor | null,
    expiresAt,
    user: {
      id: user.id,
      email: user.email,
      name: user.name,
      role: user.role,
      officeId: user.officeId,
      officeName: user.office?.name ?? null,
      twoFactorEnabledAt,
      twoFactorMethods: { app: !!user.totpCredential, key: (user.webAuthnCredentials ?? []).length > 0 },
      officeRequiresTwoFactor: !!user.office?.twoFactorRequired,
      twoFactorDeadline,
      mustEnrolNow: twoFactorDeadline !== null && twoFactorDeadline <= now,
      locale: user.locale,
      timeZone: user.timeZone,
    },
  };
}

type SessionRowRaw = {
  stage: SessionStage;
  userVersion: number | bigint;
  codeAttempts: number | bigint;
  secondFactor: string | null;
  createdAt: Date | string;
  lastSeenAt: Date | string;
  expiresAt: Date | string;
  id: string;
  email: string;
  name: string;
  role: Role;
  sessionVersion: number | bigint;
  officeId: string | null;
  officeJoinedAt: Date | string;
  twoFactorDueBy: Date | string | null;
  locale: string | null;
  timeZone: string | null;
  officeName: string | null;
  twoFactorRequired: boolean | number | bigint | null;
  twoFactorGraceDays: number | bigint | null;
  twoFactorRequiredAt: Date | string | null;
  twoFactorDeadline: Date | string | null;
  totpConfirmedAt: Date | string | null;
  firstKeyAt: Date | string | null;
};

/** A DateTime as either driver answers it: a Date, or (SQLite, a computed column) the ISO text it stores. */
function dateOf(value: Date | string): Date;
function dateOf(value: Date | string | null): Date | null;
function dateOf(value: Date | string | null): Date | null {
  return value === null ? null : value instanceof Date ? value : new Date(value);
}

/**
 * The session with its user, office and 2FA state in ONE statement: the guard of every page
 * and action (issue 17). Prisma's model API read the same in five statements (one per relation),
 * about 1.4 ms on SQLite; this is one, on both databases.
 */
async function readSessionRow(sessionId: string) {
  // i18n-exempt: SQL, not text for people.
  const rows = await db.$queryRaw<SessionRowRaw[]>`
    SELECT s."stage", s."userVersion", s."codeAttempts", s."secondFactor", s."createdAt", s."lastSeenAt", s."expiresAt",
      u."id", u."email", u."name", u."role", u."sessionVersion", u."officeId", u."officeJoinedAt", u."twoFactorDueBy", u."locale", u."timeZone",
      o."name" AS "officeName", o."twoFactorRequired", o."twoFactorGraceDays", o."twoFactorRequiredAt", o."twoFactorDeadline",
      t."confirmedAt" AS "totpConfirmedAt",
      (SELECT min(w."createdAt") FROM "WebAuthnCredential" w WHERE w."userId" = u."id") AS "firstKeyAt"
    FROM "Session" s JOIN "User" u ON u."id" = s."userId"
      LEFT JOIN "Office" o ON o."id" = u."officeId" LEFT JOIN "TotpCredential" t ON t."userId" = u."id"
    WHERE s."id" = ${sessionId}`;
  const raw = rows[0];
  if (!raw) return null;
  const firstKeyAt = dateOf(raw.firstKeyAt);
  const totpConfirmedAt = dateOf(raw.totpConfirmedAt);
  return {
    stage: raw.stage,
    userVersion: Number(raw.userVersion),
    codeAttempts: Number(raw.codeAttempts),
    secondFactor: raw.secondFactor,
    createdAt: dateOf(raw.createdAt),
    lastSeenAt: dateOf(raw.lastSeenAt),
    expiresAt: dateOf(raw.expiresAt),
    user: {
      id: raw.id,
      email: raw.email,
      name: raw.name,
      role: raw.role,
      sessionVersion: Number(raw.sessionVersion),
      officeId: raw.officeId,
      officeJoinedAt: dateOf(raw.officeJoinedAt),
      twoFactorDueBy: dateOf(raw.twoFactorDueBy),
      locale: raw.locale,
      timeZone: raw.timeZone,
      office:
        raw.officeName === null
          ? null
          : {
              name: raw.officeName,
              twoFactorRequired: raw.twoFactorRequired === true || Number(raw.twoFactorRequired) === 1,
              twoFactorGraceDays: Number(raw.twoFactorGraceDays),
              twoFactorRequiredAt: dateOf(raw.twoFactorRequiredAt),
              twoFactorDeadline: dateOf(raw.twoFactorDeadline),
            },
      totpCredential: totpConfirmedAt ? { confirmedAt: totpConfirmedAt } : null,
      webAuthnCredentials: firstKeyAt ? [{ createdAt: firstKeyAt }] : [],
    },
  };
}

export async function deleteSession(tx: TxClient, sessionId: string): Promise<void> {
  await tx.session.deleteMany({ where: { id: sessionId } });
}

/**
 * Ends every session of a user but the one given (S9). Raising the user's version also ends
 * a session that another instance creates while this runs; the kept session moves along.
 */
export async function endOtherSessions(tx: TxClient, userId: string, keepSessionId: string | null): Promise<void> {
  const { sessionVersion } = await tx.user.update({
    where: { id: userId },
    data: { sessionVersion: { increment: 1 } },
    select: { sessionVersion: true },
  });
  await tx.session.deleteMany({ where: { userId, ...(keepSessionId ? { id: { not: keepSessionId } } : {}) } });
  if (keepSessionId) await tx.session.updateMany({ where: { id: keepSessionId }, data: { userVersion: sessionVersion } });
}
