/**
 * A second file writing the same rows as database.test.ts: if two test files shared a
 * database, one of them would see the other's rows or hit the unique e-mail address.
 */
import { db } from '@/lib/db';

it('has a database of its own', async () => {
  expect(await db.user.count()).toBe(0);
  await db.user.create({ data: { email: 'anna@vandijk.example', name: 'Anna de Vries', passwordHash: 'x' } });
  expect(await db.user.count()).toBe(1);
});
