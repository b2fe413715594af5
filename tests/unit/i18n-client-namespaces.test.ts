/**
 * Client components only get the catalogue areas the root layout sends them
 * (CLIENT_NAMESPACES in lib/i18n/messages.ts): a useTranslations() of another area would show
 * keys instead of words in the browser. This finds every useTranslations() in a 'use client'
 * file and checks its area is sent.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { CLIENT_NAMESPACES } from '@/lib/i18n/messages';

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

it.each(clientFiles)('%s reads only areas the browser receives', (file) => {
  const problems = translationNamespaces(file).flatMap((namespace) => {
    if (namespace === null) return ['useTranslations() needs a literal namespace: the browser does not receive whole catalogues'];
    const area = namespace.split('.')[0];
    return (CLIENT_NAMESPACES as readonly string[]).includes(area) ? [] : [`'${area}' is not in CLIENT_NAMESPACES (lib/i18n/messages.ts)`];
  });
  expect(problems).toEqual([]);
});
