/**
 * The ingest cache: what the parser and the per-source stages (parse → noise → split → elements
 * → structure, stages.ts) made of one source — its tree with the documents' drafts, its coverage
 * marks, front matter and messages — kept on disk so an unchanged source is not parsed again.
 *
 * Key: SHA-256 of the parser version, the file name and the file's bytes. The file name is
 * part of the key because the result names its file (draft keys, messages, coverage).
 *
 * Parser version: a SHA-256 of the text of every module under scripts/ingest/ and
 * src/schema/ plus package-lock.json, computed at start-up (a few ms). A hand-bumped
 * PARSER_VERSION constant would be cheaper but relies on whoever edits a stage remembering
 * to bump it; a stale cache would then silently serve the old parse. Hashing the code
 * cannot forget, and over-invalidating (a change to a downstream stage also clears the
 * cache) only costs one full parse.
 *
 * Layout: `<dir>/<version>/<key>.json`; folders of other versions are removed when a new
 * version first writes. Writes go to a temporary file and are renamed into place, so two
 * runs at once (parallel tests) never read half an entry. A broken entry is a miss.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, readdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { ParsedSource, SourceCache } from './context.ts';

const ROOT = join(import.meta.dirname, '..', '..');
/** Entries kept per version; beyond this the oldest are removed. */
const MAX_ENTRIES = 5000;

function filesUnder(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && /\.ts$/u.test(e.name))
    .map((e) => join(e.parentPath, e.name))
    .sort();
}

let version: string | undefined;
/** The parser version: a hash of the code that produces a parsed source (see above). */
export function parserVersion(): string {
  if (version) return version;
  const h = createHash('sha256');
  const files = [...filesUnder(join(ROOT, 'scripts', 'ingest')), ...filesUnder(join(ROOT, 'src', 'schema')), join(ROOT, 'package-lock.json')];
  for (const f of files) {
    if (!existsSync(f)) continue;
    h.update(relative(ROOT, f));
    h.update('\0');
    h.update(readFileSync(f));
    h.update('\0');
  }
  version = h.digest('hex').slice(0, 16);
  return version;
}

export class DiskSourceCache implements SourceCache {
  readonly dir: string;
  readonly stats = { hits: 0, misses: 0, writes: 0 };
  private cleaned = false;

  constructor(root: string, parser: string = parserVersion()) {
    this.dir = join(root, parser);
  }

  private path(file: string, bytes: Uint8Array): string {
    const key = createHash('sha256').update(file).update('\0').update(bytes).digest('hex');
    return join(this.dir, `${key}.json`);
  }

  has(file: string, bytes: Uint8Array): boolean {
    return existsSync(this.path(file, bytes));
  }

  get(file: string, bytes: Uint8Array): ParsedSource | undefined {
    const p = this.path(file, bytes);
    try {
      const parsed = JSON.parse(readFileSync(p, 'utf8')) as ParsedSource;
      this.stats.hits++;
      return parsed;
    } catch {
      this.stats.misses++;
      return undefined;
    }
  }

  set(file: string, bytes: Uint8Array, parsed: ParsedSource): void {
    try {
      if (!this.cleaned) this.clean();
      mkdirSync(this.dir, { recursive: true });
      const p = this.path(file, bytes);
      const tmp = `${p}.tmp-${process.pid}`;
      writeFileSync(tmp, JSON.stringify(parsed));
      renameSync(tmp, p);
      this.stats.writes++;
    } catch {
      // A cache that cannot be written is no cache: the run goes on without it.
    }
  }

  /** Removes the folders of other parser versions, and the oldest entries beyond MAX_ENTRIES. */
  private clean(): void {
    this.cleaned = true;
    const root = join(this.dir, '..');
    if (existsSync(root)) {
      for (const e of readdirSync(root)) if (join(root, e) !== this.dir) rmSync(join(root, e), { recursive: true, force: true });
    }
    if (!existsSync(this.dir)) return;
    const entries = readdirSync(this.dir).filter((f) => f.endsWith('.json'));
    if (entries.length <= MAX_ENTRIES) return;
    const aged = entries.map((f) => ({ f, t: statSync(join(this.dir, f)).mtimeMs })).sort((a, b) => a.t - b.t);
    for (const { f } of aged.slice(0, entries.length - MAX_ENTRIES)) rmSync(join(this.dir, f), { force: true });
  }
}
