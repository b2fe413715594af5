/**
 * One description of a database schema that SQLite and PostgreSQL can both be read into, and the
 * comparison of two such descriptions. Pure: no database here (scripts/migration-trees.ts reads
 * the databases), so the comparison is unit-tested on hand-made descriptions.
 *
 * What is compared is what the app relies on: tables, columns (type family, nullability,
 * default), primary keys, unique constraints, indexes, foreign keys. Not compared, because the
 * two dialects cannot express them alike: column order (SQLite migrations rebuild a table where
 * PostgreSQL ones append a column), constraint names SQLite does not keep (primary and foreign
 * keys, inline UNIQUE), CHECK constraints, partial-index predicates (only "partial" is), and
 * triggers (the append-only AuditEvent triggers are written per dialect on purpose).
 */

/** The type families both databases share; a Prisma scalar maps to exactly one of them. */
export type TypeFamily = 'text' | 'integer' | 'bigint' | 'boolean' | 'datetime' | 'real' | 'decimal' | 'bytes' | 'json';

export interface ColumnDescription {
  /** A TypeFamily, or `other: <the database's own name>` for a type outside them. */
  type: TypeFamily | `other: ${string}`;
  nullable: boolean;
  /** Normalised (see normaliseDefault), or null for no default. */
  default: string | null;
}

export interface IndexDescription {
  /** In index order; `name DESC` for a descending column, the expression text for an expression. */
  columns: string[];
  unique: boolean;
  partial: boolean;
}

export type ReferentialAction = 'CASCADE' | 'SET NULL' | 'SET DEFAULT' | 'RESTRICT' | 'NO ACTION';

export interface ForeignKeyDescription {
  columns: string[];
  referencedTable: string;
  referencedColumns: string[];
  onDelete: ReferentialAction;
  onUpdate: ReferentialAction;
}

export interface TableDescription {
  columns: Record<string, ColumnDescription>;
  /** Empty when the table has none. */
  primaryKey: string[];
  /** UNIQUE constraints (not indexes made with CREATE UNIQUE INDEX: those are in `indexes`), by columns. */
  uniqueConstraints: string[][];
  /** Indexes made with CREATE [UNIQUE] INDEX, by name (the name is the same in both trees). */
  indexes: Record<string, IndexDescription>;
  foreignKeys: ForeignKeyDescription[];
}

/** Tables by name, Prisma's own _prisma_migrations left out. */
export type SchemaDescription = Record<string, TableDescription>;

// ---------------------------------------------------------------------------------------------
// Normalisation: each side's own spelling → the shared one.

/** A SQLite declared type (what the migration wrote, e.g. DATETIME, DECIMAL(10,2)) → its family. */
export function sqliteTypeFamily(declared: string): ColumnDescription['type'] {
  const base = declared
    .replace(/\(.*\)/, '')
    .trim()
    .toUpperCase()
    .replace(/\s+/g, ' ');
  const families: Record<string, TypeFamily> = {
    TEXT: 'text',
    VARCHAR: 'text',
    CHAR: 'text',
    CLOB: 'text',
    INTEGER: 'integer',
    INT: 'integer',
    SMALLINT: 'integer',
    BIGINT: 'bigint',
    BOOLEAN: 'boolean',
    DATETIME: 'datetime',
    TIMESTAMP: 'datetime',
    DATE: 'datetime',
    TIME: 'datetime',
    REAL: 'real',
    DOUBLE: 'real',
    'DOUBLE PRECISION': 'real',
    FLOAT: 'real',
    DECIMAL: 'decimal',
    NUMERIC: 'decimal',
    BLOB: 'bytes',
    JSON: 'json',
    JSONB: 'json',
  };
  return families[base] ?? `other: ${declared || '(none)'}`;
}

/**
 * A PostgreSQL type (pg_type.typname, and whether it is an enum) → its family. A Prisma enum is
 * TEXT on SQLite and an enum type on PostgreSQL: both are text here.
 */
export function postgresTypeFamily(typname: string, isEnum: boolean): ColumnDescription['type'] {
  if (isEnum) return 'text';
  const families: Record<string, TypeFamily> = {
    text: 'text',
    varchar: 'text',
    bpchar: 'text',
    int2: 'integer',
    int4: 'integer',
    int8: 'bigint',
    bool: 'boolean',
    timestamp: 'datetime',
    timestamptz: 'datetime',
    date: 'datetime',
    time: 'datetime',
    timetz: 'datetime',
    float4: 'real',
    float8: 'real',
    numeric: 'decimal',
    bytea: 'bytes',
    json: 'json',
    jsonb: 'json',
  };
  return families[typname] ?? `other: ${typname}`;
}

/**
 * A column default as either database reports it → one spelling: `now` for the current time
 * (SQLite's CURRENT_TIMESTAMP, PostgreSQL's CURRENT_TIMESTAMP or now()), `autoincrement` for a
 * sequence, casts dropped ('USER'::text → 'USER'), numbers and booleans as plain literals.
 * Anything else is kept as written, so an expression only one side has still shows up.
 */
export function normaliseDefault(raw: string | null, type: ColumnDescription['type']): string | null {
  if (raw === null) return null;
  let value = raw.trim();
  if (/^nextval\(/i.test(value)) return 'autoincrement';
  for (let previous = ''; previous !== value;) {
    previous = value;
    value = value.replace(/::(?:"[^"]+"|[a-z_][\w ]*)(?:\(\d+(?:,\s*\d+)?\))?(?:\[\])?$/i, '').trim(); // trailing cast
    if (/^\(.*\)$/.test(value) && isBalanced(value.slice(1, -1))) value = value.slice(1, -1).trim(); // outer parentheses
  }
  if (/^(current_timestamp(\(\d*\))?|now\(\)|localtimestamp|datetime\('now'\))$/i.test(value)) return 'now';
  const unquoted = /^'(.*)'$/s.exec(value)?.[1];
  if (type === 'boolean') {
    const word = (unquoted ?? value).toLowerCase();
    if (['true', 't', '1'].includes(word)) return 'true';
    if (['false', 'f', '0'].includes(word)) return 'false';
  }
  if (['integer', 'bigint', 'real', 'decimal'].includes(type)) {
    const number = Number(unquoted ?? value);
    if ((unquoted ?? value) !== '' && Number.isFinite(number)) return String(number);
  }
  return value;
}

function isBalanced(text: string): boolean {
  let depth = 0;
  for (const char of text) {
    if (char === '(') depth++;
    if (char === ')' && --depth < 0) return false;
  }
  return depth === 0;
}

// ---------------------------------------------------------------------------------------------
// Comparison.

/** Every object of a schema with the properties that must match, keyed by a readable name. */
type Facts = Map<string, { table: string; properties: Record<string, string> }>;

const list = (columns: string[]) => `(${columns.join(', ')})`;

function factsOf(schema: SchemaDescription): Facts {
  const facts: Facts = new Map();
  for (const [table, description] of Object.entries(schema)) {
    facts.set(`table "${table}"`, { table, properties: {} });
    for (const [name, column] of Object.entries(description.columns)) {
      facts.set(`column "${table}"."${name}"`, {
        table,
        properties: { type: column.type, nullability: column.nullable ? 'NULL' : 'NOT NULL', default: column.default ?? 'none' },
      });
    }
    facts.set(`primary key of "${table}"`, { table, properties: { columns: description.primaryKey.length ? list(description.primaryKey) : 'none' } });
    for (const columns of description.uniqueConstraints) facts.set(`unique constraint "${table}" ${list(columns)}`, { table, properties: {} });
    for (const [name, index] of Object.entries(description.indexes)) {
      facts.set(`index "${name}" on "${table}"`, {
        table,
        properties: { columns: list(index.columns), unique: index.unique ? 'UNIQUE' : 'not unique', partial: index.partial ? 'partial' : 'whole table' },
      });
    }
    for (const key of description.foreignKeys) {
      facts.set(`foreign key "${table}" ${list(key.columns)} → "${key.referencedTable}" ${list(key.referencedColumns)}`, {
        table,
        properties: { 'on delete': key.onDelete, 'on update': key.onUpdate },
      });
    }
  }
  return facts;
}

const summary = (properties: Record<string, string>) => {
  const values = Object.entries(properties).map(([name, value]) => (name === 'default' ? `default ${value}` : value));
  return values.length ? ` (${values.join(', ')})` : '';
};

/**
 * Every difference between two schemas, one readable line each, naming the table, column or
 * index; empty when they match. Sides are named by `names` (e.g. SQLite, PostgreSQL). A table
 * only one side has is one line, not one per column.
 */
export function compareSchemas(left: SchemaDescription, right: SchemaDescription, names: [string, string] = ['SQLite', 'PostgreSQL']): string[] {
  const [a, b] = [factsOf(left), factsOf(right)];
  const missingTables = new Set([...Object.keys(left), ...Object.keys(right)].filter((t) => !(t in left) || !(t in right)));
  const differences: string[] = [];
  for (const key of new Set([...a.keys(), ...b.keys()])) {
    const [x, y] = [a.get(key), b.get(key)];
    const table = (x ?? y)!.table;
    if (missingTables.has(table) && !key.startsWith('table ')) continue;
    if (!x || !y) {
      differences.push(`${key}: only in the ${x ? names[0] : names[1]} tree${summary((x ?? y)!.properties)}`);
      continue;
    }
    const changed = Object.keys(x.properties).filter((p) => x.properties[p] !== y.properties[p]);
    if (changed.length) {
      differences.push(`${key}: ${changed.map((p) => `${p} ${x.properties[p]} in ${names[0]}, ${y.properties[p]} in ${names[1]}`).join('; ')}`);
    }
  }
  return differences.sort();
}

/**
 * The two trees must hold the same migration folders. Prisma applies them in name order, so the
 * same names means the same order too.
 */
export function compareMigrationNames(left: string[], right: string[], names: [string, string] = ['SQLite', 'PostgreSQL']): string[] {
  return [
    ...left.filter((n) => !right.includes(n)).map((n) => `migration ${n}: only in the ${names[0]} tree`),
    ...right.filter((n) => !left.includes(n)).map((n) => `migration ${n}: only in the ${names[1]} tree`),
  ];
}
