/**
 * More users than the demo seed has, for attacks that lock accounts for 15 minutes: each with a
 * known password and 2FA on (its key written to the output for the tests' own authenticator).
 * Run with `tsx --conditions=react-server` and the server's environment (DATABASE_URL, keys):
 * it uses the portal's own sealing so the server can open the secrets. Writes JSON to argv[2].
 */
import { writeFileSync } from 'node:fs';

const [, , output, countText, password] = process.argv;
const { db } = await import('@/lib/db');
const { hashPassword } = await import('@/lib/auth/password-hash');
const { seal } = await import('@/lib/crypto/secret-box');
const { createTotpSecret } = await import('@/lib/two-factor/totp');
const { totpSecretContext } = await import('@/lib/two-factor/secret-context');

const office = await db.office.create({ data: { name: 'Attack Suite Office' } });
const passwordHash = await hashPassword(password);
const users = [];
for (let i = 0; i < Number(countText); i++) {
  const email = `target-${i}@attack.example`;
  const user = await db.user.create({ data: { email, name: `Target ${i}`, role: 'USER', officeId: office.id, passwordHash } });
  const totpKey = createTotpSecret();
  const sealed = seal(totpKey, totpSecretContext(user.id));
  await db.totpCredential.create({ data: { userId: user.id, secretCiphertext: sealed.ciphertext, keyId: sealed.keyId, lastUsedStep: 0 } });
  users.push({ id: user.id, email, name: `Target ${i}`, role: 'USER', password, totpKey });
}
writeFileSync(output, JSON.stringify(users, null, 2));
await db.$disconnect();
