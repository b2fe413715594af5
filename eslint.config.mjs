// ESLint flat config: Next.js's own rule set (core web vitals, React, the React hooks rules
// including eslint-plugin-react-hooks 7's React Compiler rules, jsx-a11y, import) and
// typescript-eslint's recommended rules. Formatting is Prettier's job (`npm run format`); none of
// these sets has formatting rules, so nothing needs switching off for it.
import { defineConfig, globalIgnores } from 'eslint/config';
import nextVitals from 'eslint-config-next/core-web-vitals';
import nextTs from 'eslint-config-next/typescript';

const reactHooksRules = Object.keys(nextVitals.find((config) => config.name === 'next').rules).filter((rule) => rule.startsWith('react-hooks/'));

export default defineConfig([
  ...nextVitals,
  ...nextTs,
  {
    rules: {
      // `const { cursor: _cursor, ...rest } = values` drops a key on purpose: a rest sibling or a
      // leading underscore marks a binding that is meant to be unused.
      '@typescript-eslint/no-unused-vars': [
        'warn',
        {
          argsIgnorePattern: '^_',
          varsIgnorePattern: '^_',
          caughtErrorsIgnorePattern: '^_',
          destructuredArrayIgnorePattern: '^_',
          ignoreRestSiblings: true,
        },
      ],
    },
  },
  {
    // No React runs here (tests, scripts, benchmarks, seed): the hooks rules would read a helper
    // named after a user's action (`useRecoveryCode`) or Playwright's fixture callback `use()` as
    // a React hook.
    files: ['tests/**', 'scripts/**', 'bench/**', 'prisma/**'],
    rules: Object.fromEntries(reactHooksRules.map((rule) => [rule, 'off'])),
  },
  {
    // The rule keeps React components named for DevTools and Fast Refresh; a tool's config file
    // exports a plain object that nothing displays.
    files: ['*.config.{js,mjs,cjs,ts}'],
    rules: { 'import/no-anonymous-default-export': 'off' },
  },
  globalIgnores([
    '.next/**',
    'next-env.d.ts',
    'lib/generated/**',
    'data/**',
    'test-results/**',
    'playwright-report/**',
    'coverage/**',
    '.pg-test/**',
    'bench/peers/*/.next/**',
    'bench/peers/*/data/**',
  ]),
]);
