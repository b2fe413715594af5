#!/usr/bin/env node
// Prepares the database layer (npm run dev, CI, Docker):
//   node scripts/db-setup.mjs            generate the Prisma clients if missing or stale, then migrate
//   node scripts/db-setup.mjs generate   generate both clients (always)
//   node scripts/db-setup.mjs migrate    apply migrations to DATABASE_URL (prisma migrate deploy)
// Both clients are generated whatever DATABASE_URL says: lib/db.ts imports both. Nothing is
// downloaded: the schemas use engineType "client" and prisma.config.ts the WASM schema engine.
import { spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
process.chdir(root); // prisma.config.ts and lib/database-url.ts resolve paths against it
const prismaBin = path.join(root, 'node_modules', '.bin', 'prisma');

const clients = [
  { schema: 'prisma/schema.prisma', output: 'lib/generated/sqlite' },
  { schema: 'prisma/postgres/schema.prisma', output: 'lib/generated/postgres' },
];

/** Runs the Prisma CLI quietly; its full output is shown only if it fails. */
function prisma(args) {
  return new Promise((resolve, reject) => {
    const child = spawn(prismaBin, args, { env: { ...process.env, PRISMA_HIDE_UPDATE_MESSAGE: '1' } });
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    child.on('error', reject);
    child.on('close', (code) => (code === 0 ? resolve(output) : reject(new Error(`prisma ${args.join(' ')} failed (exit ${code}):\n${output}`))));
  });
}

/** What a generated client was made from: its schema and the Prisma version. */
function fingerprint(schema) {
  const version = JSON.parse(readFileSync('node_modules/prisma/package.json', 'utf8')).version;
  return createHash('sha256').update(version).update(readFileSync(schema)).digest('hex');
}
const stampOf = (client) => path.join(client.output, '.schema-fingerprint');
const isFresh = (client) =>
  existsSync(path.join(client.output, 'client.ts')) && existsSync(stampOf(client)) && readFileSync(stampOf(client), 'utf8') === fingerprint(client.schema);

async function generate({ onlyStale }) {
  const wanted = onlyStale ? clients.filter((client) => !isFresh(client)) : clients;
  if (wanted.length === 0) return console.log('db-setup: Prisma clients are up to date');
  const started = Date.now();
  await Promise.all(
    wanted.map(async (client) => {
      await prisma(['generate', '--schema', client.schema]);
      writeFileSync(stampOf(client), fingerprint(client.schema));
    }),
  );
  console.log(`db-setup: generated ${wanted.map((c) => c.output).join(', ')} (${elapsed(started)})`);
}

async function migrate() {
  // Same default and rules as lib/database-url.ts (TypeScript, which plain Node cannot import).
  const url = process.env.DATABASE_URL?.trim() || `file:${path.join(root, 'data', 'dev.db')}`;
  let where = 'PostgreSQL';
  if (!/^(file:|postgres(ql)?:\/\/)/.test(url)) throw new Error('DATABASE_URL must be a SQLite "file:" URL or a "postgresql://" URL.');
  if (url.startsWith('file:')) {
    const file = path.resolve(root, url.slice('file:'.length));
    mkdirSync(path.dirname(file), { recursive: true });
    where = path.relative(root, file);
  }
  const started = Date.now();
  console.log(`db-setup: applying migrations to ${where}...`);
  const output = await prisma(['migrate', 'deploy']);
  const applied = /No pending migrations/.test(output) ? 'already up to date' : 'migrations applied';
  console.log(`db-setup: ${where} ${applied} (${elapsed(started)})`);
}

const elapsed = (since) => `${((Date.now() - since) / 1000).toFixed(1)} s`;

try {
  process.loadEnvFile('.env'); // variables already set win
} catch (error) {
  if (error.code !== 'ENOENT') throw error;
}

const command = process.argv[2] ?? 'setup';
try {
  if (command === 'generate') await generate({ onlyStale: false });
  else if (command === 'migrate') await migrate();
  else if (command === 'setup') {
    const derived = spawnSync(process.execPath, ['scripts/derive-postgres-schema.mjs', '--check'], { encoding: 'utf8' });
    if (derived.status !== 0) console.warn(`db-setup: warning: ${derived.stderr.trim()}`);
    await generate({ onlyStale: true });
    await migrate();
  } else {
    console.error('usage: node scripts/db-setup.mjs [setup|generate|migrate]');
    process.exit(2);
  }
} catch (error) {
  console.error(`db-setup: ${error.message}`);
  process.exit(1);
}
