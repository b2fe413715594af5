import Link from 'next/link';
import { logOut } from '@/app/(auth)/logout/actions';
import type { Role } from '@/lib/db/enums';
import { getTranslator } from '@/lib/i18n/server';
import { AccountMenu } from './account-menu';
import { AccountSettingsMenuItem } from '@/components/account/account-settings-menu-item';
import { ChangePasswordLink } from '@/components/password/change-password-link';

type Props = { appName: string; email: string; role: Role };

/** The portal's header: the user's e-mail address at the top right, with Manage 2FA, Security activity and Log out under it. */
export async function AppHeader({ appName, email, role }: Props) {
  const t = await getTranslator('layout');
  return (
    <header className="border-b border-slate-200 bg-white">
      <div className="mx-auto flex max-w-5xl items-center justify-between gap-4 px-4 py-3 sm:px-6">
        <Link href="/" className="text-base font-semibold tracking-tight text-brand-800">
          {appName}
        </Link>
        <nav aria-label={t('header.accountNav')} className="flex items-center gap-4">
          {role === 'HELPDESK' && (
            <Link href="/helpdesk" className="text-sm font-medium text-slate-700 hover:text-slate-900">
              {t('header.helpdesk')}
            </Link>
          )}
          {role === 'OFFICE_ADMIN' && (
            <Link href="/office" className="text-sm font-medium text-slate-700 hover:text-slate-900">
              {t('header.office')}
            </Link>
          )}
          <AccountMenu label={email}>
            <ul className="absolute right-0 z-10 mt-1 w-48 rounded-md bg-white py-1 shadow-lg ring-1 ring-slate-200">
              <li>
                <Link href="/settings/2fa" className="block px-4 py-2 text-sm text-slate-800 hover:bg-slate-100">
                  {t('manage2fa')}
                </Link>
              </li>
              <li>
                <Link href="/settings/security" className="block px-4 py-2 text-sm text-slate-800 hover:bg-slate-100">
                  {t('header.securityActivity')}
                </Link>
              </li>
              <AccountSettingsMenuItem />
              <ChangePasswordLink variant="menu" />
              <li>
                <form action={logOut}>
                  <button type="submit" className="block w-full px-4 py-2 text-left text-sm text-slate-800 hover:bg-slate-100">
                    {t('header.logOut')}
                  </button>
                </form>
              </li>
            </ul>
          </AccountMenu>
        </nav>
      </div>
    </header>
  );
}
