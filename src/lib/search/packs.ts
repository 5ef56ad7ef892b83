/**
 * Fragment packs: Pagefind's page fragments (one request each, `r.data()`) also written in a few combined files by the
 * index step (scripts/search/build-index.ts `writePacks`), which the search page loads once it is warm (from the second
 * full-text query on, beside the index preload: engine.ts `warmUp`). From then on a fragment request Pagefind makes is
 * answered from memory (`packedFetch`): Pagefind still reads the fragment and computes its excerpt and sub-results
 * itself, so a hit is the same with or without packs; only the request is gone. A fragment not in a loaded pack is
 * fetched as before.
 *
 * A pack file (search/packs/<n>.pack) is gzip of: one line of JSON, `{ "<fragment id>": [offset, length], … }`, then
 * the fragments' bytes as Pagefind stores them once inflated ("pagefind_dcd" + JSON), offsets counted from the end of
 * that line. It is gzipped by the index step (a host sends it as is: its type is not one servers compress) and
 * inflated with DecompressionStream. search/packs.json lists the packs (`PackManifest`); it is written only while
 * all packs together stay under PACKS_MAX_BYTES, i.e. not at 50× the corpus.
 *
 * Index packs: a site whose index is not preloaded whole (data.json has no `warm`: several shards, as at 50×) gets
 * packs of its index chunks instead (`kind: 'index'`), keyed by the chunk's URL path (/pagefind-shards/3/index/….pf_index)
 * and holding its bytes as Pagefind stores them (gzip; Pagefind inflates a chunk when it loads it). Loaded like the
 * fragment packs, they spare each new query word its chunk requests (one per shard) without loading the chunks into
 * Pagefind before a query needs them.
 */

export interface PackManifest {
  /** Pack files, as URL paths from the site root (/search/packs/0.pack), with their size (gzip) and how many fragments (or index chunks) they hold. */
  packs: { file: string; bytes: number; fragments: number; kind?: 'index' }[];
}

/** The packs' fragments by fragment id (unknown_0090524), and index chunks by URL path: what `packedFetch` answers from. */
export type FragmentStore = Map<string, Uint8Array>;

const GZIP = [0x1f, 0x8b];

/** Inflates a pack (unless a host already did: no gzip signature) and splits it into its fragments. */
export async function readPack(bytes: Uint8Array): Promise<FragmentStore> {
  const raw = bytes[0] === GZIP[0] && bytes[1] === GZIP[1] ? await gunzip(bytes) : bytes;
  const nl = raw.indexOf(0x0a);
  if (nl < 0) throw new Error('pack without index line');
  const index = JSON.parse(new TextDecoder().decode(raw.subarray(0, nl))) as Record<string, [number, number]>;
  const body = raw.subarray(nl + 1);
  const out: FragmentStore = new Map();
  for (const [id, [offset, length]] of Object.entries(index)) out.set(id, body.subarray(offset, offset + length));
  return out;
}

async function gunzip(bytes: Uint8Array): Promise<Uint8Array> {
  const stream = new Blob([bytes as BlobPart]).stream().pipeThrough(new DecompressionStream('gzip'));
  return new Uint8Array(await new Response(stream).arrayBuffer());
}

/** The uncompressed pack (before gzip): the index line and the fragments' bytes. `fragments`: id → inflated fragment. */
export function packBytes(fragments: readonly (readonly [string, Uint8Array])[]): Uint8Array {
  const index: Record<string, [number, number]> = {};
  let offset = 0;
  for (const [id, b] of fragments) {
    index[id] = [offset, b.length];
    offset += b.length;
  }
  const head = new TextEncoder().encode(`${JSON.stringify(index)}\n`);
  const out = new Uint8Array(head.length + offset);
  out.set(head, 0);
  let at = head.length;
  for (const [, b] of fragments) {
    out.set(b, at);
    at += b.length;
  }
  return out;
}

/** The fragment id of a Pagefind fragment request (…/fragment/unknown_0090524.pf_fragment), or null. */
export function fragmentId(url: string): string | null {
  const m = /\/fragment\/([^/?#]+)\.pf_fragment(?:[?#]|$)/u.exec(url);
  return m ? m[1]! : null;
}

/** The URL path of a Pagefind index chunk request (/pagefind-shards/3/index/unknown_1a2b.pf_index), or null. */
export function indexChunkPath(url: string): string | null {
  const m = /^(?:[a-z]+:\/\/[^/]+)?(\/[^?#]*\/index\/[^/?#]+\.pf_index)(?:[?#]|$)/u.exec(url);
  return m ? m[1]! : null;
}

/** The store's key for a request packedFetch may answer: a fragment's id, an index chunk's path; else null. */
export function packKey(url: string): string | null {
  return fragmentId(url) ?? indexChunkPath(url);
}

/**
 * packedFetch's answer for a fragment it holds: the members of a Response that Pagefind reads (`ok`, `arrayBuffer`) and
 * `text`/`json`, each settled in a microtask. A `new Response(bytes)` reads its body in a later task; in Chromium that
 * task boundary let a frame (style, layout and paint of the page, 2–10 ms under load) run in the middle of every warm
 * query that read a fragment (probe with performance.now marks, 2026-11-30). The bytes are copied, as a body would be.
 */
export function memoryResponse(bytes: Uint8Array): Response {
  const text = () => new TextDecoder().decode(bytes);
  const r = {
    ok: true,
    status: 200,
    statusText: 'OK',
    arrayBuffer: () => Promise.resolve(bytes.slice().buffer),
    bytes: () => Promise.resolve(bytes.slice()),
    text: () => Promise.resolve(text()),
    json: () => Promise.resolve().then(() => JSON.parse(text()) as unknown),
  };
  return r as unknown as Response;
}

/**
 * A fetch that answers Pagefind's fragment and index chunk requests from the store and passes every other request (and
 * any not in the store) to `base`. Pagefind fetches with the global fetch, so the search page installs this one there.
 */
export function packedFetch(base: typeof fetch, store: FragmentStore): typeof fetch {
  return ((input: RequestInfo | URL, init?: RequestInit) => {
    if (store.size) {
      const id = packKey(typeof input === 'string' ? input : input instanceof URL ? input.href : input.url);
      const bytes = id ? store.get(id) : undefined;
      if (bytes) return Promise.resolve(memoryResponse(bytes));
    }
    return base(input, init);
  }) as typeof fetch;
}

/** Loads every pack the manifest lists into the store (in parallel); `load` reads a file by its URL path. */
export async function loadPacks(manifest: PackManifest, load: (file: string) => Promise<Uint8Array>, store: FragmentStore): Promise<void> {
  await Promise.all(
    manifest.packs.map(async (p) => {
      for (const [id, b] of await readPack(await load(p.file))) store.set(id, b);
    }),
  );
}
