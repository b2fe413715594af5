import 'server-only';
import { db, type Statement } from '@/lib/db';
import { verifyPassword } from './password-hash';
import { clearPasswordFailures, lockIfLimitReached, reservePasswordAttempt, throttleKey } from './login-throttle';
import { clearDeviceFailures, deviceLockedUntil, reserveDeviceAttempt, type TrustedDevice } from './trusted-devices';
import { releaseNetworkAttempt, reserveNetworkAttempt } from './network-throttle';

export type PasswordCheck =
  | { kind: 'correct' }
  | { kind: 'incorrect' }
  /** `lockedNow` is set when this attempt was the one that locked; `scope` says which budget is spent. */
  | { kind: 'locked'; lockedNow: Date | null; scope?: 'address' | 'device' | 'network' };

/**
 * The right password, its budgets not yet given back: `settlement` starts the address's (or the
 * device's) count again and returns the network's attempt, statements to run in the batch of
 * what the password allows (the sign-in's session), so a sign-in commits once after the compare.
 */
export type RightPassword = { kind: 'correct'; settlement: Statement[] };
export type UnsettledPasswordCheck = Exclude<PasswordCheck, { kind: 'correct' }> | RightPassword;

/** The budgets of a sign-in (S19): the browser's trusted device for this account, else the address's lock and the network's limit. */
export type PasswordBudget = { device?: TrustedDevice | null; networkKey?: string | null };

/**
 * One password check with the guess limit of S5, for every place that asks for a password
 * (disabling 2FA, new recovery codes, changing it): `checkPasswordWithinBudget` settled at once.
 */
export async function checkPassword(email: string, password: string, passwordHash: string | null): Promise<PasswordCheck> {
  const check = await checkPasswordWithinBudget(email, password, passwordHash);
  if (check.kind !== 'correct') return check;
  await db.$transaction(check.settlement);
  return { kind: 'correct' };
}

/**
 * Always exactly one bcrypt compare, whether the address is known, unknown or locked, so the
 * answer's timing tells nothing; the attempt is reserved before it. At sign-in a trusted device
 * counts on its own budget instead of the address's (S19), so a stranger's guesses lock only
 * untrusted browsers; untrusted ones also count on their network's (S19). A right password
 * comes back unsettled (`RightPassword`): the caller settles it.
 */
export async function checkPasswordWithinBudget(
  email: string,
  password: string,
  passwordHash: string | null,
  budget: PasswordBudget = {},
): Promise<UnsettledPasswordCheck> {
  if (budget.device) return checkOnDeviceBudget(budget.device, password, passwordHash);
  const network = budget.networkKey ?? null;
  if (network && !(await reserveNetworkAttempt(network))) {
    await verifyPassword(password, null);
    return { kind: 'locked', lockedNow: null, scope: 'network' };
  }
  const key = throttleKey(email);
  if (!(await reservePasswordAttempt(key))) {
    // Not a guess at all: refused before any compare, so it does not spend the network's budget.
    if (network) await releaseNetworkAttempt(network);
    await verifyPassword(password, null);
    return { kind: 'locked', lockedNow: null, scope: 'address' };
  }
  if (!(await verifyPassword(password, passwordHash))) {
    const lockedNow = await lockIfLimitReached(key);
    return lockedNow ? { kind: 'locked', lockedNow, scope: 'address' } : { kind: 'incorrect' };
  }
  return { kind: 'correct', settlement: [clearPasswordFailures(key), ...(network ? [releaseNetworkAttempt(network)] : [])] };
}

async function checkOnDeviceBudget(device: TrustedDevice, password: string, passwordHash: string | null): Promise<UnsettledPasswordCheck> {
  if (!(await reserveDeviceAttempt(device.id))) {
    await verifyPassword(password, null);
    return { kind: 'locked', lockedNow: null, scope: 'device' };
  }
  if (!(await verifyPassword(password, passwordHash))) {
    const lockedNow = await deviceLockedUntil(device.id);
    return lockedNow ? { kind: 'locked', lockedNow, scope: 'device' } : { kind: 'incorrect' };
  }
  // The address's count is left as it is: the owner signing in must not hand a stranger a fresh budget.
  return { kind: 'correct', settlement: [clearDeviceFailures(device.id)] };
}
