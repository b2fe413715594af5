import type { OwnSecurityEvent } from '@/lib/audit/own-security-event';
import { formatDateTime } from '@/lib/format';

/** A user's own security events: when, what, from where (or that the helpdesk did it). */
export function SecurityActivityTable({ events }: { events: OwnSecurityEvent[] }) {
  if (events.length === 0) return <p className="text-sm text-slate-600">No security events yet.</p>;
  return (
    <div className="overflow-x-auto rounded-lg ring-1 ring-slate-200">
      <table className="min-w-full divide-y divide-slate-200 bg-white text-sm">
        <caption className="sr-only">Your recent security events, newest first</caption>
        <thead className="bg-slate-50 text-left text-xs font-semibold uppercase tracking-wide text-slate-600">
          <tr>
            <th scope="col" className="px-3 py-2">
              Time
            </th>
            <th scope="col" className="px-3 py-2">
              Event
            </th>
            <th scope="col" className="px-3 py-2">
              From
            </th>
            <th scope="col" className="px-3 py-2">
              Details
            </th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {events.map((event) => (
            <tr key={event.id} data-testid="security-event">
              <td className="whitespace-nowrap px-3 py-2 text-slate-700">{formatDateTime(event.createdAt)}</td>
              <td className="px-3 py-2 font-medium text-slate-900">{event.label}</td>
              <td className="px-3 py-2 text-slate-700">
                {event.by === 'helpdesk' ? (
                  'The helpdesk'
                ) : (
                  <>
                    {event.browser && <div>{event.browser}</div>}
                    {event.ip && <div className="font-mono text-xs text-slate-600">{event.ip}</div>}
                  </>
                )}
              </td>
              <td className="px-3 py-2 text-slate-600">{event.note ?? ''}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
