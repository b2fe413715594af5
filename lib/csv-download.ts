import type { Locale } from '@/lib/i18n/locale';

/**
 * A CSV export as the browser downloads it: named `<name>-<date>.csv`, never cached (it holds
 * people's data), in the reader's language (its header row is translated). The body may be a
 * stream (the member list's export is).
 */
export function csvDownload(body: BodyInit, name: string, locale: Locale): Response {
  const stamp = new Date().toISOString().slice(0, 10);
  return new Response(body, {
    headers: {
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': `attachment; filename="${name}-${stamp}.csv"`,
      'Cache-Control': 'no-store',
      'Content-Language': locale,
    },
  });
}
