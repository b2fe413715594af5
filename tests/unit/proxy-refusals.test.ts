/**
 * proxy.ts refuses a body no form of ours sends before an action reads it (found by an outside
 * test: a 1 MB field was a 500 with Next.js's "Body exceeded 1 MB limit"; multipart without a
 * boundary was a bare "Internal Server Error"). The proxy function is called here as Next.js
 * calls it; the attack suite checks the same over HTTP.
 */
import { NextRequest } from 'next/server';
import { proxy } from '@/proxy';
import { FORM_FROM_ANOTHER_SITE, FORM_TOO_LARGE, MAX_FORM_BODY_BYTES } from '@/lib/forms/request-refusals';
import { FORM_UNREADABLE } from '@/lib/forms/form-input';

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
    expect(await response.text()).toBe(FORM_TOO_LARGE);
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
    expect(await response.text()).toBe(FORM_TOO_LARGE);
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
