import 'server-only';
import { db, type TxClient } from '@/lib/db';

/**
 * A transaction that can carry work for after its commit: code inside it registers that work
 * with afterCommit(tx, …), and it starts only once the transaction has committed, never after
 * a rollback. This is how a change that queues a notification also schedules its delivery:
 * the message cannot go out before the change is there, nor for a change that was undone.
 */

const pendingByTx = new WeakMap<TxClient, Set<() => void>>();

/** db.$transaction, then what was registered with afterCommit(), each once. */
export async function transaction<T>(run: (tx: TxClient) => Promise<T>): Promise<T> {
  const pending = new Set<() => void>();
  const result = await db.$transaction((tx) => {
    pendingByTx.set(tx, pending);
    return run(tx);
  });
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
