import 'server-only';
import { db, type TxClient } from '@/lib/db';

/**
 * A transaction that answers with a result and can carry work for after its commit.
 * - Work registered with afterCommit(tx, …) starts only once the transaction has committed,
 *   never after a rollback. This is how a change that queues a notification also schedules
 *   its delivery: the message cannot go out before the change is there, nor for one undone.
 * - rollBack(result) undoes what the transaction wrote and makes it answer `result`: for a
 *   conditional write that finds the state changed after earlier writes. Prisma rolls an
 *   interactive transaction back only when its function throws, so this is the one throw, kept
 *   inside: callers see a result.
 */

const pendingByTx = new WeakMap<TxClient, Set<() => void>>();

class RolledBack {
  constructor(readonly result: unknown) {}
}

export async function transaction<T>(run: (tx: TxClient, rollBack: (result: T) => never) => Promise<T>): Promise<T> {
  const pending = new Set<() => void>();
  const rollBack = (result: T): never => {
    throw new RolledBack(result);
  };
  let result: T;
  try {
    result = await db.$transaction((tx) => {
      pendingByTx.set(tx, pending);
      return run(tx, rollBack);
    });
  } catch (error) {
    if (error instanceof RolledBack) return error.result as T;
    throw error;
  }
  for (const work of pending) {
    // The change is committed: a failure here must not turn it into an error for the caller.
    try {
      work();
    } catch (error) {
      console.error('[transaction] work after commit failed', error);
    }
  }
  return result;
}

/** Work to start once `tx` commits; registering the same function twice runs it once. */
export function afterCommit(tx: TxClient, work: () => void): void {
  const pending = pendingByTx.get(tx);
  // Loud on purpose: in a plain db.$transaction the work would be silently lost.
  if (!pending) throw new Error('afterCommit() needs a transaction started with transaction() from lib/db/transaction.ts');
  pending.add(work);
}
