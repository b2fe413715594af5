import type { AuditEventView } from '@/lib/audit/query-audit-events';
import { eventLabel } from '@/lib/audit/events';
import { formatDateTime } from '@/lib/format';

/** Audit events as a table, with who did it and to whom (the helpdesk view). */
export function AuditTable({ events, caption }: { events: AuditEventView[]; caption: string }) {
  if (events.length === 0) return <p className="text-sm text-slate-600">No events.</p>;
  return (
    <div className="overflow-x-auto rounded-lg ring-1 ring-slate-200">
      <table className="min-w-full divide-y divide-slate-200 bg-white text-sm">
        <caption className="sr-only">{caption}</caption>
        <thead className="bg-slate-50 text-left text-xs font-semibold uppercase tracking-wide text-slate-600">
          <tr>
            <th scope="col" className="px-3 py-2">
              Time
            </th>
            <th scope="col" className="px-3 py-2">
              Event
            </th>
            <th scope="col" className="px-3 py-2">
              Outcome
            </th>
            <th scope="col" className="px-3 py-2">
              By
            </th>
            <th scope="col" className="px-3 py-2">
              User
            </th>
            <th scope="col" className="px-3 py-2">
              IP address
            </th>
            <th scope="col" className="px-3 py-2">
              Details
            </th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {events.map((event) => (
            <tr key={event.id} data-testid="audit-row">
              <td className="whitespace-nowrap px-3 py-2 text-slate-700">{formatDateTime(event.createdAt)}</td>
              <td className="px-3 py-2 font-medium text-slate-900">{eventLabel(event.type)}</td>
              <td className="px-3 py-2 text-slate-700">{event.outcome.toLowerCase()}</td>
              <td className="px-3 py-2 text-slate-700">{event.actor?.name ?? ''}</td>
              <td className="px-3 py-2 text-slate-700">{event.subject ? `${event.subject.name} (${event.subject.email})` : ''}</td>
              <td className="px-3 py-2 font-mono text-xs text-slate-600">{event.ip ?? ''}</td>
              <td className="max-w-md px-3 py-2 text-xs text-slate-600">
                {Object.entries(event.details)
                  .map(([key, value]) => `${key}: ${Array.isArray(value) ? value.join(', ') : String(value)}`)
                  .join(' · ')}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
