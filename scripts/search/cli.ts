/**
 * `npm run search -- "<query>" [--json] [--limit N] [--dist DIR] [--filter key:value]…`
 *
 * Runs the browser's search code path (src/lib/search/engine.ts + Pagefind's own JS)
 * against the built site and prints url, title and excerpt of each result.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { type Filters, excerptText, search } from '../../src/lib/search/engine.ts';
import { nodeDeps } from './node-pagefind.ts';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    json: { type: 'boolean', default: false },
    limit: { type: 'string', default: '10' },
    dist: { type: 'string', default: 'dist' },
    filter: { type: 'string', multiple: true },
  },
});
const query = positionals.join(' ');
if (!query.trim()) {
  console.error('usage: npm run search -- "<query>" [--json] [--limit N] [--filter key:value]');
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
const res = await search(query, nodeDeps(values.dist!), { limit, filters: Object.keys(filters).length ? filters : undefined });
const rows = res.hits.map((h) => ({
  url: h.url,
  title: h.title,
  excerpt: excerptText(h.excerpt),
  kind: h.kind,
  ...(h.reason ? { reason: h.reason } : {}),
  ...(h.sub.length ? { sub: h.sub.map((s) => ({ url: s.url, title: s.title })) } : {}),
}));
if (values.json) {
  console.log(JSON.stringify(rows, null, 2));
} else {
  if (!rows.length) {
    console.log(res.unknownCode ? `没有编码为 ${res.unknownCode} 的技能条目。` : `没有找到“${query}”。`);
    if (res.suggestions.length) console.log(`您是不是要找：${res.suggestions.join('、')}`);
  }
  rows.forEach((r, i) => {
    console.log(`${i + 1}. ${r.title}`);
    console.log(`   ${r.url}${r.reason ? `  [${r.reason}]` : ''}`);
    const marked = res.hits[i]!.excerpt.map((p) => (p.mark ? `[${p.text}]` : p.text)).join('');
    if (marked) console.log(`   ${marked}`);
  });
}
process.exit(0);
