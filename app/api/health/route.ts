import type { NextRequest } from 'next/server';
import { db } from '@/lib/db';
import { securityHeadersFor, withSecurityHeaders } from '@/lib/security-headers';

/**
 * Liveness and readiness for load balancers and platforms: public by design, and it says
 * nothing but "ok" or "unavailable" (no error text, no version, no host names). Asked every few
 * seconds by every balancer, it is outside proxy.ts (decision 0019: running the proxy is a third
 * of a cheap request) and sets the proxy's security headers itself.
 */
export const dynamic = 'force-dynamic';

// A database that does not answer must not hold the probe open: the balancer wants a verdict.
const DATABASE_TIMEOUT_MS = 3000;

const NO_STORE = { 'Cache-Control': 'no-store' };

export async function GET(request: NextRequest): Promise<Response> {
  return withSecurityHeaders(await databaseAnswer(), securityHeadersFor(request).headers);
}

async function databaseAnswer(): Promise<Response> {
  let timer: NodeJS.Timeout | undefined;
  try {
    await Promise.race([
      db.$queryRaw`SELECT 1`,
      new Promise((_, reject) => {
        timer = setTimeout(() => reject(new Error('database did not answer in time')), DATABASE_TIMEOUT_MS);
      }),
    ]);
    return Response.json({ status: 'ok' }, { headers: NO_STORE });
  } catch (error) {
    console.error('health: database check failed:', error instanceof Error ? error.message : error);
    return Response.json({ status: 'unavailable' }, { status: 503, headers: NO_STORE });
  } finally {
    clearTimeout(timer);
  }
}
