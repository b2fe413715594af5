import Link from 'next/link';
import { getTranslator } from '@/lib/i18n/server';

/** The way to "Change password" (S17): in the account menu (`menu`) and on the Security page. */
export async function ChangePasswordLink({ variant }: { variant: 'menu' | 'security' }) {
  const t = await getTranslator('password');
  if (variant === 'menu') {
    return (
      <li>
        <Link href="/settings/password" className="block px-4 py-2 text-sm text-slate-800 hover:bg-slate-100">
          {t('changeLink')}
        </Link>
      </li>
    );
  }
  return (
    <p>
      <Link href="/settings/password" className="text-sm font-semibold text-brand-700 underline">
        {t('change.securityLink')}
      </Link>
    </p>
  );
}
