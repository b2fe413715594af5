import 'server-only';
import type { TxClient } from '@/lib/db';
import { transaction } from '@/lib/db/transaction';
import type { RequestRefusal } from './helpdesk-request';
import { AGENT_ACTIONS_PER_HOUR, agentActionsLastHour } from './agent-rate-limit';

export type HelpdeskResult = { kind: 'done' } | RequestRefusal | { kind: 'own-account' } | { kind: 'rate-limited' } | { kind: 'nothing-to-do' };

export type HelpdeskSubject = { id: string; email: string; officeId: string | null; officeRequiresTwoFactor: boolean };

/**
 * What every helpdesk change shares, around a request that passed its rules: never on the
 * agent's own account; within the agent's hourly limit; on a user who exists; in one
 * transaction with `change`, which answers 'done' or 'nothing-to-do' (having written nothing).
 */
export async function runHelpdeskChange(
  request: { agentId: string; userId: string },
  now: Date,
  change: (tx: TxClient, user: HelpdeskSubject) => Promise<{ kind: 'done' | 'nothing-to-do' }>,
): Promise<HelpdeskResult> {
  if (request.agentId === request.userId) return { kind: 'own-account' };
  return transaction(async (tx): Promise<HelpdeskResult> => {
    if ((await agentActionsLastHour(tx, request.agentId, now)) >= AGENT_ACTIONS_PER_HOUR) return { kind: 'rate-limited' };
    const user = await tx.user.findUnique({
      where: { id: request.userId },
      select: { id: true, email: true, officeId: true, office: { select: { twoFactorRequired: true } } },
    });
    if (!user) return { kind: 'no-such-user' };
    return change(tx, { id: user.id, email: user.email, officeId: user.officeId, officeRequiresTwoFactor: !!user.office?.twoFactorRequired });
  });
}
