/**
 * What a test of the HTTP suites saw (answers, counts, timings), kept with its name for the
 * table tests/http/observations-reporter.mjs prints at the end of the run: a passing attack
 * still shows what the portal answered. The pass or fail itself is Jest's, from `expect`.
 */
import { appendFileSync } from 'node:fs';

export function observe(text: string): void {
  const { currentTestName } = expect.getState();
  const file = process.env.HTTP_SUITE_OBSERVATIONS;
  if (file) appendFileSync(file, `${JSON.stringify({ test: currentTestName, text })}\n`);
  else console.log(`${currentTestName}: ${text}`);
}
