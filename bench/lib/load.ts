/**
 * A closed-loop load generator: `concurrency` workers each send a request, wait for the answer,
 * send the next. Every latency is kept, so percentiles are exact. It runs in the bench process
 * on the same two cores as the server: what it costs is part of every figure here.
 */
export type LoadResult = {
  requests: number;
  errors: number;
  seconds: number;
  perSecond: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
};

export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

export function summarise(latencies: number[], errors: number, seconds: number): LoadResult {
  const sorted = [...latencies].sort((a, b) => a - b);
  const round = (n: number) => Math.round(n * 10) / 10;
  return {
    requests: latencies.length,
    errors,
    seconds: round(seconds),
    perSecond: round(latencies.length / seconds),
    p50: round(percentile(sorted, 50)),
    p95: round(percentile(sorted, 95)),
    p99: round(percentile(sorted, 99)),
    max: round(sorted.at(-1) ?? NaN),
  };
}

/**
 * Runs until `total` requests are done or `durationMs` has passed. `send(i)` performs request i
 * and returns whether its answer was the expected one. With `paceMs`, a worker starts a request
 * at most every paceMs (a probe, as a load balancer's health check, rather than more load).
 */
export type LoadOptions = {
  concurrency: number;
  total?: number;
  durationMs?: number;
  paceMs?: number;
  send: (i: number) => Promise<boolean>;
};

export async function load(options: LoadOptions): Promise<LoadResult> {
  return addSamples([await loadSamples(options)]);
}

/** What one load gives before it is summarised: several loads' samples add up (`addSamples`), as rounds of one measurement. */
export type LoadSamples = { latencies: number[]; errors: number; seconds: number };

export function addSamples(all: LoadSamples[]): LoadResult {
  return summarise(
    all.flatMap((samples) => samples.latencies),
    all.reduce((sum, samples) => sum + samples.errors, 0),
    all.reduce((sum, samples) => sum + samples.seconds, 0),
  );
}

export async function loadSamples({ concurrency, total = Infinity, durationMs = Infinity, paceMs = 0, send }: LoadOptions): Promise<LoadSamples> {
  const latencies: number[] = [];
  let errors = 0;
  let next = 0;
  const started = performance.now();
  const worker = async () => {
    while (next < total && performance.now() - started < durationMs) {
      const i = next++;
      const t = performance.now();
      let ok = false;
      try {
        ok = await send(i);
      } catch {
        ok = false;
      }
      const took = performance.now() - t;
      latencies.push(took);
      if (!ok) errors += 1;
      if (paceMs > took) await new Promise((resolve) => setTimeout(resolve, paceMs - took));
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  return { latencies, errors, seconds: (performance.now() - started) / 1000 };
}
