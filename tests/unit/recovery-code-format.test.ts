import {
  createRecoveryCode,
  createRecoveryCodeSet,
  formatRecoveryCode,
  parseRecoveryCode,
  RECOVERY_CODE_ALPHABET,
  RECOVERY_CODE_FORMAT_MESSAGE,
} from '@/lib/two-factor/recovery-code-format';

describe('recovery codes (S13)', () => {
  it('use 32 characters without look-alikes: 5 bits each, 50 bits a code', () => {
    expect(new Set(RECOVERY_CODE_ALPHABET).size).toBe(32);
    expect(RECOVERY_CODE_ALPHABET).not.toMatch(/[01IO]/);
    expect(RECOVERY_CODE_ALPHABET).toMatch(/^[2-9A-Z]+$/);
  });

  it('are 10 characters of that alphabet, every character in use', () => {
    const codes = Array.from({ length: 2000 }, createRecoveryCode);
    for (const code of codes) expect(code).toMatch(/^[2-9A-HJ-NP-Z]{10}$/);
    expect(new Set(codes.join('')).size).toBe(32);
    expect(new Set(codes).size).toBe(codes.length);
  });

  it('come in sets of 10 distinct codes, shown as XXXXX-XXXXX', () => {
    const set = createRecoveryCodeSet();
    expect(set).toHaveLength(10);
    expect(new Set(set).size).toBe(10);
    expect(formatRecoveryCode('ABCDE23456')).toBe('ABCDE-23456');
  });
});

describe('parseRecoveryCode (S14)', () => {
  it.each([
    ['ABCDE-23456', 'ABCDE23456'],
    ['abcde-23456', 'ABCDE23456'],
    ['AbCdE23456', 'ABCDE23456'],
    [' abc de 234 56 ', 'ABCDE23456'],
    ['ABCDE\u201323456', 'ABCDE23456'],
    ['ABCDE \u2014 23456', 'ABCDE23456'],
    ['ABCDE\u00a023456', 'ABCDE23456'],
    ['\tABCDE-23456\n', 'ABCDE23456'],
    ['A-B-C-D-E-2-3-4-5-6', 'ABCDE23456'],
  ])('accepts %j as %s', (input, code) => {
    expect(parseRecoveryCode(input)).toEqual({ ok: true, code });
  });

  it.each([
    ['empty', ''],
    ['only dashes', '-----'],
    ['nine characters', 'ABCDE-2345'],
    ['eleven characters', 'ABCDE-234567'],
    ['a zero', 'ABCDE-23450'],
    ['a one', 'ABCDE-23451'],
    ['the letter O', 'ABCDO-23456'],
    ['the letter I', 'ABCDI-23456'],
    ['full-width letters', 'ＡＢＣＤＥ２３４５６'],
    ['a letter that upper-cases into two', 'ABCDEFGHß'],
    ['a long s that upper-cases into S', 'ABCDEFGHſS'],
    ['the Kelvin sign', 'ABCDEFGH\u212aS'],
    ['punctuation', 'ABCDE_23456'],
    ['a 10 kB string', 'A'.repeat(10_240)],
    ['a number', 1234567890],
    ['missing', null],
    ['a File-like object', { name: 'x' }],
  ])('refuses %s with the format message', (_label, input) => {
    expect(parseRecoveryCode(input)).toEqual({ ok: false, message: RECOVERY_CODE_FORMAT_MESSAGE });
  });
});
