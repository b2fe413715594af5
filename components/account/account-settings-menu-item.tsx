'use client';
import Link from 'next/link';
import { useTranslations } from 'next-intl';

/** "Language and time zone" in the account menu (components/layout/app-header.tsx), styled as its other items. */
export function AccountSettingsMenuItem() {
  const t = useTranslations('account');
  return (
    <li>
      <Link href="/settings/account" className="block px-4 py-2 text-sm text-slate-800 hover:bg-slate-100">
        {t('menuLink')}
      </Link>
    </li>
  );
}
