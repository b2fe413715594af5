/**
 * Runs once when a server instance starts. In production a missing or weak secret stops the
 * server here, with a message naming the variable, instead of failing on the first login.
 */
export async function register() {
  if (process.env.NEXT_RUNTIME !== 'nodejs') return;
  const { env, EnvError } = await import('@/lib/env');
  try {
    env();
  } catch (error) {
    if (error instanceof EnvError && process.env.NODE_ENV === 'production') {
      console.error(error.message);
      process.exit(1);
    }
    throw error;
  }
}
