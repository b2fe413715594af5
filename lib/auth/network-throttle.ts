import 'server-only';
import { db } from '@/lib/db';
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

/** Takes one attempt from the network's budget before the password is compared; false when it is spent. */
export async function reserveNetworkAttempt(key: string, now = new Date()): Promise<boolean> {
  try {
    await db.networkThrottle.upsert({ where: { key }, create: { key, windowStart: now }, update: {} });
  } catch (error) {
    // Two first attempts from one network at once: the row exists either way (as lib/auth/login-throttle.ts).
    if ((error as { code?: string }).code !== 'P2002') throw error;
  }
  await db.networkThrottle.updateMany({
    where: { key, windowStart: { lte: new Date(now.getTime() - NETWORK_FAILURE_WINDOW_MS) } },
    data: { failures: 0, windowStart: now },
  });
  const { count } = await db.networkThrottle.updateMany({ where: { key, failures: { lt: NETWORK_FAILURE_LIMIT } }, data: { failures: { increment: 1 } } });
  return count === 1;
}

/**
 * A right password, or an attempt another limit refused before any compare: its reserved
 * attempt is given back. Never a reset: one good account must not wash a sprayer's count.
 */
export async function releaseNetworkAttempt(key: string): Promise<void> {
  await db.networkThrottle.updateMany({ where: { key, failures: { gt: 0 } }, data: { failures: { decrement: 1 } } });
}
