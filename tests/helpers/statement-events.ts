/**
 * Imported first by a test that counts SQL statements: lib/db reads DATABASE_QUERY_EVENTS when
 * it is first imported (bench/lib/statement-counter.ts).
 */
process.env.DATABASE_QUERY_EVENTS = '1';
export {};
