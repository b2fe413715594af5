import Link from 'next/link';
import { requireActiveSession } from '@/lib/auth/guards';
import { Card } from '@/components/ui/card';

export default async function HomePage() {
  const { user } = await requireActiveSession();
  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-semibold tracking-tight">Welcome, {user.name}</h1>
        {user.officeName && <p className="mt-1 text-slate-600">{user.officeName}</p>}
      </div>
      <Card>
        <h2 className="text-lg font-semibold">Two-factor authentication</h2>
        <p className="mt-1 text-sm text-slate-600">
          {user.twoFactorEnabledAt
            ? 'Two-factor authentication is enabled for your account.'
            : 'Two-factor authentication is not enabled for your account. It is highly recommended, to protect your data and that of your clients even better.'}
        </p>
        <Link href="/settings/2fa" className="mt-4 inline-block text-sm font-semibold text-brand-700 underline">
          Manage 2FA
        </Link>
      </Card>
    </div>
  );
}
