import { env } from '@/lib/env';
import { BEARER_SCHEME, hasCronSecret } from '@/lib/reminders/cron-secret';
import { runRemindersUnderLease } from '@/lib/reminders/run-reminders';

/**
 * The 2FA deadline reminders, for a scheduler (Vercel Cron, vercel.json; or any cron with curl):
 * `Authorization: Bearer <CRON_SECRET>` or a 401 before anything is read or written (S21). Open to
 * requests without a session by design (proxy.ts); the secret is its credential.
 */
export const dynamic = 'force-dynamic';

const NO_STORE = { 'Cache-Control': 'no-store' };

export async function GET(request: Request): Promise<Response> {
  if (!hasCronSecret(request.headers.get('authorization'), env().CRON_SECRET)) {
    return Response.json({ status: 'unauthorized' }, { status: 401, headers: { ...NO_STORE, 'WWW-Authenticate': BEARER_SCHEME } });
  }
  try {
    const result = await runRemindersUnderLease();
    // Another instance holds the lease: it is doing this run.
    return Response.json(result ? { status: 'ok', sent: result.sent } : { status: 'busy' }, { headers: NO_STORE });
  } catch (error) {
    console.error('[reminders] cron run failed; the next one retries', error);
    return Response.json({ status: 'failed' }, { status: 500, headers: NO_STORE });
  }
}
