import 'server-only';
import { db, type Statement } from '@/lib/db';
import { keyedHash } from '@/lib/crypto/server-keys';
import { NETWORK_FAILURE_LIMIT, NETWORK_FAILURE_WINDOW_MS } from './limits';

/**
 * Wrong passwords per client network across all addresses (S19), against password spraying:
 * a few guesses at each of many addresses never reach any address's lock, but they all come
 * from somewhere. NETWORK_FAILURE_LIMIT per NETWORK_FAILURE_WINDOW_MS per IP address (as
 * TRUSTED_PROXY_COUNT resolves it, lib/auth/request-meta.ts); then the network waits for the
 * window's end. Trusted devices (lib/auth/trusted-devices.ts) are not counted here, so the owner
 * at an office behind one shared address still signs in.
 */

/** The throttle row of a network. Requests without an address share one row. */
export function networkKey(ip: string | null): string {
  return keyedHash('login-throttle', `network:${ip ?? 'unknown'}`);
}

/**
 * Takes one attempt from the network's budget before the password is compared; false when it is
 * spent. ONE statement, as the address's (lib/auth/login-throttle.ts): the row is made on the
 * network's first attempt, a window that has ended starts again, and the attempt is taken.
 */
export async function reserveNetworkAttempt(key: string, now = new Date()): Promise<boolean> {
  const windowEnded = new Date(now.getTime() - NETWORK_FAILURE_WINDOW_MS);
  // i18n-exempt: SQL, not text for people.
  const taken = await db.$queryRaw<unknown[]>`
    INSERT INTO "NetworkThrottle" ("key", "failures", "windowStart") VALUES (${key}, 1, ${now})
    ON CONFLICT ("key") DO UPDATE SET
      "failures" = CASE WHEN "NetworkThrottle"."windowStart" <= ${windowEnded} THEN 1 ELSE "NetworkThrottle"."failures" + 1 END,
      "windowStart" = CASE WHEN "NetworkThrottle"."windowStart" <= ${windowEnded} THEN excluded."windowStart" ELSE "NetworkThrottle"."windowStart" END
    WHERE "NetworkThrottle"."windowStart" <= ${windowEnded} OR "NetworkThrottle"."failures" < ${NETWORK_FAILURE_LIMIT}
    RETURNING "failures"`;
  return taken.length === 1;
}

/**
 * A right password, or an attempt another limit refused before any compare: its reserved
 * attempt is given back (a statement not yet sent, as clearPasswordFailures). Never a reset: one
 * good account must not wash a sprayer's count.
 */
export function releaseNetworkAttempt(key: string): Statement {
  // i18n-exempt: SQL, not text for people.
  return db.$executeRaw`UPDATE "NetworkThrottle" SET "failures" = "failures" - 1 WHERE "key" = ${key} AND "failures" > 0`;
}
