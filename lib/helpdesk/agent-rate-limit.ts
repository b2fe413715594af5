import 'server-only';
import type { TxClient } from '@/lib/db';

/**
 * Resets and unlocks an agent may do per hour. A stolen or misused agent account can turn off
 * only a handful of users' 2FA before it is stopped. Counted from the audit log, in the
 * database, so all instances see the same count.
 */
export const AGENT_ACTIONS_PER_HOUR = 10;

export async function agentActionsLastHour(tx: TxClient, agentId: string, now: Date): Promise<number> {
  return tx.auditEvent.count({
    where: {
      actorUserId: agentId,
      type: { in: ['helpdesk.two_factor_reset', 'helpdesk.user_unlocked', 'helpdesk.signed_out_everywhere'] },
      outcome: 'SUCCESS',
      createdAt: { gte: new Date(now.getTime() - 60 * 60 * 1000) },
    },
  });
}
