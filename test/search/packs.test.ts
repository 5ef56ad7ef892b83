/**
 * Fragment packs (src/lib/search/packs.ts, written by build-index.ts `writePacks`): the search page loads them once warm
 * and answers Pagefind's fragment requests from memory. What must hold whatever the timing: the packs hold every
 * fragment of the index exactly once and byte for byte, and the engine's answers read from packs (no fragment file
 * read at all) are the answers it gives reading the fragment files, on the whole judged set.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { beforeAll, describe, expect, it } from 'vitest';
import { PACKS_MAX_BYTES } from '../../scripts/search/build-index.ts';
import { nodeDeps } from '../../scripts/search/node-pagefind.ts';
import type { SearchData } from '../../src/lib/search/engine.ts';
import { type FragmentStore, type PackManifest, fragmentId, loadPacks, packBytes, packedFetch, readPack } from '../../src/lib/search/packs.ts';
import { expectSameAnswers, judgedAnswers, refusing } from '../helpers/judged-answers.ts';
import { DIST, ensureSite } from '../helpers/site.ts';

beforeAll(() => {
  ensureSite();
}, 300_000);

const manifest = () => JSON.parse(readFileSync(join(DIST, 'search', 'packs.json'), 'utf8')) as PackManifest;
const readFile = async (file: string) => new Uint8Array(readFileSync(join(DIST, `.${file}`)));

/** Every fragment file of the index (all shards), id → inflated bytes. */
function fragmentFiles(): Map<string, Buffer> {
  const data = JSON.parse(readFileSync(join(DIST, 'search', 'data.json'), 'utf8')) as SearchData;
  const out = new Map<string, Buffer>();
  for (const dir of ['/pagefind/', ...(data.shards ?? [])]) {
    const fragDir = join(DIST, `.${dir}`, 'fragment');
    for (const f of readdirSync(fragDir)) out.set(f.replace(/\.pf_fragment$/u, ''), gunzipSync(readFileSync(join(fragDir, f))));
  }
  return out;
}

describe('pack format', () => {
  it('reads back what it wrote, gzipped or not, and answers only fragment requests', async () => {
    const a = new TextEncoder().encode('pagefind_dcd{"url":"/a/"}');
    const b = new TextEncoder().encode('pagefind_dcd{"url":"/b/#s1"}');
    const raw = packBytes([['unknown_aaa', a], ['unknown_bbb', b]]);
    for (const bytes of [raw, new Uint8Array(gzipSync(raw))]) {
      const store = await readPack(bytes);
      expect([...store.keys()]).toEqual(['unknown_aaa', 'unknown_bbb']);
      expect(new TextDecoder().decode(store.get('unknown_bbb'))).toBe('pagefind_dcd{"url":"/b/#s1"}');
    }
    expect(fragmentId('/pagefind/fragment/unknown_aaa.pf_fragment')).toBe('unknown_aaa');
    expect(fragmentId('/pagefind-shards/2/fragment/unknown_aaa.pf_fragment')).toBe('unknown_aaa');
    expect(fragmentId('/pagefind/index/unknown_aaa.pf_index')).toBeNull();
    const passed: string[] = [];
    const f = packedFetch(async (input) => (passed.push(String(input)), new Response('net')), await readPack(raw));
    expect(await (await f('/pagefind/fragment/unknown_aaa.pf_fragment')).text()).toBe('pagefind_dcd{"url":"/a/"}');
    // What Pagefind reads of it (ok, arrayBuffer): the fragment's own bytes, not the pack's buffer they sit in.
    const held = await f('/pagefind/fragment/unknown_bbb.pf_fragment');
    expect(held.ok).toBe(true);
    expect(new TextDecoder().decode(await held.arrayBuffer())).toBe('pagefind_dcd{"url":"/b/#s1"}');
    expect(await (await f('/pagefind/fragment/unknown_zzz.pf_fragment')).text()).toBe('net');
    expect(await (await f('/search/data.json')).text()).toBe('net');
    expect(passed).toEqual(['/pagefind/fragment/unknown_zzz.pf_fragment', '/search/data.json']);
  });
});

describe('packs of the built site', () => {
  it('hold every fragment of the index exactly once, byte for byte, a page in one pack, under PACKS_MAX_BYTES', async () => {
    const files = fragmentFiles();
    const m = manifest();
    expect(m.packs.length).toBeGreaterThan(1);
    expect(m.packs.reduce((a, p) => a + p.bytes, 0)).toBeLessThanOrEqual(PACKS_MAX_BYTES);
    const seen = new Map<string, number>();
    const packOfPage = new Map<string, number>();
    for (const [i, p] of m.packs.entries()) {
      const bytes = await readFile(p.file);
      expect(bytes.length).toBe(p.bytes);
      const store = await readPack(bytes);
      expect(store.size).toBe(p.fragments);
      for (const [id, b] of store) {
        seen.set(id, (seen.get(id) ?? 0) + 1);
        expect(Buffer.from(b).equals(files.get(id) ?? Buffer.alloc(0)), id).toBe(true);
        const text = Buffer.from(b).toString('utf8');
        const page = (JSON.parse(text.slice(text.indexOf('{'))) as { url: string }).url.replace(/#.*$/u, '');
        expect(packOfPage.get(page) ?? i, page).toBe(i);
        packOfPage.set(page, i);
      }
    }
    expect(files.size).toBeGreaterThan(1000);
    expect([...seen.keys()].sort()).toEqual([...files.keys()].sort());
    expect([...seen.values()].every((n) => n === 1)).toBe(true);
  });

  it('the engine answers the judged set from packs as from the fragment files, reading no fragment file', async () => {
    const fromFiles = await judgedAnswers(nodeDeps(DIST, DIST, undefined, 'files'));
    const store: FragmentStore = new Map();
    await loadPacks(manifest(), readFile, store);
    const fragmentFilesRead: string[] = [];
    // The judged set reads hundreds of fragments: expectSameAnswers checks the comparison is not vacuous.
    await expectSameAnswers(fromFiles, nodeDeps(DIST, DIST, undefined, 'packs'), packedFetch(refusing(globalThis.fetch, (url) => fragmentId(url) !== null, fragmentFilesRead), store));
    expect(fragmentFilesRead).toEqual([]);
  }, 120_000);
});
