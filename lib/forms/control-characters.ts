/**
 * Control characters are in no e-mail address, name, id or ticket, and PostgreSQL refuses a NUL
 * in text (a 500 where it reached a query): input is checked against these before it gets there.
 */

/** A line of text: no control characters at all. */
export const NO_CONTROL_CHARACTERS = /^[^\u0000-\u001f\u007f]*$/;

/** Free text from a textarea: line breaks and tabs are text, other control characters are not. */
export const NO_CONTROL_CHARACTERS_BUT_LINE_BREAKS = /^[^\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]*$/;

/** `text` with its control characters left out (for a search, where refusing would help no one). */
export function withoutControlCharacters(text: string): string {
  return text.replace(/[\u0000-\u001f\u007f]/g, '');
}
