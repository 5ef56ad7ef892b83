/**
 * `npm run search -- "<query>" [--json] [--limit N] [--dist DIR] [--filter key:value]…`
 * `npm run search -- --stdin [--json] …` : one query per line on standard input, answered in order with one
 *   start-up (Pagefind, data.json and lookup.json loaded once); with --json one JSON object per line
 *   (`{ query, ms, hits, notHeld?, suggestions?, unknownCode? }`), else the readable answers one after another.
 *
 * Runs the browser's search code path (src/lib/search/engine.ts + Pagefind's own JS)
 * against the built site and prints url, title and excerpt of each result.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';
import { type Filters, type SearchDeps, type SearchResponse, excerptText, search } from '../../src/lib/search/engine.ts';
import { notHeldMessage } from '../../src/lib/search/lookup.ts';
import { nodeDeps } from './node-pagefind.ts';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    json: { type: 'boolean', default: false },
    stdin: { type: 'boolean', default: false },
    limit: { type: 'string', default: '10' },
    dist: { type: 'string', default: 'dist' },
    filter: { type: 'string', multiple: true },
  },
});
const query = positionals.join(' ');
if (!values.stdin && !query.trim()) {
  console.error('usage: npm run search -- "<query>" [--json] [--limit N] [--filter key:value]\n       npm run search -- --stdin [--json]   (one query per line)');
  process.exit(2);
}
if (!existsSync(join(values.dist!, 'pagefind', 'pagefind.js')) || !existsSync(join(values.dist!, 'search', 'data.json'))) {
  console.error(`search: ${values.dist}/pagefind or ${values.dist}/search is missing; run \`npm run build\` first`);
  process.exit(1);
}
const filters: Filters = {};
for (const f of values.filter ?? []) {
  const i = f.indexOf(':');
  if (i > 0) (filters[f.slice(0, i)] ??= []).push(f.slice(i + 1));
}
const limit = Math.max(1, Number(values.limit) || 10);
const deps: SearchDeps = nodeDeps(values.dist!);

function rowsOf(res: SearchResponse) {
  return res.hits.map((h) => ({
    url: h.url,
    title: h.title,
    excerpt: excerptText(h.excerpt),
    kind: h.kind,
    ...(h.reason ? { reason: h.reason } : {}),
    ...(h.sub.length ? { sub: h.sub.map((s) => ({ url: s.url, title: s.title })) } : {}),
  }));
}

function printReadable(q: string, res: SearchResponse): void {
  const rows = rowsOf(res);
  if (res.notHeld) {
    console.log(notHeldMessage(res.notHeld));
    for (const c of res.notHeld.citedBy) console.log(`   ${c.url}  ${c.title}${c.docNumber ? `（${c.docNumber}）` : ''}`);
  }
  if (!rows.length && !res.notHeld) {
    console.log(res.unknownCode ? `没有编码为 ${res.unknownCode} 的技能条目。` : `没有找到“${q}”。`);
    if (res.suggestions.length) console.log(`您是不是要找：${res.suggestions.join('、')}`);
  }
  rows.forEach((r, i) => {
    console.log(`${i + 1}. ${r.title}`);
    console.log(`   ${r.url}${r.reason ? `  [${r.reason}]` : ''}`);
    const marked = res.hits[i]!.excerpt.map((p) => (p.mark ? `[${p.text}]` : p.text)).join('');
    if (marked) console.log(`   ${marked}`);
  });
}

const run = (q: string) => search(q, deps, { limit, filters: Object.keys(filters).length ? filters : undefined });

if (values.stdin) {
  // One start-up, then each line answered as it comes (a pipe or a person typing).
  // Pagefind (WebAssembly, entry, metadata) and data.json start loading before the first line arrives.
  await Promise.all([deps.pagefind(), deps.data()]);
  const lines = createInterface({ input: process.stdin, crlfDelay: Infinity });
  let first = true;
  for await (const line of lines) {
    const q = line.trim();
    if (!q) continue;
    const t0 = performance.now();
    const res = await run(q);
    const ms = performance.now() - t0;
    if (values.json) {
      console.log(
        JSON.stringify({
          query: q,
          ms: Math.round(ms * 10) / 10,
          hits: rowsOf(res),
          ...(res.notHeld ? { notHeld: res.notHeld } : {}),
          ...(res.suggestions.length ? { suggestions: res.suggestions } : {}),
          ...(res.unknownCode ? { unknownCode: res.unknownCode } : {}),
        }),
      );
    } else {
      if (!first) console.log('');
      console.log(`» ${q}  (${ms.toFixed(0)} ms)`);
      printReadable(q, res);
    }
    first = false;
  }
  process.exit(0);
}

const res = await run(query);
if (values.json) {
  const rows = rowsOf(res);
  // Unchanged shape (an array of hits) unless the 文号 is not held: then the hits and what the corpus says about it.
  console.log(JSON.stringify(res.notHeld ? { hits: rows, notHeld: res.notHeld, message: notHeldMessage(res.notHeld) } : rows, null, 2));
} else {
  printReadable(query, res);
}
process.exit(0);
