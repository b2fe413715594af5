/**
 * The outbox when the mail server fails (S12, issue 7's faults): a notification is never lost,
 * a failed send is kept with its error and retried after a back-off, each message goes out
 * once even with several instances delivering, and a send that never finished (an instance
 * killed mid-send) is retried when its lease runs out. Real database; the sender is the part
 * that fails, as a mail server would.
 */
import { db } from '@/lib/db';
import { deliverOutbox, MAX_SEND_ATTEMPTS, retryDelayMs, type Sender } from '@/lib/notifications/deliver-outbox';
import { enqueueNotification } from '@/lib/notifications/enqueue-notification';
import { transaction } from '@/lib/db/transaction';
import { createUser } from '../helpers/factories';

const meta = { ip: '203.0.113.9', userAgent: 'outbox test' };
const T0 = new Date('2026-03-02T09:00:00.000Z');
const at = (ms: number) => new Date(T0.getTime() + ms);

type Sent = Parameters<Sender>[0];
function mailServer() {
  const sent: Sent[] = [];
  return {
    sent,
    up: (async (message) => void sent.push(message)) as Sender,
    down: (async () => {
      throw new Error('connect ECONNREFUSED 127.0.0.1:25');
    }) as Sender,
  };
}

async function queueFor(kind: 'two_factor_enabled' | 'two_factor_disabled' = 'two_factor_enabled') {
  const user = await createUser();
  await transaction((tx) => enqueueNotification(tx, { userId: user.id, kind, meta, now: T0 }));
  return user;
}

const rowOf = (userId: string) =>
  db.outboxMessage.findFirstOrThrow({ where: { userId }, select: { attempts: true, sentAt: true, lastError: true, nextAttemptAt: true } });

beforeEach(async () => {
  await db.outboxMessage.deleteMany();
});

it('keeps a message whose send fails, with the error, and retries it after a back-off until it goes out', async () => {
  const user = await queueFor();
  const mail = mailServer();

  await expect(deliverOutbox({ send: mail.down, now: T0 })).resolves.toEqual({ sent: 0, failed: 1 });
  expect(await rowOf(user.id)).toEqual({ attempts: 1, sentAt: null, lastError: 'connect ECONNREFUSED 127.0.0.1:25', nextAttemptAt: at(retryDelayMs(1)) });

  // Not due yet: nothing is tried, even with the mail server back.
  await expect(deliverOutbox({ send: mail.up, now: at(retryDelayMs(1) - 1000) })).resolves.toEqual({ sent: 0, failed: 0 });
  expect(mail.sent).toHaveLength(0);

  // Second failure: a longer wait.
  const second = at(retryDelayMs(1));
  await expect(deliverOutbox({ send: mail.down, now: second })).resolves.toEqual({ sent: 0, failed: 1 });
  expect((await rowOf(user.id)).nextAttemptAt).toEqual(new Date(second.getTime() + retryDelayMs(2)));
  expect(retryDelayMs(2)).toBeGreaterThan(retryDelayMs(1));

  await expect(deliverOutbox({ send: mail.up, now: new Date(second.getTime() + retryDelayMs(2)) })).resolves.toEqual({ sent: 1, failed: 0 });
  expect(mail.sent).toEqual([expect.objectContaining({ to: user.email, subject: expect.stringMatching(/two-factor|2FA/i) })]);
  expect(await rowOf(user.id)).toMatchObject({ attempts: 3, sentAt: expect.any(Date), lastError: null });

  // Sent is sent: never again.
  await deliverOutbox({ send: mail.up, now: at(24 * 60 * 60 * 1000) });
  expect(mail.sent).toHaveLength(1);
});

it('sends each message once when two instances deliver at the same time', async () => {
  const users = await Promise.all([queueFor(), queueFor('two_factor_disabled'), queueFor()]);
  const mail = mailServer();
  const slow: Sender = async (message) => {
    await new Promise((resolve) => setTimeout(resolve, 20));
    await mail.up(message);
  };
  const [one, two] = await Promise.all([deliverOutbox({ send: slow, now: T0 }), deliverOutbox({ send: slow, now: T0 })]);
  expect(one.sent + two.sent).toBe(3);
  expect(mail.sent.map((m) => m.to).sort()).toEqual(users.map((u) => u.email).sort());
});

it('retries a send that never finished (an instance stopped mid-send) once its lease runs out', async () => {
  const user = await queueFor();
  const mail = mailServer();
  // The first instance leases the message and never comes back from the mail server.
  void deliverOutbox({ send: () => new Promise<void>(() => {}), now: T0 });
  await new Promise((resolve) => setTimeout(resolve, 50));

  // Another instance a minute later leaves it alone: it is leased.
  await expect(deliverOutbox({ send: mail.up, now: at(60_000) })).resolves.toEqual({ sent: 0, failed: 0 });
  // After the lease, it goes out.
  await expect(deliverOutbox({ send: mail.up, now: at(3 * 60_000) })).resolves.toEqual({ sent: 1, failed: 0 });
  expect(mail.sent.map((m) => m.to)).toEqual([user.email]);
});

it(`stops trying after ${MAX_SEND_ATTEMPTS} failures but keeps the message and its last error`, async () => {
  const user = await queueFor();
  const mail = mailServer();
  let now = T0;
  for (let attempt = 1; attempt <= MAX_SEND_ATTEMPTS; attempt++) {
    await expect(deliverOutbox({ send: mail.down, now })).resolves.toEqual({ sent: 0, failed: 1 });
    now = new Date(now.getTime() + retryDelayMs(attempt));
  }
  await expect(deliverOutbox({ send: mail.up, now })).resolves.toEqual({ sent: 0, failed: 0 });
  expect(mail.sent).toHaveLength(0);
  expect(await rowOf(user.id)).toMatchObject({ attempts: MAX_SEND_ATTEMPTS, sentAt: null, lastError: 'connect ECONNREFUSED 127.0.0.1:25' });
});
