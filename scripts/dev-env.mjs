#!/usr/bin/env node
// Development convenience: writes random secrets into .env (git-ignored) for any that are
// missing, so `npm run dev` works on a fresh clone. Never used in production, where
// missing secrets stop the server at start.
import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync, appendFileSync } from 'node:fs';

const file = new URL('../.env', import.meta.url);
const current = existsSync(file) ? readFileSync(file, 'utf8') : '';
const has = (name) => new RegExp(`^${name}=`, 'm').test(current) || process.env[name];
const key = () => randomBytes(32).toString('base64');

const wanted = {
  AUTH_SECRET: key,
  TOTP_ENCRYPTION_KEYS: () => `dev1:${key()}`,
};
const lines = Object.entries(wanted)
  .filter(([name]) => !has(name))
  .map(([name, make]) => `${name}=${make()}`);
if (lines.length) {
  appendFileSync(file, `${current && !current.endsWith('\n') ? '\n' : ''}# Generated for development by scripts/dev-env.mjs\n${lines.join('\n')}\n`);
  console.log(`dev-env: wrote ${lines.map((l) => l.split('=')[0]).join(', ')} to .env`);
}
