/**
 * CPU time a server process spent, by kind of thread, read from Linux's /proc (the bench runs on
 * Linux; elsewhere it reads nothing). During the password storm this is where a sign-in's CPU goes
 * on two cores: the event loop (HTTP, the route, Prisma), the worker threads (bcrypt, decision
 * 0005: Node's workers carry the process's title), and everything else (V8's GC and compiler
 * threads, libuv). Utilisation of a core is this over the wall time.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';

export type ThreadCpu = { eventLoop: number; workers: number; other: number; elsewhere: number };

/** The process of `group` (a detached child's process group) whose title starts with `title`, or null. */
function processOfGroup(group: number, title: string): number | null {
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    const stat = statFields(`/proc/${entry}/stat`);
    if (stat && stat.fields[2] === String(group) && stat.name.startsWith(title)) return Number(entry);
  }
  return null;
}

/** A /proc stat line: the thread's name, and the fields after it (state is [0], utime [11], stime [12]). */
function statFields(file: string): { name: string; fields: string[] } | null {
  try {
    const line = readFileSync(file, 'utf8');
    return { name: line.slice(line.indexOf('(') + 1, line.lastIndexOf(')')), fields: line.slice(line.lastIndexOf(')') + 2).split(' ') };
  } catch {
    return null; // a process or thread that ended while the list was read
  }
}

const TICK_MS = 10; // USER_HZ is 100 on Linux

/** CPU milliseconds the whole machine has spent (all cores, user, nice, system, interrupts), from /proc/stat. */
function machineCpu(): number {
  const [, user, nice, system, , , irq, softirq, steal] = readFileSync('/proc/stat', 'utf8').split('\n')[0].trim().split(/\s+/).map(Number);
  return (user + nice + system + irq + softirq + steal) * TICK_MS;
}

/**
 * CPU milliseconds so far, by kind of thread, of the `next-server` process in `group`, and
 * `elsewhere`: the rest of the machine's (the database server, the load generator, the probe, the
 * kernel); zeros where /proc is not there.
 */
export function threadCpu(group: number, title = 'next-server'): ThreadCpu {
  const cpu = { eventLoop: 0, workers: 0, other: 0, elsewhere: 0 };
  const pid = existsSync('/proc') ? processOfGroup(group, title) : null;
  if (pid === null) return cpu;
  const machine = machineCpu();
  for (const tid of readdirSync(`/proc/${pid}/task`)) {
    const stat = statFields(`/proc/${pid}/task/${tid}/stat`);
    if (!stat) continue;
    const ms = (Number(stat.fields[11]) + Number(stat.fields[12])) * TICK_MS;
    if (tid === String(pid)) cpu.eventLoop += ms;
    else if (stat.name.startsWith(title)) cpu.workers += ms;
    else cpu.other += ms;
  }
  cpu.elsewhere = machine - cpu.eventLoop - cpu.workers - cpu.other;
  return cpu;
}

/** Per request: what `after` adds to `before`, divided by `requests`, to 0.1 ms. */
export function cpuPerRequest(before: ThreadCpu, after: ThreadCpu, requests: number): ThreadCpu {
  const per = (key: keyof ThreadCpu) => Math.round(((after[key] - before[key]) / Math.max(requests, 1)) * 10) / 10;
  return { eventLoop: per('eventLoop'), workers: per('workers'), other: per('other'), elsewhere: per('elsewhere') };
}
