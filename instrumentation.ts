/**
 * Runs once when a server instance starts. The check lives in a Node.js-only module: the
 * NEXT_RUNTIME test is replaced at build time, so the Edge bundle never sees process.exit.
 */
export async function register() {
  if (process.env.NEXT_RUNTIME === 'nodejs') {
    const { checkEnvironmentAtStart } = await import('./lib/startup-check');
    checkEnvironmentAtStart();
  }
}
