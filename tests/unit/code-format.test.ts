import { CODE_FORMAT_MESSAGE, parseVerificationCode } from '@/lib/two-factor/code-format';

describe('parseVerificationCode (S14)', () => {
  it.each([
    ['123456', '123456'],
    ['123 456', '123456'],
    [' 12 34 56 ', '123456'],
    ['123\u00a0456', '123456'],
    ['\t654321\n', '654321'],
  ])('accepts %j as %s', (input, code) => {
    expect(parseVerificationCode(input)).toEqual({ ok: true, code });
  });

  it.each([
    ['empty', ''],
    ['only spaces', '      '],
    ['letters', 'abcdef'],
    ['mixed', '12a456'],
    ['five digits', '12345'],
    ['seven digits', '1234567'],
    ['dashes', '123-456'],
    ['arabic-indic digits', '١٢٣٤٥٦'],
    ['full-width digits', '１２３４５６'],
    ['a 10 kB string', '1'.repeat(10_240)],
    ['a number, not a string', 123456],
    ['missing', null],
    ['a File-like object', { name: 'x' }],
    ['sql', "123456' OR 1=1"],
  ])('refuses %s with the format message', (_label, input) => {
    expect(parseVerificationCode(input)).toEqual({ ok: false, message: CODE_FORMAT_MESSAGE });
  });
});
