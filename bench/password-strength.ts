/**
 * What the new-password check (S17, lib/auth/password-policy.ts) costs: for each kind of
 * password at each length, as a reset-link holder could send them, the slowest of three checks
 * (what the user waits) and the longest the event loop was held meanwhile (what every other
 * request waits; zxcvbn runs on a worker thread, lib/auth/password-workers.ts). Prints figures;
 * asserts nothing.
 *   npx tsx --conditions=react-server bench/password-strength.ts
 */
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { checkNewPassword } from '@/lib/auth/password-policy';

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
await checkNewPassword('a first check builds the matcher', { email });
console.log(`first check (the worker loads the dictionaries): ${(performance.now() - started).toFixed(0)} ms`);

const rows: string[] = [];
for (const [kind, make] of Object.entries(KINDS)) {
  const cells: string[] = [];
  for (const length of LENGTHS) {
    const password = make(length);
    const loop = monitorEventLoopDelay({ resolution: 1 });
    loop.enable();
    let slowest = 0;
    for (let i = 0; i < 3; i += 1) {
      const start = performance.now();
      await checkNewPassword(password, { email });
      slowest = Math.max(slowest, performance.now() - start);
    }
    loop.disable();
    cells.push(`${slowest.toFixed(0)} ms / ${(loop.max / 1e6).toFixed(0)} ms`);
  }
  rows.push(`| ${kind} | ${cells.join(' | ')} |`);
}
console.log('\nslowest check / longest the event loop was held:');
console.log(`| kind | ${LENGTHS.map((length) => `${length} chars`).join(' | ')} |`);
console.log(`| --- | ${LENGTHS.map(() => '---').join(' | ')} |`);
console.log(rows.join('\n'));
