import 'server-only';
import { verifyPassword } from './password-hash';
import { clearPasswordFailures, lockIfLimitReached, reservePasswordAttempt, throttleKey } from './login-throttle';

export type PasswordCheck =
  | { kind: 'correct' }
  | { kind: 'incorrect' }
  /** `lockedNow` is set when this attempt was the one that locked the address. */
  | { kind: 'locked'; lockedNow: Date | null };

/**
 * One password check with the guess limit of S5, for every place that asks for a password
 * (sign-in, disabling 2FA, new recovery codes). Always exactly one bcrypt compare, whether the
 * address is known, unknown or locked, so the answer's timing tells nothing.
 */
export async function checkPassword(email: string, password: string, passwordHash: string | null): Promise<PasswordCheck> {
  const key = throttleKey(email);
  if (!(await reservePasswordAttempt(key))) {
    await verifyPassword(password, null);
    return { kind: 'locked', lockedNow: null };
  }
  if (!(await verifyPassword(password, passwordHash))) {
    const lockedNow = await lockIfLimitReached(key);
    return lockedNow ? { kind: 'locked', lockedNow } : { kind: 'incorrect' };
  }
  await clearPasswordFailures(key);
  return { kind: 'correct' };
}
