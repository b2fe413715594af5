/**
 * The cursor of a page link in an audit listing: the id of the last event seen. Ids are 32-bit
 * integers in both databases (PostgreSQL's integer ends at 2^31 - 1): a larger number is no page
 * of ours, and would be a database error rather than an empty page.
 */
const MAX_EVENT_ID = 2_147_483_647;

/** The cursor in a query string: undefined when there is none, null when it is not one of ours. */
export function parseEventCursor(value: string | undefined): number | undefined | null {
  if (value === undefined || value === '') return undefined;
  if (!/^[0-9]{1,10}$/.test(value)) return null;
  const id = Number(value);
  return id >= 1 && id <= MAX_EVENT_ID ? id : null;
}
