/**
 * The login's password step as a browser without JavaScript sends it: the login form posted on
 * a connection of its own; a sign-in is a 303 with the session cookie. The bodies are built
 * beforehand, one per user, so the load generator spends nothing on them while it measures.
 */
import { formFieldsOf, multipartBody } from './no-js-form';

/** A sender for the load generator: request `i` signs in user `i` modulo the users given. */
export async function passwordSignIn(baseUrl: string, emails: string[], password: string, sessionCookie: string): Promise<(i: number) => Promise<boolean>> {
  const fields = await formFieldsOf(baseUrl, '/login', 'email');
  const bodies = emails.map((email) => multipartBody({ ...fields, email, password, callbackUrl: '/' }));
  return async (i) => {
    const { body, contentType } = bodies[i % bodies.length];
    const headers = { 'content-type': contentType, origin: baseUrl, connection: 'close' };
    const response = await fetch(`${baseUrl}/login`, { method: 'POST', body, headers, redirect: 'manual' });
    await response.arrayBuffer();
    return response.status === 303 && (response.headers.get('set-cookie') ?? '').includes(sessionCookie);
  };
}
