/**
 * A Vitest reporter (`npm run test:durations`): each test file's time — importing it, then its tests
 * and hooks — with the worker that ran it, longest first, then the sum and the wall time. Where
 * `npm test`'s time goes, file by file; the per-test times are in the default reporter's output.
 */
import type { Reporter, TestModule } from 'vitest/node';

interface Row {
  file: string;
  worker: number;
  importMs: number;
  runMs: number;
  state: string;
}

export default class Durations implements Reporter {
  private readonly rows: Row[] = [];
  private readonly start = performance.now();

  onTestModuleEnd(m: TestModule): void {
    const d = m.diagnostic();
    this.rows.push({ file: m.moduleId.replace(/^.*?\/test\//u, 'test/'), worker: d.concurrencyId, importMs: d.collectDuration, runMs: d.duration, state: m.state() });
  }

  onTestRunEnd(): void {
    const s = (ms: number) => (ms / 1000).toFixed(1);
    const total = (r: Row) => r.importMs + r.runMs;
    const rows = [...this.rows].sort((a, b) => total(b) - total(a));
    const width = Math.max(...rows.map((r) => r.file.length));
    const lines = rows.map((r) => `${r.file.padEnd(width)}  ${s(total(r)).padStart(6)} s  (import ${s(r.importMs)}, tests and hooks ${s(r.runMs)})  worker ${r.worker}${r.state === 'passed' ? '' : `  ${r.state}`}`);
    lines.push(`${rows.length} files: ${s(rows.reduce((n, r) => n + total(r), 0))} s in all, ${s(performance.now() - this.start)} s wall`);
    console.log(`\n${lines.join('\n')}`);
  }
}
