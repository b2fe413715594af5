import type { NextConfig } from 'next';
import createNextIntlPlugin from 'next-intl/plugin';
import { MAX_FORM_BODY_BYTES } from './lib/forms/request-refusals';

/**
 * next-intl: its server APIs read the per-request locale, time zone and messages from
 * i18n/request.ts. The catalogues are compiled at build time, so the browser gets no ICU
 * parser: 8.7 kB less gzipped JavaScript on every page (docs/decisions/0012-languages.md);
 * tests/unit/i18n-precompiled.test.ts checks every message reads the same either way.
 */
const withNextIntl = createNextIntlPlugin({
  requestConfig: './i18n/request.ts',
  experimental: { messages: { path: './messages', format: 'json', locales: 'infer', precompile: true } },
});

const nextConfig: NextConfig = {
  poweredByHeader: false,
  // Standalone output (node .next/standalone/server.js) for the Docker image; `next start` otherwise.
  output: process.env.NEXT_OUTPUT === 'standalone' ? 'standalone' : undefined,
  // Native and server-only packages are loaded from node_modules at run time, not bundled. The
  // password workers require bcryptjs and zxcvbn by name (lib/auth/password-workers.ts): listed here,
  // they are also copied into the standalone output's node_modules.
  serverExternalPackages: [
    'better-sqlite3',
    '@prisma/adapter-better-sqlite3',
    'pg',
    'bcryptjs',
    '@zxcvbn-ts/core',
    '@zxcvbn-ts/language-common',
    '@zxcvbn-ts/language-en',
    '@zxcvbn-ts/language-nl-be',
    '@zxcvbn-ts/language-fr',
  ],
  // proxy.ts answers 413 to a larger body first; this is the framework's own check (default 1 MB)
  // at the same size, for a body that reaches an action some other way. (proxy.ts also mirrors
  // the Origin check: `allowedOrigins` here would need to go to lib/forms/unacceptable-request.ts.)
  experimental: { serverActions: { bodySizeLimit: MAX_FORM_BODY_BYTES } },
};

export default withNextIntl(nextConfig);
