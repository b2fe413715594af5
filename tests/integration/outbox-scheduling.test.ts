/**
 * Who schedules the sending of a notification: the change that queues it, once its transaction
 * has committed (S12). No caller has to remember to; a change that is rolled back sends nothing.
 * next/server's after() (which runs work after the response) is recorded here instead of run.
 */
const scheduled: Array<() => Promise<void> | void> = [];
jest.mock('next/server', () => ({ ...jest.requireActual('next/server'), after: (work: () => Promise<void>) => void scheduled.push(work) }));

import { db } from '@/lib/db';
import { afterCommit, transaction } from '@/lib/db/transaction';
import { enqueueNotification } from '@/lib/notifications/enqueue-notification';
import { disableTwoFactor } from '@/lib/two-factor/disable-two-factor';
import { createUser } from '../helpers/factories';

const meta = { ip: '203.0.113.9', userAgent: 'outbox scheduling test' };

beforeEach(() => {
  scheduled.length = 0;
  jest.spyOn(console, 'info').mockImplementation(() => {}); // the development sender prints each message
});

it('starts work registered in a transaction only after it commits, once, and never after a rollback', async () => {
  const log: string[] = [];
  let seenAfterCommit: Promise<number> | undefined;
  const record = () => log.push('after commit');
  await transaction(async (tx) => {
    afterCommit(tx, record);
    afterCommit(tx, record);
    // Read from outside the transaction when the work starts: on PostgreSQL another connection sees only committed rows.
    afterCommit(tx, () => void (seenAfterCommit = db.office.count({ where: { name: 'Committed office' } })));
    await tx.office.create({ data: { name: 'Committed office' } });
    log.push('in transaction');
  });
  expect(log).toEqual(['in transaction', 'after commit']);
  expect(await seenAfterCommit).toBe(1);

  await expect(
    transaction(async (tx) => {
      afterCommit(tx, () => log.push('after a rollback'));
      throw new Error('undo');
    }),
  ).rejects.toThrow('undo');
  expect(log).toEqual(['in transaction', 'after commit']);
});

it('refuses afterCommit in a plain db.$transaction, where the work would be lost', async () => {
  await expect(db.$transaction(async (tx) => afterCommit(tx, () => {}))).rejects.toThrow(/transaction\(\)/);
});

it('has a change that queues a notification schedule its delivery itself, which then sends it', async () => {
  const user = await createUser({ twoFactor: true });
  await expect(disableTwoFactor({ userId: user.id, sessionId: 'no-session', password: user.password }, meta)).resolves.toEqual({ kind: 'disabled' });
  expect(scheduled).toHaveLength(1);
  expect(await db.outboxMessage.findFirstOrThrow({ where: { userId: user.id }, select: { sentAt: true } })).toEqual({ sentAt: null });

  await scheduled[0]();
  expect(await db.outboxMessage.findFirstOrThrow({ where: { userId: user.id }, select: { kind: true, sentAt: true } })).toEqual({
    kind: 'two_factor_disabled',
    sentAt: expect.any(Date),
  });
});

it('schedules nothing, and keeps no message, for a change that is rolled back', async () => {
  const user = await createUser();
  await expect(
    transaction(async (tx) => {
      await enqueueNotification(tx, { userId: user.id, kind: 'two_factor_enabled', meta });
      throw new Error('the change failed');
    }),
  ).rejects.toThrow('the change failed');
  expect(scheduled).toEqual([]);
  expect(await db.outboxMessage.count({ where: { userId: user.id } })).toBe(0);
});
