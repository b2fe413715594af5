import Link from 'next/link';
import { getDateFormat, getTranslator } from '@/lib/i18n/server';
import { productConfig } from '@/lib/env';
import { KEY_NAME_MAX_LENGTH } from '@/lib/webauthn/config';
import type { SecurityKeySummary } from '@/lib/webauthn/manage-keys';
import { AddSecurityKey } from './add-security-key';
import { RenameKeyForm } from './rename-key-form';

/**
 * Manage 2FA's security keys (S24): each key with its name, when it was added and last used (in
 * the user's time zone), rename and remove; then "Add a security key or passkey".
 */
export async function SecurityKeysSection({ keys, accountEmail }: { keys: SecurityKeySummary[]; accountEmail: string }) {
  const t = await getTranslator('securityKeys.manage');
  const format = await getDateFormat();
  return (
    <section className="mt-6 border-t border-slate-200 pt-6" aria-labelledby="security-keys-heading">
      <h2 id="security-keys-heading" className="text-lg font-semibold">
        {t('heading')}
      </h2>
      <p className="mt-1 text-slate-700">{t('intro')}</p>
      {keys.length === 0 ? (
        <p className="mt-3 text-sm text-slate-600">{t('none')}</p>
      ) : (
        <ul aria-label={t('keysLabel')} data-testid="security-keys" className="mt-4 divide-y divide-slate-200 rounded-md ring-1 ring-slate-200">
          {keys.map((key) => (
            <li key={key.id} className="space-y-2 px-4 py-3">
              <div className="flex flex-wrap items-baseline justify-between gap-2">
                <span className="font-medium text-slate-900">{key.name}</span>
                <Link href={`/settings/2fa/security-keys/${key.id}/remove`} className="text-sm font-medium text-red-700 underline">
                  {t('remove')}
                </Link>
              </div>
              <p className="flex flex-wrap gap-x-4 text-sm text-slate-600">
                <span>{t('added', { date: format.date(key.createdAt) })}</span>
                <span>{key.lastUsedAt ? t('lastUsed', { date: format.dateTime(key.lastUsedAt) }) : t('neverUsed')}</span>
              </p>
              <RenameKeyForm keyId={key.id} name={key.name} nameMaxLength={KEY_NAME_MAX_LENGTH} />
            </li>
          ))}
        </ul>
      )}
      <div className="mt-4">
        <AddSecurityKey accountEmail={accountEmail} appName={productConfig().APP_NAME} nameMaxLength={KEY_NAME_MAX_LENGTH} />
      </div>
    </section>
  );
}
