/**
 * Provenance to the page (issue 13): every place that points into a PDF source is rewritten from the
 * source's global line number to its physical page and the line within that page.
 *
 * The PDF parser gives each line node a GLOBAL line number n (`position.start.line`, so the line-based
 * stages work unchanged) and `data.page` (1-based physical page) and `data.pageLine` (1-based line within
 * the page). This stage reads that as a page map (n → [page, pageLine]) per source and walks the
 * collections once, generically:
 *
 * - an object's file is its own `file`, else its `source.file` (a clause, a skill row, a variant, an
 *   event …), else the file of the object it sits in (a position inside a clause, a table row);
 * - in a file that has a page map: `line` → `{ page, line }`, `startLine`/`endLine` → `startPage`/
 *   `startLine`, `endPage`/`endLine`, and a clause's `lineStarts` entries [offset, n, column] →
 *   [offset, pageLine, column, page].
 *
 * Sources without pages (text, Markdown) have no map and nothing in them changes. The stage builds new
 * objects and never mutates what it reads (the drafts and the source cache share the clause objects).
 * report.json's anomalies are translated with the same maps in emit (pipeline.ts, `pagedAnomaly`).
 */
import type { ParsedSource } from './context.ts';
import { lineNodes, type SourceRoot } from './parse/tree.ts';

/** A line's place in a PDF: [1-based physical page, 1-based line within the page]. */
export type PagePlace = readonly [page: number, line: number];

/** One source's page map: global line n → [page, line within the page]. */
export type PageMap = ReadonlyMap<number, PagePlace>;

/** The page map of one tree, or null when its lines carry no pages (a text source). */
export function pageMapOf(tree: SourceRoot): PageMap | null {
  const map = new Map<number, PagePlace>();
  for (const l of lineNodes(tree)) {
    const { page, pageLine } = l.data ?? {};
    if (page !== undefined && pageLine !== undefined) map.set(l.position.start.line, [page, pageLine]);
  }
  return map.size > 0 ? map : null;
}

/** The page maps of the sources whose lines carry pages, by file name. */
export function pageMaps(sources: ReadonlyMap<string, Pick<ParsedSource, 'tree'>>): Map<string, PageMap> {
  const out = new Map<string, PageMap>();
  for (const [file, s] of sources) {
    const m = pageMapOf(s.tree);
    if (m) out.set(file, m);
  }
  return out;
}

/**
 * A global line's page place. A line the map does not hold (a line number a stage computed past the last
 * line node) takes the place of the nearest line before it, counted on from there on its page (a line before the
 * first one: line 1 of the first line's page).
 */
export function placeOf(map: PageMap, n: number): PagePlace {
  const hit = map.get(n);
  if (hit) return hit;
  for (let k = n - 1; k >= 1; k--) {
    const before = map.get(k);
    if (before) return [before[0], before[1] + (n - k)];
  }
  // Before the first line: on the first line's page, at its line.
  let first: PagePlace | undefined;
  let firstN = Infinity;
  for (const [k, place] of map) if (k < firstN) [firstN, first] = [k, place];
  return first ? [first[0], 1] : [1, n];
}

/** A PDF source's number of pages: the parser's `pageCount` on the root, else the last page a line is on; undefined for text. */
export function pagesOf(tree: SourceRoot, map: PageMap | undefined): number | undefined {
  return tree.data?.pageCount ?? (map ? pageCount(map) : undefined);
}

/** The number of physical pages a page map shows (its last page). */
export function pageCount(map: PageMap): number {
  let max = 0;
  for (const [p] of map.values()) max = Math.max(max, p);
  return max;
}

const isObject = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);

/** The file an object points into: its own `file`, else its `source.file`, else the one it inherits. */
function fileOf(o: Record<string, unknown>, inherited: string | null): string | null {
  if (typeof o.file === 'string') return o.file;
  if (isObject(o.source) && typeof o.source.file === 'string') return o.source.file;
  return inherited;
}

/**
 * A copy of `value` with every place in a paged file rewritten to { page, line within the page }.
 * `value` itself is not changed; parts with nothing to rewrite are copied all the same (plain JSON data).
 */
export function toPages<T>(value: T, maps: ReadonlyMap<string, PageMap>, file: string | null = null): T {
  if (maps.size === 0) return value;
  return walk(value, maps, file) as T;
}

function walk(value: unknown, maps: ReadonlyMap<string, PageMap>, inherited: string | null): unknown {
  if (Array.isArray(value)) return value.map((v) => walk(v, maps, inherited));
  if (!isObject(value)) return value;
  const file = fileOf(value, inherited);
  const map = file === null ? undefined : maps.get(file);
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) {
    if (map && k === 'lineStarts' && Array.isArray(v)) {
      out[k] = v.map((e) => {
        if (!Array.isArray(e) || e.length !== 3) return e;
        const [offset, n, column] = e as [number, number, number];
        const [page, line] = placeOf(map, n);
        return [offset, line, column, page];
      });
    } else out[k] = walk(v, maps, file);
  }
  if (map) {
    for (const [lineKey, pageKey] of [['line', 'page'], ['startLine', 'startPage'], ['endLine', 'endPage']] as const) {
      const n = value[lineKey];
      if (typeof n !== 'number' || n < 1 || typeof value[pageKey] === 'number') continue;
      const [page, line] = placeOf(map, n);
      out[lineKey] = line;
      out[pageKey] = page;
    }
  }
  return out;
}

/** An anomaly of report.json with its line in a paged file rewritten (line 0, no place, stays as it is). */
export function pagedAnomaly<A extends { file: string; line: number; page?: number }>(a: A, maps: ReadonlyMap<string, PageMap>): A {
  const map = maps.get(a.file);
  if (!map || a.line < 1) return a;
  const [page, line] = placeOf(map, a.line);
  return { ...a, page, line };
}
