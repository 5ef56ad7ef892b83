/**
 * Pagefind's browser API (dist/pagefind/pagefind.js) in Node, so the command line
 * runs the very code the browser runs. Node has WebAssembly, Intl.Segmenter and
 * fetch; only file: URLs need serving, which a fetch shim does for one folder.
 */
import { readFile } from 'node:fs/promises';
import { resolve, sep } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { PAGEFIND_RANKING, type PagefindLike, type SearchData, type SearchDeps } from '../../src/lib/search/engine.ts';
import type { HeldWords } from '../../src/lib/search/held.ts';
import type { CodeEntry, LookupData } from '../../src/lib/search/lookup.ts';
import { VOCAB_FILES } from '../../src/lib/search/query.ts';

const roots = new Set<string>();
let installed = false;

function installFetch(root: string): void {
  roots.add(resolve(root) + sep);
  if (installed) return;
  installed = true;
  const realFetch = globalThis.fetch;
  globalThis.fetch = (async (input: RequestInfo | URL, init?: RequestInit) => {
    const url = String(input instanceof Request ? input.url : input);
    if (!url.startsWith('file:')) return realFetch(input, init);
    const path = fileURLToPath(url.split('?')[0]!);
    if (![...roots].some((r) => path.startsWith(r))) return new Response('forbidden', { status: 403 });
    try {
      return new Response(await readFile(path));
    } catch {
      return new Response('not found', { status: 404 });
    }
  }) as typeof fetch;
}

/**
 * A Pagefind instance over `<siteDir>/pagefind/`, with the site's further index shards merged in
 * (`shards`: URL paths from search/data.json). Each folder gets its own module instance.
 */
export function loadPagefind(siteDir: string, ranking?: Record<string, number>, shards: readonly string[] = [], instance = ''): Promise<PagefindLike> {
  // One module per folder (import() caches it): initialising it again would merge its shards again. `instance` names a
  // further module of the same folder (its own caches: fragments read, searches), e.g. to compare two ways of reading.
  const dir = resolve(siteDir, 'pagefind');
  let loaded = instances.get(`${dir}?${instance}`);
  if (!loaded) instances.set(`${dir}?${instance}`, (loaded = initPagefind(dir, siteDir, ranking, shards, instance)));
  return loaded;
}

const instances = new Map<string, Promise<PagefindLike>>();

async function initPagefind(dir: string, siteDir: string, ranking: Record<string, number> | undefined, shards: readonly string[], instance: string): Promise<PagefindLike> {
  installFetch(dir);
  const mod = (await import(`${pathToFileURL(`${dir}/pagefind.js`).href}${instance ? `?instance=${encodeURIComponent(instance)}` : ''}`)) as PagefindLike & {
    options(o: Record<string, unknown>): Promise<void>;
    init(): Promise<void>;
    mergeIndex(path: string, o: Record<string, unknown>): Promise<void>;
  };
  await mod.options({ baseUrl: '/', ...(ranking ? { ranking } : {}) });
  await mod.init();
  for (const shard of shards) {
    const shardDir = resolve(siteDir, `.${shard}`);
    installFetch(shardDir);
    await mod.mergeIndex(`${pathToFileURL(shardDir).href}/`, { baseUrl: '/', ...(ranking ? { ranking } : {}) });
  }
  return mod;
}

/** Everything the engine needs, read from a built site. */
export function nodeDeps(siteDir: string, pagefindDir = siteDir, ranking: Record<string, number> | null = PAGEFIND_RANKING, instance = ''): SearchDeps {
  let pf: Promise<PagefindLike> | null = null;
  let data: Promise<SearchData> | null = null;
  let lookup: Promise<Pick<LookupData, 'docs'>> | null = null;
  const codes = new Map<number, Promise<CodeEntry[]>>();
  let terms: Promise<string[]> | null = null;
  let held: Promise<HeldWords> | null = null;
  const vocabs = new Map<string, Promise<unknown>>();
  const json = async <T>(p: string): Promise<T> => JSON.parse(await readFile(resolve(siteDir, p), 'utf8')) as T;
  const deps: SearchDeps = {
    // Shards are the ones of our index only (the plain comparison index is one).
    pagefind: () => (pf ??= (async () => loadPagefind(pagefindDir, ranking ?? undefined, pagefindDir === siteDir ? ((await deps.data()).shards ?? []) : [], instance))()),
    data: () => (data ??= json<SearchData>('search/data.json')),
    lookup: () => (lookup ??= json<Pick<LookupData, 'docs'>>('search/lookup.json')),
    codes: (bucket) => {
      let p = codes.get(bucket);
      if (!p) codes.set(bucket, (p = json<CodeEntry[]>(`search/codes/${bucket}.json`)));
      return p;
    },
    terms: () => (terms ??= json<string[]>('search/terms.json')),
    held: () => (held ??= json<HeldWords>('search/held.json')),
    filters: () => json<Record<string, Record<string, number>>>('search/filters.json'),
    vocab: ((part: keyof typeof VOCAB_FILES) => {
      let p = vocabs.get(part);
      if (!p) vocabs.set(part, (p = json(`search/${VOCAB_FILES[part]}`)));
      return p;
    }) as SearchDeps['vocab'],
  };
  return deps;
}
