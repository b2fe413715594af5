/**
 * Demo data for a new database: one office with a user without 2FA, a user with 2FA already
 * enabled, an office admin, and a helpdesk agent (with 2FA, as the helpdesk requires).
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

type DemoUser = { email: string; name: string; role: Role; office: 'main' | 'other' | 'third' | null; twoFactor: boolean };

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
];

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

  console.log('\nDemo users (these passwords are shown only now):');
  console.table(printed.map(({ email, role, password, totpKey }) => ({ email, role, password, '2FA key': totpKey ?? '' })));
  console.log('Add a 2FA key to your authenticator app as a time-based key to log in as that user.\n');
  if (process.env.SEED_OUTPUT) writeFileSync(process.env.SEED_OUTPUT, JSON.stringify(printed, null, 2));
}

main()
  .then(() => db.$disconnect())
  .catch(async (error) => {
    console.error(error);
    await db.$disconnect();
    process.exit(1);
  });
