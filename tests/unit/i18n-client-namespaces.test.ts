/**
 * Client components only get the messages their part of the portal sends them (CLIENT_MESSAGES
 * in lib/i18n/messages.ts): a useTranslations() of another namespace would show keys instead
 * of words in the browser. This finds every useTranslations() in a 'use client' file and
 * checks that the part the file is rendered in sends that namespace (or an area holding it).
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { CLIENT_MESSAGES, type ClientPart } from '@/lib/i18n/messages';

const ROOT = process.cwd();

function sourceFiles(dir: string): string[] {
  return readdirSync(path.join(ROOT, dir), { withFileTypes: true }).flatMap((entry) => {
    const relative = path.posix.join(dir, entry.name);
    return entry.isDirectory() ? sourceFiles(relative) : /\.tsx?$/.test(entry.name) ? [relative] : [];
  });
}

const clientFiles = ['app', 'components'].flatMap(sourceFiles).filter((file) => /^\s*['"]use client['"]/.test(readFileSync(path.join(ROOT, file), 'utf8')));

/** The namespace argument of each useTranslations() call: a string, or null when there is none or it is not a literal. */
function translationNamespaces(file: string): Array<string | null> {
  const sf = ts.createSourceFile(file, readFileSync(path.join(ROOT, file), 'utf8'), ts.ScriptTarget.Latest, true, ts.ScriptKind.TSX);
  const found: Array<string | null> = [];
  const visit = (node: ts.Node) => {
    if (ts.isCallExpression(node) && node.expression.getText(sf) === 'useTranslations') {
      const [arg] = node.arguments;
      found.push(arg && ts.isStringLiteralLike(arg) ? arg.text : null);
    }
    ts.forEachChild(node, visit);
  };
  visit(sf);
  return found;
}

it('finds the client components that translate', () => {
  expect(clientFiles).toEqual(expect.arrayContaining(['app/error.tsx', 'components/i18n/language-switcher.tsx']));
});

/** Where a client component is rendered: the login and verify forms under (auth), the error boundary and switcher everywhere, the rest in the portal. */
function partsOf(file: string): ClientPart[] {
  if (file === 'app/error.tsx' || file.startsWith('components/i18n/')) return ['root', 'auth', 'app'];
  if (file.startsWith('components/auth/') || /components\/password\/(forgot|reset)-password-form/.test(file)) return ['auth'];
  // The new-password fields serve the reset (signed out) and the change (signed in).
  if (file === 'components/password/new-password-fields.tsx') return ['auth', 'app'];
  return ['app'];
}

const sends = (part: ClientPart, namespace: string) =>
  (CLIENT_MESSAGES[part] as readonly string[]).some((sent) => namespace === sent || namespace.startsWith(`${sent}.`));

it.each(clientFiles)('%s reads only messages its part of the portal sends', (file) => {
  // The root part's messages are on every page: each other part must send them too (providers replace, not merge).
  const parts = partsOf(file);
  const problems = translationNamespaces(file).flatMap((namespace) => {
    if (namespace === null) return ['useTranslations() needs a literal namespace: the browser does not receive whole catalogues'];
    return parts.filter((p) => !sends(p, namespace)).map((p) => `'${namespace}' is not sent by CLIENT_MESSAGES.${p} (lib/i18n/messages.ts)`);
  });
  expect(problems).toEqual([]);
});
