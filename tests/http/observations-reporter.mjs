/**
 * A Jest reporter for the HTTP suites: after the run, one row per test that ran, with its result
 * and what it observed (tests/http/observe.ts), as the Markdown table the attack suite has
 * always ended with. Plain JavaScript: Jest loads reporters untransformed.
 */
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

export default class ObservationsReporter {
  constructor() {
    // Set before any test file starts: tests in this process and workers started later see it.
    this.file = path.join(tmpdir(), `http-suite-observations-${process.pid}.jsonl`);
    rmSync(this.file, { force: true });
    process.env.HTTP_SUITE_OBSERVATIONS = this.file;
  }

  onRunComplete(_contexts, results) {
    const seen = new Map();
    if (existsSync(this.file)) {
      for (const line of readFileSync(this.file, 'utf8').split('\n').filter(Boolean)) {
        const { test, text } = JSON.parse(line);
        seen.set(test, [...(seen.get(test) ?? []), text]);
      }
      rmSync(this.file, { force: true });
    }
    const rows = [];
    for (const file of [...results.testResults].sort((x, y) => x.testFilePath.localeCompare(y.testFilePath))) {
      for (const test of file.testResults) {
        if (test.status !== 'passed' && test.status !== 'failed') continue;
        const observed = (seen.get(test.fullName) ?? []).join('; ').replace(/\|/g, '/').replace(/\s+/g, ' ');
        const time = test.duration == null ? '' : `${(test.duration / 1000).toFixed(1)} s`;
        rows.push(
          `| ${rows.length + 1} | ${path.basename(file.testFilePath)} | ${test.fullName} | ${test.status === 'passed' ? 'PASS' : 'FAIL'} | ${time} | ${observed.slice(0, 400)} |`,
        );
      }
    }
    if (!rows.length) return;
    console.log(['', '| # | file | test | result | time | what was observed |', '|---|---|---|---|---|---|', ...rows, ''].join('\n'));
  }
}
