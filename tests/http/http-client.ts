/**
 * A browser without JavaScript, over plain HTTP (fetch): it keeps the cookies the server sets
 * and submits server-action forms the way an HTML form does. Next.js renders the hidden inputs
 * of a server-action form ($ACTION_ID_… for a plain action, $ACTION_REF_… / $ACTION_KEY for
 * useActionState); the browser posts them with the visible fields as multipart form data, with
 * an Origin header (Next.js refuses an action whose Origin is not the Host). The answer is a 303
 * with Location (the action redirected) or the page re-rendered with the action's state. A plain
 * form (the code step's, decision 0019) is posted to its `action` URL, and its answer to a refusal,
 * a 303 back to the form's own page (Post/Redirect/Get), is followed as a browser follows it.
 * The same browser can talk to several instances: `server` is chosen per request, the cookie jar
 * is shared, as behind a load balancer. Used by the multi-instance and attack suites, and the bench.
 */

/** A form field's value: text, or a file part (what a browser sends for <input type="file">). */
export type FieldValue = string | Blob;

export type Page = {
  status: number;
  headers: Headers;
  html: string;
  /** Location of a redirect (absolute URL or path), or null. */
  location: string | null;
};

const ENTITIES: Record<string, string> = { '&quot;': '"', '&amp;': '&', '&#x27;': "'", '&#39;': "'", '&lt;': '<', '&gt;': '>' };
export const decodeEntities = (value: string) => value.replace(/&(quot|amp|#x27|#39|lt|gt);/g, (m) => ENTITIES[m]);

/** The HTML of the first form whose HTML matches `which` (a field name or a pattern). */
export function formHtml(html: string, which: string | RegExp): string {
  const pattern = typeof which === 'string' ? new RegExp(`name="${which.replace(/[$]/g, '\\$')}"`) : which;
  const form = (html.match(/<form[\s\S]*?<\/form>/g) ?? []).find((f) => pattern.test(f));
  if (!form) throw new Error(`no form matching ${pattern} on the page`);
  return form;
}

/** The hidden inputs of the first form whose HTML matches `which` (a field name or a pattern). */
export function hiddenFields(html: string, which: string | RegExp): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const input of formHtml(html, which).match(/<input[^>]*>/g) ?? []) {
    if (!/type="hidden"/.test(input)) continue;
    const name = input.match(/name="([^"]*)"/)?.[1];
    if (name) fields[decodeEntities(name)] = decodeEntities(input.match(/value="([^"]*)"/)?.[1] ?? '');
  }
  return fields;
}

/** The text of the page without tags, for reading messages. */
export function pageText(html: string): string {
  return decodeEntities(html.replace(/<script[\s\S]*?<\/script>/g, ' ').replace(/<[^>]+>/g, ' ')).replace(/\s+/g, ' ');
}

export class NoJsBrowser {
  cookies = new Map<string, string>();
  /**
   * The browser's own network address, sent as X-Forwarded-For (the suite's servers trust no proxy,
   * so it is taken as sent): the per-network limit (S19) then sees many visitors, as in life,
   * rather than the whole suite as one client. A test that attacks from one network shares it.
   */
  network = `10.${Math.floor(Math.random() * 256)}.${Math.floor(Math.random() * 256)}.${1 + Math.floor(Math.random() * 254)}`;

  constructor(
    public server: string,
    public userAgent = 'no-js-browser/1.0 (attack suite)',
  ) {}

  cookieHeader(): string {
    return [...this.cookies].map(([name, value]) => `${name}=${value}`).join('; ');
  }

  /** Another browser with a copy of this one's cookies (an attacker who stole them). */
  clone(server = this.server): NoJsBrowser {
    const copy = new NoJsBrowser(server, this.userAgent);
    copy.cookies = new Map(this.cookies);
    copy.network = this.network;
    return copy;
  }

  private keepCookies(headers: Headers) {
    for (const line of headers.getSetCookie()) {
      const [pair, ...attributes] = line.split(';');
      const eq = pair.indexOf('=');
      const name = pair.slice(0, eq).trim();
      const value = pair.slice(eq + 1).trim();
      const expires = attributes.map((a) => a.trim()).find((a) => /^expires=/i.test(a));
      const maxAge = attributes.map((a) => a.trim()).find((a) => /^max-age=/i.test(a));
      const expired = value === '' || (maxAge && Number(maxAge.split('=')[1]) <= 0) || (expires && Date.parse(expires.slice(8)) <= Date.now());
      if (expired) this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
  }

  async request(path: string, init: RequestInit & { server?: string } = {}): Promise<Page> {
    const server = init.server ?? this.server;
    const headers = new Headers(init.headers);
    if (!headers.has('cookie') && this.cookies.size) headers.set('cookie', this.cookieHeader());
    headers.set('user-agent', this.userAgent);
    if (!headers.has('x-forwarded-for')) headers.set('x-forwarded-for', this.network);
    const response = await fetch(`${server}${path}`, { ...init, headers, redirect: 'manual', signal: init.signal ?? AbortSignal.timeout(30_000) });
    this.keepCookies(response.headers);
    const html = await response.text();
    return { status: response.status, headers: response.headers, html, location: response.headers.get('location') };
  }

  get(path: string, server?: string): Promise<Page> {
    return this.request(path, { server });
  }

  /**
   * Submits the form on `page` (already fetched, or fetched now from `path`) that matches
   * `which`, with `fields` as the visible inputs, to `path` on `server`. `origin` overrides the
   * Origin header (CSRF tests); `omitHidden` leaves out hidden fields (forged-form tests).
   */
  async submit(
    path: string,
    which: string | RegExp,
    fields: Record<string, FieldValue | FieldValue[]>,
    options: { server?: string; page?: Page; origin?: string | null; omitHidden?: string[]; formServer?: string } = {},
  ): Promise<Page> {
    const server = options.server ?? this.server;
    const page = options.page ?? (await this.get(path, options.formServer ?? server));
    if (page.status !== 200) throw new Error(`GET ${path}: ${page.status} ${page.location ?? ''}`);
    const hidden = hiddenFields(page.html, which);
    for (const name of options.omitHidden ?? []) delete hidden[name];
    const body = new FormData();
    for (const [name, value] of Object.entries({ ...hidden, ...fields })) {
      for (const one of Array.isArray(value) ? value : [value]) body.append(name, one);
    }
    const headers: Record<string, string> = {};
    const origin = options.origin === undefined ? server : options.origin;
    if (origin !== null) headers.origin = origin;
    const target = formHtml(page.html, which).match(/^<form[^>]*\saction="(\/[^"]*)"/)?.[1];
    // A plain form without a file is sent as a browser sends it: URL-encoded.
    const plain = target && [...body.values()].every((value) => typeof value === 'string');
    const sent = plain ? new URLSearchParams([...body].map(([name, value]) => [name, String(value)])) : body;
    const answer = await this.request(target ? decodeEntities(target) : path, { method: 'POST', body: sent, headers, server });
    const back = redirectPath(answer);
    if (target && answer.status === 303 && back && new URL(back, server).pathname === new URL(path, server).pathname) return this.get(back, server);
    return answer;
  }
}

/** The path of a redirect's Location, whatever host it names. */
export function redirectPath(page: Page): string | null {
  if (!page.location) return null;
  const url = new URL(page.location, 'http://x.invalid');
  return url.pathname + url.search;
}
