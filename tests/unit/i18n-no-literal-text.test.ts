/**
 * Nothing a user reads is written in the code (issue #13): every page, component, server
 * action, lib message and e-mail template takes its words from messages/{nl,fr,en}.json.
 * What counts as "words a user reads" is in tests/helpers/user-visible-literals.ts.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { findUserVisibleLiterals, looksLikeProse } from '../helpers/user-visible-literals';

const ROOT = process.cwd();

/** Code no user reads: checking it would only add noise. */
const NOT_USER_FACING: Record<string, string> = {
  'lib/env.ts': 'configuration errors, for the operator in the server log at start-up',
  'lib/security-headers.ts': 'the Content-Security-Policy header',
  'lib/auth/password-workers.ts': 'the worker thread’s source code',
};

function sourceFiles(dir: string): string[] {
  return readdirSync(path.join(ROOT, dir), { withFileTypes: true }).flatMap((entry) => {
    const relative = path.posix.join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'generated' ? [] : sourceFiles(relative);
    return /\.tsx?$/.test(entry.name) && !entry.name.endsWith('.d.ts') ? [relative] : [];
  });
}

const files = ['app', 'components', 'lib'].flatMap(sourceFiles).filter((file) => !Object.hasOwn(NOT_USER_FACING, file));
const findings = new Map(files.map((file) => [file, findUserVisibleLiterals(file, readFileSync(path.join(ROOT, file), 'utf8'))]));

it('checks the pages, components, lib and the e-mail templates', () => {
  expect(files).toEqual(expect.arrayContaining(['app/layout.tsx', 'components/i18n/language-switcher.tsx', 'lib/notifications/templates.ts']));
});

describe.each(files)('%s', (file) => {
  it('shows no words written in the code: they come from the catalogues', () => {
    expect(findings.get(file)!.map((f) => `line ${f.line}, ${f.kind}: ${f.text}`)).toEqual([]);
  });
});

describe('the check itself', () => {
  const find = (source: string, file = 'x.tsx') => findUserVisibleLiterals(file, source).map((f) => `${f.kind} ${f.text}`);

  it('finds JSX text, rendered strings, text props and page titles', () => {
    expect(
      find(`
        export const metadata = { title: 'Log in' };
        export function A({ ok }: { ok: boolean }) {
          return (
            <div aria-label="Close">
              <h1>Log in</h1>
              {ok ? 'Saved' : \`Failed \${1}\`}
              <TextField label={'Password'} hint="Six digits" pendingLabel={ok && 'Saving…'} />
              <Notice title="Done">{t('x')}</Notice>
            </div>
          );
        }
      `),
    ).toEqual([
      'metadata Log in',
      'aria-label= Close',
      'JSX text Log in',
      'JSX child Saved',
      'JSX child Failed',
      'label= Password',
      'hint= Six digits',
      'pendingLabel= Saving…',
      'title= Done',
    ]);
  });

  it('finds prose in actions, message maps and templates', () => {
    expect(
      find(
        `
        const schema = z.string().min(1, 'Enter your password.');
        const labels = { done: 'Signed in', failed: 'wrong code for this account' };
        export const body = (n: number) => \`You have \${n} codes left.\`;
      `,
        'x.ts',
      ),
    ).toEqual(['string Enter your password.', 'string Signed in', 'string wrong code for this account', 'template You have  {}  codes left.']);
  });

  it('leaves keys, class names, enum values, imports, errors for developers and exempted names alone', () => {
    expect(
      find(`
        'use client';
        import { X } from 'Some/Module';
        const key = 'login.incorrect';
        const classes = 'relative flex items-center text-sm';
        if (role === 'Office admin') throw new Error('Something impossible happened here.');
        console.error('Worker stopped, hashing on the main thread');
        headers.set('Content-Type', 'text/csv');
        // i18n-exempt: product names
        const BROWSERS = ['Firefox', 'Microsoft Edge'];
        export function A() {
          return <p className="Mx-Auto Font-Semibold">{t('title')} · {name} {' '} 42 – {count}</p>;
        }
      `),
    ).toEqual([]);
  });

  it.each([
    ['Never', true],
    ['Log in', true],
    ['users are signed in.', true],
    ['at their next login', true],
    ['common.attemptsLeft', false],
    ['inline-flex items-center gap-2', false],
    ['HELPDESK', false],
    ['/settings/2fa?required=helpdesk', false],
    ['Content-Security-Policy', false],
  ])('looksLikeProse(%j) is %s', (text, expected) => {
    expect(looksLikeProse(text)).toBe(expected);
  });
});
