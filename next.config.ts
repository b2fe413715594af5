import type { NextConfig } from 'next';
import createNextIntlPlugin from 'next-intl/plugin';

// next-intl: its server APIs read the per-request locale, time zone and messages from i18n/request.ts.
const withNextIntl = createNextIntlPlugin('./i18n/request.ts');

const nextConfig: NextConfig = {
  poweredByHeader: false,
  // Standalone output (node .next/standalone/server.js) for the Docker image; `next start` otherwise.
  output: process.env.NEXT_OUTPUT === 'standalone' ? 'standalone' : undefined,
  // Native and server-only packages are loaded from node_modules at run time, not bundled.
  serverExternalPackages: ['better-sqlite3', '@prisma/adapter-better-sqlite3', 'pg', 'bcryptjs'],
};

export default withNextIntl(nextConfig);
