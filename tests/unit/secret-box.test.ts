import { randomBytes } from 'node:crypto';

const keyA = randomBytes(32).toString('base64');
const keyB = randomBytes(32).toString('base64');

async function loadSecretBox(keys: string) {
  jest.resetModules();
  process.env.AUTH_SECRET = randomBytes(32).toString('base64');
  process.env.TOTP_ENCRYPTION_KEYS = keys;
  return import('@/lib/crypto/secret-box');
}

describe('secret box (S7)', () => {
  it('seals with AES-256-GCM under the first key and opens it again', async () => {
    const { seal, open } = await loadSecretBox(`a:${keyA}`);
    const sealed = seal('JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP', 'totp-secret:user-1');
    expect(sealed.keyId).toBe('a');
    expect(sealed.ciphertext).not.toContain('JBSWY3DP');
    expect(open(sealed, 'totp-secret:user-1')).toBe('JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP');
  });

  it('uses a fresh IV each time', async () => {
    const { seal } = await loadSecretBox(`a:${keyA}`);
    expect(seal('same', 'ctx').ciphertext).not.toBe(seal('same', 'ctx').ciphertext);
  });

  it('does not open a secret moved to another user', async () => {
    const { seal, open } = await loadSecretBox(`a:${keyA}`);
    const sealed = seal('JBSWY3DPEHPK3PXP', 'totp-secret:user-1');
    expect(() => open(sealed, 'totp-secret:user-2')).toThrow();
  });

  it('does not open a tampered ciphertext', async () => {
    const { seal, open } = await loadSecretBox(`a:${keyA}`);
    const sealed = seal('JBSWY3DPEHPK3PXP', 'ctx');
    const raw = Buffer.from(sealed.ciphertext, 'base64url');
    raw[14] ^= 1;
    expect(() => open({ ...sealed, ciphertext: raw.toString('base64url') }, 'ctx')).toThrow();
  });

  it('rotates: a new first key seals, the old key still opens what it sealed', async () => {
    const old = await loadSecretBox(`a:${keyA}`);
    const sealedBefore = old.seal('OLDSECRET', 'ctx');
    const rotated = await loadSecretBox(`b:${keyB},a:${keyA}`);
    expect(rotated.open(sealedBefore, 'ctx')).toBe('OLDSECRET');
    expect(rotated.seal('NEW', 'ctx').keyId).toBe('b');
  });

  it('names the missing key when a key id is unknown', async () => {
    const { open, UnknownKeyError } = await loadSecretBox(`a:${keyA}`);
    expect(() => open({ keyId: 'gone', ciphertext: 'AAAA' }, 'ctx')).toThrow(UnknownKeyError);
  });
});
