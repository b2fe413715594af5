import bcrypt from 'bcryptjs';
import { db } from '@/lib/db';
import type { Role } from '@/lib/db/enums';
import { seal } from '@/lib/crypto/secret-box';
import { createTotpSecret } from '@/lib/two-factor/totp';
import { totpSecretContext } from '@/lib/two-factor/secret-context';

let sequence = 0;

export type TestUser = { id: string; email: string; password: string; secret: string | null; officeId: string | null };

/**
 * A user in the test database. The hash is real bcrypt at a low cost (the stored hash carries
 * its cost, so the portal's compare works unchanged) to keep the suite fast.
 */
export async function createUser({
  role = 'USER',
  twoFactor = false,
  officeId,
  email,
}: { role?: Role; twoFactor?: boolean; officeId?: string | null; email?: string } = {}): Promise<TestUser> {
  const n = ++sequence; // taken before any await: factories may run in parallel
  const password = `correct horse ${n}`;
  const office = officeId === undefined ? await db.office.create({ data: { name: `Office ${n}` } }) : null;
  const user = await db.user.create({
    data: {
      email: email ?? `user${n}@office.example`,
      name: `Test User ${n}`,
      role,
      officeId: office ? office.id : officeId,
      passwordHash: await bcrypt.hash(password, 4),
    },
  });
  let secret: string | null = null;
  if (twoFactor) {
    secret = createTotpSecret();
    const sealed = seal(secret, totpSecretContext(user.id));
    await db.totpCredential.create({ data: { userId: user.id, secretCiphertext: sealed.ciphertext, keyId: sealed.keyId, lastUsedStep: 0 } });
  }
  return { id: user.id, email: user.email, password, secret, officeId: user.officeId };
}
