/**
 * Demo data for a new database: one office with a user without 2FA, a user with 2FA already
 * enabled, an office admin, and a helpdesk agent (with 2FA, as the helpdesk requires); and an
 * office of 60 users that requires 2FA (seedBulkOffice), to show the member list's filters and pages.
 * Runs only when the database has no users. Passwords are random and printed once, unless
 * SEED_DEMO_PASSWORD is set (tests); SEED_OUTPUT=file also writes them as JSON for tests.
 */
import { randomBytes } from 'node:crypto';
import { existsSync, writeFileSync } from 'node:fs';
import type { Role } from '@/lib/db/enums';

// .env first (as Next.js does for the server): the modules below read it when they load.
if (existsSync('.env')) process.loadEnvFile('.env');
const { db } = await import('@/lib/db');
const { hashPassword } = await import('@/lib/auth/password-hash');
const { seal } = await import('@/lib/crypto/secret-box');
const { createTotpSecret, totpStepAt } = await import('@/lib/two-factor/totp');
const { totpSecretContext } = await import('@/lib/two-factor/secret-context');

type DemoUser = { email: string; name: string; role: Role; office: 'main' | 'other' | 'third' | 'bulk' | null; twoFactor: boolean };

const DEMO_USERS: DemoUser[] = [
  { email: 'anna@vandijk.example', name: 'Anna de Vries', role: 'USER', office: 'main', twoFactor: false },
  { email: 'bram@vandijk.example', name: 'Bram Janssens', role: 'USER', office: 'main', twoFactor: true },
  { email: 'claire@vandijk.example', name: 'Claire Peeters', role: 'OFFICE_ADMIN', office: 'main', twoFactor: false },
  { email: 'dirk@maes.example', name: 'Dirk Maes', role: 'USER', office: 'other', twoFactor: false },
  { email: 'eva@vandijk.example', name: 'Eva Claes', role: 'USER', office: 'main', twoFactor: true },
  { email: 'greet@peeters.example', name: 'Greet Peeters', role: 'OFFICE_ADMIN', office: 'third', twoFactor: true },
  { email: 'hans@peeters.example', name: 'Hans Wouters', role: 'USER', office: 'third', twoFactor: false },
  { email: 'ines@maes.example', name: 'Ines Maes', role: 'USER', office: 'other', twoFactor: false },
  { email: 'jef@maes.example', name: 'Jef Willems', role: 'USER', office: 'other', twoFactor: false },
  { email: 'julie@maes.example', name: 'Julie Dubois', role: 'USER', office: 'other', twoFactor: false },
  { email: 'helpdesk@portal.example', name: 'Hanne Helpdesk', role: 'HELPDESK', office: null, twoFactor: true },
  { email: 'katrien@lambrecht.example', name: 'Katrien Lambrecht', role: 'OFFICE_ADMIN', office: 'bulk', twoFactor: true },
  { email: 'lien@lambrecht.example', name: 'Lien Claes', role: 'USER', office: 'bulk', twoFactor: false },
];

const FIRST_NAMES = ['Lotte', 'Wout', 'Sofie', 'Pieter', 'Elise', 'Thomas', 'Marie', 'Lucas', 'Nina', 'Arne', 'Camille', 'Mathis', 'Hanne', 'Jonas'];
const LAST_NAMES = ['Peeters', 'Janssens', 'Dubois', 'Lambert', 'Mertens', 'Goossens', 'Lemaire', 'Wuyts'];
/** Users of the bulk office besides its two demo users: the office then has 60. */
const BULK_USERS = 58;

function demoPassword(): string {
  return process.env.SEED_DEMO_PASSWORD ?? randomBytes(9).toString('base64url');
}

async function main() {
  if ((await db.user.count()) > 0) {
    console.log('seed: the database already has users; nothing to do.');
    return;
  }
  const offices = {
    main: await db.office.create({ data: { name: 'Van Dijk & Partners Accountants' } }),
    other: await db.office.create({ data: { name: 'Maes Boekhouding' } }),
    third: await db.office.create({ data: { name: 'Peeters Fiduciaire' } }),
    bulk: await db.office.create({ data: { name: 'Lambrecht & Co Accountants' } }),
  };
  const printed: Array<{ email: string; name: string; role: string; password: string; totpKey?: string }> = [];
  for (const demo of DEMO_USERS) {
    const password = demoPassword();
    const user = await db.user.create({
      data: {
        email: demo.email,
        name: demo.name,
        role: demo.role,
        officeId: demo.office ? offices[demo.office].id : null,
        passwordHash: await hashPassword(password),
      },
    });
    let totpKey: string | undefined;
    if (demo.twoFactor) {
      totpKey = createTotpSecret();
      const sealed = seal(totpKey, totpSecretContext(user.id));
      await db.totpCredential.create({
        data: { userId: user.id, secretCiphertext: sealed.ciphertext, keyId: sealed.keyId, lastUsedStep: totpStepAt(Date.now()) - 2 },
      });
    }
    printed.push({ email: demo.email, name: demo.name, role: demo.role, password, totpKey });
  }
  await seedBulkOffice(offices.bulk.id);

  console.log('\nDemo users (these passwords are shown only now):');
  console.table(printed.map(({ email, role, password, totpKey }) => ({ email, role, password, '2FA key': totpKey ?? '' })));
  console.log('Add a 2FA key to your authenticator app as a time-based key to log in as that user.\n');
  if (process.env.SEED_OUTPUT) writeFileSync(process.env.SEED_OUTPUT, JSON.stringify(printed, null, 2));
}

/**
 * Lambrecht & Co Accountants: 60 users, 2FA required since 20 days with 30 days' grace (so its demo users
 * still have 10 days); a realistic mix of the rest: about half with 2FA, some reset by the
 * helpdesk and past their own deadline, recent joiners, sign-ins from today to never; and the
 * audit events of all that, for the office's audit view. One password hash for every bulk user
 * (a bcrypt hash is ~0.4 s; they are not meant to sign in, their password is not printed).
 */
async function seedBulkOffice(officeId: string) {
  const now = Date.now();
  const day = 86_400_000;
  const requiredAt = new Date(now - 20 * day);
  await db.office.update({
    where: { id: officeId },
    data: { twoFactorRequired: true, twoFactorGraceDays: 30, twoFactorRequiredAt: requiredAt, twoFactorDeadline: new Date(requiredAt.getTime() + 30 * day) },
  });
  const [admin, agent] = await Promise.all(
    ['katrien@lambrecht.example', 'helpdesk@portal.example'].map((email) => db.user.findUniqueOrThrow({ where: { email }, select: { id: true } })),
  );
  const passwordHash = await hashPassword(randomBytes(18).toString('base64url'));
  const bulk = Array.from({ length: BULK_USERS }, (_, i) => {
    const first = FIRST_NAMES[i % FIRST_NAMES.length];
    const last = LAST_NAMES[(i * 5 + Math.floor(i / FIRST_NAMES.length)) % LAST_NAMES.length];
    // Every 2nd user has 2FA; every 4th was reset by the helpdesk (past their own deadline); every 9th joined last week.
    const kind = i % 2 === 0 ? 'on' : i % 4 === 3 ? 'reset' : 'off';
    return {
      kind,
      data: {
        email: `${first}.${last}${i >= FIRST_NAMES.length * 2 ? i : ''}@lambrecht.example`.toLowerCase(),
        name: `${first} ${last}`,
        role: 'USER' as const,
        officeId,
        passwordHash,
        officeJoinedAt: new Date(i % 9 === 4 ? now - 5 * day : now - (100 + i * 7) * day),
        lastSignInAt: i % 6 === 5 ? null : new Date(now - ((i * 37) % 90) * day - i * 3_600_000),
        twoFactorDueBy: kind === 'reset' ? new Date(now - (i % 5) * day - day) : null,
      },
    };
  });
  const users = await db.user.createManyAndReturn({ data: bulk.map((b) => b.data), select: { id: true, email: true } });
  const byEmail = new Map(users.map((u) => [u.email, u.id]));
  const on = bulk.filter((b) => b.kind === 'on').map((b, n) => ({ userId: byEmail.get(b.data.email)!, confirmedAt: new Date(now - (3 + n * 11) * day) }));
  const reset = bulk.filter((b) => b.kind === 'reset').map((b) => ({ userId: byEmail.get(b.data.email)!, at: b.data.twoFactorDueBy! }));
  await db.totpCredential.createMany({
    data: on.map(({ userId, confirmedAt }) => {
      const sealed = seal(createTotpSecret(), totpSecretContext(userId));
      return { userId, secretCiphertext: sealed.ciphertext, keyId: sealed.keyId, lastUsedStep: 0, confirmedAt };
    }),
  });
  const meta = { ip: '192.0.2.10', userAgent: 'Mozilla/5.0 (seed)' };
  await db.auditEvent.createMany({
    data: [
      {
        createdAt: requiredAt,
        type: 'office.two_factor_required',
        outcome: 'SUCCESS' as const,
        actorUserId: admin.id,
        officeId,
        ...meta,
        details: JSON.stringify({ graceDays: 30, previousGraceDays: 0, affectedUsers: BULK_USERS - on.length + 1 }),
      },
      ...on.map(({ userId, confirmedAt }) => ({
        createdAt: confirmedAt,
        type: 'two_factor.enabled',
        outcome: 'SUCCESS' as const,
        factor: 'totp',
        actorUserId: userId,
        subjectUserId: userId,
        officeId,
        ...meta,
      })),
      ...reset.map(({ userId, at }, n) => ({
        createdAt: at,
        type: 'helpdesk.two_factor_reset',
        outcome: 'SUCCESS' as const,
        factor: 'totp',
        actorUserId: agent.id,
        subjectUserId: userId,
        officeId,
        ...meta,
        details: JSON.stringify({ checks: ['callback_phone_on_file'], ticket: `HD-${1040 + n}`, reason: 'New phone, identity confirmed by call-back' }),
      })),
    ].sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime()),
  });
  console.log(`seed: ${BULK_USERS} more users in Lambrecht & Co Accountants (their password is not printed).`);
}

main()
  .then(() => db.$disconnect())
  .catch(async (error) => {
    console.error(error);
    await db.$disconnect();
    process.exit(1);
  });
