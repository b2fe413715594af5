/**
 * A browser for calling server actions and pages in integration tests: it keeps the cookies
 * the server sets, like a real one, and sends them back. next/headers is pointed at the
 * current browser (jest.mock in each test file via mockNextHeaders()); everything behind it,
 * the database above all, is real.
 */
import type { FormState } from '@/lib/forms/form-state';

export class FakeBrowser {
  cookies = new Map<string, string>();
  headers: Headers;

  constructor({ ip = '198.51.100.7', userAgent = 'Jest/30 FakeBrowser' } = {}) {
    this.headers = new Headers({ 'x-forwarded-for': ip, 'user-agent': userAgent });
  }

  /** Another browser holding the same cookies (an attacker who copied them, say). */
  clone(): FakeBrowser {
    const copy = new FakeBrowser();
    copy.cookies = new Map(this.cookies);
    copy.headers = new Headers(this.headers);
    return copy;
  }
}

let current = new FakeBrowser();

export const nextHeaders = {
  cookies: async () => ({
    get: (name: string) => (current.cookies.has(name) ? { name, value: current.cookies.get(name)! } : undefined),
    has: (name: string) => current.cookies.has(name),
    set: (name: string, value: string, options?: { expires?: Date; maxAge?: number }) => {
      const expired = value === '' || (options?.expires && options.expires.getTime() <= Date.now()) || options?.maxAge === 0;
      if (expired) current.cookies.delete(name);
      else current.cookies.set(name, value);
    },
    delete: (nameOrOptions: string | { name: string }) => {
      current.cookies.delete(typeof nameOrOptions === 'string' ? nameOrOptions : nameOrOptions.name);
    },
  }),
  headers: async () => current.headers,
};

export type Outcome<T> = { redirect: string; result?: undefined } | { redirect?: undefined; result: T };

/** Runs server code as `browser`; a redirect() comes back as { redirect: url }. */
export async function as<T>(browser: FakeBrowser, run: () => Promise<T>): Promise<Outcome<T>> {
  current = browser;
  try {
    return { result: await run() };
  } catch (error) {
    const digest = (error as { digest?: unknown })?.digest;
    if (typeof digest === 'string' && digest.startsWith('NEXT_REDIRECT;')) {
      return { redirect: digest.split(';').slice(2, -2).join(';') };
    }
    throw error;
  }
}

export function form(fields: Record<string, string>): FormData {
  const data = new FormData();
  for (const [name, value] of Object.entries(fields)) data.append(name, value);
  return data;
}

export const noState: FormState = {};
