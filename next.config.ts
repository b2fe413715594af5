import type { NextConfig } from 'next';

const nextConfig: NextConfig = {
  poweredByHeader: false,
  // Standalone output for the Docker image and plain Node hosts.
  output: 'standalone',
  // Native and server-only packages are loaded from node_modules at run time, not bundled.
  serverExternalPackages: ['better-sqlite3', '@prisma/adapter-better-sqlite3', 'pg', 'bcryptjs'],
};

export default nextConfig;
