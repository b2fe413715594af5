import 'server-only';
import type { TxClient } from '@/lib/db';
import { databaseKind, databaseUrl, type DatabaseKind } from '@/lib/database-url';
import { CHALLENGE_ATTEMPT_LIMIT } from './limits';

/**
 * The statements of the code step's hot path in SQL of their own (issue 17): one Prisma model
 * operation costs about 590 µs (SQLite) where the statement itself costs a few; a raw statement
 * through Prisma costs about 200. Each runs on SQLite and PostgreSQL alike (the integration tests
 * run on both); identifiers are quoted as Prisma creates them, enum values are literals (PostgreSQL
 * types them as enums, not text), DateTime values are parameters (the SQLite adapter stores them
 * as ISO text, which orders as time does; PostgreSQL as timestamp).
 */

let kind: DatabaseKind | undefined;
function dialect(): DatabaseKind {
  return (kind ??= databaseKind(databaseUrl()));
}

/** The login challenge with its attempt reserved, and what checking a code needs of its user. */
export type ReservedCodeStep = {
  /** The challenge's attempts, this one included. */
  codeAttempts: number;
  userId: string;
  officeId: string | null;
  sessionVersion: number;
  /** The account's consecutive failures as stored; the row stays locked until the transaction ends. */
  codeFailures: number;
  codeLockedUntil: Date | null;
  totpCredential: { secretCiphertext: string; keyId: string; lastUsedStep: number } | null;
  keyCount: number;
};

type ReserveRow = {
  codeAttempts: number | bigint;
  userId: string;
  officeId: string | null;
  sessionVersion: number | bigint;
  codeFailures: number | bigint;
  codeLockedUntil: Date | string | null;
  secretCiphertext: string | null;
  keyId: string | null;
  lastUsedStep: number | bigint | null;
  keyCount: number | bigint;
};

/**
 * ONE statement: reserves an attempt on the challenge (a conditional UPDATE: pending, not
 * expired, under CHALLENGE_ATTEMPT_LIMIT) and reads its user, the authenticator's secret and
 * last used step, and the number of security keys. The user's row stays locked to this
 * transaction, so the account-wide count (S4) is read and written by one attempt at a time,
 * across instances: on PostgreSQL by FOR UPDATE, on SQLite by the write lock the UPDATE takes
 * on the whole database until the commit. null: no pending challenge left to attempt.
 */
export async function reserveCodeStep(tx: TxClient, sessionId: string, now: Date): Promise<ReservedCodeStep | null> {
  // i18n-exempt: SQL, not text for people.
  const rows =
    dialect() === 'postgres'
      ? await tx.$queryRaw<ReserveRow[]>`
        WITH s AS (
          UPDATE "Session" SET "codeAttempts" = "codeAttempts" + 1
          WHERE "id" = ${sessionId} AND "stage" = 'PENDING_2FA' AND "expiresAt" > ${now} AND "codeAttempts" < ${CHALLENGE_ATTEMPT_LIMIT}
          RETURNING "userId", "codeAttempts"
        )
        SELECT s."codeAttempts", s."userId", u."officeId", u."sessionVersion", u."codeFailures", u."codeLockedUntil",
          t."secretCiphertext", t."keyId", t."lastUsedStep",
          (SELECT count(*)::int FROM "WebAuthnCredential" w WHERE w."userId" = u."id") AS "keyCount"
        FROM s JOIN "User" u ON u."id" = s."userId" LEFT JOIN "TotpCredential" t ON t."userId" = u."id"
        FOR UPDATE OF u`
      : await sqliteReserve(tx, sessionId, now);
  const row = rows[0];
  if (!row) return null;
  return {
    codeAttempts: Number(row.codeAttempts),
    userId: row.userId,
    officeId: row.officeId,
    sessionVersion: Number(row.sessionVersion),
    codeFailures: Number(row.codeFailures),
    codeLockedUntil: row.codeLockedUntil === null ? null : new Date(row.codeLockedUntil),
    totpCredential:
      row.secretCiphertext !== null && row.keyId !== null && row.lastUsedStep !== null
        ? { secretCiphertext: row.secretCiphertext, keyId: row.keyId, lastUsedStep: Number(row.lastUsedStep) }
        : null,
    keyCount: Number(row.keyCount),
  };
}

/** SQLite has no UPDATE in a WITH: the user's facts come back through RETURNING, as one JSON object. */
async function sqliteReserve(tx: TxClient, sessionId: string, now: Date): Promise<ReserveRow[]> {
  // i18n-exempt: SQL, not text for people.
  const rows = await tx.$queryRaw<Array<{ codeAttempts: number | bigint; userId: string; owner: string | null }>>`
    UPDATE "Session" SET "codeAttempts" = "codeAttempts" + 1
    WHERE "id" = ${sessionId} AND "stage" = 'PENDING_2FA' AND "expiresAt" > ${now} AND "codeAttempts" < ${CHALLENGE_ATTEMPT_LIMIT}
    RETURNING "codeAttempts", "userId", (
      SELECT json_object('officeId', u."officeId", 'sessionVersion', u."sessionVersion", 'codeFailures', u."codeFailures",
        'codeLockedUntil', u."codeLockedUntil", 'secretCiphertext', t."secretCiphertext", 'keyId', t."keyId", 'lastUsedStep', t."lastUsedStep",
        'keyCount', (SELECT count(*) FROM "WebAuthnCredential" w WHERE w."userId" = u."id"))
      FROM "User" u LEFT JOIN "TotpCredential" t ON t."userId" = u."id" WHERE u."id" = "Session"."userId"
    ) AS "owner"`;
  return rows.flatMap((row) =>
    row.owner === null
      ? []
      : [{ codeAttempts: row.codeAttempts, userId: row.userId, ...(JSON.parse(row.owner) as Omit<ReserveRow, 'codeAttempts' | 'userId'>) }],
  );
}

/** A success ends the run of consecutive failures and any lock that has run out (S4). */
export async function resetCodeFailures(tx: TxClient, userId: string, now: Date): Promise<void> {
  await tx.$executeRaw`UPDATE "User" SET "codeFailures" = 0, "codeLockedUntil" = NULL, "lastSignInAt" = ${now}, "updatedAt" = ${new Date()} WHERE "id" = ${userId}`;
}

/**
 * A wrong or replayed code: the account's count as it now stands, and the lock when it reached
 * the limit. Absolute values: the row has been locked to this transaction since it was read.
 */
export async function writeCodeFailures(tx: TxClient, userId: string, failures: number, lockedUntil: Date | null): Promise<void> {
  await tx.$executeRaw`UPDATE "User" SET "codeFailures" = ${failures}, "codeLockedUntil" = ${lockedUntil}, "updatedAt" = ${new Date()} WHERE "id" = ${userId}`;
}
