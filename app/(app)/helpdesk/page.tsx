import type { Metadata } from 'next';
import Link from 'next/link';
import { requireHelpdeskAgent } from '@/lib/auth/guards';
import { withoutControlCharacters } from '@/lib/forms/control-characters';
import { searchUsers, SEARCH_LIMIT } from '@/lib/helpdesk/find-users';
import { getDateFormat, getTranslator } from '@/lib/i18n/server';
import { TwoFactorBadge } from '@/components/helpdesk/two-factor-badge';
import { ROLE_LABELS } from '@/components/helpdesk/role-label';
import { buttonClass } from '@/components/ui/button-class';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslator('helpdesk'))('title') };
}

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function HelpdeskPage({ searchParams }: Props) {
  await requireHelpdeskAgent();
  const raw = (await searchParams).q;
  const q = withoutControlCharacters(Array.isArray(raw) ? raw[0] : (raw ?? '')).slice(0, 100);
  const users = q ? await searchUsers(q) : [];
  const [t, tAudit, format] = await Promise.all([getTranslator('helpdesk'), getTranslator('audit'), getDateFormat()]);

  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-end justify-between gap-4">
        <div>
          <h1 className="text-2xl font-semibold tracking-tight">{t('title')}</h1>
          <p className="mt-1 text-slate-600">{t('search.intro')}</p>
        </div>
        <Link href="/helpdesk/audit" className="text-sm font-semibold text-brand-700 underline">
          {tAudit('title')}
        </Link>
      </div>
      <form role="search" className="flex max-w-xl gap-2">
        <label htmlFor="q" className="sr-only">
          {t('search.label')}
        </label>
        <input
          id="q"
          name="q"
          type="search"
          defaultValue={q}
          maxLength={100}
          placeholder={t('search.placeholder')}
          className="block w-full rounded-md border-0 px-3 py-2.5 shadow-sm ring-1 ring-inset ring-slate-300 focus:ring-2 focus:ring-brand-600"
        />
        <button type="submit" className={buttonClass('primary')}>
          {t('search.submit')}
        </button>
      </form>

      {q && (
        <div className="overflow-x-auto rounded-lg ring-1 ring-slate-200">
          <table className="min-w-full divide-y divide-slate-200 bg-white text-sm">
            <caption className="sr-only">{t('search.caption', { query: q })}</caption>
            <thead className="bg-slate-50 text-left text-xs font-semibold uppercase tracking-wide text-slate-600">
              <tr>
                <th scope="col" className="px-3 py-2">
                  {t('facts.user')}
                </th>
                <th scope="col" className="px-3 py-2">
                  {t('facts.office')}
                </th>
                <th scope="col" className="px-3 py-2">
                  {t('facts.role')}
                </th>
                <th scope="col" className="px-3 py-2">
                  {t('facts.twoFactorShort')}
                </th>
                <th scope="col" className="px-3 py-2">
                  {t('facts.lastSignIn')}
                </th>
                <th scope="col" className="px-3 py-2">
                  {t('facts.locked')}
                </th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {users.length === 0 && (
                <tr>
                  <td colSpan={6} className="px-3 py-4 text-slate-600">
                    {t('search.noMatch', { query: q })}
                  </td>
                </tr>
              )}
              {users.map((user) => (
                <tr key={user.id}>
                  <td className="px-3 py-2">
                    <Link href={`/helpdesk/users/${user.id}`} className="font-medium text-brand-700 underline">
                      {user.name}
                    </Link>
                    <div className="text-slate-600">{user.email}</div>
                  </td>
                  <td className="px-3 py-2 text-slate-700">{user.officeName ?? '—'}</td>
                  <td className="px-3 py-2 text-slate-700">{t(`roles.${ROLE_LABELS[user.role]}`)}</td>
                  <td className="px-3 py-2">
                    <TwoFactorBadge twoFactor={user.twoFactor} />
                  </td>
                  <td className="px-3 py-2 text-slate-700">{user.lastSignInAt ? format.dateTimeWithZone(user.lastSignInAt) : t('facts.never')}</td>
                  <td className="px-3 py-2 text-slate-700">
                    {user.lockedUntil ? t('facts.lockedUntil', { when: format.dateTimeWithZone(user.lockedUntil) }) : t('facts.notLocked')}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          {users.length === SEARCH_LIMIT && <p className="bg-white px-3 py-2 text-sm text-slate-600">{t('search.firstOnly', { count: SEARCH_LIMIT })}</p>}
        </div>
      )}
    </div>
  );
}
