import { spawn } from 'node:child_process';
import path from 'node:path';
import { addSamples, type LoadResult, type LoadSamples } from './load';

/**
 * The health probe during a load, from a process of its own (bench/lib/probe.mjs), as a load
 * balancer probes from outside. In the load generator's own event loop the probe's timings also
 * held that loop's pauses (up to 54 ms of event-loop delay measured there during the c=16 login
 * storm), which are the generator's, not the server's.
 */
export function probeHealth(baseUrl: string, durationMs: number): Promise<LoadResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [path.join(import.meta.dirname, 'probe.mjs'), `${baseUrl}/api/health`, String(durationMs)], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let out = '';
    child.stdout.on('data', (chunk) => (out += chunk));
    child.on('error', reject);
    child.on('exit', (code) => {
      if (code !== 0) return reject(new Error(`the health probe exited with ${code}`));
      resolve(addSamples([JSON.parse(out) as LoadSamples]));
    });
  });
}
