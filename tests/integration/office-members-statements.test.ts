/**
 * The office member list stays fast for hundreds of members: a page view is the same 7
 * statements for an office of 5 and of 300 (the office, four counts, the page's users and their
 * 2FA rows), whatever the filter (decision 0014). Counted as the benchmarks count them.
 */
import '../helpers/statement-events';
import { db } from '@/lib/db';
import { listOfficeMembers } from '@/lib/offices/list-office-members';
import { countStatements } from '@/bench/lib/statement-counter';

const counter = countStatements(db);

async function officeOf(size: number) {
  const office = await db.office.create({
    data: {
      name: `Office of ${size}`,
      twoFactorRequired: true,
      twoFactorDeadline: new Date(Date.now() - 1000),
      twoFactorRequiredAt: new Date(Date.now() - 86_400_000),
    },
  });
  await db.user.createMany({
    data: Array.from({ length: size }, (_, i) => ({ email: `m${size}-${i}@office.example`, name: `Member ${i}`, passwordHash: 'x', officeId: office.id })),
  });
  return office.id;
}

it('reads a page with 8 statements for 5 members and for 300, under every filter', async () => {
  const counts: Record<string, number> = {};
  for (const size of [5, 300]) {
    const officeId = await officeOf(size);
    for (const filter of ['all', 'off', 'overdue']) {
      const before = counter.count;
      const view = await listOfficeMembers(officeId, { filter, page: '2' });
      counts[`${size} ${filter}`] = counter.count - before;
      expect(view.members.length).toBe(size === 300 ? 50 : size);
    }
  }
  expect(counts).toEqual({ '5 all': 8, '5 off': 8, '5 overdue': 8, '300 all': 8, '300 off': 8, '300 overdue': 8 });
});
