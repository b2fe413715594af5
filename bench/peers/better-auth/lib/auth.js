/**
 * The peer of issue 17: better-auth as its documentation sets it up for e-mail and password with
 * the twoFactor plugin, on SQLite through better-sqlite3, with the portal's password hashing
 * (bcryptjs at cost 12) passed in through `password.hash/verify`.
 */
import { betterAuth } from 'better-auth';
import { twoFactor } from 'better-auth/plugins';
import Database from 'better-sqlite3';
import bcrypt from 'bcryptjs';
import { mkdirSync } from 'node:fs';
import path from 'node:path';

const file = process.env.PEER_DATABASE ?? 'data/peer.db';
// `next build` loads this module too (to collect the route's configuration).
mkdirSync(path.dirname(file), { recursive: true });
const database = new Database(file);
// The portal's SQLite settings (WAL, a commit waits for the disk): the same durability on both sides.
database.pragma('journal_mode = WAL');
database.pragma('synchronous = FULL');

export const auth = betterAuth({
  appName: 'Bench peer',
  database,
  secret: process.env.BETTER_AUTH_SECRET ?? 'bench-peer-secret-not-for-production-0123456789',
  baseURL: process.env.BETTER_AUTH_URL ?? 'http://127.0.0.1:3160',
  emailAndPassword: {
    enabled: true,
    password: {
      hash: (password) => bcrypt.hash(password, 12),
      verify: ({ hash, password }) => bcrypt.compare(password, hash),
    },
  },
  plugins: [twoFactor({ issuer: 'Bench peer' })],
  // Without a trusted client address every request shares one in-memory bucket (100 per 10 s), so
  // the load would measure 429 answers; the portal's own limits are per login, in its database.
  rateLimit: { enabled: false },
  telemetry: { enabled: false },
});
