import type { Db } from '@/lib/db';

/**
 * SQL statements the portal's client sends, counted from outside lib/: the client emits a
 * Prisma 'query' event per statement when DATABASE_QUERY_EVENTS=1 (phase.ts sets it before
 * lib/db is imported).
 */
export function countStatements(db: Db): { readonly count: number } {
  if (process.env.DATABASE_QUERY_EVENTS !== '1') throw new Error('countStatements: set DATABASE_QUERY_EVENTS=1 before lib/db is imported');
  const counter = { count: 0 };
  // The client's type knows 'query' events only when its log option is a literal; here it comes from the environment.
  (db as unknown as { $on(event: 'query', listener: () => void): void }).$on('query', () => {
    counter.count += 1;
  });
  return counter;
}
