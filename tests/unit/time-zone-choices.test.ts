import { TIME_ZONE_REGIONS, timeZoneChoices } from '@/lib/account/time-zone-choices';
import { isTimeZone } from '@/lib/i18n/locale';

describe('the time zones the account settings offer', () => {
  const choices = timeZoneChoices({ preferred: 'Europe/Brussels', current: 'Europe/Brussels' });
  const all = [...choices.first, ...choices.groups.flatMap((group) => group.zones)];

  it('puts the portal’s default first, then the regions, Europe first, each zone once', () => {
    expect(choices.first).toEqual([{ zone: 'Europe/Brussels', label: 'Europe / Brussels' }]);
    expect(choices.groups.map((group) => group.region)).toEqual(TIME_ZONE_REGIONS.filter((region) => choices.groups.some((g) => g.region === region)));
    expect(choices.groups[0].region).toBe('europe');
    expect(new Set(all.map((choice) => choice.zone)).size).toBe(all.length);
    expect(all.length).toBeGreaterThan(300);
  });

  it('offers only zones the runtime formats in, UTC among them, with readable names', () => {
    expect(all.every((choice) => isTimeZone(choice.zone))).toBe(true);
    expect(choices.groups.find((group) => group.region === 'other')?.zones).toContainEqual({ zone: 'UTC', label: 'UTC' });
    expect(choices.groups.find((group) => group.region === 'america')?.zones).toContainEqual({
      zone: 'America/Argentina/La_Rioja',
      label: 'Argentina / La Rioja',
    });
  });

  it('offers a user’s zone the list lacks (an alias the runtime accepts), right after the default, so the form still shows it', () => {
    expect(timeZoneChoices({ preferred: 'Europe/Brussels', current: 'US/Eastern' }).first.map((choice) => choice.zone)).toEqual([
      'Europe/Brussels',
      'US/Eastern',
    ]);
    expect(timeZoneChoices({ preferred: 'Europe/Brussels', current: 'Asia/Tokyo' }).first.map((choice) => choice.zone)).toEqual(['Europe/Brussels']);
  });
});
