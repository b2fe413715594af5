/**
 * N sign-ins that passed the password and wait for the TOTP code, written with better-auth's own
 * code (its verification rows and its signed two_factor cookie, as /sign-in/email leaves them), so
 * preparing thousands costs no bcrypt and no HTTP, as the portal's pending logins are prepared.
 * Each challenge works once. Prints a JSON array of Cookie header values.
 *   PEER_DATABASE=/path/peer.db node scripts/pending-logins.mjs <count> <email>
 */
import { serializeSignedCookie } from 'better-call';
import { generateRandomString } from 'better-auth/crypto';
import Database from 'better-sqlite3';

const [count, email] = [Number(process.argv[2]), process.argv[3]];
const { auth } = await import('../lib/auth.js');
const context = await auth.$context;
const user = await context.internalAdapter.findUserByEmail(email);
if (!user) throw new Error(`no peer user ${email}`);
const cookieName = context.createAuthCookie('two_factor').name;
const expiresAt = new Date(Date.now() + 3600_000);
const cookies = [];
for (let i = 0; i < count; i++) {
  const identifier = `2fa-${generateRandomString(20)}`;
  await context.internalAdapter.createVerificationValue({ value: user.user.id, identifier, expiresAt });
  await context.internalAdapter.createVerificationValue({ value: '0', identifier: `2fa-attempts-${identifier}`, expiresAt });
  cookies.push((await serializeSignedCookie(cookieName, identifier, context.secret, {})).split(';')[0]);
}
// Copied from the write-ahead log into the database now, so no measured commit pays for it (as bench/phase.ts does for the portal's).
const sqlite = new Database(process.env.PEER_DATABASE);
sqlite.pragma('wal_checkpoint(TRUNCATE)');
sqlite.close();
console.log(JSON.stringify(cookies));
process.exit(0);
