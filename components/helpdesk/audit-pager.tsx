import Link from 'next/link';
import { getTranslator } from '@/lib/i18n/server';

/** Newest / older links of an audit listing: the filters kept, the cursor the last event shown. */
export async function AuditPager({
  filterValues,
  cursor,
  nextCursor,
}: {
  filterValues: Record<string, string>;
  cursor: number | undefined;
  nextCursor: number | null;
}) {
  const t = await getTranslator('audit');
  const withParams = (extra: Record<string, string>) => `?${new URLSearchParams({ ...filterValues, ...extra })}`;
  return (
    <nav aria-label={t('pages')} className="flex justify-between">
      {cursor ? (
        <Link href={withParams({})} className="text-sm font-medium text-brand-700 underline">
          {t('newest')}
        </Link>
      ) : (
        <span />
      )}
      {nextCursor && (
        <Link href={withParams({ cursor: String(nextCursor) })} className="text-sm font-medium text-brand-700 underline">
          {t('older')}
        </Link>
      )}
    </nav>
  );
}
