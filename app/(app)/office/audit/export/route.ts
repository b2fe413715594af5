import { requireOfficeAdminOrNotFound } from '@/lib/auth/guards';
import { exportAuditLog } from '@/lib/audit/export-audit-log';
import { csvDownload } from '@/lib/csv-download';
import { getRequestLocale, translateMessage } from '@/lib/i18n/server';

/** The office's audit view as CSV, as the helpdesk's export but scoped to the admin's own office (from the session). */
export async function GET(request: Request): Promise<Response> {
  const { user } = await requireOfficeAdminOrNotFound();
  const locale = await getRequestLocale();
  const result = await exportAuditLog(Object.fromEntries(new URL(request.url).searchParams), locale, { officeId: user.officeId });
  if (result.kind === 'invalid') {
    const text = result.errors.map((error) => translateMessage(locale, error)).join('\n');
    return new Response(text, { status: 400, headers: { 'Content-Type': 'text/plain; charset=utf-8', 'Content-Language': locale } });
  }
  return csvDownload(result.body, 'office-audit-log', locale);
}
