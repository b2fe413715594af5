import 'server-only';
/**
 * The one Prisma client of the app. DATABASE_URL chooses the database (lib/database-url.ts):
 * a generated client only accepts the driver adapter of its own provider, so there is one
 * generated client per database (lib/generated/sqlite, lib/generated/postgres) over the same
 * models. Both run on driver adapters: no native query engine, nothing downloaded.
 */
import pg from 'pg';
import { PrismaBetterSQLite3 } from '@prisma/adapter-better-sqlite3';
import { PrismaPg } from '@prisma/adapter-pg';
import type { SqlDriverAdapter, SqlDriverAdapterFactory } from '@prisma/driver-adapter-utils';
import { PrismaClient as SqliteClient, type Prisma } from './generated/sqlite/client';
import { PrismaClient as PostgresClient } from './generated/postgres/client';
import { databaseKind, databaseUrl } from './database-url';

/** The client type the app codes against. The PostgreSQL client has the same models and API. */
export type Db = SqliteClient;
/** The `tx` of `db.$transaction(async (tx) => ...)`. */
export type TxClient = Prisma.TransactionClient;

function sqliteAdapter(url: string): SqlDriverAdapterFactory {
  // Another process (an instance, a migration) holding the write lock: wait up to 5 s, do not fail
  // with SQLITE_BUSY. better-sqlite3 waits synchronously, so this process pauses meanwhile.
  const stock = new PrismaBetterSQLite3({ url, timeout: 5000 });
  return {
    provider: stock.provider,
    adapterName: stock.adapterName,
    async connect() {
      const connection = await stock.connect();
      // WAL: readers do not block the writer (and the setting stays with the file). Foreign keys
      // carry the schema's onDelete: Cascade; better-sqlite3 enables them already, this keeps it explicit.
      await connection.executeScript('PRAGMA journal_mode = WAL; PRAGMA foreign_keys = ON;');
      return serializeTransactions(withLikeEscape(connection));
    },
  };
}

/**
 * Prisma turns `contains`, `startsWith` and `endsWith` into `LIKE ?` with the value between `%`s
 * and escapes nothing (6.19, both databases; there is no ESCAPE in its query compiler). PostgreSQL's
 * LIKE and ILIKE take `\` as the escape character by default; SQLite's LIKE has none unless the
 * query names one. Naming the same one here gives both databases one rule, so likePattern() below
 * can make `%` and `_` in a search literal. Prisma's SQL carries no user text (values are `?`
 * parameters), so the rewrite cannot be steered by input; the search test fails if Prisma's SQL
 * changes shape.
 */
const LIKE_PARAMETER = /\bLIKE \?(?! ESCAPE)/g;
function withLikeEscape(connection: SqlDriverAdapter): SqlDriverAdapter {
  const escaping = <Q extends { sql: string }>(query: Q): Q => ({ ...query, sql: query.sql.replace(LIKE_PARAMETER, "LIKE ? ESCAPE '\\'") });
  const wrap = (queryable: Pick<SqlDriverAdapter, 'queryRaw' | 'executeRaw'>) => {
    const { queryRaw, executeRaw } = queryable;
    queryable.queryRaw = (query) => queryRaw.call(queryable, escaping(query));
    queryable.executeRaw = (query) => executeRaw.call(queryable, escaping(query));
  };
  wrap(connection);
  const { startTransaction } = connection;
  connection.startTransaction = async (isolationLevel) => {
    const tx = await startTransaction.call(connection, isolationLevel);
    wrap(tx);
    return tx;
  };
  return connection;
}

/**
 * The SQLite adapter serves the whole process with ONE connection. Without this, a query of
 * another request issued while a db.$transaction() is open runs inside that transaction: it is
 * rolled back with it (a lost write, e.g. an audit event) or sees its uncommitted rows. So queries
 * outside a transaction wait until the open transaction ends, as on PostgreSQL they would run on
 * another connection. Consequence: using `db` instead of `tx` inside a transaction waits for the
 * transaction itself and fails when it times out (5 s), instead of silently escaping it.
 */
function serializeTransactions(connection: SqlDriverAdapter): SqlDriverAdapter {
  let tail: Promise<void> = Promise.resolve();
  const acquire = (): Promise<() => void> => {
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    const granted = tail.then(() => release);
    tail = tail.then(() => held);
    return granted;
  };
  const exclusive = async <T>(run: () => Promise<T>): Promise<T> => {
    const release = await acquire();
    try {
      return await run();
    } finally {
      release();
    }
  };

  const { queryRaw, executeRaw, executeScript, startTransaction } = connection;
  connection.queryRaw = (query) => exclusive(() => queryRaw.call(connection, query));
  connection.executeRaw = (query) => exclusive(() => executeRaw.call(connection, query));
  connection.executeScript = (script) => exclusive(() => executeScript.call(connection, script));
  connection.startTransaction = async (isolationLevel) => {
    const release = await acquire();
    try {
      const tx = await startTransaction.call(connection, isolationLevel);
      const { commit, rollback } = tx;
      tx.commit = () => commit.call(tx).finally(release);
      tx.rollback = () => rollback.call(tx).finally(release);
      return tx;
    } catch (error) {
      release();
      throw error;
    }
  };
  return connection;
}

/** SQL statements sent so far, counted only when DATABASE_COUNT_STATEMENTS=1 (the benchmarks). */
export const statementCounter = { count: 0 };
const countStatements = process.env.DATABASE_COUNT_STATEMENTS === '1';
const log: Array<{ emit: 'event'; level: 'query' }> = countStatements ? [{ emit: 'event', level: 'query' }] : [];

function withCounter(client: Db): Db {
  if (countStatements) (client as unknown as { $on: (e: 'query', f: () => void) => void }).$on('query', () => (statementCounter.count += 1));
  return client;
}

function createDb(): Db {
  const url = databaseUrl();
  if (databaseKind(url) === 'sqlite') return withCounter(new SqliteClient({ adapter: sqliteAdapter(url), log }));
  const pool = new pg.Pool({ connectionString: url, max: Number(process.env.DATABASE_POOL_MAX) || 5 });
  // An idle connection dropped by the server (restart, failover) must not crash the process:
  // without a listener, pg's 'error' event is thrown. The pool replaces the connection.
  pool.on('error', (error) => console.error('PostgreSQL: idle connection lost:', error.message));
  // disposeExternalPool: $disconnect() ends the pool too (tests, scripts), instead of leaving it open.
  return withCounter(new PostgresClient({ adapter: new PrismaPg(pool, { disposeExternalPool: true }), log }) as unknown as Db);
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
