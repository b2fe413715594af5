/**
 * What the new-password check (S17, lib/auth/password-policy.ts) costs the thread it runs on: the
 * dictionaries' load, then the slowest of three checks for each kind of password at each length,
 * as a reset-link holder could send them. Prints figures; asserts nothing.
 *   npx tsx --conditions=react-server bench/password-strength.ts
 */
import { checkNewPassword, loadPasswordDictionaries } from '@/lib/auth/password-policy';

const LENGTHS = [16, 64, 256, 1024];
const KINDS: Record<string, (length: number) => string> = {
  'a word repeated': (length) => 'Password1'.repeat(length).slice(0, length),
  'symbols and digits (many l33t readings)': (length) => '4@3$1!0|5'.repeat(length).slice(0, length),
  'mixed characters': (length) => Array.from({ length }, (_, i) => 'aB3$kT9#mQ2vL8@xR4!zWp7'[(i * 7) % 23]).join(''),
  'digits in sequence': (length) => '1234567890'.repeat(length).slice(0, length),
  'a passphrase': (length) => 'rode kangoeroe fluit zacht op de trap '.repeat(length).slice(0, length),
};
const email = 'jan.peeters@office.example';

const started = performance.now();
loadPasswordDictionaries();
checkNewPassword('a first check builds the matcher', { email });
const heapMb = process.memoryUsage().heapUsed / 1e6;
console.log(`dictionaries loaded and first check: ${(performance.now() - started).toFixed(0)} ms; heap ${heapMb.toFixed(0)} MB`);
console.log(`\n| kind | ${LENGTHS.map((length) => `${length} chars`).join(' | ')} |`);
console.log(`| --- | ${LENGTHS.map(() => '---').join(' | ')} |`);
for (const [kind, make] of Object.entries(KINDS)) {
  const cells = LENGTHS.map((length) => {
    const password = make(length);
    let slowest = 0;
    for (let i = 0; i < 3; i += 1) {
      const start = performance.now();
      checkNewPassword(password, { email });
      slowest = Math.max(slowest, performance.now() - start);
    }
    return `${slowest.toFixed(0)} ms`;
  });
  console.log(`| ${kind} | ${cells.join(' | ')} |`);
}
