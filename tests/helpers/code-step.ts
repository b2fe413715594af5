import { NextRequest } from 'next/server';
import { POST } from '@/app/(auth)/login/verify/code/route';
import type { FormState } from '@/lib/forms/form-state';
import { as, type FakeBrowser, type Outcome } from './fake-browser';

/**
 * The code form posted as the page's script posts it (Accept: application/json) to the route
 * handler: `{ redirect }` where the browser is sent next, or `{ result }` the form's state after
 * a refusal, the shape the tests read from a server action.
 */
export async function postCode(browser: FakeBrowser, formData: FormData): Promise<Outcome<FormState>> {
  const body = new URLSearchParams([...formData].map(([name, value]) => [name, String(value)]));
  const request = new NextRequest('http://localhost:3000/login/verify/code', { method: 'POST', headers: { accept: 'application/json' }, body });
  const response = (await as(browser, () => POST(request))).result!;
  const answer = (await response.json()) as { to: string } | { state: FormState };
  return 'to' in answer ? { redirect: answer.to } : { result: answer.state };
}
