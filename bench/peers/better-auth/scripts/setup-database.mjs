/**
 * A fresh peer database: better-auth's own migration API creates its tables (user, session,
 * account, verification, twoFactor), then one user signs up through better-auth's API and turns
 * TOTP on the way a user does (enable with the password, then confirm a code). Prints JSON
 * { email, password, totpSecret } (the secret in base32) for the load generator.
 *   PEER_DATABASE=/path/peer.db node scripts/setup-database.mjs
 */
import { rmSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { createHmac } from 'node:crypto';

const file = process.env.PEER_DATABASE ?? 'data/peer.db';
mkdirSync(path.dirname(file), { recursive: true });
for (const suffix of ['', '-wal', '-shm']) rmSync(`${file}${suffix}`, { force: true });

const { auth } = await import('../lib/auth.js');
const { getMigrations } = await import('better-auth/db/migration');
const { runMigrations } = await getMigrations(auth.options);
await runMigrations();

const email = 'peer@bench.example';
const password = 'bench password 12';
const signUp = await auth.api.signUpEmail({ body: { email, password, name: 'Bench peer' }, returnHeaders: true });
const cookie = signUp.headers
  .getSetCookie()
  .map((c) => c.split(';')[0])
  .join('; ');
const headers = new Headers({ cookie });
const { totpURI } = await auth.api.enableTwoFactor({ body: { password }, headers });
const totpSecret = new URL(totpURI).searchParams.get('secret');
await auth.api.verifyTOTP({ body: { code: totpCode(totpSecret) }, headers });
console.log(JSON.stringify({ email, password, totpSecret }));
process.exit(0);

/** RFC 6238 with the authenticator defaults (SHA-1, 6 digits, 30 s), independent of better-auth's code. */
function totpCode(base32) {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
  let bits = '';
  for (const ch of base32.replace(/=+$/, '').toUpperCase()) bits += alphabet.indexOf(ch).toString(2).padStart(5, '0');
  const key = Buffer.from(bits.match(/.{8}/g).map((b) => parseInt(b, 2)));
  const counter = Buffer.alloc(8);
  counter.writeBigUInt64BE(BigInt(Math.floor(Date.now() / 30_000)));
  const mac = createHmac('sha1', key).update(counter).digest();
  const offset = mac[mac.length - 1] & 15;
  return String((mac.readUInt32BE(offset) & 0x7fffffff) % 1_000_000).padStart(6, '0');
}
