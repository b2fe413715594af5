import { parseEventCursor } from '@/lib/audit/event-cursor';

describe('parseEventCursor', () => {
  it('reads an event id, and no cursor as none', () => {
    expect(parseEventCursor('1')).toBe(1);
    expect(parseEventCursor('2147483647')).toBe(2_147_483_647);
    expect(parseEventCursor(undefined)).toBeUndefined();
    expect(parseEventCursor('')).toBeUndefined();
  });

  it.each(['0', '-5', '2147483648', '99999999999', '1e3', '0x10', ' 12', '12.0', 'abc', "1' OR 1=1", '１２'])('refuses %j', (value) => {
    expect(parseEventCursor(value)).toBeNull();
  });
});
