/**
 * Prisma CLI configuration. `engine: 'js'` with a driver adapter makes migrate/diff run on the
 * WASM schema engine inside the npm package: no download from binaries.prisma.sh (which Prisma
 * would otherwise attempt, and which fails behind our firewall).
 * DATABASE_URL picks the database, and with it the schema and migrations folder:
 *   SQLite:     prisma/schema.prisma           + prisma/migrations
 *   PostgreSQL: prisma/postgres/schema.prisma  + prisma/postgres/migrations (derived, see scripts/derive-postgres-schema.mjs)
 */
import { defineConfig } from 'prisma/config';
import { databaseKind, databaseUrl } from './lib/database-url';
import { migrateAdapter } from './prisma/migrate-adapter';

// With a config file the CLI no longer reads .env itself. Variables already set win.
try {
  process.loadEnvFile('.env');
} catch (error) {
  if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
}

const url = databaseUrl();
const folder = databaseKind(url) === 'sqlite' ? 'prisma' : 'prisma/postgres';

export default defineConfig({
  experimental: { adapter: true },
  engine: 'js',
  adapter: async () => migrateAdapter(url),
  schema: `${folder}/schema.prisma`,
  migrations: { path: `${folder}/migrations` },
});
