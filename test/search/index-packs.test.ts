/**
 * Index packs (src/lib/search/packs.ts `kind: 'index'`, build-index.ts `writePacks` with `index`): a site whose index is
 * not preloaded whole (several shards: 50×) gets its index chunks in packs, and the search page answers Pagefind's chunk
 * requests from them. The real site is one shard and preloads its index (data.json `warm`), so it has none; here they are
 * written for a copy of it. What must hold whatever the timing: every chunk exactly once, byte for byte, under its URL
 * path; the fragment packs are unchanged; and the engine answers the judged set from them as from the chunk files.
 */
import { cpSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { INDEX_PACKS_MAX_BYTES, writePacks } from '../../scripts/search/build-index.ts';
import { nodeDeps } from '../../scripts/search/node-pagefind.ts';
import { type FragmentStore, type PackManifest, indexChunkPath, loadPacks, packBytes, packKey, packedFetch, readPack } from '../../src/lib/search/packs.ts';
import { expectSameAnswers, judgedAnswers, refusing, requestUrl } from '../helpers/judged-answers.ts';
import { DIST, ensureSite } from '../helpers/site.ts';

const tmp = mkdtempSync(join(tmpdir(), 'index-packs-'));
let manifest: PackManifest;

beforeAll(() => {
  ensureSite();
  cpSync(join(DIST, 'pagefind'), join(tmp, 'pagefind'), { recursive: true });
  cpSync(join(DIST, 'search'), join(tmp, 'search'), { recursive: true });
  manifest = writePacks(tmp, [join(tmp, 'pagefind')], { index: true })!;
}, 300_000);
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('index pack format', () => {
  it('packedFetch answers an index chunk by its URL path, asked by path or by URL; other requests go to the network', async () => {
    const chunk = new Uint8Array([0x1f, 0x8b, 8, 0, 1, 2, 3]);
    const store = await readPack(packBytes([['/pagefind-shards/3/index/unknown_abc.pf_index', chunk]]));
    expect(indexChunkPath('/pagefind-shards/3/index/unknown_abc.pf_index')).toBe('/pagefind-shards/3/index/unknown_abc.pf_index');
    expect(indexChunkPath('http://127.0.0.1:4321/pagefind/index/unknown_abc.pf_index')).toBe('/pagefind/index/unknown_abc.pf_index');
    expect(indexChunkPath('/pagefind/fragment/unknown_abc.pf_fragment')).toBeNull();
    expect(packKey('/pagefind/fragment/unknown_abc.pf_fragment')).toBe('unknown_abc');
    const passed: string[] = [];
    const f = packedFetch(async (input) => (passed.push(String(input)), new Response('net')), store);
    for (const url of ['/pagefind-shards/3/index/unknown_abc.pf_index', 'http://127.0.0.1:4321/pagefind-shards/3/index/unknown_abc.pf_index']) {
      expect([...new Uint8Array(await (await f(url)).arrayBuffer())]).toEqual([...chunk]);
    }
    // The same chunk name in another shard is another chunk.
    expect(await (await f('/pagefind/index/unknown_abc.pf_index')).text()).toBe('net');
    expect(passed).toEqual(['/pagefind/index/unknown_abc.pf_index']);
  });
});

describe('index packs of a copy of the built site', () => {
  it('hold every index chunk exactly once, byte for byte, under its URL path; the fragment packs are those of the site', async () => {
    const chunks = new Map(readdirSync(join(tmp, 'pagefind', 'index')).map((f) => [`/pagefind/index/${f}`, readFileSync(join(tmp, 'pagefind', 'index', f))]));
    const index = manifest.packs.filter((p) => p.kind === 'index');
    expect(index.length).toBeGreaterThan(0);
    expect(index.reduce((a, p) => a + p.bytes, 0)).toBeLessThanOrEqual(INDEX_PACKS_MAX_BYTES + index.length * 64 * 1024);
    const seen = new Map<string, number>();
    for (const p of index) {
      const store = await readPack(new Uint8Array(readFileSync(join(tmp, `.${p.file}`))));
      expect(store.size).toBe(p.fragments);
      for (const [key, b] of store) {
        seen.set(key, (seen.get(key) ?? 0) + 1);
        expect(Buffer.from(b).equals(chunks.get(key) ?? Buffer.alloc(0)), key).toBe(true);
      }
    }
    expect(chunks.size).toBeGreaterThan(5);
    expect([...seen.keys()].sort()).toEqual([...chunks.keys()].sort());
    expect([...seen.values()].every((n) => n === 1)).toBe(true);
    const site = JSON.parse(readFileSync(join(DIST, 'search', 'packs.json'), 'utf8')) as PackManifest;
    expect(manifest.packs.filter((p) => !p.kind)).toEqual(site.packs);
  });

  it('the engine answers the judged set with the chunks from the packs as from the chunk files, reading no chunk file', async () => {
    const fromFiles = await judgedAnswers(nodeDeps(DIST, DIST, undefined, 'index-files'));
    const store: FragmentStore = new Map();
    await loadPacks({ packs: manifest.packs.filter((p) => p.kind === 'index') }, async (file) => new Uint8Array(readFileSync(join(tmp, `.${file}`))), store);
    const chunkFilesRead: string[] = [];
    // Node reads the copy through file: URLs; the packs are keyed by the site's URL paths.
    const sitePath = (url: string) => (url.startsWith('file:') ? fileURLToPath(url.split('?')[0]!).slice(tmp.length).split('\\').join('/') : url);
    const packed = packedFetch(refusing(globalThis.fetch, (url) => indexChunkPath(sitePath(url)) !== null, chunkFilesRead), store);
    const fetchPaths = ((input: RequestInfo | URL, init?: RequestInit) => {
      const path = sitePath(requestUrl(input));
      return indexChunkPath(path) ? packed(path, init) : packed(input, init);
    }) as typeof fetch;
    await expectSameAnswers(fromFiles, nodeDeps(tmp, tmp, undefined, 'index-packs'), fetchPaths);
    expect(chunkFilesRead).toEqual([]);
  }, 120_000);
});
