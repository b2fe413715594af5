import 'server-only';
/**
 * The one Prisma client of the app. DATABASE_URL chooses the database (lib/database-url.ts):
 * a generated client only accepts the driver adapter of its own provider, so there is one
 * generated client per database (lib/generated/sqlite, lib/generated/postgres) over the same
 * models. Both run on driver adapters: no native query engine, nothing downloaded.
 */
import pg from 'pg';
import { PrismaPg } from '@prisma/adapter-pg';
import { PrismaClient as SqliteClient, type Prisma } from './generated/sqlite/client';
import { PrismaClient as PostgresClient } from './generated/postgres/client';
import { databaseKind, databaseUrl } from './database-url';
import { sqliteAdapter } from './db/sqlite-adapter';

/** The client type the app codes against. The PostgreSQL client has the same models and API. */
export type Db = SqliteClient;
/** The `tx` of `db.$transaction(async (tx) => ...)`. */
export type TxClient = Prisma.TransactionClient;
/** Where a statement runs: the database itself, or the transaction it joins. */
export type DbClient = TxClient | Db;
/**
 * A raw statement not yet sent (Prisma's promises run when awaited): awaited alone, or several
 * run in order in one batch transaction, `db.$transaction([...])`, which costs about half of an
 * interactive one of the same statements (no round through our code between them).
 */
export type Statement = Prisma.PrismaPromise<number>;

/**
 * With DATABASE_QUERY_EVENTS=1 the client emits an event per SQL statement, for tools that watch
 * it from outside (bench/ counts the statements of a verification). Off by default: no cost.
 */
const log: Array<{ emit: 'event'; level: 'query' }> = process.env.DATABASE_QUERY_EVENTS === '1' ? [{ emit: 'event', level: 'query' }] : [];

function createDb(): Db {
  const url = databaseUrl();
  if (databaseKind(url) === 'sqlite') return new SqliteClient({ adapter: sqliteAdapter(url), log });
  const pool = new pg.Pool({ connectionString: url, max: Number(process.env.DATABASE_POOL_MAX) || 5 });
  // An idle connection dropped by the server (restart, failover) must not crash the process:
  // without a listener, pg's 'error' event is thrown. The pool replaces the connection.
  pool.on('error', (error) => console.error('PostgreSQL: idle connection lost:', error.message));
  // disposeExternalPool: $disconnect() ends the pool too (tests, scripts), instead of leaving it open.
  return new PostgresClient({ adapter: new PrismaPg(pool, { disposeExternalPool: true }), log }) as unknown as Db;
}

// Development hot reloads re-evaluate this module: reuse the client instead of opening a new
// connection (and pool) on every edit.
const globalForDb = globalThis as unknown as { portalDb?: Db };

export const db: Db = globalForDb.portalDb ?? createDb();

if (process.env.NODE_ENV !== 'production') globalForDb.portalDb = db;

/**
 * `text` as a LIKE pattern that matches itself only: `%` and `_` are wildcards to LIKE, and `\` is
 * the escape character on both databases (PostgreSQL's default, named for SQLite in withLikeEscape).
 * Without this a helpdesk search for `%` listed every user.
 */
function likePattern(text: string): string {
  return text.replace(/[\\%_]/g, (char) => `\\${char}`);
}

/**
 * A case-insensitive "contains" filter on both databases, for the text as typed (no wildcards):
 * SQLite's LIKE already ignores case (for ASCII); PostgreSQL needs Prisma's `mode`, which the
 * SQLite client does not know.
 */
export function containsIgnoringCase(value: string): { contains: string } {
  const contains = likePattern(value);
  return databaseKind(databaseUrl()) === 'postgres' ? ({ contains, mode: 'insensitive' } as { contains: string }) : { contains };
}
