/**
 * More users than the demo seed has, so that every test of the HTTP suites can have users of its
 * own (tests run alone or in any order, and several lock an account for 15 minutes or use up a
 * TOTP step): argv[4] is a JSON object of how many of each kind, e.g. {"user":40,"helpdesk":8}.
 * Each has a known password; 2FA is on except for "user-without-2fa" (its key written to the
 * output for the tests' own authenticator); each office admin has an office of its own.
 * Run with `tsx --conditions=react-server` and the server's environment (DATABASE_URL, keys):
 * it uses the portal's own sealing so the server can open the secrets. Writes JSON to argv[2].
 */
import { writeFileSync } from 'node:fs';

export type ExtraUserKind = 'user' | 'user-without-2fa' | 'helpdesk' | 'office-admin';

const ROLES: Record<ExtraUserKind, 'USER' | 'HELPDESK' | 'OFFICE_ADMIN'> = {
  user: 'USER',
  'user-without-2fa': 'USER',
  helpdesk: 'HELPDESK',
  'office-admin': 'OFFICE_ADMIN',
};

const [, , output, password, countsJson] = process.argv;
const counts = JSON.parse(countsJson) as Partial<Record<ExtraUserKind, number>>;
const { db } = await import('@/lib/db');
const { hashPassword } = await import('@/lib/auth/password-hash');
const { seal } = await import('@/lib/crypto/secret-box');
const { createTotpSecret } = await import('@/lib/two-factor/totp');
const { totpSecretContext } = await import('@/lib/two-factor/secret-context');

const office = await db.office.create({ data: { name: 'Test Suite Office' } });
const passwordHash = await hashPassword(password);
const users = [];
for (const [kind, count] of Object.entries(counts) as Array<[ExtraUserKind, number]>) {
  for (let i = 0; i < count; i++) {
    const email = `${kind}-${i}@suite.example`;
    const name = `Suite ${kind} ${i}`;
    const role = ROLES[kind];
    const officeId = role === 'HELPDESK' ? null : role === 'OFFICE_ADMIN' ? (await db.office.create({ data: { name: `Office of ${name}` } })).id : office.id;
    const user = await db.user.create({ data: { email, name, role, officeId, passwordHash } });
    let totpKey: string | undefined;
    if (kind !== 'user-without-2fa') {
      totpKey = createTotpSecret();
      const sealed = seal(totpKey, totpSecretContext(user.id));
      await db.totpCredential.create({ data: { userId: user.id, secretCiphertext: sealed.ciphertext, keyId: sealed.keyId, lastUsedStep: 0 } });
    }
    users.push({ id: user.id, kind, email, name, role, password, totpKey });
  }
}
writeFileSync(output, JSON.stringify(users, null, 2));
await db.$disconnect();
