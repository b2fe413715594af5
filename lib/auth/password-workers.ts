import 'server-only';
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import bcrypt from 'bcryptjs';

/**
 * The password work off the event loop: bcrypt, and the strength check of a new password.
 * bcryptjs and zxcvbn are pure JavaScript; bcryptjs's async API only slices the work on the one
 * event-loop thread, and zxcvbn has none. A login storm would pin the server at one core, and a
 * long new password hold it for up to 0.1 s, while every other request waits. A small pool of
 * worker threads, one per core, runs them while the event loop keeps serving (decision 0005).
 * The hashes stay standard bcrypt.
 *
 * The worker is a few lines of source evaluated in place (no separate file for the bundler
 * to find); it loads bcryptjs and zxcvbn from node_modules, like the server does.
 */

/**
 * How much lower the workers' scheduling priority is than the event loop's (nice, 0–19): the
 * lowest. At 10 a health probe during a login storm still waited up to 58–84 ms (p99) for the
 * event loop's core; at 19, 21–30 ms, with the same share of the cores for bcrypt (decision 0005).
 */
const WORKER_NICENESS = 19;

/** How a worker builds zxcvbn's matcher: packages by name (the worker requires them) and options. */
export type StrengthSetup = { graphs: string; dictionaries: readonly string[]; options: Record<string, unknown> };
/** zxcvbn's judgement of a password, as the policy reads it. */
export type StrengthResult = { score: number; feedback: { warning: string | null; suggestions: string[] } };

const WORKER_SOURCE = `
const { parentPort } = require('node:worker_threads');
const bcrypt = require('bcryptjs');
// A lower priority for this thread only (Linux: a thread id is a process id to setpriority): with
// every core hashing, the event loop still gets a core the moment it has a request to serve.
try {
  const tid = Number(require('node:fs').readlinkSync('/proc/thread-self').split('/').pop());
  require('node:os').setPriority(tid, ${WORKER_NICENESS});
} catch {}
let matcher;
function strength({ password, userInputs, setup }) {
  if (!matcher) {
    const { ZxcvbnFactory } = require('@zxcvbn-ts/core');
    const dictionary = Object.assign({}, ...setup.dictionaries.map((name) => require(name).dictionary));
    matcher = new ZxcvbnFactory(Object.assign({}, setup.options, { graphs: require(setup.graphs).adjacencyGraphs, dictionary }));
  }
  const { score, feedback } = matcher.check(password, userInputs);
  return { score, feedback: { warning: feedback.warning, suggestions: feedback.suggestions } };
}
parentPort.on('message', ({ id, op, password, arg }) => {
  try {
    const result = op === 'hash' ? bcrypt.hashSync(password, arg) : op === 'compare' ? bcrypt.compareSync(password, arg) : strength({ password, ...arg });
    parentPort.postMessage({ id, result });
  } catch (error) {
    parentPort.postMessage({ id, error: String(error && error.message || error) });
  }
});
`;

type StrengthArg = { userInputs: string[]; setup: StrengthSetup };
/** What a worker is sent: data only (a function cannot cross to a thread). */
type Job =
  { op: 'hash'; password: string; arg: number } | { op: 'compare'; password: string; arg: string } | { op: 'strength'; password: string; arg: StrengthArg };
type Result = string | boolean | StrengthResult;
/** A job sent, with the same work on this thread for when its worker dies. */
type Pending = { here: () => Promise<Result>; resolve: (value: Result) => void; reject: (error: Error) => void };
/** A worker and the jobs it has been sent and not yet answered. */
type Slot = { worker: Worker; jobs: Map<number, Pending> };

const POOL_SIZE = Math.max(1, Number(process.env.BCRYPT_WORKERS) || availableParallelism());

let slots: Slot[] | null = null;
let poolBroken = false;
let nextId = 0;

function startPool(): Slot[] {
  return Array.from({ length: POOL_SIZE }, () => {
    const worker = new Worker(WORKER_SOURCE, { eval: true });
    const slot: Slot = { worker, jobs: new Map() };
    worker.on('message', ({ id, result, error }: { id: number; result?: Result; error?: string }) => {
      const pending = slot.jobs.get(id);
      slot.jobs.delete(id);
      if (slot.jobs.size === 0) worker.unref();
      if (error !== undefined) pending?.reject(new Error(error));
      else pending?.resolve(result!);
    });
    const fail = (reason: unknown) => {
      if (slot.jobs.size === 0 && poolBroken) return;
      // A broken pool must not lose logins: from now on, and for the jobs this worker held,
      // the work runs on the main thread.
      console.error('[password-workers] worker stopped; password work on the main thread from now on', reason);
      poolBroken = true;
      for (const { here, resolve, reject } of slot.jobs.values()) here().then(resolve, reject);
      slot.jobs.clear();
    };
    worker.on('error', fail);
    worker.on('exit', (code) => fail(`exit code ${code}`));
    worker.unref(); // idle workers never keep the process alive (after the listeners, which would ref it again)
    return slot;
  });
}

/** `job` on a worker; `here` is the same work on this thread, for when there are no workers. */
function run(job: Job, here: () => Promise<Result>): Promise<Result> {
  if (!poolBroken) {
    try {
      slots ??= startPool();
    } catch (error) {
      console.error('[password-workers] cannot start workers; password work on the main thread', error);
      poolBroken = true;
    }
  }
  if (poolBroken || !slots) return here();
  // Strength checks all go to the first worker: one copy of zxcvbn's dictionaries (about 60 MB),
  // and a flood of them holds one core at most. bcrypt goes to the worker with the fewest jobs.
  const slot = job.op === 'strength' ? slots[0]! : slots.reduce((least, candidate) => (candidate.jobs.size < least.jobs.size ? candidate : least));
  const id = nextId++;
  // A worker with a job holds the process open until the answer comes (a script such as the seed
  // would otherwise exit mid-hash, silently); an idle one does not.
  if (slot.jobs.size === 0) slot.worker.ref();
  return new Promise((resolve, reject) => {
    slot.jobs.set(id, { here, resolve, reject });
    slot.worker.postMessage({ id, ...job });
  });
}

export function bcryptHash(password: string, cost: number): Promise<string> {
  return run({ op: 'hash', password, arg: cost }, () => bcrypt.hash(password, cost)) as Promise<string>;
}

export function bcryptCompare(password: string, hash: string): Promise<boolean> {
  return run({ op: 'compare', password, arg: hash }, () => bcrypt.compare(password, hash)) as Promise<boolean>;
}

/**
 * zxcvbn's judgement of `password`, on a worker that builds its matcher from `setup`; `here` is
 * the same check on this thread, for when there are no workers.
 */
export function passwordStrength(password: string, { userInputs, setup }: StrengthArg, here: () => StrengthResult): Promise<StrengthResult> {
  return run({ op: 'strength', password, arg: { userInputs, setup } }, async () => here()) as Promise<StrengthResult>;
}
