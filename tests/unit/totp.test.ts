import { generate } from 'otplib';
import { checkTotpCode, createTotpSecret, totpStepAt, totpUri } from '@/lib/two-factor/totp';
import { authenticatorCode } from '../helpers/totp-reference';

// The window tests use the tests' own RFC 6238 code, so they do not check otplib with itself.
const referenceCode = (secret: string, step: number) => authenticatorCode(secret, step * 30_000);

const RFC_SEED = new TextEncoder().encode('12345678901234567890');

describe('RFC test vectors (S1)', () => {
  it('produces the RFC 4226 Appendix D HOTP values for counters 0–9', async () => {
    const expected = ['755224', '287082', '359152', '969429', '338314', '254676', '287922', '162583', '399871', '520489'];
    const actual = await Promise.all(expected.map((_, counter) => generate({ secret: RFC_SEED, strategy: 'hotp', counter })));
    expect(actual).toEqual(expected);
  });

  it('produces the RFC 6238 Appendix B value at T = 59 s (8 digits, SHA-1)', async () => {
    await expect(generate({ secret: RFC_SEED, digits: 8, epoch: 59 })).resolves.toBe('94287082');
  });
});

describe('secrets and URIs (S1)', () => {
  it('makes 160-bit secrets in Base32 without padding, different every time', () => {
    const secrets = new Set(Array.from({ length: 50 }, createTotpSecret));
    expect(secrets.size).toBe(50);
    for (const secret of secrets) expect(secret).toMatch(/^[A-Z2-7]{32}$/);
  });

  it('writes a Key Uri Format URI whose issuer parameter equals the label prefix', () => {
    const uri = new URL(totpUri({ issuer: 'Office Portal', accountName: 'anna@vandijk.example', secret: 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP' }));
    expect(uri.protocol).toBe('otpauth:');
    expect(uri.host).toBe('totp');
    expect(decodeURIComponent(uri.pathname)).toBe('/Office Portal:anna@vandijk.example');
    expect(uri.searchParams.get('issuer')).toBe('Office Portal');
    expect(uri.searchParams.get('secret')).toBe('JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP');
    for (const param of ['algorithm', 'digits', 'period']) {
      // Absent means the defaults every app understands: SHA1, 6 digits, 30 s.
      expect([null, { algorithm: 'SHA1', digits: '6', period: '30' }[param]]).toContain(uri.searchParams.get(param));
    }
  });
});

describe('time window and replay (S2, S3)', () => {
  const secret = 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP';
  const now = Date.UTC(2026, 10, 28, 12, 0, 15); // 15 s into a step
  const step = totpStepAt(now);

  it.each([-1, 0, 1])('accepts the code of step %i relative to now', async (offset) => {
    const code = referenceCode(secret, step + offset);
    await expect(checkTotpCode({ secret, code, lastUsedStep: 0, nowMs: now })).resolves.toEqual({ kind: 'accepted', step: step + offset });
  });

  it.each([-3, -2, 2, 3])('refuses the code of step %i: nothing wider than one step', async (offset) => {
    const code = referenceCode(secret, step + offset);
    await expect(checkTotpCode({ secret, code, lastUsedStep: 0, nowMs: now })).resolves.toEqual({ kind: 'wrong' });
  });

  it('holds the window at the very edges of a step', async () => {
    const stepStart = step * 30_000;
    await expect(checkTotpCode({ secret, code: referenceCode(secret, step - 1), lastUsedStep: 0, nowMs: stepStart })).resolves.toMatchObject({
      kind: 'accepted',
    });
    await expect(checkTotpCode({ secret, code: referenceCode(secret, step - 2), lastUsedStep: 0, nowMs: stepStart })).resolves.toEqual({ kind: 'wrong' });
    await expect(checkTotpCode({ secret, code: referenceCode(secret, step + 1), lastUsedStep: 0, nowMs: stepStart + 29_999 })).resolves.toMatchObject({
      kind: 'accepted',
    });
    await expect(checkTotpCode({ secret, code: referenceCode(secret, step + 2), lastUsedStep: 0, nowMs: stepStart + 29_999 })).resolves.toEqual({
      kind: 'wrong',
    });
  });

  it('calls a genuine code at or below the last used step a replay', async () => {
    await expect(checkTotpCode({ secret, code: referenceCode(secret, step), lastUsedStep: step, nowMs: now })).resolves.toEqual({ kind: 'replayed', step });
    await expect(checkTotpCode({ secret, code: referenceCode(secret, step - 1), lastUsedStep: step, nowMs: now })).resolves.toEqual({
      kind: 'replayed',
      step: step - 1,
    });
    await expect(checkTotpCode({ secret, code: referenceCode(secret, step + 1), lastUsedStep: step, nowMs: now })).resolves.toEqual({
      kind: 'accepted',
      step: step + 1,
    });
  });

  it('refuses a code of another secret', async () => {
    const code = referenceCode('GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ', step);
    const result = await checkTotpCode({ secret, code, lastUsedStep: 0, nowMs: now });
    // One in a million codes collide; this pair does not.
    expect(result).toEqual({ kind: 'wrong' });
  });
});
