/**
 * The documents name files, constants and tests; code moves and tests are renamed, and a
 * document that points at something gone misleads the next reader. This fails when README.md,
 * bench/README.md or a document under docs/ names:
 *   - a path in backticks (`lib/auth/limits.ts`, `tests/attack/s14-*.test.ts`, `tests/http/`)
 *     or a relative Markdown link that is not in the repository;
 *   - a constant or function in backticks (`CODE_FAILURE_LIMIT`, `createTotpSecret()`) that no
 *     source file mentions, or that a sentence places "in `file`" when that file does not define it
 *     (`CODE_LOCK_MS` (15 min) in `lib/auth/limits.ts`);
 *   - a test title in quotes, in a list item of the form `file` › describe › "title", that the
 *     file does not have (for `npm run test:attack` / `npm run test:multi`: any file of that suite).
 * A test title built with ${…} matches whatever the document writes there ("(N)", "(38 values)").
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';

const ROOT = process.cwd();
const THIS_FILE = 'tests/unit/docs-references.test.ts';

/** Made by npm install, the build, the dev server or a test run: named by the documents, never committed. */
const GENERATED = ['node_modules/', '.next/', 'lib/generated/', 'data/', '.env', '.pg-test/', 'test-results/', 'playwright-report/', 'next-env.d.ts'];

/** Names of other projects' code that a document names on purpose, with why. */
const NOT_OURS: Record<string, string> = {
  getServerSession: 'next-auth, in decision 0001 (why the portal does not use it)',
  createRedirectRenderResult: 'Next.js 16 internals (action-handler.js), in decision 0019 (why the code step left the server action)',
};

/** Folders never searched: dependencies, build output, and the migrations (SQL, named only by folder). */
const NOT_SEARCHED = new Set(['node_modules', '.git', '.next', 'generated', 'data', 'migrations', '.pg-test', 'test-results', 'playwright-report']);

function walk(dir: string): string[] {
  return readdirSync(path.join(ROOT, dir), { withFileTypes: true }).flatMap((entry) => {
    const relative = dir ? `${dir}/${entry.name}` : entry.name;
    if (entry.isDirectory()) return NOT_SEARCHED.has(entry.name) ? [] : walk(relative);
    return [relative];
  });
}

const FILES = walk('');
const DOCUMENTS = ['README.md', 'bench/README.md', ...FILES.filter((file) => file.startsWith('docs/') && file.endsWith('.md'))];
const TOP_LEVEL = new Set(readdirSync(ROOT));
const SOURCE_TEXT = FILES.filter((file) => /\.(ts|tsx|mjs|js|json|prisma|sh|css)$|^\.env\.example$|^Dockerfile$|^\.ci\/run$/.test(file) && file !== THIS_FILE)
  .filter((file) => (!file.startsWith('messages/') || file === 'messages/en.json') && !file.endsWith('package-lock.json') && !file.startsWith('bench/results'))
  .map((file) => readFileSync(path.join(ROOT, file), 'utf8'))
  .join('\n');

/** The text a reader sees, without fenced code blocks (shell sessions, not references). */
function prose(document: string): string {
  return readFileSync(path.join(ROOT, document), 'utf8').replace(/^```[\s\S]*?^```/gm, '');
}

/** `a/{b,c}.json` → a/b.json, a/c.json */
function expandBraces(pattern: string): string[] {
  const match = /\{([^{}]*)\}/.exec(pattern);
  if (!match) return [pattern];
  return match[1].split(',').flatMap((part) => expandBraces(pattern.slice(0, match.index) + part + pattern.slice(match.index + match[0].length)));
}

/** Whether the path (maybe with * or … standing for any characters) names something in the repository. */
function pathExists(name: string): boolean {
  const clean = name.replace(/^\.\//, '');
  if (GENERATED.some((prefix) => clean === prefix.replace(/\/$/, '') || clean.startsWith(prefix))) return true;
  if (!/[*…]/.test(clean)) return existsSync(path.join(ROOT, clean));
  const pattern = new RegExp(
    '^' +
      clean
        .replace(/\/$/, '')
        .split(/[*…]/)
        .map((part) => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&'))
        .join('[^/]*') +
      '(/|$)',
  );
  // Migration folders are not walked: look for them directly.
  const candidates = clean.includes('migrations/') ? migrationFolders() : FILES;
  return candidates.some((file) => pattern.test(file));
}

function migrationFolders(): string[] {
  return ['prisma/migrations', 'prisma/postgres/migrations'].flatMap((dir) => readdirSync(path.join(ROOT, dir)).map((name) => `${dir}/${name}`));
}

/** A backticked span that names a file or folder of this repository (not a URL, a package, a MIME type or a route). */
function asRepositoryPath(span: string): string | undefined {
  if (/\s|:\/\/|\$|</.test(span) || span.startsWith('/') || span.startsWith('@')) return undefined;
  const first = span.replace(/^\.\//, '').split('/')[0];
  if (span.includes('/')) return TOP_LEVEL.has(first) || GENERATED.some((prefix) => prefix.startsWith(first + '/')) ? span : undefined;
  // A bare file name counts when it is a file at the top of the repository or one that belongs there.
  return TOP_LEVEL.has(span) || GENERATED.includes(span) ? span : undefined;
}

/** A backticked span that names a constant (SCREAMING_CASE) or a function/field (camelCase), e.g. `LIMIT = 10`, `open()`. */
function asIdentifier(span: string): string | undefined {
  const match = /^([A-Za-z_][A-Za-z0-9_]*)(\(.*\))?( = .*)?$/.exec(span);
  if (!match) return undefined;
  const name = match[1];
  if (/^[A-Z][A-Z0-9]*(_[A-Z0-9]+)+$/.test(name) || /^[a-z]+[A-Z0-9]/.test(name)) return name;
  return undefined;
}

/** Whether `file` defines `name`: a declaration, or a key or method at the start of a line (`AUTH_SECRET: z…` in lib/env.ts). */
function definedIn(file: string, name: string): boolean {
  const source = readFileSync(path.join(ROOT, file), 'utf8');
  return new RegExp(
    `\\b(const|let|var|function\\*?|class|type|interface|enum|model)\\s+${name}\\b|^\\s*(export\\s+)?(async\\s+)?${name}\\??\\s*[:(=<]`,
    'm',
  ).test(source);
}

/**
 * The places a document gives for names: for each "in `file`", the names in backticks since the
 * previous "in `…`", ";", sentence end or unclosed "(", in the same paragraph or list item.
 */
function placedNames(text: string): Array<{ name: string; file: string }> {
  const placed: Array<{ name: string; file: string }> = [];
  for (const block of text.split(/\n\s*\n|\n(?=\s*- )/).map((lines) => lines.replace(/\s*\n\s*/g, ' '))) {
    let start = 0;
    for (const match of block.matchAll(/\bin `([^`]+)`/g)) {
      const file = asRepositoryPath(match[1]);
      const clause = block.slice(start, match.index);
      start = match.index + match[0].length;
      if (!file || !existsSync(path.join(ROOT, file)) || !statSync(path.join(ROOT, file)).isFile()) continue;
      // Inside parentheses the place is for what they hold: "derived from `AUTH_SECRET` (HKDF, `keyedHash` in `…`)".
      const prose = clause.replace(/`[^`]*`/g, (code) => '`'.padEnd(code.length - 1, 'x') + '`');
      const open = prose.lastIndexOf('(') > prose.lastIndexOf(')') ? prose.lastIndexOf('(') : -1;
      const since = clause.slice(Math.max(prose.lastIndexOf(';'), prose.lastIndexOf('. '), open) + 1);
      for (const span of since.matchAll(/`([^`]+)`/g)) {
        const name = asIdentifier(span[1]);
        if (name) placed.push({ name, file });
      }
    }
  }
  return placed;
}

const mentioned = (name: string) => new RegExp(`(^|[^A-Za-z0-9_$])${name}([^A-Za-z0-9_$]|$)`).test(SOURCE_TEXT);

/** List items joined onto one line each. */
function listItems(text: string): string[] {
  const items: string[] = [];
  for (const line of text.split('\n')) {
    if (/^\s*- /.test(line)) items.push(line.trim().slice(2));
    else if (items.length > 0 && /^\s{2,}\S/.test(line)) items[items.length - 1] += ' ' + line.trim();
    else if (line.trim() === '' || !/^\s/.test(line)) items.push('');
  }
  return items.filter(Boolean);
}

/** Where the titles of a list item start: after the first backticked span followed by › (`file` › …). */
function afterTarget(item: string): { target: string; rest: string } | undefined {
  const match = /`([^`]+)` › /.exec(item);
  return match ? { target: match[1], rest: item.slice(match.index + match[0].length) } : undefined;
}

/**
 * The quoted titles of a list item, and the describe blocks named before a › ("block › "title"").
 * A title may hold quotes of its own ("… a "try again" page …", "… "could not be read" (%s)"): a
 * quote ends the title where the end, punctuation, " (", " ›", " and " or " or " follows it; of
 * several such quotes, the first that makes a title `isTitle` accepts, else the first.
 */
function namedTests(rest: string, isTitle: (title: string) => boolean = () => false): { titles: string[]; blocks: string[] } {
  const titles: string[] = [];
  let unquoted = '';
  let at = 0;
  for (;;) {
    const open = rest.indexOf('"', at);
    const closings: number[] = [];
    for (let close = rest.indexOf('"', open + 1); open >= 0 && close >= 0; close = rest.indexOf('"', close + 1)) {
      if (/^($|[;,.:]|\)([;,.\s]|$)|\s(\(|›|and\s|or\s|$))/.test(rest.slice(close + 1))) closings.push(close);
    }
    if (closings.length === 0) {
      unquoted += rest.slice(at);
      break;
    }
    const close = closings.find((candidate) => isTitle(rest.slice(open + 1, candidate))) ?? closings[0];
    titles.push(rest.slice(open + 1, close));
    unquoted += rest.slice(at, open) + '\uE000';
    at = close + 1;
  }
  // Every piece before a › ends with a describe block's name (after the titles and ; before it);
  // so does the last piece when it names no title (`file` › block).
  const pieces = unquoted.split(' › ');
  const last = pieces.pop()!;
  const blocks = pieces.map((piece) =>
    piece
      .split(/[;\uE000]/)
      .pop()!
      .trim(),
  );
  if (!/[\uE000"]/.test(last) && last.trim()) blocks.push(last.trim());
  return { titles, blocks: blocks.filter(Boolean) };
}

/** Skips a string literal or template starting at `at`; returns the index after it. */
function skipLiteral(source: string, at: number): number {
  const quote = source[at];
  let i = at + 1;
  while (i < source.length && source[i] !== quote) {
    if (source[i] === '\\') i += 1;
    else if (quote === '`' && source.startsWith('${', i)) i = skipBalanced(source, i + 1) - 1;
    i += 1;
  }
  return i + 1;
}

/** Skips a bracketed expression (( [ {) starting at `at`, strings included; returns the index after it. */
function skipBalanced(source: string, at: number): number {
  let depth = 0;
  let i = at;
  while (i < source.length) {
    const c = source[i];
    if (c === "'" || c === '"' || c === '`') {
      i = skipLiteral(source, i);
      continue;
    }
    if ('([{'.includes(c)) depth += 1;
    if (')]}'.includes(c)) depth -= 1;
    i += 1;
    if (depth === 0) return i;
  }
  return i;
}

/** The titles of it/test/describe calls (it.each tables skipped); ${…} in a template becomes a wildcard. */
function testTitles(source: string): RegExp[] {
  const titles: RegExp[] = [];
  const call = /\b(?:it|test|describe)((?:\.\w+)*)\s*\(/g;
  for (let match = call.exec(source); match; match = call.exec(source)) {
    let at = match.index + match[0].length;
    if (match[1].includes('.each')) {
      at = skipBalanced(source, at - 1);
      if (source[at] !== '(') continue;
      at += 1;
    }
    while (/\s/.test(source[at])) at += 1;
    const quote = source[at];
    if (quote !== "'" && quote !== '"' && quote !== '`') continue;
    const literal = source.slice(at + 1, skipLiteral(source, at) - 1);
    const parts = (quote === '`' ? literal.split(/\$\{(?:[^{}]|\{[^{}]*\})*\}/) : [literal]).map((part) =>
      part.replace(/\\(.)/g, '$1').replace(/[.*+?^${}()|[\]\\]/g, '\\$&'),
    );
    titles.push(new RegExp(`^${parts.join('.+?')}$`));
  }
  return titles;
}

const SUITES: Record<string, string> = { 'npm run test:attack': 'tests/attack/', 'npm run test:multi': 'tests/multi/' };

/** The test files a list item's titles must be in: a test file or a suite's command. */
function testFiles(target: string): string[] | undefined {
  if (SUITES[target]) return FILES.filter((file) => file.startsWith(SUITES[target]) && file.endsWith('.test.ts'));
  if (/\.(test|spec)\.tsx?$/.test(target) && existsSync(path.join(ROOT, target))) return [target];
  return undefined;
}

describe.each(DOCUMENTS)('%s', (document) => {
  const text = prose(document);
  const spans = [...text.replace(/\n\s*/g, ' ').matchAll(/`([^`]+)`/g)].map((match) => match[1]);

  it('names only paths that exist', () => {
    const named = [...new Set(spans.map(asRepositoryPath).filter((span): span is string => span !== undefined))];
    expect(named.flatMap(expandBraces).filter((name) => !pathExists(name))).toEqual([]);
  });

  it('links only to files that exist', () => {
    const links = [...text.matchAll(/\]\(([^)\s]+)\)/g)].map((match) => match[1]).filter((link) => !/^[a-z]+:|^#/.test(link));
    const missing = links.filter((link) => !existsSync(path.join(ROOT, path.dirname(document), link.replace(/#.*$/, ''))));
    expect(missing).toEqual([]);
  });

  it('names only constants and functions that the code has', () => {
    const names = [...new Set(spans.map(asIdentifier).filter((name): name is string => name !== undefined))];
    expect(names.filter((name) => !mentioned(name) && !Object.hasOwn(NOT_OURS, name))).toEqual([]);
  });

  it('places each constant and function in the file that defines it', () => {
    expect(
      placedNames(text)
        .filter(({ name, file }) => !definedIn(file, name))
        .map(({ name, file }) => `${name} in ${file}`),
    ).toEqual([]);
  });

  it('names only tests that exist, in the file or suite it says', () => {
    const missing: string[] = [];
    for (const item of listItems(text)) {
      const named = afterTarget(item);
      if (!named) continue;
      const files = testFiles(named.target);
      if (!files) {
        missing.push(`\`${named.target}\` is neither a test file nor a suite`);
        continue;
      }
      const titles = files.flatMap((file) => testTitles(readFileSync(path.join(ROOT, file), 'utf8')));
      const isTitle = (title: string) => titles.some((pattern) => pattern.test(title));
      const { titles: tests, blocks } = namedTests(named.rest, isTitle);
      for (const title of tests) if (!isTitle(title)) missing.push(`${named.target} › "${title}"`);
      for (const block of blocks) if (!isTitle(block)) missing.push(`${named.target} › ${block} › (describe)`);
    }
    expect(missing).toEqual([]);
  });
});

describe('the check itself', () => {
  it('reads every document it is meant to', () => {
    expect(DOCUMENTS).toEqual(expect.arrayContaining(['README.md', 'bench/README.md', 'docs/security-requirements.md', 'docs/decisions/README.md']));
  });

  it('finds files, globs and brace lists, and misses what is not there', () => {
    expect(pathExists('lib/auth/limits.ts')).toBe(true);
    expect(pathExists('tests/attack/s14-*.test.ts')).toBe(true);
    expect(pathExists('prisma/migrations/…_init')).toBe(true);
    expect(expandBraces('messages/{nl,fr,en}.json').every(pathExists)).toBe(true);
    expect(pathExists('lib/auth/verify-login-code.ts')).toBe(false);
    expect(pathExists('tests/attack/s99-*.test.ts')).toBe(false);
  });

  it('tells paths and names from other backticked text', () => {
    expect(['lib/db/', 'text/plain', '@prisma/adapter-pg', '/login', 'npm test', 'proxy.ts', 'setup-2fa.ts'].map(asRepositoryPath)).toEqual([
      'lib/db/',
      undefined,
      undefined,
      undefined,
      undefined,
      'proxy.ts',
      undefined,
    ]);
    expect(['CODE_LOCK_MS', 'PASSWORD_FAILURE_LIMIT = 10', 'createTotpSecret()', 'HELPDESK', 'Secure', 'a b'].map(asIdentifier)).toEqual([
      'CODE_LOCK_MS',
      'PASSWORD_FAILURE_LIMIT',
      'createTotpSecret',
      undefined,
      undefined,
      undefined,
    ]);
    expect(mentioned('CODE_FAILURE_LIMIT')).toBe(true);
    expect(
      placedNames(
        'The limit: `CODE_FAILURE_LIMIT = 10` and\n`CODE_LOCK_MS` (15 min) in `lib/auth/limits.ts`; the claim: `claimTotpStep` in `lib/two-factor/code-attempts.ts`.',
      ),
    ).toEqual([
      { name: 'CODE_FAILURE_LIMIT', file: 'lib/auth/limits.ts' },
      { name: 'CODE_LOCK_MS', file: 'lib/auth/limits.ts' },
      { name: 'claimTotpStep', file: 'lib/two-factor/code-attempts.ts' },
    ]);
    expect(placedNames('derived from `AUTH_SECRET` (HKDF, `keyedHash()` in `lib/crypto/server-keys.ts`)')).toEqual([
      { name: 'keyedHash', file: 'lib/crypto/server-keys.ts' },
    ]);
    expect([definedIn('lib/auth/limits.ts', 'CODE_LOCK_MS'), definedIn('lib/two-factor/code-attempts.ts', 'CODE_LOCK_MS')]).toEqual([true, false]);
    expect(definedIn('lib/env.ts', 'OUTBOX_POLL_SECONDS')).toBe(true);
    expect(mentioned('TOTP_DIGITS')).toBe(false);
  });

  it('reads titles with quotes of their own, and tables, templates and escapes in the source', () => {
    const item = 'see `a.test.ts` › block › "one "quoted" word"; "two" (note); other › inner › "three" and "four"';
    expect(namedTests(afterTarget(item)!.rest)).toEqual({ titles: ['one "quoted" word', 'two', 'three', 'four'], blocks: ['block', 'other', 'inner'] });
    expect(namedTests(afterTarget('`b.test.ts` › parseRecoveryCode (S14)')!.rest)).toEqual({ titles: [], blocks: ['parseRecoveryCode (S14)'] });
    const nested = '`c.test.ts` › "gets 400 and "could not be read" (%s)"; "next"';
    expect(namedTests(afterTarget(nested)!.rest, (title) => title === 'gets 400 and "could not be read" (%s)').titles).toEqual([
      'gets 400 and "could not be read" (%s)',
      'next',
    ]);
    const titles = testTitles(
      "it.each([['a', (x) => f(x)]])('accepts %s', () => {}); test(`table (${rows.length}) rows`, () => {}); it('the user\\'s', () => {});",
    );
    expect(['accepts %s', 'table (N) rows', "the user's"].map((title) => titles.some((pattern) => pattern.test(title)))).toEqual([true, true, true]);
    expect(titles.some((pattern) => pattern.test('accepts'))).toBe(false);
  });
});
