/**
 * The time zones the account settings offer: the portal's default (Europe/Brussels unless
 * configured) first, then every IANA zone the runtime knows, grouped by region, Europe first.
 * The server builds the list (its runtime is the one that formats the times); the action
 * checks the answer with isTimeZone(), so whatever a forged form sends, only a zone the
 * runtime can format in is stored.
 */

export const TIME_ZONE_REGIONS = [
  'europe',
  'africa',
  'america',
  'antarctica',
  'arctic',
  'asia',
  'atlantic',
  'australia',
  'indian',
  'pacific',
  'other',
] as const;
export type TimeZoneRegion = (typeof TIME_ZONE_REGIONS)[number];

export type TimeZoneChoice = { zone: string; label: string };
export type TimeZoneChoices = { first: TimeZoneChoice[]; groups: Array<{ region: TimeZoneRegion; zones: TimeZoneChoice[] }> };

// IANA names are identifiers ("America/Argentina/Buenos_Aires"): readable with spaces, the same in every language.
const readable = (name: string) => name.replace(/_/g, ' ').replace(/\//g, ' / ');

function regionOf(zone: string): TimeZoneRegion {
  const region = zone.split('/')[0].toLowerCase();
  return zone.includes('/') && (TIME_ZONE_REGIONS as readonly string[]).includes(region) ? (region as TimeZoneRegion) : 'other';
}

/**
 * `preferred`: the portal's default zone; `current`: the user's, which may be a name the
 * runtime accepts but does not list (an older alias such as Europe/Kiev): it is offered too.
 */
export function timeZoneChoices({ preferred, current }: { preferred: string; current: string }): TimeZoneChoices {
  // Node lists the IANA zones without UTC itself; UTC is what many people compare with.
  const listed = [...new Set([...Intl.supportedValuesOf('timeZone'), 'UTC'])];
  const firstZones = [preferred, ...(current !== preferred && !listed.includes(current) ? [current] : [])];
  const groups = TIME_ZONE_REGIONS.map((region) => ({
    region,
    zones: listed
      .filter((zone) => regionOf(zone) === region && !firstZones.includes(zone))
      .sort()
      .map((zone) => ({ zone, label: readable(region === 'other' ? zone : zone.slice(zone.indexOf('/') + 1)) })),
  })).filter((group) => group.zones.length > 0);
  return { first: firstZones.map((zone) => ({ zone, label: readable(zone) })), groups };
}
