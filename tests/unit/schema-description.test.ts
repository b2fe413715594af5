/**
 * The comparison behind `npm run db:check`'s migration-tree check, on hand-made descriptions:
 * what a developer who added a migration to one tree only would read. (The same check on real
 * databases built from the trees: tests/integration/migration-trees.test.ts.)
 */
import {
  compareMigrationNames,
  compareSchemas,
  normaliseDefault,
  postgresTypeFamily,
  sqliteTypeFamily,
  type SchemaDescription,
} from '@/scripts/schema-description';

/** Two tables as both trees build them today, fresh for each test to change one side of. */
function schema(): SchemaDescription {
  return {
    Office: {
      columns: {
        id: { type: 'text', nullable: false, default: null },
        createdAt: { type: 'datetime', nullable: false, default: 'now' },
      },
      primaryKey: ['id'],
      uniqueConstraints: [],
      indexes: {},
      foreignKeys: [],
    },
    User: {
      columns: {
        id: { type: 'text', nullable: false, default: null },
        email: { type: 'text', nullable: false, default: null },
        officeId: { type: 'text', nullable: true, default: null },
      },
      primaryKey: ['id'],
      uniqueConstraints: [],
      indexes: {
        User_email_key: { columns: ['email'], unique: true, partial: false },
        User_officeId_idx: { columns: ['officeId'], unique: false, partial: false },
      },
      foreignKeys: [{ columns: ['officeId'], referencedTable: 'Office', referencedColumns: ['id'], onDelete: 'SET NULL', onUpdate: 'CASCADE' }],
    },
  };
}

describe('compareSchemas', () => {
  it('finds nothing when both sides describe the same schema', () => {
    expect(compareSchemas(schema(), schema())).toEqual([]);
  });

  it('ignores column order (SQLite migrations rebuild tables, PostgreSQL ones append columns)', () => {
    const reordered = schema();
    const { id, email, officeId } = reordered.User.columns;
    reordered.User.columns = { officeId, email, id };
    expect(compareSchemas(schema(), reordered)).toEqual([]);
  });

  it('names a column only one tree adds, with the side that has it', () => {
    const postgres = schema();
    postgres.User.columns.nickname = { type: 'text', nullable: true, default: null };
    expect(compareSchemas(schema(), postgres)).toEqual(['column "User"."nickname": only in the PostgreSQL tree (text, NULL, default none)']);
  });

  it('names a column whose nullability differs, with each side', () => {
    const postgres = schema();
    postgres.User.columns.email.nullable = true;
    expect(compareSchemas(schema(), postgres)).toEqual(['column "User"."email": nullability NOT NULL in SQLite, NULL in PostgreSQL']);
  });

  it('names a column whose type family or default differs', () => {
    const sqlite = schema();
    sqlite.Office.columns.createdAt = { type: 'text', nullable: false, default: null };
    expect(compareSchemas(sqlite, schema())).toEqual([
      'column "Office"."createdAt": type text in SQLite, datetime in PostgreSQL; default none in SQLite, now in PostgreSQL',
    ]);
  });

  it('names an index only one tree creates', () => {
    const sqlite = schema();
    sqlite.User.indexes.User_id_email_idx = { columns: ['id', 'email'], unique: false, partial: false };
    expect(compareSchemas(sqlite, schema())).toEqual(['index "User_id_email_idx" on "User": only in the SQLite tree ((id, email), not unique, whole table)']);
  });

  it('names an index whose columns, column order or uniqueness differ', () => {
    const postgres = schema();
    postgres.User.indexes.User_officeId_idx = { columns: ['officeId', 'email'], unique: false, partial: false };
    postgres.User.indexes.User_email_key.unique = false;
    expect(compareSchemas(schema(), postgres)).toEqual([
      'index "User_email_key" on "User": unique UNIQUE in SQLite, not unique in PostgreSQL',
      'index "User_officeId_idx" on "User": columns (officeId) in SQLite, (officeId, email) in PostgreSQL',
    ]);
    const reversed = schema();
    reversed.User.indexes.User_officeId_idx.columns = ['officeId DESC'];
    expect(compareSchemas(schema(), reversed)).toEqual(['index "User_officeId_idx" on "User": columns (officeId) in SQLite, (officeId DESC) in PostgreSQL']);
  });

  it('names a primary key, unique constraint or foreign key that differs', () => {
    const postgres = schema();
    postgres.Office.primaryKey = ['id', 'createdAt'];
    postgres.User.uniqueConstraints.push(['email', 'officeId']);
    postgres.User.foreignKeys[0].onDelete = 'CASCADE';
    expect(compareSchemas(schema(), postgres)).toEqual([
      'foreign key "User" (officeId) → "Office" (id): on delete SET NULL in SQLite, CASCADE in PostgreSQL',
      'primary key of "Office": columns (id) in SQLite, (id, createdAt) in PostgreSQL',
      'unique constraint "User" (email, officeId): only in the PostgreSQL tree',
    ]);
  });

  it('reports a table only one tree creates once, not once per column and index', () => {
    const sqlite = schema();
    delete sqlite.User;
    expect(compareSchemas(sqlite, schema())).toEqual(['table "User": only in the PostgreSQL tree']);
  });
});

describe('normalising each dialect to one spelling', () => {
  it.each([
    // [what SQLite reports, what PostgreSQL reports, type family]
    ['CURRENT_TIMESTAMP', 'CURRENT_TIMESTAMP', 'datetime'],
    ['CURRENT_TIMESTAMP', 'now()', 'datetime'],
    ["'USER'", "'USER'::text", 'text'],
    ["'USER'", `'USER'::"Role"`, 'text'],
    ["'{}'", "'{}'::jsonb", 'json'],
    ['false', 'false', 'boolean'],
    ['0', 'false', 'boolean'],
    ['1', '1', 'integer'],
    ['-1', "'-1'::integer", 'integer'],
    ['-1', '(-1)', 'integer'],
    ['1.5', '1.5::numeric(65,30)', 'decimal'],
  ] as const)('SQLite %s and PostgreSQL %s are the same %s default', (sqlite, postgres, type) => {
    expect(normaliseDefault(sqlite, type)).toBe(normaliseDefault(postgres, type));
  });

  it.each([
    ["'USER'", "'ADMIN'::text", 'text'],
    ['0', '1', 'integer'],
    ['true', 'false', 'boolean'],
    ['CURRENT_TIMESTAMP', "'2026-01-01 00:00:00'::timestamp without time zone", 'datetime'],
  ] as const)('SQLite %s and PostgreSQL %s stay different', (sqlite, postgres, type) => {
    expect(normaliseDefault(sqlite, type)).not.toBe(normaliseDefault(postgres, type));
  });

  it('reads a sequence as autoincrement and no default as none', () => {
    expect(normaliseDefault(`nextval('"AuditEvent_id_seq"'::regclass)`, 'integer')).toBe('autoincrement');
    expect(normaliseDefault(null, 'text')).toBeNull();
  });

  it.each([
    // Prisma's type on SQLite and on PostgreSQL for each scalar.
    ['TEXT', 'text', 'text'],
    ['INTEGER', 'int4', 'integer'],
    ['BIGINT', 'int8', 'bigint'],
    ['BOOLEAN', 'bool', 'boolean'],
    ['DATETIME', 'timestamp', 'datetime'],
    ['REAL', 'float8', 'real'],
    ['DECIMAL', 'numeric', 'decimal'],
    ['BLOB', 'bytea', 'bytes'],
    ['JSONB', 'jsonb', 'json'],
  ])('SQLite %s and PostgreSQL %s are both %s', (sqlite, postgres, family) => {
    expect(sqliteTypeFamily(sqlite)).toBe(family);
    expect(postgresTypeFamily(postgres, false)).toBe(family);
  });

  it('treats a PostgreSQL enum as text (a Prisma enum is TEXT on SQLite) and names an unknown type', () => {
    expect(postgresTypeFamily('Role', true)).toBe('text');
    expect(postgresTypeFamily('uuid', false)).toBe('other: uuid');
    expect(sqliteTypeFamily('')).toBe('other: (none)');
  });
});

describe('compareMigrationNames', () => {
  it('names a migration folder only one tree has', () => {
    expect(compareMigrationNames(['1_init', '2_codes'], ['1_init'])).toEqual(['migration 2_codes: only in the SQLite tree']);
    expect(compareMigrationNames(['1_init'], ['1_init', '2_codes'])).toEqual(['migration 2_codes: only in the PostgreSQL tree']);
    expect(compareMigrationNames(['1_init', '2_codes'], ['1_init', '2_codes'])).toEqual([]);
  });
});
