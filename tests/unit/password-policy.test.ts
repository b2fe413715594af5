/** S17: the rules a new password must meet, and how a refusal reads in each language. */
import { checkNewPassword, emailNameParts, passwordLength, passwordVerdictMessages, type PasswordVerdict } from '@/lib/auth/password-policy';
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH, PASSWORD_STRENGTH_CHECKED_LENGTH } from '@/lib/auth/password-limits';
import { translateMessage } from '@/lib/i18n/server';
import type { Locale } from '@/lib/i18n/locale';

const email = 'jan.peeters-desmet@office.example';
const check = (password: string) => checkNewPassword(password, { email });
const refusal = (verdict: PasswordVerdict, locale: Locale) =>
  verdict.kind === 'ok' ? [] : passwordVerdictMessages(verdict).map((message) => translateMessage(locale, message));

it('refuses 11 characters and accepts 12 of a strong kind', async () => {
  expect(await check('qz7-vbn4-mkw')).toMatchObject({ kind: 'ok' });
  expect(await check('qz7-vbn4-mk')).toEqual({ kind: 'too-short' });
  expect(refusal(await check('qz7-vbn4-mk'), 'en')).toEqual([`Use at least ${PASSWORD_MIN_LENGTH} characters.`]);
});

it('counts characters as the user sees them: an accent typed as a separate mark counts once, an emoji once', async () => {
  expect(passwordLength('e\u0301'.repeat(12))).toBe(12);
  expect(passwordLength('🔑'.repeat(12))).toBe(12); // 24 UTF-16 units
  expect(await check('é'.normalize('NFD').repeat(11))).toEqual({ kind: 'too-short' });
});

it('refuses a common password, with zxcvbn’s feedback in plain words', async () => {
  const verdict = await check('password1234');
  expect(verdict.kind).toBe('too-weak');
  const messages = refusal(verdict, 'en');
  expect(messages[0]).toBe('This password is too easy to guess.');
  expect(messages.length).toBeGreaterThan(1); // a warning or a suggestion follows
  expect(messages.join(' ')).not.toMatch(/similarToCommon|anotherWord|password\.[a-z]+\./); // never a raw code or key
});

it.each(['qwertyuiop12', 'aaaaaaaaaaaaaaa', 'Paswoord1234', 'motdepasse2024'])('refuses the common pattern %s', async (password) => {
  expect((await check(password)).kind).toBe('too-weak');
});

it('refuses the name part of the e-mail address and each of its pieces of 3 characters or more', async () => {
  expect(emailNameParts(email)).toEqual(['jan.peeters-desmet', 'jan', 'peeters', 'desmet']);
  expect((await check('Zomer bij Peeters in Gent')).kind).toBe('contains-email-name');
  expect((await check('fietsen met JAN naar zee')).kind).toBe('contains-email-name');
  expect(refusal(await check('fietsen met JAN naar zee'), 'en')).toEqual(['Do not use your name or the first part of your e-mail address in your password.']);
  // Pieces under 3 characters are ordinary letters inside other words.
  expect((await checkNewPassword('ed rode kangoeroe fluit zacht', { email: 'ed@office.example' })).kind).toBe('ok');
});

it('refuses the product name', async () => {
  expect((await check('mijn office portal sleutel 77')).kind).toBe('contains-product-name');
  expect((await check('OfficePortal voor altijd!')).kind).toBe('contains-product-name');
});

it('accepts a long passphrase with no digits, capitals or symbols (no composition rules)', async () => {
  expect(await check('rode kangoeroe fluit zacht op de trap')).toEqual({ kind: 'ok' });
  expect(await check('kangourou rouge siffle doucement dans l’escalier')).toEqual({ kind: 'ok' });
});

it(`accepts up to ${PASSWORD_MAX_LENGTH} characters and refuses more`, async () => {
  const long = Array.from({ length: 200 }, (_, i) => `woord${i}`)
    .join(' ')
    .slice(0, PASSWORD_MAX_LENGTH);
  expect(passwordLength(long)).toBe(PASSWORD_MAX_LENGTH);
  expect((await check(long)).kind).toBe('ok');
  expect(await check(`${long}x`)).toEqual({ kind: 'too-long' });
});

it(`judges strength on the first ${PASSWORD_STRENGTH_CHECKED_LENGTH} characters, the name rules on the whole password`, async () => {
  // Read whole, a strong tail would lift each of these to score 4; zxcvbn's work is bounded by reading the start only.
  const passphrase = 'rode kangoeroe fluit zacht op de trap';
  for (const start of ['1'.repeat(PASSWORD_STRENGTH_CHECKED_LENGTH), '1234567890'.repeat(7)]) {
    expect((await check(`${start}${passphrase}`)).kind).toBe('too-weak');
  }
  expect(await check(`${passphrase} ${passphrase} ${passphrase}`)).toEqual({ kind: 'ok' });
  expect(await check(`${passphrase} ${passphrase} ${passphrase} met jan`)).toEqual({ kind: 'contains-email-name' });
});

it('gives the feedback in Dutch (with “paswoord”) and in French', async () => {
  const verdict = await check('password1234');
  const [en, nl, fr] = (['en', 'nl', 'fr'] as const).map((locale) => refusal(verdict, locale));
  expect(nl[0]).toBe('Dit paswoord is te makkelijk te raden.');
  expect(fr[0]).toBe('Ce mot de passe est trop facile à deviner.');
  expect(nl.length).toBe(en.length);
  expect(fr.length).toBe(en.length);
  for (let i = 1; i < en.length; i += 1) {
    expect(nl[i]).not.toBe(en[i]);
    expect(fr[i]).not.toBe(en[i]);
  }
  expect(refusal(await check('fietsen met JAN naar zee'), 'fr')).toEqual([
    'N’utilisez pas votre nom ni la première partie de votre adresse e-mail dans votre mot de passe.',
  ]);
});
