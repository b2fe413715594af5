/** Which language and time zone a visitor gets (lib/i18n/locale.ts), and their configuration (lib/env.ts). */
import { isTimeZone, negotiateAcceptLanguage, resolveLocale, resolveTimeZone } from '@/lib/i18n/locale';

describe('Accept-Language', () => {
  it.each([
    ['nl-BE', 'nl'],
    ['nl-BE,nl;q=0.9,en;q=0.8', 'nl'],
    ['fr-BE', 'fr'],
    ['fr-FR,fr;q=0.9', 'fr'],
    ['en-GB', 'en'],
    ['en-US,en;q=0.9', 'en'],
    ['NL-be', 'nl'],
    // q-values, not the order, say what the browser prefers; ties keep the order.
    ['en;q=0.5, fr-BE;q=0.9, nl;q=0.7', 'fr'],
    ['en, nl', 'en'],
    ['fr;q=0.8, nl;q=0.8', 'fr'],
    // A language we do not have is passed over for the next one the browser accepts.
    ['de-DE,de;q=0.9,fr;q=0.6,en;q=0.5', 'fr'],
    [' nl-BE ; q=0.9 , en ; q=0.1 ', 'nl'],
    // q=0 means "not this one"; a malformed q-value counts as q=0.
    ['nl;q=0, en', 'en'],
    ['fr;q=abc, en;q=0.1', 'en'],
    ['nl;q=2, fr;q=0.5', 'fr'],
  ])('%s → %s', (header, expected) => {
    expect(negotiateAcceptLanguage(header)).toBe(expected);
  });

  it.each([[null], [''], ['de-DE,de;q=0.9'], ['*'], ['de, *;q=0.5'], ['zh-Hant-TW'], ['nl;q=0'], [',,,;;;'], ['x'.repeat(5000)]])(
    'no supported language in %j: null, so the configured default applies',
    (header) => {
      expect(negotiateAcceptLanguage(header)).toBeNull();
    },
  );

  it('reads only the start of an enormous header', () => {
    expect(negotiateAcceptLanguage(`${'de;q=0.1,'.repeat(200)}nl`)).toBeNull();
  });
});

describe('resolveLocale: user setting, then cookie, then Accept-Language, then the default', () => {
  it('the signed-in user’s own setting wins over everything', () => {
    expect(resolveLocale({ userLocale: 'fr', cookie: 'nl', acceptLanguage: 'en-GB', fallback: 'en' })).toBe('fr');
  });

  it('the switcher’s cookie beats the browser’s header', () => {
    expect(resolveLocale({ cookie: 'fr', acceptLanguage: 'nl-BE', fallback: 'en' })).toBe('fr');
  });

  it('the header decides when there is no cookie', () => {
    expect(resolveLocale({ acceptLanguage: 'nl-BE,nl;q=0.9', fallback: 'en' })).toBe('nl');
  });

  it.each([['de'], ['NL'], ['nl-BE'], [''], ['<script>'], ['en;']])('an invalid cookie %j is ignored', (cookie) => {
    expect(resolveLocale({ cookie, acceptLanguage: 'fr-BE', fallback: 'en' })).toBe('fr');
  });

  it('an invalid user setting is ignored too', () => {
    expect(resolveLocale({ userLocale: 'de', cookie: 'nl', fallback: 'en' })).toBe('nl');
  });

  it('nothing usable: the configured default', () => {
    expect(resolveLocale({ acceptLanguage: 'de-DE', fallback: 'nl' })).toBe('nl');
    expect(resolveLocale({ fallback: 'en' })).toBe('en');
  });
});

describe('time zones', () => {
  it.each([['Europe/Brussels'], ['America/New_York'], ['UTC'], ['Asia/Kolkata']])('%s is a time zone', (zone) => {
    expect(isTimeZone(zone)).toBe(true);
  });

  it.each([['Europe/Bruxelles'], ['CET+1'], [''], ['Mars/Olympus_Mons'], [42]])('%j is not', (zone) => {
    expect(isTimeZone(zone)).toBe(false);
  });

  it('the user’s zone when valid, else the default', () => {
    expect(resolveTimeZone({ userTimeZone: 'Europe/London', fallback: 'Europe/Brussels' })).toBe('Europe/London');
    expect(resolveTimeZone({ userTimeZone: 'Nowhere/Atlantis', fallback: 'Europe/Brussels' })).toBe('Europe/Brussels');
    expect(resolveTimeZone({ userTimeZone: null, fallback: 'Europe/Brussels' })).toBe('Europe/Brussels');
  });
});

describe('DEFAULT_LOCALE and DEFAULT_TIME_ZONE', () => {
  const saved = { ...process.env };
  afterEach(() => {
    process.env = { ...saved };
    jest.resetModules();
  });

  async function productConfigWith(vars: Record<string, string | undefined>) {
    jest.resetModules();
    for (const [name, value] of Object.entries(vars)) {
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
    return (await import('@/lib/env')).productConfig;
  }

  it('default to en and Europe/Brussels', async () => {
    const productConfig = await productConfigWith({ DEFAULT_LOCALE: undefined, DEFAULT_TIME_ZONE: undefined });
    expect(productConfig()).toMatchObject({ DEFAULT_LOCALE: 'en', DEFAULT_TIME_ZONE: 'Europe/Brussels' });
  });

  it('take nl, fr or en and an IANA zone', async () => {
    const productConfig = await productConfigWith({ DEFAULT_LOCALE: 'nl', DEFAULT_TIME_ZONE: 'Europe/Paris' });
    expect(productConfig()).toMatchObject({ DEFAULT_LOCALE: 'nl', DEFAULT_TIME_ZONE: 'Europe/Paris' });
  });

  it.each([
    [{ DEFAULT_LOCALE: 'de' }, /DEFAULT_LOCALE: must be one of nl, fr, en/],
    [{ DEFAULT_LOCALE: 'nl-BE' }, /DEFAULT_LOCALE/],
    [{ DEFAULT_TIME_ZONE: 'Brussels' }, /DEFAULT_TIME_ZONE: must be an IANA time zone name/],
  ])('stop the server with a message naming the variable: %j', async (vars, message) => {
    jest.resetModules();
    Object.assign(process.env, vars, {
      AUTH_SECRET: 'c2VjcmV0LWZvci1lMmUtdGVzdHMtb25seS0wMTIzNDU=',
      TOTP_ENCRYPTION_KEYS: 'k:ZTJlLXRvdHAta2V5LWZvci10ZXN0cy1vbmx5LTAxMjM=',
    });
    const { env, EnvError } = await import('@/lib/env');
    expect(() => env()).toThrow(EnvError);
    expect(() => env()).toThrow(message);
  });
});
