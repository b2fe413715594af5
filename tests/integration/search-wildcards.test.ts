/**
 * The helpdesk search finds the text as typed: `%` and `_` are LIKE's wildcards and `\` its
 * escape character, and Prisma's `contains` escapes none of them (found by an outside test:
 * `q=%` listed every user). Runs on SQLite here and on PostgreSQL with npm run test:pg, where
 * `contains` is ILIKE with `\` as the default escape.
 */
import { db } from '@/lib/db';
import { searchUsers } from '@/lib/helpdesk/find-users';
import { createUser } from '../helpers/factories';

const NAMES = {
  percent: 'Rebate 100% Partner',
  thousand: 'Rebate 1000 Partner',
  underscore: 'Snake_Case Partner',
  noUnderscore: 'SnakexCase Partner',
  backslash: 'Back\\slash Partner',
  slash: 'Back/slash Partner',
};

beforeAll(async () => {
  for (const name of Object.values(NAMES)) {
    const user = await createUser();
    await db.user.update({ where: { id: user.id }, data: { name } });
  }
});

const found = async (query: string) => (await searchUsers(query)).map((user) => user.name).sort();

it.each([
  ['%', [NAMES.percent]],
  ['100%', [NAMES.percent]],
  ['_', [NAMES.underscore]],
  ['snake_case', [NAMES.underscore]],
  ['\\', [NAMES.backslash]],
  ['back\\slash', [NAMES.backslash]],
  // A backslash before a wildcard is two literal characters, not an escaped wildcard.
  ['\\%', []],
  ['%%', []],
])('a search for %j finds only the users whose name holds it', async (query, names) => {
  expect(await found(query)).toEqual(names);
});

it('still ignores case and finds plain text', async () => {
  expect(await found('REBATE')).toEqual([NAMES.percent, NAMES.thousand].sort());
  expect(await found('slash partner')).toEqual([NAMES.backslash, NAMES.slash].sort());
});
