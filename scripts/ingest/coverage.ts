/**
 * Where every non-blank source line went. Stages mark lines; `emit` counts them.
 * A line nobody marked is an anomaly: the ingest lost text.
 */
import type { VFile } from 'vfile';
import type { NoiseReason } from '../../src/schema/corpus.ts';
import type { Line, SourceText } from './parse/lines.ts';

export type Disposition =
  | { as: 'document'; doc: string }
  | { as: 'metadata'; what: string }
  | { as: 'noise'; reason: NoiseReason };

export class Coverage {
  readonly source: SourceText;
  private readonly marks = new Map<number, Disposition>();

  constructor(source: SourceText) {
    this.source = source;
  }

  mark(line: number | Line, d: Disposition): void {
    const n = typeof line === 'number' ? line : line.n;
    if (!this.marks.has(n)) this.marks.set(n, d);
  }

  markAll(lines: Iterable<Line>, d: Disposition): void {
    for (const l of lines) this.mark(l, d);
  }

  get(n: number): Disposition | undefined {
    return this.marks.get(n);
  }

  isNoise(n: number): boolean {
    return this.marks.get(n)?.as === 'noise';
  }

  /** Non-blank lines with no disposition. */
  unaccounted(): Line[] {
    return this.source.lines.filter((l) => l.text.trim() !== '' && !this.marks.has(l.n));
  }

  counts(): { nonBlank: number; covered: number; noise: Record<string, number> } {
    let nonBlank = 0;
    let covered = 0;
    const noise: Record<string, number> = {};
    for (const l of this.source.lines) {
      if (l.text.trim() === '') continue;
      nonBlank++;
      const d = this.marks.get(l.n);
      if (!d) continue;
      covered++;
      if (d.as === 'noise') noise[d.reason] = (noise[d.reason] ?? 0) + 1;
    }
    return { nonBlank, covered, noise };
  }
}

/** Every non-blank line nobody took, reported where it stands (the last step of a source's processing). */
export function reportUnaccounted(file: VFile, cov: Coverage): void {
  for (const l of cov.unaccounted()) {
    file.message(`此行未被任何文件、元数据或噪声规则收录：“${l.text.trim().slice(0, 40)}”`, { place: { line: l.n, column: 1 }, ruleId: 'unaccounted-line', source: 'coverage' });
  }
}
