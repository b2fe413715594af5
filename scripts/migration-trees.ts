/**
 * Applies a migration tree to an empty database and reads the resulting schema back as a
 * SchemaDescription (scripts/schema-description.ts), for SQLite and for PostgreSQL. Used by
 * scripts/check-migration-trees.ts (npm run db:check) and its tests.
 *
 * Each migration.sql is executed as one script, in folder-name order, as `prisma migrate deploy`
 * does, but without the Prisma CLI: its WASM engine waits ~10 s on PostgreSQL after finishing.
 */
import { randomBytes } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import pg from 'pg';
import {
  compareMigrationNames,
  compareSchemas,
  normaliseDefault,
  postgresTypeFamily,
  sqliteTypeFamily,
  type ReferentialAction,
  type SchemaDescription,
  type TableDescription,
} from './schema-description';

/** The migration folders of a tree, in the order Prisma applies them. */
export function migrationNames(tree: string): string[] {
  return readdirSync(tree)
    .filter((name) => statSync(path.join(tree, name)).isDirectory())
    .sort();
}

function migrationScripts(tree: string): { name: string; sql: string }[] {
  return migrationNames(tree).map((name) => ({ name, sql: readFileSync(path.join(tree, name, 'migration.sql'), 'utf8') }));
}

const emptyTable = (): TableDescription => ({ columns: {}, primaryKey: [], uniqueConstraints: [], indexes: {}, foreignKeys: [] });
const isOurs = (table: string) => table !== '_prisma_migrations';

// ---------------------------------------------------------------------------------------------
// SQLite

/** A new in-memory SQLite database with the tree applied. */
export function applySqliteTree(tree: string): Database.Database {
  const db = new Database(':memory:');
  for (const { name, sql } of migrationScripts(tree)) {
    try {
      db.exec(sql);
    } catch (error) {
      db.close();
      throw new Error(`SQLite migration ${name} failed: ${(error as Error).message}`);
    }
  }
  return db;
}

type SqliteColumn = { name: string; type: string; notnull: number; dflt_value: string | null; pk: number };
type SqliteIndex = { name: string; unique: number; origin: 'c' | 'u' | 'pk'; partial: number };
type SqliteIndexColumn = { seqno: number; cid: number; name: string | null; desc: number; key: number };
type SqliteForeignKey = { id: number; seq: number; table: string; from: string; to: string | null; on_update: string; on_delete: string };

export function describeSqlite(db: Database.Database): SchemaDescription {
  const schema: SchemaDescription = {};
  const tables = db.prepare("SELECT name, sql FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\'").all() as {
    name: string;
    sql: string;
  }[];
  const primaryKeys = new Map<string, string[]>();
  for (const { name: table, sql } of tables.filter((t) => isOurs(t.name))) {
    const description = (schema[table] = emptyTable());
    const columns = db.prepare('SELECT * FROM pragma_table_info(?)').all(table) as SqliteColumn[];
    const primaryKey = columns.filter((c) => c.pk > 0).sort((x, y) => x.pk - y.pk);
    // INTEGER PRIMARY KEY is the rowid: never NULL, and numbered by SQLite (with AUTOINCREMENT
    // never reusing a number, as a PostgreSQL sequence does).
    const rowid = primaryKey.length === 1 && primaryKey[0].type.toUpperCase() === 'INTEGER' ? primaryKey[0].name : null;
    for (const column of columns) {
      const type = sqliteTypeFamily(column.type);
      const isAutoIncrement = column.name === rowid && /\bAUTOINCREMENT\b/i.test(sql);
      description.columns[column.name] = {
        type,
        nullable: column.notnull === 0 && column.name !== rowid,
        default: isAutoIncrement ? 'autoincrement' : normaliseDefault(column.dflt_value, type),
      };
    }
    description.primaryKey = primaryKey.map((c) => c.name);
    primaryKeys.set(table, description.primaryKey);

    for (const index of db.prepare('SELECT * FROM pragma_index_list(?)').all(table) as SqliteIndex[]) {
      if (index.origin === 'pk') continue; // described by primaryKey
      const columns = (db.prepare('SELECT * FROM pragma_index_xinfo(?)').all(index.name) as SqliteIndexColumn[])
        .filter((c) => c.key === 1)
        .sort((x, y) => x.seqno - y.seqno)
        .map((c) => `${c.name ?? 'expression'}${c.desc ? ' DESC' : ''}`);
      if (index.origin === 'u') description.uniqueConstraints.push(columns);
      else description.indexes[index.name] = { columns, unique: index.unique === 1, partial: index.partial === 1 };
    }

    const keys = new Map<number, SqliteForeignKey[]>();
    for (const row of db.prepare('SELECT * FROM pragma_foreign_key_list(?)').all(table) as SqliteForeignKey[]) {
      keys.set(row.id, [...(keys.get(row.id) ?? []), row]);
    }
    for (const rows of keys.values()) {
      rows.sort((x, y) => x.seq - y.seq);
      description.foreignKeys.push({
        columns: rows.map((r) => r.from),
        referencedTable: rows[0].table,
        referencedColumns: rows.map((r) => r.to ?? ''), // '' = the referenced primary key: filled in below
        onDelete: rows[0].on_delete.toUpperCase() as ReferentialAction,
        onUpdate: rows[0].on_update.toUpperCase() as ReferentialAction,
      });
    }
  }
  // REFERENCES "Office" without columns means Office's primary key.
  for (const table of Object.values(schema)) {
    for (const key of table.foreignKeys) {
      if (key.referencedColumns.some((c) => c === '')) key.referencedColumns = primaryKeys.get(key.referencedTable) ?? key.referencedColumns;
    }
  }
  return schema;
}

// ---------------------------------------------------------------------------------------------
// PostgreSQL

/** Creates a uniquely named empty database on the server of `adminUrl`; returns its URL and a way to drop it. */
export async function createScratchDatabase(adminUrl: string, label: string): Promise<{ url: string; drop: () => Promise<void> }> {
  // Unique, so parallel runs (CI jobs, developers sharing a server) never meet.
  const name = `${label}_${Date.now().toString(36)}_${randomBytes(4).toString('hex')}`;
  await runAdmin(adminUrl, `CREATE DATABASE "${name}"`);
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  // FORCE (PostgreSQL 13+): a connection left by a failed run must not keep the database alive.
  return { url: url.href, drop: () => runAdmin(adminUrl, `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`) };
}

async function runAdmin(adminUrl: string, sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

/**
 * Applies the tree to the empty database `client` is connected to. Each file goes in one piece (simple query
 * protocol), so a semicolon inside a function body is fine, as with prisma/migrate-adapter.ts.
 */
export async function applyPostgresTree(client: pg.Client, tree: string): Promise<void> {
  for (const { name, sql } of migrationScripts(tree)) {
    try {
      await client.query(sql);
    } catch (error) {
      throw new Error(`PostgreSQL migration ${name} failed: ${(error as Error).message}`);
    }
  }
}

const postgresActions: Record<string, ReferentialAction> = { a: 'NO ACTION', r: 'RESTRICT', c: 'CASCADE', n: 'SET NULL', d: 'SET DEFAULT' };

export async function describePostgres(client: pg.Client): Promise<SchemaDescription> {
  const schema: SchemaDescription = {};
  const tableOf = (name: string) => (schema[name] ??= emptyTable());
  // Ordinary and partitioned tables of the schema the migrations wrote to.
  const ours = `c.relnamespace = (SELECT oid FROM pg_namespace WHERE nspname = current_schema()) AND c.relkind IN ('r', 'p') AND c.relname <> '_prisma_migrations'`;

  const columns = await client.query<{
    table: string;
    attnum: number;
    column: string;
    typname: string;
    is_enum: boolean;
    nullable: boolean;
    default: string | null;
    identity: string;
  }>(`
    SELECT c.relname AS table, a.attnum, a.attname AS column, t.typname, t.typtype = 'e' AS is_enum,
           NOT a.attnotnull AS nullable, pg_get_expr(d.adbin, d.adrelid) AS default, a.attidentity AS identity
      FROM pg_attribute a
      JOIN pg_class c ON c.oid = a.attrelid
      JOIN pg_type t ON t.oid = a.atttypid
      LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum
     WHERE ${ours} AND a.attnum > 0 AND NOT a.attisdropped`);
  const columnName = new Map<string, string>(); // "table/attnum" → name
  for (const row of columns.rows) {
    const type = postgresTypeFamily(row.typname, row.is_enum);
    tableOf(row.table).columns[row.column] = {
      type,
      nullable: row.nullable,
      default: row.identity !== '' ? 'autoincrement' : normaliseDefault(row.default, type),
    };
    columnName.set(`${row.table}/${row.attnum}`, row.column);
  }

  const indexes = await client.query<{
    table: string;
    name: string;
    unique: boolean;
    partial: boolean;
    constraint: string | null;
    keys: number[];
    options: number[];
    definitions: string[];
  }>(`
    SELECT c.relname AS table, i.relname AS name, x.indisunique AS unique, x.indpred IS NOT NULL AS partial,
           con.contype AS constraint, x.indkey::int2[] AS keys, x.indoption::int2[] AS options,
           ARRAY(SELECT pg_get_indexdef(x.indexrelid, n, true) FROM generate_series(1, x.indnkeyatts) AS n ORDER BY n) AS definitions
      FROM pg_index x
      JOIN pg_class c ON c.oid = x.indrelid
      JOIN pg_class i ON i.oid = x.indexrelid
      LEFT JOIN pg_constraint con ON con.conindid = x.indexrelid AND con.conrelid = x.indrelid AND con.contype IN ('p', 'u', 'x')
     WHERE ${ours}`);
  for (const row of indexes.rows) {
    const table = tableOf(row.table);
    // Key columns only (INCLUDE columns come after indnkeyatts); an expression has key 0.
    const keyColumns = row.definitions.map((definition, i) => {
      const name = row.keys[i] === 0 ? definition : columnName.get(`${row.table}/${row.keys[i]}`)!;
      return `${name}${row.options[i] & 1 ? ' DESC' : ''}`; // indoption bit 0: DESC
    });
    if (row.constraint === 'p') table.primaryKey = keyColumns;
    else if (row.constraint === 'u') table.uniqueConstraints.push(keyColumns);
    else table.indexes[row.name] = { columns: keyColumns, unique: row.unique, partial: row.partial };
  }

  const keys = await client.query<{
    table: string;
    columns: string[];
    referenced_table: string;
    referenced_columns: string[];
    on_delete: string;
    on_update: string;
  }>(`
    SELECT c.relname AS table, r.relname AS referenced_table, con.confdeltype AS on_delete, con.confupdtype AS on_update,
           ARRAY(SELECT a.attname::text FROM unnest(con.conkey) WITH ORDINALITY AS k(attnum, n)
                   JOIN pg_attribute a ON a.attrelid = con.conrelid AND a.attnum = k.attnum ORDER BY k.n) AS columns,
           ARRAY(SELECT a.attname::text FROM unnest(con.confkey) WITH ORDINALITY AS k(attnum, n)
                   JOIN pg_attribute a ON a.attrelid = con.confrelid AND a.attnum = k.attnum ORDER BY k.n) AS referenced_columns
      FROM pg_constraint con
      JOIN pg_class c ON c.oid = con.conrelid
      JOIN pg_class r ON r.oid = con.confrelid
     WHERE con.contype = 'f' AND ${ours}`);
  for (const row of keys.rows) {
    tableOf(row.table).foreignKeys.push({
      columns: row.columns,
      referencedTable: row.referenced_table,
      referencedColumns: row.referenced_columns,
      onDelete: postgresActions[row.on_delete],
      onUpdate: postgresActions[row.on_update],
    });
  }
  return schema;
}

// ---------------------------------------------------------------------------------------------

export interface TreeCheck {
  /** One line per difference; empty when the trees agree. */
  differences: string[];
  migrations: number;
  tables: number;
}

/**
 * Applies the SQLite tree to an in-memory database and the PostgreSQL tree to a scratch database
 * on the server of `adminUrl` (dropped afterwards), and compares what they made.
 */
export async function checkMigrationTrees({
  sqliteTree,
  postgresTree,
  adminUrl,
}: {
  sqliteTree: string;
  postgresTree: string;
  adminUrl: string;
}): Promise<TreeCheck> {
  const names = compareMigrationNames(migrationNames(sqliteTree), migrationNames(postgresTree));

  const db = applySqliteTree(sqliteTree);
  let sqlite: SchemaDescription;
  try {
    sqlite = describeSqlite(db);
  } finally {
    db.close();
  }

  const scratch = await createScratchDatabase(adminUrl, 'migration_check');
  let postgres: SchemaDescription;
  try {
    const client = new pg.Client({ connectionString: scratch.url });
    await client.connect();
    try {
      await applyPostgresTree(client, postgresTree);
      postgres = await describePostgres(client);
    } finally {
      await client.end();
    }
  } finally {
    await scratch.drop();
  }

  return {
    differences: [...names, ...compareSchemas(sqlite, postgres)],
    migrations: migrationNames(sqliteTree).length,
    tables: Object.keys(sqlite).length,
  };
}
