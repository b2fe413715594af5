import { NextRequest } from 'next/server';
import type { ReactNode } from 'react';
import { POST as postPassword } from '@/app/(auth)/login/password/route';
import { POST as postCodeStep } from '@/app/(auth)/login/verify/code/route';
import type { FormState } from '@/lib/forms/form-state';
import { as, type FakeBrowser, type Outcome } from './fake-browser';
import { findElement } from './react-tree';

/**
 * The login's two forms posted as the page's script posts them (Accept: application/json) to
 * their route handlers (decisions 0019, 0020): `{ redirect }` where the browser is sent next, or
 * `{ result }` the form's state after a refusal, the shape the tests read from a server action.
 */
async function postAsScript(
  browser: FakeBrowser,
  path: string,
  POST: (request: NextRequest) => Promise<Response>,
  formData: FormData,
): Promise<Outcome<FormState>> {
  const body = new URLSearchParams([...formData].map(([name, value]) => [name, String(value)]));
  const request = new NextRequest(`http://localhost:3000${path}`, { method: 'POST', headers: { accept: 'application/json' }, body });
  const response = (await as(browser, () => POST(request))).result!;
  const answer = (await response.json()) as { to: string } | { state: FormState };
  return 'to' in answer ? { redirect: answer.to } : { result: answer.state };
}

/** The login form: e-mail address, password, callbackUrl. */
export function postLogin(browser: FakeBrowser, formData: FormData): Promise<Outcome<FormState>> {
  return postAsScript(browser, '/login/password', postPassword, formData);
}

/** The code form of the login's second step. */
export function postCode(browser: FakeBrowser, formData: FormData): Promise<Outcome<FormState>> {
  return postAsScript(browser, '/login/verify/code', postCodeStep, formData);
}

/** A login form posted as a browser without JavaScript posts it (URL-encoded, no Accept: application/json): the 303 and where it points. */
export async function postWithoutScript(
  browser: FakeBrowser,
  path: '/login/password' | '/login/verify/code',
  fields: Record<string, string>,
): Promise<{ status: number; location: string | null }> {
  const request = new NextRequest(`http://localhost:3000${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'text/html' },
    body: new URLSearchParams(fields),
  });
  const response = (await as(browser, () => (path === '/login/password' ? postPassword : postCodeStep)(request))).result!;
  return { status: response.status, location: response.headers.get('location') };
}

/** The state `page` (the login or the verify page) gives its `form` for the query string of `location`, the page a refused post sent the browser back to. */
export async function formStateOnPage(
  browser: FakeBrowser,
  page: (props: { searchParams: Promise<Record<string, string>> }) => Promise<ReactNode>,
  form: unknown,
  location: string,
): Promise<FormState> {
  const searchParams = Object.fromEntries(new URL(location, 'http://x.invalid').searchParams);
  const tree = (await as(browser, () => page({ searchParams: Promise.resolve(searchParams) }))).result as ReactNode;
  return (findElement(tree, { type: form })!.props as { initialState: FormState }).initialState;
}
