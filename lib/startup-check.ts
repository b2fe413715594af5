import { env, EnvError } from '@/lib/env';

/**
 * In production a missing or weak secret stops the server here, with a message naming the
 * variable, instead of failing on the first login. In development the error surfaces on the
 * first request that needs the variable. True when the environment is complete.
 */
export function checkEnvironmentAtStart(): boolean {
  try {
    env();
    return true;
  } catch (error) {
    if (!(error instanceof EnvError) || process.env.NODE_ENV !== 'production') return false;
    console.error(`\n${error.message}\n\nThe server cannot start without these settings.\n`);
    process.exit(1);
  }
}
