import Link from 'next/link';
import { requireEnrolmentAccess } from '@/lib/auth/guards';
import { productConfig } from '@/lib/env';
import { formatDateTime } from '@/lib/format';
import { AppHeader } from '@/components/layout/app-header';

// Renders the header (and the office's 2FA reminder) only; each page and action below still runs its own guard.
export default async function AppLayout({ children }: { children: React.ReactNode }) {
  const { user } = await requireEnrolmentAccess();
  return (
    <>
      <AppHeader appName={productConfig().APP_NAME} email={user.email} role={user.role} />
      {user.twoFactorDeadline && !user.mustEnrolNow && (
        <div className="border-b border-amber-200 bg-amber-50" role="status" data-testid="two-factor-banner">
          <p className="mx-auto max-w-5xl px-4 py-2.5 text-sm text-amber-900 sm:px-6">
            Your office requires two-factor authentication. Enable it before {formatDateTime(user.twoFactorDeadline)}:{' '}
            <Link href="/settings/2fa" className="font-semibold underline">
              Manage 2FA
            </Link>
          </p>
        </div>
      )}
      <main className="mx-auto max-w-5xl px-4 py-8 sm:px-6">{children}</main>
    </>
  );
}
