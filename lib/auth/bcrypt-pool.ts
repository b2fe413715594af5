import 'server-only';
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import bcrypt from 'bcryptjs';

/**
 * bcrypt off the main thread. bcryptjs is pure JavaScript: its async API only slices the work
 * on the one event-loop thread, so a login storm would pin the server at one core and make
 * every other request wait behind the hashes. A small pool of worker threads, one per core,
 * runs them in parallel while the event loop keeps serving. The hashes stay standard bcrypt.
 *
 * The worker is a few lines of source evaluated in place (no separate file for the bundler
 * to find); it loads bcryptjs from node_modules, like the server does.
 */

/**
 * How much lower the workers' scheduling priority is than the event loop's (nice, 0–19): the
 * lowest. At 10 a health probe during a login storm still waited up to 58–84 ms (p99) for the
 * event loop's core; at 19, 21–30 ms, with the same share of the cores for bcrypt (decision 0005).
 */
const WORKER_NICENESS = 19;

const WORKER_SOURCE = `
const { parentPort } = require('node:worker_threads');
const bcrypt = require('bcryptjs');
// A lower priority for this thread only (Linux: a thread id is a process id to setpriority): with
// every core hashing, the event loop still gets a core the moment it has a request to serve.
try {
  const tid = Number(require('node:fs').readlinkSync('/proc/thread-self').split('/').pop());
  require('node:os').setPriority(tid, ${WORKER_NICENESS});
} catch {}
parentPort.on('message', ({ id, op, password, arg }) => {
  try {
    const result = op === 'hash' ? bcrypt.hashSync(password, arg) : bcrypt.compareSync(password, arg);
    parentPort.postMessage({ id, result });
  } catch (error) {
    parentPort.postMessage({ id, error: String(error && error.message || error) });
  }
});
`;

type Job = { op: 'hash' | 'compare'; password: string; arg: string | number };
type Pending = { job: Job; resolve: (value: string | boolean) => void; reject: (error: Error) => void };
/** A worker and the jobs it has been sent and not yet answered. */
type Slot = { worker: Worker; jobs: Map<number, Pending> };

const POOL_SIZE = Math.max(1, Number(process.env.BCRYPT_WORKERS) || availableParallelism());

let slots: Slot[] | null = null;
let poolBroken = false;
let nextId = 0;

function onMainThread(job: Job): Promise<string | boolean> {
  return job.op === 'hash' ? bcrypt.hash(job.password, job.arg as number) : bcrypt.compare(job.password, job.arg as string);
}

function startPool(): Slot[] {
  return Array.from({ length: POOL_SIZE }, () => {
    const worker = new Worker(WORKER_SOURCE, { eval: true });
    const slot: Slot = { worker, jobs: new Map() };
    worker.on('message', ({ id, result, error }: { id: number; result?: string | boolean; error?: string }) => {
      const pending = slot.jobs.get(id);
      slot.jobs.delete(id);
      if (slot.jobs.size === 0) worker.unref();
      if (error !== undefined) pending?.reject(new Error(error));
      else pending?.resolve(result!);
    });
    const fail = (reason: unknown) => {
      if (slot.jobs.size === 0 && poolBroken) return;
      // A broken pool must not lose logins: from now on, and for the jobs this worker held,
      // bcrypt runs on the main thread.
      console.error('[bcrypt-pool] worker stopped; hashing on the main thread from now on', reason);
      poolBroken = true;
      for (const { job, resolve, reject } of slot.jobs.values()) onMainThread(job).then(resolve, reject);
      slot.jobs.clear();
    };
    worker.on('error', fail);
    worker.on('exit', (code) => fail(`exit code ${code}`));
    worker.unref(); // idle workers never keep the process alive (after the listeners, which would ref it again)
    return slot;
  });
}

function run(job: Job): Promise<string | boolean> {
  if (!poolBroken) {
    try {
      slots ??= startPool();
    } catch (error) {
      console.error('[bcrypt-pool] cannot start workers; hashing on the main thread', error);
      poolBroken = true;
    }
  }
  if (poolBroken || !slots) return onMainThread(job);
  const slot = slots.reduce((least, candidate) => (candidate.jobs.size < least.jobs.size ? candidate : least));
  const id = nextId++;
  // A worker with a job holds the process open until the answer comes (a script such as the seed
  // would otherwise exit mid-hash, silently); an idle one does not.
  if (slot.jobs.size === 0) slot.worker.ref();
  return new Promise((resolve, reject) => {
    slot.jobs.set(id, { job, resolve, reject });
    slot.worker.postMessage({ id, ...job });
  });
}

export function bcryptHash(password: string, cost: number): Promise<string> {
  return run({ op: 'hash', password, arg: cost }) as Promise<string>;
}

export function bcryptCompare(password: string, hash: string): Promise<boolean> {
  return run({ op: 'compare', password, arg: hash }) as Promise<boolean>;
}
