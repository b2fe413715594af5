import 'server-only';
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { env } from '@/lib/env';

/**
 * AES-256-GCM sealing of TOTP secrets at rest (S7). Each ciphertext records the id of the
 * key that sealed it so keys can rotate; the associated data binds a ciphertext to its
 * owner, so a sealed secret copied onto another user's row does not open.
 */

type Keyring = { activeId: string; keys: Map<string, Buffer> };

let keyring: Keyring | undefined;

function loadKeyring(): Keyring {
  if (keyring) return keyring;
  const pairs = env()
    .TOTP_ENCRYPTION_KEYS.split(',')
    .map((pair) => {
      const [id, key] = pair.split(':');
      return [id, Buffer.from(key, 'base64')] as const;
    });
  keyring = { activeId: pairs[0][0], keys: new Map(pairs) };
  return keyring;
}

export type Sealed = { ciphertext: string; keyId: string };

export function seal(plaintext: string, associatedData: string): Sealed {
  const { activeId, keys } = loadKeyring();
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', keys.get(activeId)!, iv);
  cipher.setAAD(Buffer.from(associatedData, 'utf8'));
  const body = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
  return {
    ciphertext: Buffer.concat([iv, body, cipher.getAuthTag()]).toString('base64url'),
    keyId: activeId,
  };
}

export class UnknownKeyError extends Error {}

export function open(sealed: Sealed, associatedData: string): string {
  const key = loadKeyring().keys.get(sealed.keyId);
  if (!key) throw new UnknownKeyError(`No encryption key with id "${sealed.keyId}" is configured`);
  const raw = Buffer.from(sealed.ciphertext, 'base64url');
  const decipher = createDecipheriv('aes-256-gcm', key, raw.subarray(0, 12));
  decipher.setAAD(Buffer.from(associatedData, 'utf8'));
  decipher.setAuthTag(raw.subarray(raw.length - 16));
  return Buffer.concat([decipher.update(raw.subarray(12, raw.length - 16)), decipher.final()]).toString('utf8');
}
