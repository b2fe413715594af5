import type { UserFacts } from '@/lib/helpdesk/find-users';
import { formatDate } from '@/lib/format';

export function TwoFactorBadge({ twoFactor }: { twoFactor: UserFacts['twoFactor'] }) {
  if (twoFactor.status === 'on')
    return <span className="rounded-full bg-emerald-100 px-2 py-0.5 text-xs font-semibold text-emerald-800">On since {formatDate(twoFactor.since)}</span>;
  if (twoFactor.status === 'pending')
    return <span className="rounded-full bg-amber-100 px-2 py-0.5 text-xs font-semibold text-amber-900">Pending enrolment</span>;
  return <span className="rounded-full bg-slate-200 px-2 py-0.5 text-xs font-semibold text-slate-800">Off</span>;
}
