import type { Metadata } from 'next';
import Link from 'next/link';
import { requireActiveSession } from '@/lib/auth/guards';
import { getTranslator, translate } from '@/lib/i18n/server';
import { REQUIRED_BY_OFFICE } from '@/lib/two-factor/messages';
import { hasAuthenticatorApp, listSecurityKeys } from '@/lib/webauthn/manage-keys';
import { Card } from '@/components/ui/card';
import { Notice } from '@/components/ui/notice';
import { RemoveKeyForm } from '@/components/security-keys/remove-key-form';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslator('securityKeys.remove'))('pageTitle') };
}

type Props = { params: Promise<{ id: string }> };

/** Remove one of the user's own keys (S24): only keys of the signed-in user are found here. */
export default async function RemoveSecurityKeyPage({ params }: Props) {
  const { user } = await requireActiveSession();
  const { id } = await params;
  const t = await getTranslator('securityKeys');
  const keys = await listSecurityKeys(user.id);
  const key = keys.find((k) => k.id === id);
  if (!key) {
    return (
      <Card className="max-w-2xl">
        <h1 className="text-2xl font-semibold tracking-tight">{t('remove.pageTitle')}</h1>
        <div className="mt-6">
          <Notice tone="info">{t('errors.notFound')}</Notice>
        </div>
        <Link href="/settings/2fa" className="mt-4 inline-block text-sm font-semibold text-brand-700 underline">
          {t('remove.back')}
        </Link>
      </Card>
    );
  }
  const lastMethod = keys.length === 1 && !(await hasAuthenticatorApp(user.id));
  return (
    <Card className="max-w-2xl">
      <h1 className="text-2xl font-semibold tracking-tight">{t('remove.title', { name: key.name })}</h1>
      <p className="mt-2 text-slate-700">{t('remove.intro')}</p>
      {lastMethod && user.officeRequiresTwoFactor ? (
        <div className="mt-6">
          <Notice tone="info">{await translate(REQUIRED_BY_OFFICE)}</Notice>
        </div>
      ) : (
        <>
          {lastMethod && (
            <div className="mt-4">
              <Notice tone="warning">{t('remove.lastMethod')}</Notice>
            </div>
          )}
          <div className="mt-6">
            <RemoveKeyForm keyId={key.id} />
          </div>
        </>
      )}
    </Card>
  );
}
