import type { AuditEventView } from './query-audit-events';

export const AUDIT_CSV_HEADER = ['id', 'time (UTC)', 'type', 'outcome', 'factor', 'actor', 'subject', 'office', 'ip', 'user agent', 'details'];

/**
 * One CSV field. Quoted always; a field that a spreadsheet would run as a formula (= + - @,
 * tab, carriage return) gets a leading apostrophe: audit rows hold text attackers typed.
 */
export function csvField(value: string | number | null | undefined): string {
  let text = value === null || value === undefined ? '' : String(value);
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return `"${text.replace(/"/g, '""')}"`;
}

export function auditCsvRow(event: AuditEventView): string {
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
  ]
    .map(csvField)
    .join(',');
}
