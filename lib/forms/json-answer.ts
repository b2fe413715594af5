/**
 * A JSON answer to the page's script, never compressed: `next start` compresses every answer of a
 * route handler (it drops Content-Length, so its compression cannot see the size), which for a
 * dozen bytes is a gzip stream set up and torn down, 5 % of the process at c=20. `no-transform` is
 * the one thing its compression (and any proxy) leaves alone. The login's route handlers answer
 * with it (lib/forms/form-post.ts), and so do their refusals before the body is read
 * (lib/forms/unacceptable-request.ts).
 */
export function jsonAnswer(value: unknown, status: number): Response {
  return new Response(JSON.stringify(value), { status, headers: { 'Cache-Control': 'no-store, no-transform', 'Content-Type': 'application/json' } });
}
