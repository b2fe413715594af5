/**
 * Security keys as a second factor (S24) on a real database, with a software authenticator that
 * speaks WebAuthn's wire format: adding the first key turns 2FA on; a login completes with the
 * key; an answer to another challenge, from another origin or RP ID, replayed, with a counter
 * that went backwards, or from another user's key is refused, audited, and changes nothing.
 */
import { db } from '@/lib/db';
import { transaction } from '@/lib/db/transaction';
import { startSession } from '@/lib/auth/sessions';
import { signInWithPassword } from '@/lib/auth/sign-in-with-password';
import { relyingParty } from '@/lib/webauthn/config';
import { finishKeyRegistration, startKeyRegistration } from '@/lib/webauthn/register-key';
import { startKeyLogin, verifyKeyLogin } from '@/lib/webauthn/key-login';
import { removeSecurityKey } from '@/lib/webauthn/manage-keys';
import { createUser, type TestUser } from '../helpers/factories';
import { SoftAuthenticator } from '../helpers/soft-authenticator';

const meta = { ip: '198.51.100.30', userAgent: 'security key test' };

function authenticator(counting = true) {
  const rp = relyingParty();
  return new SoftAuthenticator({ origin: rp.origin, rpId: rp.id }, counting);
}

async function activeSession(user: TestUser) {
  return transaction((tx) => startSession(tx, { userId: user.id, userVersion: 1, stage: 'ACTIVE', meta }));
}

async function pendingLogin(user: TestUser) {
  const result = await signInWithPassword({ email: user.email, password: user.password }, meta);
  expect(result.kind).toBe('code-required');
  const session = await db.session.findFirstOrThrow({ where: { userId: user.id, stage: 'PENDING_2FA' }, orderBy: { createdAt: 'desc' } });
  return session.id;
}

async function addKey(user: TestUser, key: SoftAuthenticator, name = 'YubiKey') {
  const { sessionId } = await activeSession(user);
  const started = await startKeyRegistration({ userId: user.id, sessionId, email: user.email, name: 'Test' });
  if (started.kind !== 'options') throw new Error(started.kind);
  return finishKeyRegistration({ userId: user.id, sessionId, name, response: key.register({ challenge: started.options.challenge }) }, meta);
}

async function challengeFor(sessionId: string) {
  const started = await startKeyLogin(sessionId);
  if (started.kind !== 'options') throw new Error(started.kind);
  return started.options.challenge;
}

async function stateOf(userId: string) {
  const keys = await db.webAuthnCredential.findMany({ where: { userId }, select: { counter: true, lastUsedAt: true } });
  const active = await db.session.count({ where: { userId, stage: 'ACTIVE' } });
  return { keys, active };
}

it('turns 2FA on with the first key: recovery codes once, audited, the user told in their e-mail', async () => {
  const user = await createUser();
  const key = authenticator();
  const added = await addKey(user, key, 'Office PC');
  expect(added).toMatchObject({ kind: 'added' });
  if (added.kind !== 'added') return;
  expect(added.recoveryCodes).toHaveLength(10);
  expect(await db.recoveryCode.count({ where: { userId: user.id } })).toBe(10);
  const stored = await db.webAuthnCredential.findFirstOrThrow({ where: { userId: user.id } });
  expect(Buffer.from(stored.credentialId).equals(key.credentialId)).toBe(true);
  expect(stored.name).toBe('Office PC');
  expect(await db.auditEvent.count({ where: { subjectUserId: user.id, type: 'security_key.added', outcome: 'SUCCESS' } })).toBe(1);
  expect(await db.outboxMessage.count({ where: { userId: user.id, kind: 'security_key_added' } })).toBe(1);

  // A second key is no new "first method": no new recovery codes.
  const second = await addKey(user, authenticator(), 'Spare');
  expect(second).toMatchObject({ kind: 'added', recoveryCodes: null });
});

it('logs in with the key after the password; the counter and last use are recorded', async () => {
  const user = await createUser();
  const key = authenticator();
  await addKey(user, key);
  const sessionId = await pendingLogin(user);
  const challenge = await challengeFor(sessionId);
  const result = await verifyKeyLogin({ sessionId, response: key.assert({ challenge }) }, meta);
  expect(result.kind).toBe('signed-in');
  const stored = await db.webAuthnCredential.findFirstOrThrow({ where: { userId: user.id } });
  expect(Number(stored.counter)).toBe(key.counter);
  expect(stored.lastUsedAt).not.toBeNull();
  expect(await db.auditEvent.count({ where: { subjectUserId: user.id, type: 'login.security_key_succeeded', factor: 'security_key' } })).toBe(1);
  expect(await db.webAuthnChallenge.count()).toBe(0);
});

describe('refused, audited, nothing changed', () => {
  async function refused(
    setUp: (ctx: { user: TestUser; key: SoftAuthenticator; sessionId: string; challenge: string }) => Promise<Parameters<typeof verifyKeyLogin>[0]['response']>,
  ) {
    const user = await createUser();
    const key = authenticator();
    await addKey(user, key);
    const sessionId = await pendingLogin(user);
    const challenge = await challengeFor(sessionId);
    const response = await setUp({ user, key, sessionId, challenge });
    const before = await stateOf(user.id);
    const result = await verifyKeyLogin({ sessionId, response }, meta);
    expect(result).toMatchObject({ kind: expect.stringMatching(/^(wrong|replayed)$/) });
    expect(await stateOf(user.id)).toEqual(before);
    expect(await db.session.findUniqueOrThrow({ where: { id: sessionId }, select: { stage: true } })).toEqual({ stage: 'PENDING_2FA' });
    return { user, result };
  }

  it('an answer to another challenge', async () => {
    const { user } = await refused(async ({ key }) => key.assert({ challenge: 'c29tZS1vdGhlci1jaGFsbGVuZ2UtdGhhdC13YXMtbmV2ZXItaXNzdWVk' }));
    expect(await db.auditEvent.count({ where: { subjectUserId: user.id, type: 'login.security_key_failed', outcome: 'FAILURE' } })).toBe(1);
  });

  it('an answer made for another origin (a phishing site relaying the prompt)', async () => {
    await refused(async ({ key, challenge }) => key.assert({ challenge, origin: 'https://portal.example.evil' }));
  });

  it('an answer for another RP ID', async () => {
    await refused(async ({ key, challenge }) => key.assert({ challenge, rpId: 'example.evil' }));
  });

  it('a replayed assertion: its challenge was used up by the first answer', async () => {
    await refused(async ({ user, key, sessionId, challenge }) => {
      const first = key.assert({ challenge });
      // The first answer ends in a wrong attempt on purpose (the challenge is taken), so the login is still pending.
      await verifyKeyLogin(
        { sessionId, response: { ...first, response: { ...first.response, signature: first.response.signature.slice(0, -4) + 'AAAA' } } },
        meta,
      );
      expect(await db.webAuthnChallenge.count({ where: { sessionId } })).toBe(0);
      void user;
      return first;
    });
  });

  it('a true replay: an answer accepted once (the owner signed in with it), sent again to a new login', async () => {
    const { user } = await refused(async ({ user, key }) => {
      const owners = await pendingLogin(user);
      const accepted = key.assert({ challenge: await challengeFor(owners) });
      expect((await verifyKeyLogin({ sessionId: owners, response: accepted }, meta)).kind).toBe('signed-in');
      return accepted;
    });
    expect(await db.auditEvent.count({ where: { subjectUserId: user.id, type: 'login.security_key_failed' } })).toBe(1);
  });

  it('a counter that goes backwards: refused as a possible copy of the key, and the user told', async () => {
    const { user } = await refused(async ({ user, key, challenge }) => {
      await db.webAuthnCredential.updateMany({ where: { userId: user.id }, data: { counter: 50 } });
      return key.assert({ challenge, counter: 7 });
    });
    expect(await db.auditEvent.count({ where: { subjectUserId: user.id, type: 'login.security_key_counter_regressed' } })).toBe(1);
    expect(await db.outboxMessage.count({ where: { userId: user.id, kind: 'security_key_counter_regressed' } })).toBe(1);
  });

  it('a key of another user', async () => {
    await refused(async ({ challenge }) => {
      const other = await createUser();
      const otherKey = authenticator();
      await addKey(other, otherKey);
      return otherKey.assert({ challenge });
    });
  });
});

it('removing the last key with the password turns 2FA off; a wrong password removes nothing', async () => {
  const user = await createUser();
  const key = authenticator();
  await addKey(user, key);
  const stored = await db.webAuthnCredential.findFirstOrThrow({ where: { userId: user.id } });
  const { sessionId } = await activeSession(user);
  await expect(removeSecurityKey({ userId: user.id, sessionId, keyId: stored.id, password: 'wrong' }, meta)).resolves.toEqual({ kind: 'incorrect' });
  expect(await db.webAuthnCredential.count({ where: { userId: user.id } })).toBe(1);
  await expect(removeSecurityKey({ userId: user.id, sessionId, keyId: stored.id, password: user.password }, meta)).resolves.toEqual({
    kind: 'removed',
    twoFactorOff: true,
  });
  expect(await db.recoveryCode.count({ where: { userId: user.id } })).toBe(0);
  const login = await signInWithPassword({ email: user.email, password: user.password }, meta);
  expect(login.kind).toBe('signed-in');
});
