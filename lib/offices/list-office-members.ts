import 'server-only';
import type { Prisma } from '@/lib/generated/sqlite/client';
import { containsIgnoringCase, db } from '@/lib/db';
import type { Role } from '@/lib/db/enums';
import { EMAIL_MAX_LENGTH } from '@/lib/auth/email-address';
import { withoutControlCharacters } from '@/lib/forms/control-characters';
import { TWO_FACTOR_OFF, TWO_FACTOR_ON, TWO_FACTOR_SELECT, twoFactorSince } from '@/lib/two-factor/two-factor-state';
import { userTwoFactorDeadline, type OfficeRequirement } from './two-factor-deadline';
import { pastDeadlineWhere } from './past-deadline-filter';

export const MEMBER_FILTERS = ['all', 'on', 'off', 'overdue'] as const;
export type MemberFilter = (typeof MEMBER_FILTERS)[number];
/** name: A to Z; recent: last sign-in, newest first; oldest: last sign-in, never and oldest first. */
export const MEMBER_SORTS = ['name', 'recent', 'oldest'] as const;
export type MemberSort = (typeof MEMBER_SORTS)[number];
export const MEMBERS_PAGE_SIZE = 50;
/** A search longer than the longest e-mail address finds no one; it is cut there rather than refused. */
export const MEMBER_SEARCH_MAX_LENGTH = EMAIL_MAX_LENGTH;
/** Far beyond any office (a million users at 50 a page); a larger number is no page of ours. */
const MAX_PAGE = 20_000;

export type MemberQuery = { filter: MemberFilter; q: string; sort: MemberSort; page: number };

type Params = Record<string, string | string[] | undefined>;
const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);
const oneOf = <T extends string>(list: readonly T[], value: string | undefined, fallback: T): T => (list.includes(value as T) ? (value as T) : fallback);

/**
 * The list's state from the query string. A value that is not one of ours falls back to the
 * default instead of an error page: these are links and GET forms an admin shares or edits.
 */
export function parseMemberQuery(params: Params): MemberQuery {
  const page = first(params.page);
  return {
    filter: oneOf(MEMBER_FILTERS, first(params.filter), 'all'),
    q: withoutControlCharacters(first(params.q) ?? '')
      .trim()
      .slice(0, MEMBER_SEARCH_MAX_LENGTH),
    sort: oneOf(MEMBER_SORTS, first(params.sort), 'name'),
    page: page && /^[1-9][0-9]{0,4}$/.test(page) ? Math.min(Number(page), MAX_PAGE) : 1,
  };
}

/** The query string of a list state, defaults left out (for links: short and shareable). */
export function memberQueryString(query: Partial<MemberQuery>): string {
  const entries: Array<[string, string]> = [];
  if (query.filter && query.filter !== 'all') entries.push(['filter', query.filter]);
  if (query.q) entries.push(['q', query.q]);
  if (query.sort && query.sort !== 'name') entries.push(['sort', query.sort]);
  if (query.page && query.page > 1) entries.push(['page', String(query.page)]);
  return entries.length ? `?${new URLSearchParams(entries)}` : '';
}

export type MemberRow = {
  id: string;
  name: string;
  email: string;
  role: Role;
  twoFactorSince: Date | null;
  /** The kinds of second factor in place (today 'totp'), for the export. */
  methods: string[];
  /** Only while the office requires 2FA and the member does not have it. */
  deadline: Date | null;
  pastDeadline: boolean;
  lastSignInAt: Date | null;
};

export type MemberListView = {
  query: MemberQuery;
  counts: Record<MemberFilter, number>;
  members: MemberRow[];
  /** Pages of the current filter and search, at least 1. */
  pageCount: number;
};

type OfficeFacts = OfficeRequirement & { id: string };

async function officeFacts(officeId: string): Promise<OfficeFacts> {
  return db.office.findUniqueOrThrow({
    where: { id: officeId },
    select: { id: true, twoFactorRequired: true, twoFactorGraceDays: true, twoFactorRequiredAt: true, twoFactorDeadline: true },
  });
}

/** Every condition of a list: always the admin's own office (from the session), then search, then the filter. */
function whereOf(office: OfficeFacts, filter: MemberFilter, q: string, now: Date): Prisma.UserWhereInput {
  const byState: Record<MemberFilter, Prisma.UserWhereInput> = {
    all: {},
    on: TWO_FACTOR_ON,
    off: TWO_FACTOR_OFF,
    overdue: pastDeadlineWhere(office, now),
  };
  return {
    AND: [{ officeId: office.id }, q ? { OR: [{ name: containsIgnoringCase(q) }, { email: containsIgnoringCase(q) }] } : {}, byState[filter]],
  };
}

// Ties broken by id, so a page boundary is the same on every request.
const ORDER: Record<MemberSort, Prisma.UserOrderByWithRelationInput[]> = {
  name: [{ name: 'asc' }, { email: 'asc' }, { id: 'asc' }],
  recent: [{ lastSignInAt: { sort: 'desc', nulls: 'last' } }, { name: 'asc' }, { id: 'asc' }],
  oldest: [{ lastSignInAt: { sort: 'asc', nulls: 'first' } }, { name: 'asc' }, { id: 'asc' }],
};

const ROW_SELECT = {
  id: true,
  name: true,
  email: true,
  role: true,
  lastSignInAt: true,
  officeJoinedAt: true,
  twoFactorDueBy: true,
  ...TWO_FACTOR_SELECT,
} satisfies Prisma.UserSelect;

type SelectedRow = Prisma.UserGetPayload<{ select: typeof ROW_SELECT }>;

function toRow(office: OfficeRequirement, user: SelectedRow, now: Date): MemberRow {
  const since = twoFactorSince(user);
  const deadline = since ? null : userTwoFactorDeadline(office, user);
  return {
    id: user.id,
    name: user.name,
    email: user.email,
    role: user.role,
    twoFactorSince: since,
    methods: user.totpCredential ? ['totp'] : [],
    deadline,
    pastDeadline: !!deadline && deadline <= now,
    lastSignInAt: user.lastSignInAt,
  };
}

/**
 * One page of the office's members with the count of each filter (under the same search).
 * Seven statements per view whatever the office's size: the office, four counts, the page's
 * users and their 2FA rows; the counts and the page are read by the office index, and only
 * MEMBERS_PAGE_SIZE rows leave the database.
 */
export async function listOfficeMembers(officeId: string, params: Params, now = new Date()): Promise<MemberListView> {
  const query = parseMemberQuery(params);
  const office = await officeFacts(officeId);
  const [all, on, off, overdue] = await Promise.all(MEMBER_FILTERS.map((filter) => db.user.count({ where: whereOf(office, filter, query.q, now) })));
  const counts = { all, on, off, overdue };
  const pageCount = Math.max(1, Math.ceil(counts[query.filter] / MEMBERS_PAGE_SIZE));
  // A page past the end (members left, a stale link) shows the last one rather than nothing.
  const page = Math.min(query.page, pageCount);
  const users = await db.user.findMany({
    where: whereOf(office, query.filter, query.q, now),
    orderBy: ORDER[query.sort],
    skip: (page - 1) * MEMBERS_PAGE_SIZE,
    take: MEMBERS_PAGE_SIZE,
    select: ROW_SELECT,
  });
  return { query: { ...query, page }, counts, members: users.map((user) => toRow(office, user, now)), pageCount };
}

const EXPORT_BATCH = 500;

/** Every member the filter and search select, in the list's order, a batch at a time (for the CSV export). */
export async function* allOfficeMembers(officeId: string, params: Params, now = new Date()): AsyncGenerator<MemberRow[]> {
  const query = parseMemberQuery(params);
  const office = await officeFacts(officeId);
  const where = whereOf(office, query.filter, query.q, now);
  for (let skip = 0; ; skip += EXPORT_BATCH) {
    const users = await db.user.findMany({ where, orderBy: ORDER[query.sort], skip, take: EXPORT_BATCH, select: ROW_SELECT });
    if (users.length) yield users.map((user) => toRow(office, user, now));
    if (users.length < EXPORT_BATCH) return;
  }
}
