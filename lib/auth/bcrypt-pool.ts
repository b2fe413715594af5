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

const WORKER_SOURCE = `
const { parentPort } = require('node:worker_threads');
const bcrypt = require('bcryptjs');
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
type Pending = { resolve: (value: string | boolean) => void; reject: (error: Error) => void };
type Slot = { worker: Worker; busy: number };

const POOL_SIZE = Math.max(1, Number(process.env.BCRYPT_WORKERS) || availableParallelism());

let slots: Slot[] | null = null;
let poolBroken = false;
let nextId = 0;
const pending = new Map<number, Pending>();

function startPool(): Slot[] {
  return Array.from({ length: POOL_SIZE }, () => {
    const worker = new Worker(WORKER_SOURCE, { eval: true });
    const slot: Slot = { worker, busy: 0 };
    worker.on('message', ({ id, result, error }: { id: number; result?: string | boolean; error?: string }) => {
      slot.busy -= 1;
      const job = pending.get(id);
      pending.delete(id);
      if (error !== undefined) job?.reject(new Error(error));
      else job?.resolve(result!);
    });
    worker.on('error', (error) => {
      // A broken pool must not lose logins: fall back to the main thread from now on.
      console.error('[bcrypt-pool] worker failed; hashing on the main thread from now on', error);
      poolBroken = true;
    });
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
  if (poolBroken || !slots) {
    return job.op === 'hash' ? bcrypt.hash(job.password, job.arg as number) : bcrypt.compare(job.password, job.arg as string);
  }
  const slot = slots.reduce((least, candidate) => (candidate.busy < least.busy ? candidate : least));
  const id = nextId++;
  slot.busy += 1;
  return new Promise((resolve, reject) => {
    pending.set(id, { resolve, reject });
    slot.worker.postMessage({ id, ...job });
  });
}

export function bcryptHash(password: string, cost: number): Promise<string> {
  return run({ op: 'hash', password, arg: cost }) as Promise<string>;
}

export function bcryptCompare(password: string, hash: string): Promise<boolean> {
  return run({ op: 'compare', password, arg: hash }) as Promise<boolean>;
}
