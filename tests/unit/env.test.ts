import { randomBytes } from 'node:crypto';

async function loadEnv(vars: Record<string, string | undefined>) {
  jest.resetModules();
  for (const [name, value] of Object.entries(vars)) {
    if (value === undefined) delete process.env[name];
    else process.env[name] = value;
  }
  return import('@/lib/env');
}

const goodKey = () => randomBytes(32).toString('base64');

describe('environment validation', () => {
  it('accepts proper secrets', async () => {
    const { env } = await loadEnv({ AUTH_SECRET: goodKey(), TOTP_ENCRYPTION_KEYS: `k1:${goodKey()},k0:${goodKey()}` });
    expect(env().TOTP_ENCRYPTION_KEYS.startsWith('k1:')).toBe(true);
  });

  it.each([
    ['a missing AUTH_SECRET', { AUTH_SECRET: undefined }, 'AUTH_SECRET'],
    ['a short AUTH_SECRET', { AUTH_SECRET: 'secret' }, 'AUTH_SECRET'],
    ['a weak AUTH_SECRET', { AUTH_SECRET: Buffer.alloc(32, 1).toString('base64') }, 'AUTH_SECRET'],
    ['missing TOTP keys', { TOTP_ENCRYPTION_KEYS: undefined }, 'TOTP_ENCRYPTION_KEYS'],
    ['a TOTP key without an id', { TOTP_ENCRYPTION_KEYS: goodKey() }, 'TOTP_ENCRYPTION_KEYS'],
    ['a short TOTP key', { TOTP_ENCRYPTION_KEYS: 'k1:c2hvcnQ=' }, 'TOTP_ENCRYPTION_KEYS'],
  ])('stops with a message naming the variable for %s', async (_label, vars, name) => {
    const { env, EnvError } = await loadEnv({ AUTH_SECRET: goodKey(), TOTP_ENCRYPTION_KEYS: `k1:${goodKey()}`, ...vars });
    expect(() => env()).toThrow(EnvError);
    expect(() => env()).toThrow(new RegExp(`${name}:`));
  });
});
