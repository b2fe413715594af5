/**
 * The login's password step as a browser without JavaScript sends it: the login form posted
 * URL-encoded to its route handler (decision 0020), on a connection of its own; a sign-in is a
 * 303 with the session cookie. The bodies are built beforehand, one per user, so the load
 * generator spends nothing on them while it measures.
 */
import { formFieldsOf } from './no-js-form';

/** Where the login form posts (components/auth/login-form.tsx). */
const PASSWORD_STEP_PATH = '/login/password';

/** A sender for the load generator: request `i` signs in user `i` modulo the users given. */
export async function passwordSignIn(baseUrl: string, emails: string[], password: string, sessionCookie: string): Promise<(i: number) => Promise<boolean>> {
  const fields = await formFieldsOf(baseUrl, '/login', 'email');
  const bodies = emails.map((email) => new URLSearchParams({ ...fields, email, password }).toString());
  const headers = { 'content-type': 'application/x-www-form-urlencoded', origin: baseUrl, connection: 'close' };
  return async (i) => {
    const response = await fetch(`${baseUrl}${PASSWORD_STEP_PATH}`, { method: 'POST', body: bodies[i % bodies.length], headers, redirect: 'manual' });
    await response.arrayBuffer();
    return response.status === 303 && (response.headers.get('set-cookie') ?? '').includes(sessionCookie);
  };
}
