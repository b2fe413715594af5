/**
 * The transactions of one attempt at the second step, taken apart to reach the moments
 * between them: a challenge that ends after its attempt was reserved, and a code another
 * request claimed first. What an attacker racing requests could cause, without the race.
 */
import { db } from '@/lib/db';
import { transaction } from '@/lib/db/transaction';
import { startSession } from '@/lib/auth/sessions';
import { codeFactor } from '@/lib/auth/code-factors';
import { claimAndSignIn, reserveAttempt, type ReservedAttempt } from '@/lib/auth/second-factor-attempt';
import { replaceRecoveryCodes } from '@/lib/two-factor/recovery-codes';
import { createUser } from '../helpers/factories';
import { authenticatorCode } from '../helpers/totp-reference';

const meta = { ip: '198.51.100.20', userAgent: 'attempt test' };

async function challengeWithRecoveryCodes() {
  const user = await createUser({ twoFactor: true });
  const now = new Date();
  const codes = await transaction((tx) => replaceRecoveryCodes(tx, user.id, now));
  const { sessionId } = await transaction((tx) => startSession(tx, { userId: user.id, userVersion: 1, stage: 'PENDING_2FA', meta, now }));
  return { user, codes: codes.map((code) => code.replace('-', '')), sessionId, now };
}

it('undoes the claim when the challenge ended after the attempt was reserved: the code stays unused, no sign-in, no message', async () => {
  const { user, codes, sessionId, now } = await challengeWithRecoveryCodes();
  const kind = codeFactor('recovery_code', codes[0], meta);
  const attempt = (await reserveAttempt(sessionId, kind, meta, now)) as ReservedAttempt;
  expect(attempt).toMatchObject({ kind: 'reserved', codeAttempts: 1, accountFailures: 1 });
  const check = await kind.check(attempt.user, now);
  if (check.kind !== 'accepted') throw new Error(`expected an accepted code, got ${check.kind}`);

  await db.session.deleteMany({ where: { id: sessionId } }); // the user logged out in another tab meanwhile
  await expect(claimAndSignIn(attempt, kind, check, now)).resolves.toEqual({ kind: 'start-again' });

  expect(await db.recoveryCode.count({ where: { userId: user.id, usedAt: null } })).toBe(codes.length);
  expect(await db.session.count({ where: { userId: user.id } })).toBe(0);
  expect(await db.outboxMessage.count({ where: { userId: user.id } })).toBe(0);
  expect(await db.auditEvent.count({ where: { subjectUserId: user.id, type: { in: ['login.recovery_code_used', 'login.completed'] } } })).toBe(0);
  // The reserved attempt was not turned into a success: the run of failures is not reset.
  expect((await db.user.findUniqueOrThrow({ where: { id: user.id } })).codeFailures).toBe(1);
});

it('answers already-claimed, writing nothing, when another request claimed the code first', async () => {
  const user = await createUser({ twoFactor: true });
  const now = new Date();
  const sessions = await Promise.all(
    [0, 1].map(() => transaction((tx) => startSession(tx, { userId: user.id, userVersion: 1, stage: 'PENDING_2FA', meta, now }))),
  );
  const kind = codeFactor('totp', authenticatorCode(user.secret!, now.getTime()), meta);
  const [first, second] = (await Promise.all(sessions.map((s) => reserveAttempt(s.sessionId, kind, meta, now)))) as ReservedAttempt[];
  // Both checks pass: neither claim is written yet.
  const [checkA, checkB] = await Promise.all([kind.check(first.user, now), kind.check(second.user, now)]);
  if (checkA.kind !== 'accepted' || checkB.kind !== 'accepted') throw new Error('expected both codes accepted before any claim');

  await expect(claimAndSignIn(first, kind, checkA, now)).resolves.toMatchObject({ kind: 'signed-in' });
  const before = await db.auditEvent.count();
  await expect(claimAndSignIn(second, kind, checkB, now)).resolves.toEqual({ kind: 'already-claimed' });
  expect(await db.auditEvent.count()).toBe(before);
  expect(await db.session.findUniqueOrThrow({ where: { id: second.sessionId }, select: { stage: true } })).toEqual({ stage: 'PENDING_2FA' });
});
