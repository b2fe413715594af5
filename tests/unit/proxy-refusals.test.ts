/**
 * proxy.ts refuses a body no form of ours sends before an action reads it (found by an outside
 * test: a 1 MB field was a 500 with Next.js's "Body exceeded 1 MB limit"; multipart without a
 * boundary was a bare "Internal Server Error"). The proxy function is called here as Next.js
 * calls it; the attack suite checks the same over HTTP.
 */
import { NextRequest } from 'next/server';
import { proxy } from '@/proxy';
import { MAX_FORM_BODY_BYTES, refusalOf } from '@/lib/forms/request-refusals';
import { LOCALE_COOKIE } from '@/lib/i18n/locale';
import { translatorFor } from '@/lib/i18n/server';

// A request that asks for no language gets the default one, English (DEFAULT_LOCALE unset).
const en = translatorFor('en', 'errors.refusals');
const FORM_TOO_LARGE = en('tooLarge.body');
const FORM_UNREADABLE = en('unreadable.body');
const FORM_FROM_ANOTHER_SITE = en('fromAnotherSite.body');

const URL = 'http://portal.test/login/verify?callbackUrl=%2Fsettings';

function post(body: BodyInit, headers: Record<string, string> = {}) {
  // duplex: a stream body needs it in Node's fetch; Next.js's RequestInit type does not list it.
  return new NextRequest(URL, { method: 'POST', body, headers, duplex: 'half' } as ConstructorParameters<typeof NextRequest>[1]);
}

/** A body sent in pieces with no Content-Length, as a script can send it (chunked). */
function chunked(bytes: number): ReadableStream<Uint8Array> {
  let left = bytes;
  return new ReadableStream({
    pull(controller) {
      if (left <= 0) return controller.close();
      const size = Math.min(left, 16 * 1024);
      controller.enqueue(new Uint8Array(size).fill(0x70));
      left -= size;
    },
  });
}

/** NextResponse.next(): the request goes on to the page or action. */
const passedOn = (response: Response) => response.headers.get('x-middleware-next') === '1';

describe('a body over the limit', () => {
  it('gets 413 and the fixed text, as plain text, for an action posted by the React client', async () => {
    const response = await proxy(post('x', { 'content-length': String(1024 * 1024), 'next-action': '7f00' }));
    expect(response.status).toBe(413);
    // Exactly text/plain: Next.js's client only then reads the text into the error it throws.
    expect(response.headers.get('content-type')).toBe('text/plain');
    // Its first line names the refusal for app/error.tsx, whatever the language; then the words.
    const text = await response.text();
    expect(text).toBe(`portal-refusal:tooLarge\n${FORM_TOO_LARGE}`);
    expect(refusalOf(text)).toBe('tooLarge');
    expect(passedOn(response)).toBe(false);
  });

  it('gets 413 and a page of its own, back to the form, for a form posted without JavaScript', async () => {
    const response = await proxy(post('x', { 'content-length': String(MAX_FORM_BODY_BYTES + 1), 'content-type': 'multipart/form-data; boundary=x' }));
    expect(response.status).toBe(413);
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    const html = await response.text();
    expect(html).toContain(FORM_TOO_LARGE);
    expect(html).toContain('href="/login/verify?callbackUrl=%2Fsettings"');
    // The page's style carries the nonce of the response's own CSP (no inline style otherwise).
    const nonce = response.headers.get('content-security-policy')?.match(/'nonce-([^']+)'/)?.[1];
    expect(html).toContain(`<style nonce="${nonce}">`);
  });

  it('is counted when it comes without Content-Length', async () => {
    const response = await proxy(post(chunked(1024 * 1024), { 'next-action': '7f00' }));
    expect(response.status).toBe(413);
    expect(refusalOf(await response.text())).toBe('tooLarge');
  });
});

describe('multipart without a boundary', () => {
  it.each([
    ['the React client', { 'next-action': '7f00' }, 'text/plain'],
    ['a form without JavaScript', {}, 'text/html; charset=utf-8'],
  ])('gets 400 and "could not be read" (%s)', async (_label, headers, type) => {
    const response = await proxy(post('abc', { ...headers, 'content-type': 'multipart/form-data' }));
    expect(response.status).toBe(400);
    expect(response.headers.get('content-type')).toBe(type);
    expect(await response.text()).toContain(FORM_UNREADABLE);
  });

  it('passes with its boundary, quoted or not', async () => {
    for (const [type, boundary] of [
      ['multipart/form-data; boundary=XYZ', 'XYZ'],
      ['multipart/form-data; boundary="X Y Z"', 'X Y Z'],
      ['Multipart/Form-Data;boundary=XYZ', 'XYZ'],
    ]) {
      expect(passedOn(await proxy(post(multipart(boundary), { 'content-type': type })))).toBe(true);
    }
  });
});

/** A well-formed multipart body with one field, under `boundary`. */
const multipart = (boundary: string) => `--${boundary}\r\nContent-Disposition: form-data; name="email"\r\n\r\na@b.example\r\n--${boundary}--\r\n`;

describe('multipart that does not parse', () => {
  const truncated = '--XYZ\r\nContent-Disposition: form-data; name="email"\r\n\r\nabc';

  it('gets 400 and a page of its own without JavaScript (the framework answered a bare "Internal Server Error")', async () => {
    const response = await proxy(post(truncated, { 'content-type': 'multipart/form-data; boundary=XYZ' }));
    expect(response.status).toBe(400);
    expect(await response.text()).toContain(FORM_UNREADABLE);
  });

  it('is read after being counted when it comes without Content-Length', async () => {
    const encoded = new TextEncoder().encode(multipart('XYZ'));
    const stream = new ReadableStream<Uint8Array>({ start: (controller) => (controller.enqueue(encoded), controller.close()) });
    expect(passedOn(await proxy(post(stream, { 'content-type': 'multipart/form-data; boundary=XYZ' })))).toBe(true);
  });

  it('is left to the framework for the React client (its failure reaches the error page as a digest)', async () => {
    expect(passedOn(await proxy(post(truncated, { 'content-type': 'multipart/form-data; boundary=XYZ', 'next-action': '7f00' })))).toBe(true);
  });
});

describe('the Origin header', () => {
  const from = (origin: string | null, extra: Record<string, string> = {}) =>
    proxy(
      post(multipart('XYZ'), { 'content-type': 'multipart/form-data; boundary=XYZ', host: 'portal.test', ...(origin === null ? {} : { origin }), ...extra }),
    );

  it.each([
    ['another site', 'https://evil.example'],
    ['another port', 'http://portal.test:8080'],
    ['"null" (a sandboxed frame)', 'null'],
    ['not a URL', 'portal.test'],
  ])('from %s gets 403 and says so', async (_label, origin) => {
    const response = await from(origin);
    expect(response.status).toBe(403);
    expect(await response.text()).toContain(FORM_FROM_ANOTHER_SITE);
  });

  it.each([
    ['this site', 'http://portal.test', {}],
    ['this site behind a proxy that sets X-Forwarded-Host', 'https://portal.example', { 'x-forwarded-host': 'portal.example, internal' }],
  ])('from %s passes', async (_label, origin, extra) => {
    expect(passedOn(await from(origin, extra))).toBe(true);
  });

  it('absent passes (Next.js lets a request without one through too: no browser omits it on a form post)', async () => {
    expect(passedOn(await from(null))).toBe(true);
  });
});

describe('a body within the limit', () => {
  it.each([
    ['declared', () => post('p'.repeat(MAX_FORM_BODY_BYTES), { 'content-length': String(MAX_FORM_BODY_BYTES), 'next-action': '7f00' })],
    ['counted', () => post(chunked(MAX_FORM_BODY_BYTES), { 'next-action': '7f00' })],
    ['empty', () => post('')],
  ])('goes on to the action (%s)', async (_label, request) => {
    const response = await proxy(request());
    expect(passedOn(response)).toBe(true);
  });

  it('a GET is never read', async () => {
    expect(passedOn(await proxy(new NextRequest('http://portal.test/login')))).toBe(true);
  });
});

describe('the language of a refusal', () => {
  const tooLarge = (headers: Record<string, string>) =>
    proxy(post('x', { 'content-length': String(MAX_FORM_BODY_BYTES + 1), 'content-type': 'multipart/form-data; boundary=x', ...headers }));
  /** The page's language, heading, text and link, as a browser without JavaScript shows them. */
  async function shown(response: Response) {
    const html = await response.text();
    const text = (tag: string) => html.match(new RegExp(`<${tag}[^>]*>([^<]*)</${tag}>`))?.[1];
    return { lang: html.match(/<html lang="([^"]+)"/)?.[1], title: text('title'), h1: text('h1'), p: text('p'), a: text('a') };
  }

  it('a Dutch-speaking browser (Accept-Language nl-BE) gets its page in Dutch', async () => {
    expect(await shown(await tooLarge({ 'accept-language': 'nl-BE,nl;q=0.9,en;q=0.5' }))).toEqual({
      lang: 'nl',
      title: 'Het formulier was te groot',
      h1: 'Het formulier was te groot',
      p: 'Het formulier was te groot om te verzenden, dus er werd niets bewaard of gewijzigd. Maak wat je ingaf korter en probeer het opnieuw.',
      a: 'Terug naar het formulier',
    });
  });

  it('the switcher’s cookie beats Accept-Language: French, with its typography intact', async () => {
    const response = await tooLarge({ 'accept-language': 'nl-BE', cookie: `${LOCALE_COOKIE}=fr` });
    expect(await shown(response)).toEqual({
      lang: 'fr',
      title: 'Le formulaire était trop volumineux',
      h1: 'Le formulaire était trop volumineux',
      p: 'Le formulaire était trop volumineux pour être envoyé\u202f: rien n’a été enregistré ni modifié. Raccourcissez ce que vous avez saisi et réessayez.',
      a: 'Retour au formulaire',
    });
  });

  it('the React client gets the same refusal name, then the words in its language (fr-BE)', async () => {
    const response = await proxy(post('x', { 'content-length': String(1024 * 1024), 'next-action': '7f00', 'accept-language': 'fr-BE' }));
    expect(await response.text()).toBe(`portal-refusal:tooLarge\n${translatorFor('fr', 'errors.refusals')('tooLarge.body')}`);
  });

  it('a foreign Origin is refused in Dutch to a Dutch browser', async () => {
    const response = await proxy(
      post(multipart('XYZ'), {
        'content-type': 'multipart/form-data; boundary=XYZ',
        host: 'portal.test',
        origin: 'https://evil.example',
        'accept-language': 'nl',
      }),
    );
    expect(response.status).toBe(403);
    expect((await shown(response)).h1).toBe('Het formulier kwam van een andere website');
  });

  it('neither cookie nor a language we have: DEFAULT_LOCALE; an invalid cookie is ignored', async () => {
    process.env.DEFAULT_LOCALE = 'nl';
    try {
      expect((await shown(await tooLarge({ 'accept-language': 'de-DE', cookie: `${LOCALE_COOKIE}=klingon` }))).lang).toBe('nl');
    } finally {
      delete process.env.DEFAULT_LOCALE;
    }
    expect((await shown(await tooLarge({ 'accept-language': 'de-DE' }))).lang).toBe('en');
  });
});
