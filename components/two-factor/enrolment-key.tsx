import { getTranslator } from '@/lib/i18n/server';
import { CopyButton } from './copy-button';

/** The 2FA key as text, in blocks of four, for typing into an app that cannot scan. */
export async function EnrolmentKey({ secret }: { secret: string }) {
  const grouped = secret.match(/.{1,4}/g)!.join(' ');
  const t = await getTranslator('enable2fa.key');
  return (
    <div>
      <p className="text-sm font-medium text-slate-800" id="totp-key-label">
        {t('label')}
      </p>
      <div className="mt-1.5 flex flex-wrap items-center gap-3">
        <code
          aria-labelledby="totp-key-label"
          data-testid="totp-key"
          className="rounded-md bg-slate-100 px-3 py-2 font-mono text-base tracking-wide text-slate-900"
        >
          {grouped}
        </code>
        <CopyButton text={secret} label={t('copy')} copiedLabel={t('copied')} />
      </div>
      <p className="mt-1.5 text-sm text-slate-600">{t('hint')}</p>
    </div>
  );
}
