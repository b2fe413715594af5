/**
 * Which database the portal talks to, from DATABASE_URL. Pure (no server-only): prisma.config.ts,
 * the Jest harness and lib/db.ts all read it, so they always agree.
 *   file:./data/dev.db           embedded SQLite (the default)
 *   postgresql://user@host/db    PostgreSQL
 * scripts/db-setup.mjs (plain Node, cannot import TypeScript) repeats the default: keep them in step.
 */
import path from 'node:path';

export type DatabaseKind = 'sqlite' | 'postgres';

/**
 * DATABASE_URL, or the development SQLite file data/dev.db. The project root is the working
 * directory: npm scripts, `next`, Jest and the Prisma CLI all run from there (a bundled
 * server has no reliable __dirname). A relative `file:` path is made absolute against it too,
 * so every tool opens the same file.
 */
export function databaseUrl(): string {
  // turbopackIgnore: a path built from process.cwd() would otherwise make Next.js copy the whole
  // project into the standalone build's file trace.
  const url = process.env.DATABASE_URL?.trim() || `file:${path.join(/*turbopackIgnore: true*/ process.cwd(), 'data', 'dev.db')}`;
  if (databaseKind(url) === 'postgres') return url;
  const file = sqliteFilePath(url);
  return file === ':memory:' || path.isAbsolute(file) ? url : `file:${path.resolve(/*turbopackIgnore: true*/ process.cwd(), file)}`;
}

export function databaseKind(url: string): DatabaseKind {
  if (url.startsWith('file:')) return 'sqlite';
  if (/^postgres(ql)?:\/\//.test(url)) return 'postgres';
  // Name the variable but not the value: it may hold a password.
  throw new Error('DATABASE_URL must be a SQLite "file:" URL (e.g. file:./data/dev.db) or a "postgresql://" URL.');
}

/** The file path of a SQLite `file:` URL. */
export function sqliteFilePath(url: string): string {
  return url.slice('file:'.length);
}
