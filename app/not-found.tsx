import Link from 'next/link';
import { Card } from '@/components/ui/card';

export default function NotFound() {
  return (
    <main className="mx-auto max-w-md px-4 py-16">
      <Card>
        <h1 className="text-xl font-semibold">Page not found</h1>
        <p className="mt-2 text-slate-700">This page does not exist, or you do not have access to it.</p>
        <Link href="/" className="mt-6 inline-block font-semibold text-brand-700 underline">
          Go to the start page
        </Link>
      </Card>
    </main>
  );
}
