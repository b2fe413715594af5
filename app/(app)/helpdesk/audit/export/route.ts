import { requireHelpdeskAgent } from '@/lib/auth/guards';
import { parseAuditQuery } from '@/lib/audit/audit-filter-params';
import { queryAuditEvents } from '@/lib/audit/query-audit-events';
import { AUDIT_CSV_HEADER, auditCsvRow, csvField } from '@/lib/audit/audit-csv';

const EXPORT_BATCH = 1000;

/** The filtered audit rows as CSV, streamed a batch at a time so a large export stays small in memory. */
export async function GET(request: Request): Promise<Response> {
  await requireHelpdeskAgent();
  const query = await parseAuditQuery(Object.fromEntries(new URL(request.url).searchParams));
  if (query.errors.length) return new Response(query.errors.join('\n'), { status: 400, headers: { 'Content-Type': 'text/plain; charset=utf-8' } });

  const encoder = new TextEncoder();
  let cursor: number | undefined;
  let headerSent = false;
  const stream = new ReadableStream<Uint8Array>({
    async pull(controller) {
      if (!headerSent) {
        headerSent = true;
        controller.enqueue(encoder.encode(`${AUDIT_CSV_HEADER.map(csvField).join(',')}\r\n`));
        return;
      }
      const page = await queryAuditEvents(query.filter, { cursor, limit: EXPORT_BATCH });
      if (page.events.length) controller.enqueue(encoder.encode(page.events.map((e) => `${auditCsvRow(e)}\r\n`).join('')));
      if (page.nextCursor === null) controller.close();
      else cursor = page.nextCursor;
    },
  });
  const stamp = new Date().toISOString().slice(0, 10);
  return new Response(stream, {
    headers: {
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': `attachment; filename="audit-log-${stamp}.csv"`,
      'Cache-Control': 'no-store',
    },
  });
}
