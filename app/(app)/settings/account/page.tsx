import type { Metadata } from 'next';
import { requireActiveSession } from '@/lib/auth/guards';
import { productConfig } from '@/lib/env';
import { timeZoneChoices } from '@/lib/account/time-zone-choices';
import { getDateFormat, getRequestLanguage, getTranslator } from '@/lib/i18n/server';
import { Card } from '@/components/ui/card';
import { Notice } from '@/components/ui/notice';
import { LanguagePreferencesForm } from '@/components/account/language-preferences-form';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslator('account'))('title') };
}

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

/** The signed-in user's language and time zone (the account menu's "Language and time zone"). */
export default async function AccountSettingsPage({ searchParams }: Props) {
  await requireActiveSession();
  const saved = (await searchParams).saved === '1';
  const t = await getTranslator('account');
  // What the user sees now: their own setting, or (never saved) the language and zone this request got.
  const { locale, timeZone } = await getRequestLanguage();
  const now = new Date();
  const example = (await getDateFormat()).dateTimeWithZone(now);

  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-semibold tracking-tight">{t('title')}</h1>
        <p className="mt-1 text-slate-600">{t('intro')}</p>
      </div>
      {saved && <Notice tone="success">{t('saved')}</Notice>}
      <Card>
        <LanguagePreferencesForm
          locale={locale}
          timeZone={timeZone}
          choices={timeZoneChoices({ preferred: productConfig().DEFAULT_TIME_ZONE, current: timeZone })}
          exampleAt={now.getTime()}
          example={example}
        />
      </Card>
    </div>
  );
}
