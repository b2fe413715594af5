/**
 * proxy.ts refuses a body larger than any form of ours before an action reads it (found by an
 * outside test: a 1 MB field was a 500 with Next.js's "Body exceeded 1 MB limit"). The proxy
 * function is called here as Next.js calls it; the attack suite checks the same over HTTP.
 */
import { NextRequest } from 'next/server';
import { proxy } from '@/proxy';
import { FORM_TOO_LARGE, MAX_FORM_BODY_BYTES } from '@/lib/forms/body-limit';

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
