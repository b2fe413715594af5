/**
 * After each integration test file: close its database connection, so PostgreSQL pools do not
 * keep Jest alive and the SQLite file is closed before global-teardown.ts deletes it.
 * lib/db.ts keeps its client on globalThis outside production (here NODE_ENV is "test").
 */
afterAll(async () => {
  await (globalThis as { portalDb?: { $disconnect(): Promise<void> } }).portalDb?.$disconnect();
});
