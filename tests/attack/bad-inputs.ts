import { formHtml, pageText, type FieldValue, type NoJsBrowser } from '../http/http-client';
import { outcome } from '../http/flows';

/**
 * S14's table of bad input, as a value of one form field: `null` leaves the field out, an array
 * sends it more than once (a forged form). The attack suite puts each value into each field of
 * every form and query string the portal has, the other fields valid.
 */
export const BAD_VALUES: Record<string, string | string[] | null> = {
  empty: '',
  'spaces only': '      ',
  letters: 'abcdef',
  'five digits': '12345',
  'seven digits': '1234567',
  'arabic-indic digits': '١٢٣٤٥٦',
  'fullwidth digits': '１２３４５６',
  'devanagari digits': '१२३४५६',
  '10 kB of digits': '1'.repeat(10_240),
  '10 kB of letters': 'x'.repeat(10_240),
  '100 kB': 'y'.repeat(100_000),
  'plus sign': '+12345',
  negative: '-12345',
  decimal: '123.45',
  hex: '0x1234',
  exponent: '1e5000',
  NaN: 'NaN',
  Infinity: 'Infinity',
  '"null"': 'null',
  '"undefined"': 'undefined',
  'JSON object': '{"$gt":""}',
  'JSON array': '[1,2,3]',
  'SQL injection': "' OR 1=1--",
  'HTML/script': '<script>alert(1)</script>',
  'NUL byte': '123\u0000456',
  'control characters': '\u0001\u0002\u0003\u007f',
  'CRLF header injection': 'a\r\nSet-Cookie: x=1',
  'right-to-left override': '\u202e123456',
  'zero-width space': '123\u200b456',
  emoji: '12345🙂',
  'lone surrogate': 'ab\ud800cd',
  'tab inside': '123\t45',
  'path traversal': '../../etc/passwd',
  'percent-encoded': '%00%0d%0a',
  'format string': '%s%s%s%n',
  'prototype key': '__proto__',
  'field twice': ['abc', 'def'],
  'field missing': null,
};

/** A text field sent as a file part of the multipart body, as any client can. */
export const FILE_PART = () => new File(['123456'], 'field.txt', { type: 'text/plain' });

/** What a user must never be shown: the error page, a validator's own words, Next's body-limit text. */
export const RAW_ERROR =
  /Something went wrong|Invalid input|expected (string|number|array)|received (File|Blob|object|null|undefined)|Internal Server Error|Body exceeded/;

/** The server's insides in an answer: a stack frame, this checkout's path, a path into node_modules or the build. */
export function leaksInternals(body: string): string | null {
  const found =
    body.match(/\bat (?:async )?(?:[\w$.<>[\] ]+ \()?(?:\/|file:\/\/|node:)[^\s)]*:\d+:\d+/) ??
    body.match(new RegExp(process.cwd().replace(/[.*+?^${}()|[\]\\/]/g, '\\$&'))) ??
    body.match(/node_modules|\/\.next\/(?:server|static\/chunks\/[^"]*\.map)/);
  return found ? found[0] : null;
}

/**
 * Each value of `values` (the table above unless told) in each of `fields` (the rest of `valid`
 * kept), posted as the form on `path`. Every answer must be the form again (200) with one of
 * `messages`: never the error page, never a validator's raw text. Returns how many posts were
 * made and the ones answered otherwise; what must not change is checked by each caller.
 */
export async function sweep(
  browser: NoJsBrowser,
  path: string,
  which: string | RegExp,
  valid: Record<string, FieldValue | FieldValue[]>,
  fields: string[],
  messages: string[],
  values: Record<string, FieldValue | FieldValue[] | null> = BAD_VALUES,
): Promise<{ cases: number; bad: string[] }> {
  const page = await browser.get(path);
  if (page.status !== 200) throw new Error(`GET ${path}: ${page.status} ${page.location ?? ''}`);
  const bad: string[] = [];
  let cases = 0;
  for (const field of fields) {
    for (const [label, value] of Object.entries(values)) {
      const form = { ...valid };
      if (value === null) delete form[field];
      else form[field] = value;
      // A missing field is missing even where the page has it as a hidden input.
      const answer = await browser.submit(path, which, form, { page, omitHidden: value === null ? [field] : [] });
      cases += 1;
      const text = pageText(answer.html);
      if (answer.status !== 200 || !messages.some((m) => text.includes(m)) || RAW_ERROR.test(text)) bad.push(`${field} = ${label}: ${outcome(answer)}`);
    }
  }
  return { cases, bad };
}

/**
 * The text of the error shown under `field` in the form `which` (a TextField's `<id>-error`,
 * whatever id the form gave the field), or '' when none is.
 */
export function fieldError(html: string, which: string | RegExp, field: string): string {
  let form: string;
  try {
    form = formHtml(html, which);
  } catch {
    return ''; // not the form again
  }
  const element = form.match(new RegExp(`<(?:input|textarea|select)[^>]*name="${field}"[^>]*>`))?.[0];
  const ids = [element?.match(/\bid="([^"]+)"/)?.[1], field].filter(Boolean);
  for (const id of ids) {
    const block = form.match(new RegExp(`id="${id}-error"[^>]*>([\\s\\S]*?)</div>`));
    if (block && pageText(block[1]).trim()) return pageText(block[1]).trim();
  }
  return '';
}

/**
 * Each of `fields` sent as a file part (FILE_PART), the rest of `valid` kept: the answer must be
 * the form again with a plain message under that field (or, for a hidden field, one of
 * `hiddenFieldMessages`), never a validator's words about a File. Returns the ones answered otherwise.
 */
export async function sendAsFiles(
  browser: NoJsBrowser,
  path: string,
  which: string | RegExp,
  valid: Record<string, FieldValue | FieldValue[]>,
  fields: string[],
  hiddenFieldMessages: string[] = [],
): Promise<{ cases: number; bad: string[] }> {
  const page = await browser.get(path);
  if (page.status !== 200) throw new Error(`GET ${path}: ${page.status} ${page.location ?? ''}`);
  const bad: string[] = [];
  for (const field of fields) {
    const answer = await browser.submit(path, which, { ...valid, [field]: FILE_PART() }, { page });
    const text = pageText(answer.html);
    const message = fieldError(answer.html, which, field) || hiddenFieldMessages.find((m) => text.includes(m));
    if (answer.status !== 200 || !message || RAW_ERROR.test(text)) bad.push(`${field} as a file: ${answer.status} ${message || outcome(answer)}`);
  }
  return { cases: fields.length, bad };
}

/** One megabyte: with the other fields, a body over Next.js's 1 MB limit for server actions. */
export const ONE_MEGABYTE = 'x'.repeat(1024 * 1024);

/**
 * The answer to the form on `path` with `field` one megabyte long, described: the status, and
 * what is wrong with its text if anything (Next's own words, a raw error, the server's insides,
 * or no words at all). The caller checks that nothing changed.
 */
export async function postOneMegabyte(browser: NoJsBrowser, path: string, which: string | RegExp, valid: Record<string, string>, field: string) {
  const page = await browser.get(path);
  if (page.status !== 200) throw new Error(`GET ${path}: ${page.status} ${page.location ?? ''}`);
  const answer = await browser.submit(path, which, { ...valid, [field]: ONE_MEGABYTE }, { page });
  const text = pageText(answer.html).trim();
  const leak = leaksInternals(answer.html);
  const problem = RAW_ERROR.test(text)
    ? `raw error: ${text.match(RAW_ERROR)![0]}`
    : leak
      ? `shows ${leak}`
      : text.split(' ').length < 3
        ? `no message: "${text}"`
        : null;
  return { status: answer.status, problem, text: text.slice(0, 120) };
}
