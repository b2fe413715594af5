import Link from 'next/link';
import { MEMBER_FILTERS, MEMBER_SEARCH_MAX_LENGTH, MEMBER_SORTS, memberQueryString, type MemberListView } from '@/lib/offices/list-office-members';
import { getDateFormat, getTranslator } from '@/lib/i18n/server';
import { ROLE_LABELS } from '@/components/helpdesk/role-label';
import { buttonClass } from '@/components/ui/button-class';

const inputClass = 'mt-1 block w-full rounded-md border-0 px-3 py-2 text-sm shadow-sm ring-1 ring-inset ring-slate-300 focus:ring-2 focus:ring-brand-600';

/**
 * The office's members: filter links with their counts, a search and sort as a GET form, pages of
 * 50. All of it lives in the query string, so it works without JavaScript, a link can be shared
 * and the back button returns to the previous view.
 */
export async function MemberList({ officeName, view }: { officeName: string; view: MemberListView }) {
  const [t, tHelpdesk, format] = await Promise.all([getTranslator('officeMembers'), getTranslator('helpdesk'), getDateFormat()]);
  const { query, counts, members, pageCount } = view;
  const href = (change: Partial<typeof query>) => `/office${memberQueryString({ ...query, page: 1, ...change })}`;

  return (
    <section className="space-y-3" aria-labelledby="office-members-heading">
      <div className="flex flex-wrap items-end justify-between gap-3">
        <h2 id="office-members-heading" className="text-lg font-semibold">
          {t('heading')}
        </h2>
        <div className="flex gap-4 text-sm">
          <a
            href={`/office/members/export${memberQueryString({ filter: query.filter, q: query.q, sort: query.sort })}`}
            className={buttonClass('secondary')}
            download
          >
            {t('export')}
          </a>
        </div>
      </div>

      <nav aria-label={t('filters')}>
        <ul className="flex flex-wrap gap-2">
          {MEMBER_FILTERS.map((filter) => {
            const current = filter === query.filter;
            return (
              <li key={filter}>
                <Link
                  href={href({ filter })}
                  aria-current={current ? 'page' : undefined}
                  data-testid={`member-filter-${filter}`}
                  className={`inline-flex items-center gap-2 rounded-full px-3 py-1.5 text-sm font-medium ring-1 ring-inset ${
                    current ? 'bg-brand-600 text-white ring-brand-600' : 'bg-white text-slate-700 ring-slate-300 hover:bg-slate-50'
                  }`}
                >
                  {t(`filter.${filter}`)}
                  <span className={`rounded-full px-2 text-xs ${current ? 'bg-white/20' : 'bg-slate-100'}`} data-testid={`member-count-${filter}`}>
                    {counts[filter]}
                  </span>
                </Link>
              </li>
            );
          })}
        </ul>
      </nav>

      <form action="/office" className="flex flex-wrap items-end gap-3 rounded-lg bg-white p-4 ring-1 ring-slate-200">
        {query.filter !== 'all' && <input type="hidden" name="filter" value={query.filter} />}
        <div className="min-w-56 flex-1">
          <label htmlFor="member-search" className="text-sm font-medium text-slate-800">
            {t('search')}
          </label>
          <input id="member-search" name="q" type="search" defaultValue={query.q} maxLength={MEMBER_SEARCH_MAX_LENGTH} className={inputClass} />
        </div>
        <div>
          <label htmlFor="member-sort" className="text-sm font-medium text-slate-800">
            {t('sort.label')}
          </label>
          <select id="member-sort" name="sort" defaultValue={query.sort} className={inputClass}>
            {MEMBER_SORTS.map((sort) => (
              <option key={sort} value={sort}>
                {t(`sort.${sort}`)}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" className={buttonClass('primary')}>
          {t('apply')}
        </button>
        {(query.q || query.sort !== 'name') && (
          <Link href={href({ q: '', sort: 'name' })} className="py-2.5 text-sm font-medium text-slate-600 underline">
            {t('clear')}
          </Link>
        )}
      </form>

      {members.length === 0 ? (
        <p className="text-sm text-slate-600" data-testid="office-members-empty">
          {query.q ? t('emptySearch', { q: query.q }) : t('empty')}
        </p>
      ) : (
        <div className="overflow-x-auto rounded-lg ring-1 ring-slate-200">
          <table className="min-w-full divide-y divide-slate-200 bg-white text-sm">
            <caption className="sr-only">{t('caption', { office: officeName })}</caption>
            <thead className="bg-slate-50 text-left text-xs font-semibold uppercase tracking-wide text-slate-600">
              <tr>
                <th scope="col" className="px-3 py-2">
                  {t('column.name')}
                </th>
                <th scope="col" className="px-3 py-2">
                  {t('column.role')}
                </th>
                <th scope="col" className="px-3 py-2">
                  {t('column.twoFactor')}
                </th>
                <th scope="col" className="px-3 py-2">
                  {t('column.deadline')}
                </th>
                <th scope="col" className="px-3 py-2">
                  {t('column.lastSignIn')}
                </th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {members.map((member) => (
                <tr key={member.id} data-testid="office-member" data-state={member.twoFactorSince ? 'on' : member.pastDeadline ? 'overdue' : 'off'}>
                  <td className="px-3 py-2">
                    <div className="font-medium text-slate-900">{member.name}</div>
                    <div className="text-slate-600">{member.email}</div>
                  </td>
                  <td className="px-3 py-2 text-slate-700">{tHelpdesk(`roles.${ROLE_LABELS[member.role]}`)}</td>
                  <td className="px-3 py-2 text-slate-700">{member.twoFactorSince ? t('onSince', { since: format.date(member.twoFactorSince) }) : t('off')}</td>
                  <td className="px-3 py-2 text-slate-700">
                    {member.deadline
                      ? member.pastDeadline
                        ? t('deadlinePassed', { deadline: format.dateTimeWithZone(member.deadline) })
                        : t('deadlineUntil', { deadline: format.dateTimeWithZone(member.deadline) })
                      : '—'}
                  </td>
                  <td className="px-3 py-2 text-slate-700">{member.lastSignInAt ? format.dateTimeWithZone(member.lastSignInAt) : t('never')}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}

      {pageCount > 1 && (
        <nav aria-label={t('pages')} className="flex items-center justify-between text-sm">
          {query.page > 1 ? (
            <Link href={href({ page: query.page - 1 })} rel="prev" className="font-medium text-brand-700 underline">
              {t('previous')}
            </Link>
          ) : (
            <span />
          )}
          <span className="text-slate-600" data-testid="member-page">
            {t('page', { page: query.page, pages: pageCount })}
          </span>
          {query.page < pageCount ? (
            <Link href={href({ page: query.page + 1 })} rel="next" className="font-medium text-brand-700 underline">
              {t('next')}
            </Link>
          ) : (
            <span />
          )}
        </nav>
      )}
    </section>
  );
}
