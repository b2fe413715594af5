import type { AuditOutcome } from '@/lib/db/enums';
import type { AuditEventView } from '@/lib/audit/query-audit-events';
import { eventLabel } from '@/lib/audit/events';
import type { Messages } from '@/lib/i18n/messages';
import { getDateFormat, getRequestLocale, getTranslator } from '@/lib/i18n/server';

const OUTCOME_LABELS = { SUCCESS: 'success', FAILURE: 'failure', DENIED: 'denied' } as const satisfies Record<
  AuditOutcome,
  keyof Messages['audit']['outcomes']
>;

/**
 * Audit events as a table, with who did it and to whom (the helpdesk view), in the agent's
 * language; times in the agent's time zone, named, since agents compare them with what callers
 * say. The details are shown as stored: the facts each event type records, for agents.
 */
export async function AuditTable({ events, caption }: { events: AuditEventView[]; caption: string }) {
  const t = await getTranslator('audit');
  if (events.length === 0) return <p className="text-sm text-slate-600">{t('table.empty')}</p>;
  const [locale, format] = await Promise.all([getRequestLocale(), getDateFormat()]);
  return (
    <div className="overflow-x-auto rounded-lg ring-1 ring-slate-200">
      <table className="min-w-full divide-y divide-slate-200 bg-white text-sm">
        <caption className="sr-only">{caption}</caption>
        <thead className="bg-slate-50 text-left text-xs font-semibold uppercase tracking-wide text-slate-600">
          <tr>
            <th scope="col" className="px-3 py-2">
              {t('table.time')}
            </th>
            <th scope="col" className="px-3 py-2">
              {t('table.event')}
            </th>
            <th scope="col" className="px-3 py-2">
              {t('table.outcome')}
            </th>
            <th scope="col" className="px-3 py-2">
              {t('table.by')}
            </th>
            <th scope="col" className="px-3 py-2">
              {t('table.user')}
            </th>
            <th scope="col" className="px-3 py-2">
              {t('table.ip')}
            </th>
            <th scope="col" className="px-3 py-2">
              {t('table.details')}
            </th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {events.map((event) => (
            <tr key={event.id} data-testid="audit-row">
              <td className="whitespace-nowrap px-3 py-2 text-slate-700">{format.dateTimeWithZone(event.createdAt)}</td>
              <td className="px-3 py-2 font-medium text-slate-900">{eventLabel(event.type, locale)}</td>
              <td className="px-3 py-2 text-slate-700">{t(`outcomes.${OUTCOME_LABELS[event.outcome]}`)}</td>
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
