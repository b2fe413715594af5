import type { Locale } from '@/lib/i18n/locale';
import { translatorFor } from '@/lib/i18n/server';
import { eventLabel } from './events';
import type { AuditEventView } from './query-audit-events';

/**
 * The columns, in order, named in the reader's language (audit.csv.*). The values stay machine
 * readable whatever the language: times ISO 8601 in UTC, types and outcomes as stored. The last
 * column, added after the ones machines read by position, is the type's label for people.
 */
const COLUMNS = ['id', 'time', 'type', 'outcome', 'factor', 'actor', 'subject', 'office', 'ip', 'userAgent', 'details', 'label'] as const;

export function auditCsvHeader(locale: Locale): string[] {
  const t = translatorFor(locale, 'audit.csv');
  return COLUMNS.map((column) => t(column));
}

/**
 * One CSV field. Quoted always; a field that a spreadsheet would run as a formula (= + - @,
 * tab, carriage return) gets a leading apostrophe: audit rows hold text attackers typed.
 */
export function csvField(value: string | number | null | undefined): string {
  let text = value === null || value === undefined ? '' : String(value);
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return `"${text.replace(/"/g, '""')}"`;
}

export function auditCsvRow(event: AuditEventView, locale: Locale): string {
  return [
    event.id,
    event.createdAt.toISOString(),
    event.type,
    event.outcome,
    event.factor,
    event.actor ? `${event.actor.name} <${event.actor.email}>` : '',
    event.subject ? `${event.subject.name} <${event.subject.email}>` : '',
    event.officeName,
    event.ip,
    event.userAgent,
    JSON.stringify(event.details),
    eventLabel(event.type, locale),
  ]
    .map(csvField)
    .join(',');
}
