/**
 * The site's service worker (issue 15: offline after the first visit). This file is not bundled by
 * Astro: `scripts/offline/build-sw.ts` (a step of `npm run build`, after the search index) strips its
 * types, puts the build id in place of the BUILD string, and @serwist/build's injectManifest writes the
 * precache manifest (URL + revision of the shell pages, CSS, JS, icons and the search index's entry
 * files) in place of the injection point (INJECTION_POINT in build-sw.ts), giving `dist/sw.js`. It
 * imports nothing: keep it one file.
 *
 * Caches, all named for the build (`onex-<build>-…`), so two builds never mix:
 * - `shell`: the precache, filled on install;
 * - `visited`: pages and files fetched while browsing (runtime caching);
 * - `all`: what “下载全部内容” on /offline/ stores (src/scripts/offline-page.ts), with a marker entry
 *   `/__onex/complete` once every file is in.
 * On activate every `onex-` cache of another build is deleted; the new worker takes over at once.
 *
 * Online, pages and unhashed files come from the network (and are kept); content-hashed files
 * (`/_astro/`, Pagefind's chunks) from the cache first. Offline, everything comes from this build's
 * caches; a page not in them gets /offline/ (which lists what is kept), a search-index chunk not in
 * them a 503 and a message to the page (src/scripts/sw-register.ts shows it).
 */

interface ManifestEntry {
  url: string;
  revision: string | null;
}
interface ExtendableEventLike extends Event {
  waitUntil(p: Promise<unknown>): void;
}
interface FetchEventLike extends ExtendableEventLike {
  request: Request;
  clientId: string;
  resultingClientId: string;
  respondWith(r: Response | Promise<Response>): void;
}
interface MessageEventLike extends ExtendableEventLike {
  data: unknown;
  ports: readonly MessagePort[];
}
/** Replaced by the precache manifest at build time (scripts/offline/build-sw.ts). */
declare const __ONEX_PRECACHE__: ManifestEntry[];
interface WorkerScope {
  location: Location;
  skipWaiting(): Promise<void>;
  clients: {
    claim(): Promise<void>;
    get(id: string): Promise<{ postMessage(m: unknown): void } | undefined>;
    matchAll(o?: object): Promise<{ postMessage(m: unknown): void }[]>;
  };
  addEventListener(type: 'install' | 'activate', l: (e: ExtendableEventLike) => void): void;
  addEventListener(type: 'fetch', l: (e: FetchEventLike) => void): void;
  addEventListener(type: 'message', l: (e: MessageEventLike) => void): void;
}

const sw = self as unknown as WorkerScope;

const BUILD = '__ONEX_BUILD__';
const PRECACHE: ManifestEntry[] = __ONEX_PRECACHE__;
const PREFIX = 'onex-';
const SHELL = `${PREFIX}${BUILD}-shell`;
const VISITED = `${PREFIX}${BUILD}-visited`;
const ALL = `${PREFIX}${BUILD}-all`;
const OURS = [SHELL, ALL, VISITED];
const OFFLINE_PAGE = '/offline/';
/** Requests made by “下载全部内容” carry it: they go to the network untouched (the page stores them in `all`). */
const DOWNLOAD_HEADER = 'x-onex-download';

const precached = new Set(PRECACHE.map((e) => e.url));

/** Files whose name carries their content hash: never change, served from the cache first. */
function immutable(path: string): boolean {
  return /^\/_astro\//u.test(path) || /^\/pagefind(?:-shards\/\d+)?\/(?:index|fragment|filter)\//u.test(path) || /\.pf_meta$/u.test(path);
}

function searchIndex(path: string): boolean {
  return /^\/(?:pagefind|pagefind-shards|search\/)/u.test(path) && path !== '/search/';
}

/** The cache key of a same-origin URL: its path (queries dropped: ?q= of a search, Pagefind's ?ts=). */
function keyOf(url: URL): string {
  return url.pathname;
}

/** This build's copy of a path (a page asked for without its final slash too); never another build's. */
async function fromCaches(path: string): Promise<Response | undefined> {
  const dir = !path.endsWith('/') && !/\.[a-z0-9]+$/iu.test(path) ? `${path}/` : null;
  for (const cacheName of OURS) {
    // caches.match with a cacheName does not create a missing cache (caches.open would).
    const hit = (await caches.match(path, { cacheName })) ?? (dir ? await caches.match(dir, { cacheName }) : undefined);
    if (hit) return hit;
  }
  return undefined;
}

async function keep(path: string, response: Response): Promise<void> {
  // A precached file keeps its precached copy (this build's); only what the precache lacks is added.
  if (!response.ok || response.type !== 'basic' || precached.has(path)) return;
  // A newer build's worker deleted this build's caches on taking over: a response still in flight here
  // must not bring them back (caches.open creates).
  if (!(await caches.has(SHELL))) return;
  const cache = await caches.open(VISITED);
  await cache.put(path, response);
}

async function tell(clientId: string, message: object): Promise<void> {
  const client = clientId ? await sw.clients.get(clientId) : undefined;
  client?.postMessage({ source: 'onex-sw', build: BUILD, ...message });
}

sw.addEventListener('install', (event) => {
  event.waitUntil(
    (async () => {
      const cache = await caches.open(SHELL);
      // Unhashed files bypass the HTTP cache so the precache holds this build's bytes.
      await Promise.all(
        PRECACHE.map(async (e) => {
          const res = await fetch(e.url, { cache: e.revision ? 'reload' : 'default' });
          if (!res.ok) throw new Error(`precache ${e.url}: ${res.status}`);
          await cache.put(e.url, res);
        }),
      );
      await sw.skipWaiting();
    })(),
  );
});

sw.addEventListener('activate', (event) => {
  event.waitUntil(
    (async () => {
      const names = await caches.keys();
      const old = names.filter((n) => n.startsWith(PREFIX) && !OURS.includes(n));
      await Promise.all(old.map((n) => caches.delete(n)));
      await sw.clients.claim();
      for (const client of await sw.clients.matchAll({ type: 'window' })) client.postMessage({ source: 'onex-sw', type: 'activated', build: BUILD, removed: old });
    })(),
  );
});

/** The network's answer, kept for offline use; offline, the copy kept earlier, or null when there is none. */
async function networkFirst(event: FetchEventLike, path: string): Promise<Response | null> {
  try {
    const res = await fetch(event.request);
    void keep(path, res.clone()).catch(() => {});
    return res;
  } catch {
    return (await fromCaches(path)) ?? null;
  }
}

async function navigate(event: FetchEventLike, url: URL): Promise<Response> {
  const hit = await networkFirst(event, keyOf(url));
  if (hit) return hit;
  const offline = await fromCaches(OFFLINE_PAGE);
  return offline ?? new Response('离线，且本页未保存在本机。', { status: 503, headers: { 'content-type': 'text/plain; charset=utf-8' } });
}

async function file(event: FetchEventLike, url: URL): Promise<Response> {
  const path = keyOf(url);
  if (immutable(path)) {
    const hit = await fromCaches(path);
    if (hit) return hit;
  }
  const res = await networkFirst(event, path);
  if (res) return res;
  if (searchIndex(path)) void tell(event.clientId, { type: 'missing', what: 'search', path });
  return new Response('', { status: 503, statusText: 'Offline' });
}

sw.addEventListener('fetch', (event) => {
  const req = event.request;
  if (req.method !== 'GET') return;
  const url = new URL(req.url);
  if (url.origin !== sw.location.origin || url.pathname === '/sw.js' || req.headers.has(DOWNLOAD_HEADER)) return;
  event.respondWith(req.mode === 'navigate' ? navigate(event, url) : file(event, url));
});

/** The page asks which build this worker serves (its caches' names), through a MessageChannel. */
sw.addEventListener('message', (event) => {
  const data = event.data as { type?: string } | null;
  if (data?.type === 'onex-build') event.ports[0]?.postMessage({ build: BUILD, caches: { shell: SHELL, visited: VISITED, all: ALL }, precache: PRECACHE.map((e) => e.url) });
});
