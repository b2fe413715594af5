'use client';
import { useEffect, useRef, useState, useSyncExternalStore } from 'react';
import { useLocale, useTimeZone, useTranslations } from 'next-intl';
import { buttonClass } from '@/components/ui/button-class';
import { dateFormat } from '@/lib/format';
import type { Locale } from '@/lib/i18n/locale';
import { CopyButton } from './copy-button';

type Props = { codes: string[]; accountEmail: string; appName: string };

const noSubscription = () => () => {};

/**
 * New recovery codes, shown this once (S13): the server keeps only their hashes, so the page
 * cannot show them again. Copy, download as .txt, and confirm they are saved before Close.
 */
export function RecoveryCodesPanel({ codes, accountEmail, appName }: Props) {
  const [saved, setSaved] = useState(false);
  const t = useTranslations('recoveryCodes');
  const common = useTranslations('common');
  // The root layout's provider always sets the user's zone; UTC only where none was given.
  const format = dateFormat({ locale: useLocale() as Locale, timeZone: useTimeZone() ?? 'UTC' });
  // False in the server's HTML (without JavaScript `required` holds the form), true once React runs.
  const hydrated = useSyncExternalStore(
    noSubscription,
    () => true,
    () => false,
  );
  const heading = useRef<HTMLHeadingElement>(null);
  // The answer replaced the form: take keyboard and screen reader users to what now matters.
  useEffect(() => {
    heading.current?.focus();
  }, []);

  // The file is read later, maybe elsewhere: in the user's language, dated in their zone with the zone named.
  const text = [
    t('file.heading', { appName, email: accountEmail }),
    t('file.generated', { date: format.dateTimeWithZone(new Date()) }),
    '',
    t('file.instructions'),
    '',
    ...codes,
    '',
  ].join('\n');

  function download() {
    const url = URL.createObjectURL(new Blob([text], { type: 'text/plain;charset=utf-8' }));
    const link = document.createElement('a');
    link.href = url;
    link.download = t('file.name', { app: appName.toLowerCase().replace(/[^a-z0-9]+/g, '-') });
    link.click();
    setTimeout(() => URL.revokeObjectURL(url), 1000);
  }

  return (
    <div className="space-y-4">
      <h2 ref={heading} tabIndex={-1} className="text-lg font-semibold outline-none">
        {t('panel.heading')}
      </h2>
      <p className="text-sm text-slate-700">{t('panel.intro')}</p>
      <ol
        aria-label={t('panel.listLabel')}
        data-testid="recovery-codes"
        className="grid grid-cols-2 gap-x-6 gap-y-1.5 rounded-md bg-slate-100 px-4 py-3 font-mono text-base tracking-wide text-slate-900 sm:max-w-md"
      >
        {codes.map((code) => (
          <li key={code}>{code}</li>
        ))}
      </ol>
      <div className="flex flex-wrap gap-3">
        <CopyButton text={codes.join('\n')} label={t('panel.copy')} copiedLabel={t('panel.copied')} />
        <button
          type="button"
          onClick={download}
          className="rounded-md bg-white px-3 py-1.5 text-sm font-medium text-slate-800 ring-1 ring-inset ring-slate-300 hover:bg-slate-50"
        >
          {t('panel.download')}
        </button>
      </div>
      {/* A plain GET form: a full page load, so the header's reminders (built by the layout) count
          the new codes. Without JavaScript the browser itself holds Close until the box is ticked
          (required); with it, Close is disabled until then. */}
      <form action="/settings/2fa" method="get" className="space-y-4">
        <label className="flex items-start gap-2 text-sm text-slate-800">
          <input
            type="checkbox"
            required
            checked={saved}
            onChange={(event) => setSaved(event.target.checked)}
            className="mt-0.5 h-4 w-4 rounded border-slate-300"
          />
          {t('panel.saved')}
        </label>
        <button type="submit" disabled={hydrated && !saved} className={buttonClass('primary')}>
          {common('close')}
        </button>
      </form>
    </div>
  );
}
