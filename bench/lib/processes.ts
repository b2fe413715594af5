import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';

/** The environment of the portal under test: production mode, fixed bench-only keys. */
export function serverEnv(databaseUrl: string): Record<string, string> {
  return {
    NODE_ENV: 'production',
    NEXT_TELEMETRY_DISABLED: '1',
    DATABASE_URL: databaseUrl,
    AUTH_SECRET: 'YmVuY2gtYXV0aC1zZWNyZXQtbm90LWZvci1wcm9kISE=',
    TOTP_ENCRYPTION_KEYS: 'bench:YmVuY2gtdG90cC1rZXktMzItYnl0ZXMtbG9uZy1vayE=',
    APP_NAME: 'Office Portal',
    HELPDESK_EMAIL: 'helpdesk@portal.example',
    APP_URL: 'http://localhost:3000',
  };
}

export function run(command: string, args: string[], env: Record<string, string> = {}): string {
  return execFileSync(command, args, { env: { ...process.env, ...env }, encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });
}

/** `group`: the server's process group (it is started detached), for reading its CPU (thread-cpu.ts). */
export type Server = { baseUrl: string; group: number; stop: () => Promise<void> };

/**
 * `next start` on a loopback port; resolves when `readyPath` answers. `cwd` runs another app's
 * build (the peers in bench/peers/); `nodeArgs` go to the server's Node itself (--cpu-prof is not
 * allowed in NODE_OPTIONS), which then runs Next's own bin instead of npx.
 */
export async function startServer(
  port: number,
  env: Record<string, string>,
  { cwd, readyPath = '/login', nodeArgs }: { cwd?: string; readyPath?: string; nodeArgs?: string[] } = {},
): Promise<Server> {
  const args = ['start', '-p', String(port), '-H', '127.0.0.1'];
  const [command, commandArgs] = nodeArgs
    ? [process.execPath, [...nodeArgs, path.join(cwd ?? process.cwd(), 'node_modules', 'next', 'dist', 'bin', 'next'), ...args]]
    : ['npx', ['next', ...args]];
  const child: ChildProcess = spawn(command, commandArgs, {
    cwd,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'ignore', 'inherit'],
    detached: true,
  });
  const baseUrl = `http://127.0.0.1:${port}`;
  const stop = async () => {
    try {
      process.kill(-child.pid!, 'SIGTERM');
    } catch {}
    await new Promise((resolve) => setTimeout(resolve, 500));
  };
  for (let i = 0; i < 120; i++) {
    try {
      const response = await fetch(`${baseUrl}${readyPath}`);
      if (response.ok) return { baseUrl, group: child.pid!, stop };
    } catch {}
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  await stop();
  throw new Error('the server did not start within 60 s');
}
