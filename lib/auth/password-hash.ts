import 'server-only';
import bcrypt from 'bcryptjs';

/** bcrypt cost for stored password hashes (about 0.4 s a compare on this project's 2-core machines). */
export const BCRYPT_COST = 12;

export function hashPassword(password: string): Promise<string> {
  return bcrypt.hash(password, BCRYPT_COST);
}

// A real hash of a random string at the same cost: an unknown e-mail address is compared
// against it, so it costs the same time as a wrong password for a known one (S5).
let dummyHash: Promise<string> | undefined;

export async function verifyPassword(password: string, hash: string | null): Promise<boolean> {
  if (hash === null) {
    dummyHash ??= bcrypt.hash(crypto.randomUUID(), BCRYPT_COST);
    await bcrypt.compare(password, await dummyHash);
    return false;
  }
  return bcrypt.compare(password, hash);
}
