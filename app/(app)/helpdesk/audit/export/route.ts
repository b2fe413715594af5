import { requireHelpdeskAgent } from '@/lib/auth/guards';
import { exportAuditLog } from '@/lib/audit/export-audit-log';

/** The filtered audit rows as CSV. */
export async function GET(request: Request): Promise<Response> {
  await requireHelpdeskAgent();
  const result = await exportAuditLog(Object.fromEntries(new URL(request.url).searchParams));
  if (result.kind === 'invalid') return new Response(result.errors.join('\n'), { status: 400, headers: { 'Content-Type': 'text/plain; charset=utf-8' } });

  const stamp = new Date().toISOString().slice(0, 10);
  return new Response(result.body, {
    headers: {
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': `attachment; filename="audit-log-${stamp}.csv"`,
      'Cache-Control': 'no-store',
    },
  });
}
