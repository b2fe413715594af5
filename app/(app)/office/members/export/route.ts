import { requireOfficeAdmin } from '@/lib/auth/guards';
import { exportOfficeMembers } from '@/lib/offices/export-office-members';
import { csvDownload } from '@/lib/csv-download';
import { getRequestLocale } from '@/lib/i18n/server';

/**
 * The office's member list as CSV, with the page's filter, search and sort (a bad value falls back
 * to its default, as on the page). The office is the admin's own, from the session: no parameter
 * names another one.
 */
export async function GET(request: Request): Promise<Response> {
  const { user } = await requireOfficeAdmin();
  const locale = await getRequestLocale();
  const body = exportOfficeMembers(user.officeId, Object.fromEntries(new URL(request.url).searchParams), locale);
  return csvDownload(body, 'office-users', locale);
}
