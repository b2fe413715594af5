import { requireActiveSession } from '@/lib/auth/guards';
import { productConfig } from '@/lib/env';
import { AppHeader } from '@/components/layout/app-header';

// Renders the header only; each page and action below still runs its own guard.
export default async function AppLayout({ children }: { children: React.ReactNode }) {
  const { user } = await requireActiveSession();
  return (
    <>
      <AppHeader appName={productConfig().APP_NAME} email={user.email} role={user.role} />
      <main className="mx-auto max-w-5xl px-4 py-8 sm:px-6">{children}</main>
    </>
  );
}
