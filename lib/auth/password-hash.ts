import 'server-only';
import { bcryptCompare, bcryptHash } from './password-workers';

import { BCRYPT_COST } from './password-hash-cost';

export function hashPassword(password: string): Promise<string> {
  return bcryptHash(password, BCRYPT_COST);
}

// A real hash of a random string at the same cost: an unknown e-mail address is compared
// against it, so it costs the same time as a wrong password for a known one (S5).
let dummyHash: Promise<string> | undefined;

export async function verifyPassword(password: string, hash: string | null): Promise<boolean> {
  if (hash === null) {
    dummyHash ??= bcryptHash(crypto.randomUUID(), BCRYPT_COST);
    await bcryptCompare(password, await dummyHash);
    return false;
  }
  return bcryptCompare(password, hash);
}
