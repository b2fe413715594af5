/**
 * A load balancer's health probe, in a process of its own (as a balancer is): GET `url` every
 * 100 ms for `durationMs`, each on a connection of its own; prints the latencies and the number
 * of answers that were not 200 as JSON. Run by bench/lib/health-probe.ts.
 *   node bench/lib/probe.mjs <url> <durationMs>
 */
const [url, durationMs] = [process.argv[2], Number(process.argv[3])];
const latencies = [];
let errors = 0;
const started = performance.now();
const end = started + durationMs;
while (performance.now() < end) {
  const sent = performance.now();
  try {
    const response = await fetch(url, { headers: { connection: 'close' } });
    await response.arrayBuffer();
    if (response.status !== 200) errors += 1;
  } catch {
    errors += 1;
  }
  const took = performance.now() - sent;
  latencies.push(took);
  if (took < 100) await new Promise((resolve) => setTimeout(resolve, 100 - took));
}
process.stdout.write(JSON.stringify({ latencies, errors, seconds: (performance.now() - started) / 1000 }));
