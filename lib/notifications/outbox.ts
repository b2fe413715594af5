import 'server-only';
import { randomUUID } from 'node:crypto';
import type { DbClient, Statement, TxClient } from '@/lib/db';
import { afterCommit } from '@/lib/db/transaction';
import { deliverOutboxSoon } from './deliver-outbox';

export type OutboxMessageInput = { userId: string | null; kind: string; toEmail: string; subject: string; body: string; now: Date };

/**
 * Puts one written message in the outbox inside `tx`, the transaction of the change it reports
 * (S12, decision 0010), and has it sent once that transaction commits (so `tx` must come from
 * transaction() in lib/db/transaction.ts). One statement of SQL (issue 17: a completed login from
 * a new browser writes one, on the sign-in's path): the id is ours to choose, as a raw INSERT
 * gets no Prisma default; createdAt is given, as the model API gives it.
 */
export async function putInOutbox(tx: TxClient, message: OutboxMessageInput): Promise<void> {
  await outboxStatement(tx, message);
  afterCommit(tx, deliverOutboxSoon);
}

/**
 * putInOutbox's INSERT, not yet sent, for a batch transaction (`Statement` in lib/db.ts); whoever
 * runs the batch calls deliverOutboxSoon() once it has committed.
 */
export function outboxStatement(client: DbClient, { userId, kind, toEmail, subject, body, now }: OutboxMessageInput): Statement {
  // i18n-exempt: SQL, not text for people.
  return client.$executeRaw`
    INSERT INTO "OutboxMessage" ("id", "userId", "kind", "toEmail", "subject", "body", "createdAt", "nextAttemptAt", "attempts")
    VALUES (${randomUUID()}, ${userId}, ${kind}, ${toEmail}, ${subject}, ${body}, ${new Date()}, ${now}, 0)`;
}
