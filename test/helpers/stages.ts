/**
 * The per-source stages (read → noise → split → elements → structure) over one real source,
 * for stage tests that need no corpus-wide stage (and so no nodejieba dictionary).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { VFile } from 'vfile';
import type { Clause } from '../../src/schema/corpus.ts';
import { Coverage } from '../../scripts/ingest/coverage.ts';
import { markNoise } from '../../scripts/ingest/noise.ts';
import { readSource } from '../../scripts/ingest/read.ts';
import { type FrontMatter, splitSource } from '../../scripts/ingest/split.ts';
import { type Draft, structureDocument } from '../../scripts/ingest/structure.ts';
import { SOURCES, realSources } from './corpus.ts';

export interface Parsed {
  file: VFile;
  /** Where every line went (noise, metadata, document). */
  cov: Coverage;
  frontMatter: FrontMatter | null;
  drafts: Draft[];
  /** The source's lines as printed (1-based: raw[n - 1]). */
  raw: string[];
}

const parsed = new Map<string, Parsed>();

/** The per-source stages over one real source, by its number prefix ('001'); once per worker. */
export function source(prefix: string): Parsed {
  const name = realSources().find((s) => s.file.startsWith(`${prefix}_`))!.file;
  let p = parsed.get(name);
  if (!p) {
    const bytes = readFileSync(join(SOURCES, name));
    const file = new VFile({ path: name });
    const cov = new Coverage(readSource(file, bytes));
    markNoise(cov);
    const { frontMatter, slices } = splitSource(file, cov);
    const drafts = slices.map((s, k) => structureDocument(file, cov, s, `${name}#${k}`));
    p = { file, cov, frontMatter, drafts, raw: new TextDecoder().decode(bytes).split(/\r?\n/u) };
    parsed.set(name, p);
  }
  return p;
}

/** The document of a source with this 文号 (as normalised: 教职成〔2019〕6号). */
export function draft(prefix: string, docNumber: string): Draft {
  const d = source(prefix).drafts.find((x) => x.elements.docNumber?.text === docNumber);
  if (!d) throw new Error(`no ${docNumber} in ${prefix}`);
  return d;
}

export function walk(cs: Clause[]): Clause[] {
  return cs.flatMap((c) => [c, ...walk(c.children)]);
}

export function find(cs: Clause[], anchor: string): Clause {
  const c = walk(cs).find((x) => x.anchor === anchor);
  if (!c) throw new Error(`no clause ${anchor}`);
  return c;
}

/** The messages a source's per-source stages reported, as [line, ruleId]. */
export function messages(prefix: string, ruleId: string): number[] {
  return source(prefix).file.messages.filter((m) => m.ruleId === ruleId).map((m) => m.line ?? 0);
}
