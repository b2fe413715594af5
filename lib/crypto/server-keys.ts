import 'server-only';
import { createHmac, hkdfSync } from 'node:crypto';
import { env } from '@/lib/env';

/** One key per purpose, derived from AUTH_SECRET, so no key serves two jobs. */
export type KeyPurpose = 'login-throttle' | 'recovery-code' | 'password-reset-throttle';

const keys = new Map<KeyPurpose, Buffer>();

function keyFor(purpose: KeyPurpose): Buffer {
  let key = keys.get(purpose);
  if (!key) {
    key = Buffer.from(hkdfSync('sha256', Buffer.from(env().AUTH_SECRET, 'base64'), Buffer.alloc(0), `portal:${purpose}`, 32));
    keys.set(purpose, key);
  }
  return key;
}

export function keyedHash(purpose: KeyPurpose, value: string): string {
  return createHmac('sha256', keyFor(purpose)).update(value, 'utf8').digest('hex');
}
