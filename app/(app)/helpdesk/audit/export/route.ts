import { requireHelpdeskAgent } from '@/lib/auth/guards';
import { exportAuditLog } from '@/lib/audit/export-audit-log';
import { csvDownload } from '@/lib/csv-download';
import { getRequestLocale, translateMessage } from '@/lib/i18n/server';

/** The filtered audit rows as CSV, its header in the agent's language; a filter it cannot use is a 400 that says why, in that language too. */
export async function GET(request: Request): Promise<Response> {
  await requireHelpdeskAgent();
  const locale = await getRequestLocale();
  const result = await exportAuditLog(Object.fromEntries(new URL(request.url).searchParams), locale);
  if (result.kind === 'invalid') {
    const text = result.errors.map((error) => translateMessage(locale, error)).join('\n');
    return new Response(text, { status: 400, headers: { 'Content-Type': 'text/plain; charset=utf-8', 'Content-Language': locale } });
  }
  return csvDownload(result.body, 'audit-log', locale);
}
