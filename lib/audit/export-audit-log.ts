import 'server-only';
import { parseAuditQuery, type AuditScope } from './audit-filter-params';
import { queryAuditEvents } from './query-audit-events';
import type { Locale } from '@/lib/i18n/locale';
import type { Message } from '@/lib/i18n/messages';
import { auditCsvHeader, auditCsvRow, csvField } from './audit-csv';
import { withoutAgentAddress, type SearchParams } from './read-audit-log';

const EXPORT_BATCH = 1000;

export type AuditExport = { kind: 'invalid'; errors: Message[] } | { kind: 'csv'; body: ReadableStream<Uint8Array> };

/**
 * The audit events the query string asks for, all of them, as CSV: read a batch at a time as the
 * client takes them, so a large export stays small in memory. The header and the labels are in
 * `locale`, the reader's; the values are the same in every language (audit-csv.ts).
 */
export async function exportAuditLog(params: SearchParams, locale: Locale, scope?: AuditScope): Promise<AuditExport> {
  const query = await parseAuditQuery(params, scope);
  if (query.errors.length) return { kind: 'invalid', errors: query.errors };

  const encoder = new TextEncoder();
  let cursor: number | undefined;
  let headerSent = false;
  const body = new ReadableStream<Uint8Array>({
    async pull(controller) {
      if (!headerSent) {
        headerSent = true;
        controller.enqueue(encoder.encode(`${auditCsvHeader(locale).map(csvField).join(',')}\r\n`));
        return;
      }
      const page = await queryAuditEvents(query.filter, { cursor, limit: EXPORT_BATCH });
      const events = scope ? page.events.map(withoutAgentAddress) : page.events;
      if (events.length) controller.enqueue(encoder.encode(events.map((e) => `${auditCsvRow(e, locale)}\r\n`).join('')));
      if (page.nextCursor === null) controller.close();
      else cursor = page.nextCursor;
    },
  });
  return { kind: 'csv', body };
}
