/**
 * Driver adapter factories for the Prisma CLI only (prisma.config.ts): `migrate deploy/dev/diff`
 * run on the WASM schema engine through these, so nothing is downloaded. The app does NOT use
 * this file: lib/db.ts uses the stock adapters (none of these bugs touch queries).
 *
 * Each factory works around an upstream bug in Prisma 6.19.3 (see docs/decisions/0004-prisma-6-with-wasm-engines.md):
 *  - SQLite: the engine replays migration files on the shadow database with one argument-less
 *    executeRaw per file, and better-sqlite3 runs only one statement of it, so the second
 *    `migrate dev` fails with P3006 "failed to apply cleanly to the shadow database".
 *  - PostgreSQL: introspection selects columns of type "char" (oid 18) and name (oid 19), which
 *    adapter-pg cannot map: "Column type 'name' could not be deserialized from the database"
 *    (https://github.com/prisma/prisma/issues/27403). And adapter-pg's own shadow database is
 *    broken: it ignores the shadow name when given a connection string, and drops the database
 *    while its pool is still connected to it.
 *  - PostgreSQL (found later, in this project's own migrations): adapter-pg's executeScript, which applies
 *    each migration file, splits the file on every ";", so a semicolon in a comment, a string or
 *    a function body (our AuditEvent trigger) breaks the migration with a syntax error.
 */
import { randomBytes } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import { PrismaBetterSQLite3 } from '@prisma/adapter-better-sqlite3';
import { PrismaPg } from '@prisma/adapter-pg';
import type { SqlMigrationAwareDriverAdapterFactory } from '@prisma/driver-adapter-utils';
import { databaseKind, sqliteFilePath } from '../lib/database-url';

type PrismaPgAdapter = Awaited<ReturnType<PrismaPg['connect']>>;

export function migrateAdapter(url: string): SqlMigrationAwareDriverAdapterFactory {
  return databaseKind(url) === 'sqlite' ? sqliteMigrateAdapter(url) : postgresMigrateAdapter(url);
}

function sqliteMigrateAdapter(url: string): SqlMigrationAwareDriverAdapterFactory {
  const file = sqliteFilePath(url);
  if (file !== ':memory:') mkdirSync(path.dirname(file), { recursive: true });
  const stock = new PrismaBetterSQLite3({ url });
  return {
    provider: stock.provider,
    adapterName: stock.adapterName,
    connect: () => stock.connect(),
    async connectToShadowDb() {
      const shadow = await stock.connectToShadowDb(); // in memory
      const executeRaw = shadow.executeRaw.bind(shadow);
      // A whole migration file arrives as one argument-less executeRaw: run it as a script.
      shadow.executeRaw = async (query) => (query.args.length === 0 ? (await shadow.executeScript(query.sql), 0) : executeRaw(query));
      return shadow;
    },
  };
}

/** Result fields typed "char" (18) or name (19) are plain strings in the text protocol: call them text (25). */
function relabelFields(result: unknown): unknown {
  for (const one of Array.isArray(result) ? result : [result]) {
    for (const field of (one as pg.QueryResult | undefined)?.fields ?? []) {
      if (field.dataTypeID === 18 || field.dataTypeID === 19) field.dataTypeID = 25;
    }
  }
  return result;
}

/**
 * A pg client whose query results come back with relabelled fields. pool.query() calls it with a
 * callback, transactions (pool.connect()) with promises: both are covered.
 */
class RelabellingClient extends pg.Client {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- pg's query() has many overloads
  query(...args: any[]): any {
    const callback = args.at(-1);
    if (typeof callback === 'function') {
      args[args.length - 1] = (error: unknown, result: unknown) => callback(error, error ? result : relabelFields(result));
    }
    const result = (super.query as (...a: unknown[]) => unknown)(...args);
    return result instanceof Promise ? result.then(relabelFields) : result;
  }
}

function postgresMigrateAdapter(url: string): SqlMigrationAwareDriverAdapterFactory {
  // allowExitOnIdle: the CLI never disposes its main connection; idle pool clients must not keep it
  // running. (It still waits ~10 s on a timer of the WASM engine itself.)
  const stock = new PrismaPg({ connectionString: url, Client: RelabellingClient, allowExitOnIdle: true });
  return {
    provider: stock.provider,
    adapterName: stock.adapterName,
    connect: async () => wholeScripts(await stock.connect()),
    async connectToShadowDb() {
      // A name of our own, so parallel runs (CI, several developers on one server) never collide.
      const name = `prisma_shadow_${Date.now()}_${randomBytes(4).toString('hex')}`;
      await runAdminStatement(url, `CREATE DATABASE "${name}"`);
      const shadowUrl = new URL(url);
      shadowUrl.pathname = `/${name}`;
      const shadow = wholeScripts(await new PrismaPg({ connectionString: shadowUrl.href, Client: RelabellingClient, allowExitOnIdle: true }).connect());
      const dispose = shadow.dispose.bind(shadow);
      shadow.dispose = async () => {
        await dispose(); // ends the shadow pool first: PostgreSQL refuses to drop a database in use
        await runAdminStatement(url, `DROP DATABASE IF EXISTS "${name}"`);
      };
      return shadow;
    },
  };
}

/**
 * Sends a migration script to PostgreSQL in one piece (simple query protocol), as psql and
 * Prisma's native engine do: the server splits it correctly and runs it as one implicit
 * transaction, so a failing migration leaves nothing half-applied. (As with the native engine,
 * CREATE INDEX CONCURRENTLY therefore needs a migration of its own.)
 */
function wholeScripts(connection: PrismaPgAdapter): PrismaPgAdapter {
  connection.executeScript = async (script) => {
    try {
      await connection.underlyingDriver().query(script);
    } catch (error) {
      // onError() turns a pg error into the DriverAdapterError the engine reports well.
      (connection as unknown as { onError(e: unknown): never }).onError(error);
    }
  };
  return connection;
}

async function runAdminStatement(url: string, sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}
