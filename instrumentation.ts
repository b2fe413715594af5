/**
 * Runs once when a server instance starts: the environment check, then the outbox's retries and
 * the 2FA deadline reminders.
 * Both live in Node.js-only modules: the NEXT_RUNTIME test is replaced at build time, so the
 * Edge bundle never sees them.
 */
export async function register() {
  if (process.env.NEXT_RUNTIME === 'nodejs') {
    const { checkEnvironmentAtStart } = await import('./lib/startup-check');
    if (!checkEnvironmentAtStart()) return;
    const { startOutboxPoller } = await import('./lib/notifications/deliver-outbox');
    startOutboxPoller();
    const { startReminderPoller } = await import('./lib/reminders/run-reminders');
    startReminderPoller();
  }
}
