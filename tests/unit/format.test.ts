import { formatDuration } from '@/lib/format';

describe('formatDuration', () => {
  it.each([
    [60_000, '1 minute'],
    [5 * 60_000, '5 minutes'],
    [15 * 60_000, '15 minutes'],
    [90 * 60_000, '90 minutes'],
    [60 * 60_000, '1 hour'],
    [12 * 60 * 60_000, '12 hours'],
  ])('says %d ms as "%s"', (ms, words) => {
    expect(formatDuration(ms)).toBe(words);
  });
});
