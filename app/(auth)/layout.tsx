import { productConfig } from '@/lib/env';

export default function AuthLayout({ children }: { children: React.ReactNode }) {
  return (
    <main className="flex min-h-screen flex-col items-center justify-center px-4 py-12">
      <p className="mb-6 text-lg font-semibold tracking-tight text-brand-800">{productConfig().APP_NAME}</p>
      <div className="w-full max-w-md">{children}</div>
    </main>
  );
}
