import type { OwnSecurityEvent } from '@/lib/audit/own-security-event';
import { eventLabel } from '@/lib/audit/events';
import { getDateFormat, getRequestLocale, getTranslator, translateMessage } from '@/lib/i18n/server';

/** One of the user's own events as they read it: words in their language, the time in their time zone with the zone named. */
export type SecurityActivityRow = Omit<OwnSecurityEvent, 'type' | 'browser' | 'note'> & {
  time: string;
  label: string;
  browser: string | null;
  note: string | null;
};

/** The user's own events (lib/audit/own-security-event.ts) in this request's language and time zone. */
export async function securityActivityRows(events: OwnSecurityEvent[]): Promise<SecurityActivityRow[]> {
  const locale = await getRequestLocale();
  const t = await getTranslator('security.events');
  // Named zone: a user checking "was that me?" may be travelling, or compare with another device's clock.
  const format = await getDateFormat();
  return events.map(({ type, browser, note, ...event }) => ({
    ...event,
    time: format.dateTimeWithZone(event.createdAt),
    label: eventLabel(type, locale),
    browser: browser && (browser.system ? t('browserOnSystem', { browser: browser.browser, system: browser.system }) : browser.browser),
    note: note && translateMessage(locale, note),
  }));
}

/** A user's own security events: when, what, from where (or that the helpdesk did it). */
export async function SecurityActivityTable({ events }: { events: SecurityActivityRow[] }) {
  const t = await getTranslator('security.events');
  if (events.length === 0) return <p className="text-sm text-slate-600">{t('none')}</p>;
  return (
    <div className="overflow-x-auto rounded-lg ring-1 ring-slate-200">
      <table className="min-w-full divide-y divide-slate-200 bg-white text-sm">
        <caption className="sr-only">{t('caption')}</caption>
        <thead className="bg-slate-50 text-left text-xs font-semibold uppercase tracking-wide text-slate-600">
          <tr>
            <th scope="col" className="px-3 py-2">
              {t('time')}
            </th>
            <th scope="col" className="px-3 py-2">
              {t('event')}
            </th>
            <th scope="col" className="px-3 py-2">
              {t('from')}
            </th>
            <th scope="col" className="px-3 py-2">
              {t('details')}
            </th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {events.map((event) => (
            <tr key={event.id} data-testid="security-event">
              <td className="whitespace-nowrap px-3 py-2 text-slate-700">{event.time}</td>
              <td className="px-3 py-2 font-medium text-slate-900">{event.label}</td>
              <td className="px-3 py-2 text-slate-700">
                {event.by === 'helpdesk' ? (
                  t('byHelpdesk')
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
