import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** @type {import('next').NextConfig} */
const nextConfig = {
  poweredByHeader: false,
  // The portal's repository around this folder has its own lockfile: this app is its own root.
  turbopack: { root: path.dirname(fileURLToPath(import.meta.url)) },
  serverExternalPackages: ['better-sqlite3', 'bcryptjs'],
};

export default nextConfig;
