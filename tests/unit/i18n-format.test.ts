/** Dates and times in the reader's language and time zone (lib/format.ts). */
import { dateFormat } from '@/lib/format';

const winter = new Date('2026-11-29T07:14:00Z');
const summer = new Date('2026-06-29T07:14:00Z');
const brussels = 'Europe/Brussels';

describe('dateFormat', () => {
  it.each([
    ['nl', '29 nov 2026', '29 nov 2026, 08:14', '29 nov 2026, 08:14 CET'],
    ['fr', '29 nov. 2026', '29 nov. 2026, 08:14', '29 nov. 2026, 08:14 UTC+1'],
    ['en', '29 Nov 2026', '29 Nov 2026, 08:14', '29 Nov 2026, 08:14 CET'],
  ] as const)('%s in Brussels time: %s / %s / %s', (locale, date, dateTime, withZone) => {
    const format = dateFormat({ locale, timeZone: brussels });
    expect([format.date(winter), format.dateTime(winter), format.dateTimeWithZone(winter)]).toEqual([date, dateTime, withZone]);
  });

  it('follows summer time, and says so where the zone is named', () => {
    expect(dateFormat({ locale: 'nl', timeZone: brussels }).dateTimeWithZone(summer)).toBe('29 jun 2026, 09:14 CEST');
    expect(dateFormat({ locale: 'fr', timeZone: brussels }).dateTimeWithZone(summer)).toBe('29 juin 2026, 09:14 UTC+2');
  });

  it('the time zone setting changes the rendered time, and the date where it crosses midnight', () => {
    const late = new Date('2026-11-28T23:30:00Z');
    expect(dateFormat({ locale: 'en', timeZone: brussels }).dateTime(late)).toBe('29 Nov 2026, 00:30');
    expect(dateFormat({ locale: 'en', timeZone: 'America/New_York' }).dateTimeWithZone(late)).toBe('28 Nov 2026, 18:30 GMT-5');
    expect(dateFormat({ locale: 'en', timeZone: 'UTC' }).dateTimeWithZone(late)).toBe('28 Nov 2026, 23:30 UTC');
  });

  it('uses the 24-hour clock in every language', () => {
    const afternoon = new Date('2026-11-29T14:05:00Z');
    expect(['nl', 'fr', 'en'].map((locale) => dateFormat({ locale: locale as 'nl', timeZone: brussels }).dateTime(afternoon))).toEqual([
      '29 nov 2026, 15:05',
      '29 nov. 2026, 15:05',
      '29 Nov 2026, 15:05',
    ]);
  });
});
