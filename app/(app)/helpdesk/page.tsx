import type { Metadata } from 'next';
import Link from 'next/link';
import { requireHelpdeskAgent } from '@/lib/auth/guards';
import { withoutControlCharacters } from '@/lib/forms/control-characters';
import { searchUsers, SEARCH_LIMIT } from '@/lib/helpdesk/find-users';
import { formatDateTime } from '@/lib/format';
import { TwoFactorBadge } from '@/components/helpdesk/two-factor-badge';
import { buttonClass } from '@/components/ui/button-class';

export const metadata: Metadata = { title: 'Helpdesk' };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function HelpdeskPage({ searchParams }: Props) {
  await requireHelpdeskAgent();
  const raw = (await searchParams).q;
  const q = withoutControlCharacters(Array.isArray(raw) ? raw[0] : (raw ?? '')).slice(0, 100);
  const users = q ? await searchUsers(q) : [];

  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-end justify-between gap-4">
        <div>
          <h1 className="text-2xl font-semibold tracking-tight">Helpdesk</h1>
          <p className="mt-1 text-slate-600">Find a user by e-mail address, name or office.</p>
        </div>
        <Link href="/helpdesk/audit" className="text-sm font-semibold text-brand-700 underline">
          Audit log
        </Link>
      </div>
      <form role="search" className="flex max-w-xl gap-2">
        <label htmlFor="q" className="sr-only">
          Search users
        </label>
        <input
          id="q"
          name="q"
          type="search"
          defaultValue={q}
          maxLength={100}
          placeholder="e.g. anna@, Van Dijk"
          className="block w-full rounded-md border-0 px-3 py-2.5 shadow-sm ring-1 ring-inset ring-slate-300 focus:ring-2 focus:ring-brand-600"
        />
        <button type="submit" className={buttonClass('primary')}>
          Search
        </button>
      </form>

      {q && (
        <div className="overflow-x-auto rounded-lg ring-1 ring-slate-200">
          <table className="min-w-full divide-y divide-slate-200 bg-white text-sm">
            <caption className="sr-only">Users matching {q}</caption>
            <thead className="bg-slate-50 text-left text-xs font-semibold uppercase tracking-wide text-slate-600">
              <tr>
                <th scope="col" className="px-3 py-2">
                  User
                </th>
                <th scope="col" className="px-3 py-2">
                  Office
                </th>
                <th scope="col" className="px-3 py-2">
                  Role
                </th>
                <th scope="col" className="px-3 py-2">
                  2FA
                </th>
                <th scope="col" className="px-3 py-2">
                  Last sign-in
                </th>
                <th scope="col" className="px-3 py-2">
                  Locked
                </th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {users.length === 0 && (
                <tr>
                  <td colSpan={6} className="px-3 py-4 text-slate-600">
                    No user matches &ldquo;{q}&rdquo;.
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
                  <td className="px-3 py-2 text-slate-700">{user.role}</td>
                  <td className="px-3 py-2">
                    <TwoFactorBadge twoFactor={user.twoFactor} />
                  </td>
                  <td className="px-3 py-2 text-slate-700">{user.lastSignInAt ? formatDateTime(user.lastSignInAt) : 'Never'}</td>
                  <td className="px-3 py-2 text-slate-700">{user.lockedUntil ? `Until ${formatDateTime(user.lockedUntil)}` : 'No'}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {users.length === SEARCH_LIMIT && <p className="bg-white px-3 py-2 text-sm text-slate-600">Showing the first {SEARCH_LIMIT}: narrow the search.</p>}
        </div>
      )}
    </div>
  );
}
