import 'server-only';
import { PrismaBetterSQLite3 } from '@prisma/adapter-better-sqlite3';
import type { SqlDriverAdapter, SqlDriverAdapterFactory } from '@prisma/driver-adapter-utils';

/**
 * The SQLite driver adapter the app runs on: Prisma's stock better-sqlite3 adapter with the
 * pragmas this app relies on, and transactions serialised (see below).
 */
export function sqliteAdapter(url: string): SqlDriverAdapterFactory {
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
