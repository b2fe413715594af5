/**
 * Finds words a user would read that are written in the code instead of coming from a
 * catalogue (messages/*.json), with the TypeScript compiler's parser (no type checking, so
 * it is fast and needs no build). What it reports, in files given to it:
 *  - JSX text with a letter in it ("<h1>Log in</h1>");
 *  - a string or template literal with a letter that a JSX child or a text prop renders
 *    ({ok ? 'Saved' : 'Failed'}, aria-label="Close", <TextField label="Password" />);
 *  - the title or description of a page's metadata;
 *  - elsewhere (server actions, message maps, e-mail templates): a string that reads like
 *    prose: it starts with a capitalised word, or has three words in a row, or two and ends
 *    like a sentence. Message keys ('login.incorrect'), class names, enum values and URLs do not.
 * Not reported: import paths, directives, property names, type positions, className values,
 * and the arguments of new Error() and console.*() (for developers, never shown to users).
 */
import ts from 'typescript';

/** Props of HTML elements and of our own components (components/ui, components/*) whose value is shown or read aloud. */
export const TEXT_PROPS = new Set([
  'aria-label',
  'aria-description',
  'aria-roledescription',
  'aria-valuetext',
  'aria-placeholder',
  'title',
  'placeholder',
  'alt',
  'label',
  'hint',
  'pendingLabel',
  'caption',
  'errors',
  'confirmText',
  'description',
  'summary',
]);

export type Finding = { file: string; line: number; kind: string; text: string };

const HAS_LETTER = /\p{L}/u;
const WORD = /^\p{L}+[.,;:!?…)]*$/u;

/** Reads like words for people rather than a key, a class list, an enum value or a path. */
export function looksLikeProse(text: string): boolean {
  const trimmed = text.trim();
  if (!HAS_LETTER.test(trimmed)) return false;
  if (/^[A-Z][a-z]+(-[A-Z][a-z]+)+$/.test(trimmed)) return false; // an HTTP header name: Content-Type
  if (/^\p{Lu}\p{Ll}/u.test(trimmed)) return true;
  const tokens = trimmed.split(/\s+/);
  let run = 0;
  for (const token of tokens) {
    run = WORD.test(token) ? run + 1 : 0;
    if (run >= 3) return true;
  }
  let pairs = 0;
  for (let i = 1; i < tokens.length; i++) if (WORD.test(tokens[i - 1]) && WORD.test(tokens[i])) pairs++;
  return pairs > 0 && /[.!?:]$/.test(trimmed);
}

const hasLetters = (text: string) => HAS_LETTER.test(text.replace(/%s/g, ''));

/** Inside a JSX child or prop: those rules already judged it (one finding per string). */
function isInsideJsx(node: ts.Node): boolean {
  for (let current = node.parent; current && !ts.isSourceFile(current); current = current.parent) {
    if (ts.isJsxExpression(current) || ts.isJsxAttribute(current)) return true;
  }
  return false;
}

/** A comment "i18n-exempt: <why>" before a statement, property or element exempts the strings in it (proper names, say). */
export function hasExemptComment(node: ts.Node): boolean {
  const text = node.getSourceFile().text;
  for (let current: ts.Node | undefined = node; current && !ts.isSourceFile(current); current = current.parent) {
    const comments = ts.getLeadingCommentRanges(text, current.getFullStart()) ?? [];
    if (comments.some((c) => /i18n-exempt:\s*\S/.test(text.slice(c.pos, c.end)))) return true;
  }
  return false;
}

function isExempt(node: ts.Node): boolean {
  if (hasExemptComment(node)) return true;
  for (let current: ts.Node | undefined = node.parent, child: ts.Node = node; current; child = current, current = current.parent) {
    if (ts.isImportDeclaration(current) || ts.isExportDeclaration(current) || ts.isExternalModuleReference(current)) return true;
    if (ts.isImportTypeNode(current) || ts.isLiteralTypeNode(current) || ts.isTypeNode(current)) return true;
    if (ts.isJsxAttribute(current) && current.name.getText() === 'className') return true;
    if ((ts.isPropertyAssignment(current) || ts.isPropertyDeclaration(current) || ts.isMethodDeclaration(current)) && current.name === child) return true;
    if (ts.isElementAccessExpression(current) && current.argumentExpression === child) return true;
    if (ts.isNewExpression(current) && /Error$/.test(current.expression.getText())) return true;
    if (ts.isCallExpression(current) && /^console\.|^jest\.|^require$/.test(current.expression.getText())) return true;
    if (ts.isExpressionStatement(current) && ts.isStringLiteral(current.expression) && current.expression === child) return true; // 'use client'
    if (ts.isCaseClause(current) && current.expression === child) return true;
    if (ts.isBinaryExpression(current) && /^(===|!==|==|!=)$/.test(current.operatorToken.getText())) return true;
  }
  return false;
}

/** The literal texts an expression can render as a JSX child or prop (not what a function it calls returns). */
function renderedLiterals(expression: ts.Expression): Array<{ node: ts.Node; text: string }> {
  if (ts.isStringLiteral(expression) || ts.isNoSubstitutionTemplateLiteral(expression)) return [{ node: expression, text: expression.text }];
  if (ts.isTemplateExpression(expression)) {
    return [
      { node: expression.head, text: expression.head.text },
      ...expression.templateSpans.flatMap((span) => [...renderedLiterals(span.expression), { node: span.literal, text: span.literal.text }]),
    ];
  }
  if (ts.isParenthesizedExpression(expression) || ts.isAsExpression(expression) || ts.isNonNullExpression(expression))
    return renderedLiterals(expression.expression);
  if (ts.isConditionalExpression(expression)) return [...renderedLiterals(expression.whenTrue), ...renderedLiterals(expression.whenFalse)];
  if (ts.isBinaryExpression(expression)) {
    const op = expression.operatorToken.kind;
    if (op === ts.SyntaxKind.AmpersandAmpersandToken) return renderedLiterals(expression.right);
    if (op === ts.SyntaxKind.BarBarToken || op === ts.SyntaxKind.QuestionQuestionToken || op === ts.SyntaxKind.PlusToken) {
      return [...renderedLiterals(expression.left), ...renderedLiterals(expression.right)];
    }
  }
  if (ts.isArrayLiteralExpression(expression)) return expression.elements.flatMap((e) => (ts.isExpression(e) ? renderedLiterals(e) : []));
  return [];
}

function isMetadataObject(node: ts.ObjectLiteralExpression): boolean {
  for (let current: ts.Node | undefined = node.parent; current && !ts.isSourceFile(current); current = current.parent) {
    if (ts.isVariableDeclaration(current) && current.name.getText() === 'metadata') return true;
    if (ts.isFunctionDeclaration(current) && current.name?.getText() === 'generateMetadata') return true;
  }
  return false;
}

export function findUserVisibleLiterals(file: string, source: string): Finding[] {
  const sf = ts.createSourceFile(file, source, ts.ScriptTarget.Latest, true, file.endsWith('x') ? ts.ScriptKind.TSX : ts.ScriptKind.TS);
  const findings: Finding[] = [];
  const reported = new Set<ts.Node>();
  const report = (node: ts.Node, kind: string, text: string) => {
    if (reported.has(node) || hasExemptComment(node)) return;
    reported.add(node);
    findings.push({ file, line: sf.getLineAndCharacterOfPosition(node.getStart(sf)).line + 1, kind, text: text.trim().slice(0, 80) });
  };

  const visit = (node: ts.Node) => {
    if (ts.isJsxText(node) && hasLetters(node.text)) report(node, 'JSX text', node.text);
    if (ts.isJsxExpression(node) && node.expression && (ts.isJsxElement(node.parent) || ts.isJsxFragment(node.parent))) {
      for (const literal of renderedLiterals(node.expression)) if (hasLetters(literal.text)) report(literal.node, 'JSX child', literal.text);
    }
    if (ts.isJsxAttribute(node) && TEXT_PROPS.has(node.name.getText()) && node.initializer) {
      const literals = ts.isStringLiteral(node.initializer)
        ? [{ node: node.initializer, text: node.initializer.text }]
        : ts.isJsxExpression(node.initializer) && node.initializer.expression
          ? renderedLiterals(node.initializer.expression)
          : [];
      for (const literal of literals) if (hasLetters(literal.text)) report(literal.node, `${node.name.getText()}=`, literal.text);
    }
    if (ts.isObjectLiteralExpression(node) && isMetadataObject(node)) {
      for (const property of node.properties) {
        if (ts.isPropertyAssignment(property) && /^(title|description|default|template|absolute)$/.test(property.name.getText())) {
          for (const literal of renderedLiterals(property.initializer)) if (hasLetters(literal.text)) report(literal.node, 'metadata', literal.text);
        }
      }
    }
    if ((ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) && looksLikeProse(node.text) && !isInsideJsx(node) && !isExempt(node)) {
      report(node, 'string', node.text);
    }
    if (ts.isTemplateExpression(node) && !isInsideJsx(node) && !isExempt(node)) {
      const text = [node.head.text, ...node.templateSpans.map((span) => span.literal.text)].join(' {} ');
      if (looksLikeProse(text)) report(node, 'template', text);
    }
    ts.forEachChild(node, visit);
  };
  visit(sf);
  return findings;
}
