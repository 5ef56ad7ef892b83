/**
 * The /search/ page: the browser side of src/lib/search/engine.ts. Pagefind's JS and the
 * search data are loaded from this site on the first query; results are built as DOM nodes
 * (never innerHTML) from src/lib/search/present.ts. The query, the filters and the order live in
 * the URL (?q=…&kind=…&sort=date), so a search can be linked.
 */
import { type Excerpt, type Filters, PAGEFIND_RANKING, type PagefindLike, type SearchData, type SearchDeps, type SearchResponse, search } from '../lib/search/engine.ts';
import type { CodeEntry, LookupData } from '../lib/search/lookup.ts';
import type { HeldWords } from '../lib/search/held.ts';
import { normalizeQuery, splitTerms } from '../lib/search/normalize.ts';
import { type Card, FILTER_LABELS, type FilterCounts, type SortOrder, cardOf, errorMessage, filterCounts, OFFLINE_SEARCH, narrowingGroups, notHeldNote, parseSort, resultsSummary, sortHits } from '../lib/search/present.ts';
import { VOCAB_FILES, type VocabTerms, prepareTerms } from '../lib/search/query.ts';
import { type FragmentStore, type PackManifest, loadPacks, packedFetch } from '../lib/search/packs.ts';

/** Results shown per step: fragments (page text for excerpts) are fetched only for these. */
const PAGE_SIZE = 5;
/** Sorted by date, this many of the most relevant results are loaded and ordered (each costs a fragment). */
const DATE_POOL = 30;

/** Memoises a loader; a failed load is forgotten, so “重试” loads again. */
/** Run `work` when the page is idle (or soon, where requestIdleCallback is missing). */
function whenIdle(work: () => void): void {
  if ('requestIdleCallback' in window) window.requestIdleCallback(() => work(), { timeout: 2000 });
  else setTimeout(work, 50);
}

function once<T>(load: () => Promise<T>): () => Promise<T> {
  let p: Promise<T> | null = null;
  return () =>
    (p ??= load().catch((e: unknown) => {
      p = null;
      throw e;
    }));
}

/** The engine's loaders over this site's files: the same set scripts/search/node-pagefind.ts (nodeDeps) gives the CLI. */
function browserDeps(): SearchDeps {
  const codes = new Map<number, () => Promise<CodeEntry[]>>();
  const vocabs = new Map<string, () => Promise<unknown>>();
  const json = async <T,>(url: string): Promise<T> => {
    const r = await fetch(url);
    if (!r.ok) throw new Error(`load ${r.status} ${url}`);
    return (await r.json()) as T;
  };
  // Fragment packs (src/lib/search/packs.ts): once loaded (the engine asks from the second query on), Pagefind's
  // fragment requests are answered from memory. Pagefind fetches with the global fetch, hence the wrapper there; every
  // other request, and a fragment no pack holds, goes to the network as before.
  const fragments: FragmentStore = new Map();
  const network = globalThis.fetch.bind(globalThis);
  globalThis.fetch = packedFetch(network, fragments);
  const deps: SearchDeps = {
    pagefind: once(async () => {
      const url = '/pagefind/pagefind.js';
      const mod = (await import(/* @vite-ignore */ url)) as PagefindLike & {
        options(o: object): Promise<void>;
        init(): Promise<void>;
        mergeIndex(path: string, o: object): Promise<void>;
      };
      await mod.options({ ranking: PAGEFIND_RANKING, noWorker: true });
      // The engine segments the query itself (segmentQuery). Pagefind's JS would segment it again when
      // the page language is zh/ja/th; it reads <html lang> synchronously while init() starts, so
      // for that moment the page reads as Node does ("unknown") and browser and CLI send Pagefind
      // the same terms. Nothing renders in between; the attribute is restored at once.
      const html = document.documentElement;
      const lang = html.getAttribute('lang');
      html.setAttribute('lang', 'unknown');
      try {
        void mod.init();
      } finally {
        if (lang === null) html.removeAttribute('lang');
        else html.setAttribute('lang', lang);
      }
      // A large site's index comes in shards (search/data.json lists them): merged into the first one.
      for (const shard of (await deps.data()).shards ?? []) await mod.mergeIndex(shard, { baseUrl: '/', ranking: PAGEFIND_RANKING });
      // No filter chunk is loaded here: the filter menus count the hits the engine returns (filterCounts), and
      // Pagefind loads the chunk of a filter only when a search sets it. `preload` lets the engine load the rest of
      // the index in the background from the second query on (engine.ts warmUp).
      const pf: PagefindLike = {
        search: (term, options) => mod.search(term, options),
        ...(mod.preload ? { preload: (term: string, options?: { filters?: Filters }) => mod.preload!(term, options) } : {}),
        ...(mod.filters ? { filters: () => mod.filters!() } : {}),
      };
      return pf;
    }),
    data: once(() => json<SearchData>('/search/data.json')),
    lookup: once(() => json<Pick<LookupData, 'docs'>>('/search/lookup.json')),
    codes: (bucket) => {
      let load = codes.get(bucket);
      if (!load) codes.set(bucket, (load = once(() => json<CodeEntry[]>(`/search/codes/${bucket}.json`))));
      return load();
    },
    terms: once(() => json<string[]>('/search/terms.json')),
    held: once(() => json<HeldWords>('/search/held.json')),
    filters: once(() => json<Record<string, Record<string, number>>>('/search/filters.json')),
    // VOC's vocabulary parts (traditional characters, pinyin, corrections), each loaded when a query first needs it.
    vocab: ((part: keyof typeof VOCAB_FILES) => {
      let load = vocabs.get(part);
      if (!load) {
        // The corrections' lookup tables (~3,100 terms: 10–35 ms) are built when the terms part arrives, in an idle
        // moment, not inside the first query that needs them.
        const ready = (t: unknown) => {
          if (part === 'terms') whenIdle(() => prepareTerms(t as VocabTerms));
          return t;
        };
        vocabs.set(part, (load = once(() => json<unknown>(`/search/${VOCAB_FILES[part]}`).then(ready))));
      }
      return load();
    }) as SearchDeps['vocab'],
    packs: once(async () => {
      const r = await network('/search/packs.json');
      if (!r.ok) return; // none: the site is too large to load them all (build-index.ts PACKS_MAX_BYTES)
      await loadPacks((await r.json()) as PackManifest, async (file) => new Uint8Array(await (await network(file)).arrayBuffer()), fragments);
    }),
  };
  return deps;
}

function el<K extends keyof HTMLElementTagNameMap>(tag: K, className?: string, text?: string): HTMLElementTagNameMap[K] {
  const e = document.createElement(tag);
  if (className) e.className = className;
  if (text !== undefined) e.textContent = text;
  return e;
}

function excerptNodes(parts: Excerpt): Node[] {
  return parts.map((p) => {
    if (!p.mark) return document.createTextNode(p.text);
    const m = document.createElement('mark');
    m.textContent = p.text;
    return m;
  });
}

/** Result link: words to highlight on arrival go in ?hl=, before the #anchor. */
function withHighlight(url: string, words: string[]): string {
  if (!words.length) return url;
  const [path, hash] = url.split('#');
  return `${path}?hl=${encodeURIComponent(words.join(' '))}${hash ? `#${hash}` : ''}`;
}

function renderCard(card: Card, words: string[]): HTMLLIElement {
  const li = el('li', `search-hit search-hit--${card.kind}`);
  const h = el('h2', 'search-hit__title');
  const a = el('a', undefined, card.title);
  a.href = card.kind === 'text' ? withHighlight(card.url, words) : card.url;
  h.append(a);
  li.append(h);
  if (card.facts.length) {
    const facts = el('p', 'search-hit__facts');
    card.facts.forEach((f, i) => {
      if (i) facts.append(el('span', 'search-hit__sep', ' · '));
      facts.append(el('span', undefined, f));
    });
    li.append(facts);
  }
  if (card.badge) {
    const why = el('p', 'search-hit__reason');
    why.append(el('strong', undefined, card.badge));
    if (card.reason) why.append(document.createTextNode(` · ${card.reason}`));
    li.append(why);
  }
  if (card.excerpt.length) {
    const p = el('p', 'search-hit__excerpt');
    p.append(...excerptNodes(card.excerpt));
    li.append(p);
  }
  if (card.sub.length) {
    const ul = el('ul', 'search-hit__sub');
    for (const s of card.sub) {
      const sli = el('li');
      const sa = el('a', undefined, s.title);
      sa.href = withHighlight(s.url, words);
      sli.append(sa);
      if (s.excerpt.length) {
        const sp = el('span', 'search-hit__excerpt');
        sp.append(document.createTextNode('：'), ...excerptNodes(s.excerpt));
        sli.append(sp);
      }
      ul.append(sli);
    }
    li.append(ul);
  }
  return li;
}

function init(root: HTMLElement): void {
  const form = root.querySelector<HTMLFormElement>('[data-search-form]')!;
  const input = form.querySelector<HTMLInputElement>('input[type="search"]')!;
  const status = root.querySelector<HTMLElement>('[data-search-status]')!;
  const list = root.querySelector<HTMLOListElement>('[data-search-results]')!;
  const controls = root.querySelector<HTMLElement>('[data-search-controls]')!;
  const sortSelect = root.querySelector<HTMLSelectElement>('[data-search-sort]')!;
  const filterBox = root.querySelector<HTMLFieldSetElement>('[data-search-filters]')!;
  const filterDetails = root.querySelector<HTMLDetailsElement>('[data-search-filter-box]')!;
  const filterSummary = root.querySelector<HTMLElement>('[data-search-filter-summary]')!;
  const suggestBox = root.querySelector<HTMLElement>('[data-search-suggest]')!;
  const notHeldBox = root.querySelector<HTMLElement>('[data-search-notheld]')!;
  const more = root.querySelector<HTMLButtonElement>('[data-search-more]')!;
  /** On paper the form is not printed: the query is, above the results. */
  const printed = root.querySelector<HTMLElement>('[data-search-printed]')!;
  const params = new URLSearchParams(location.search);
  input.value = params.get('q') ?? '';
  let order: SortOrder = parseSort(params.get('sort'));
  sortSelect.value = order === 'date' ? 'date' : '';
  const selected: Filters = {};
  for (const key of Object.keys(FILTER_LABELS)) {
    const v = params.get(key);
    if (v) selected[key] = [v];
  }

  const baseTitle = document.title;
  let seq = 0;
  let shown = PAGE_SIZE;
  const deps = browserDeps();
  /** The last answer, kept while only the number shown or the order changes. */
  let last: { key: string; res: SearchResponse } | null = null;
  /**
   * Per filter group, the counts of the last results of this query without that group set: a group the reader has
   * set still lists the values it can be changed to.
   */
  let unfiltered: { q: string; counts: FilterCounts } = { q: '', counts: {} };
  // This page exists to search: start Pagefind (its JS, WebAssembly, metadata) and the search data
  // now, while the reader types, so the first query waits only for its index chunks and fragments.
  let pagefindFailed = false;
  void deps.pagefind().catch(() => {
    pagefindFailed = true;
  });
  void deps.data().catch(() => {});

  function writeUrl(q: string): void {
    const url = new URL(location.href);
    url.search = '';
    if (q.trim()) url.searchParams.set('q', q);
    for (const [k, v] of Object.entries(selected)) url.searchParams.set(k, v[0]!);
    if (order === 'date') url.searchParams.set('sort', 'date');
    history.replaceState(null, '', url);
  }

  function clearResults(): void {
    list.replaceChildren();
    more.hidden = true;
    controls.hidden = true;
    suggestBox.hidden = true;
    notHeldBox.hidden = true;
  }

  function renderFilters(q: string, res: SearchResponse): void {
    // Counted over the hits the engine returned (each carries its record's filters), not Pagefind's filter chunks.
    const { counts, total } = filterCounts(res.hits);
    if (unfiltered.q !== q) unfiltered = { q, counts: {} };
    for (const key of Object.keys(FILTER_LABELS)) if (!selected[key]) unfiltered.counts[key] = counts[key] ?? {};
    const groups = narrowingGroups(counts, unfiltered.counts, total, selected);
    filterBox.querySelectorAll('label').forEach((l) => l.remove());
    for (const g of groups) {
      const label = el('label', 'search-page__filter', `${g.label} `);
      const sel = el('select');
      sel.name = g.key;
      sel.append(new Option('全部', ''));
      for (const [v, n] of g.values) sel.append(new Option(`${v}（${n}）`, v));
      sel.value = g.selected;
      sel.addEventListener('change', () => {
        if (sel.value) selected[g.key] = [sel.value];
        else delete selected[g.key];
        void run();
      });
      label.append(sel);
      filterBox.append(label);
    }
    filterDetails.hidden = groups.length === 0;
    const set = Object.keys(selected).length;
    filterSummary.textContent = set ? `筛选（已选 ${set} 项）` : '筛选';
    // Open when the reader has set a filter (it shows what narrows the list); else one tap away.
    if (set) filterDetails.open = true;
  }

  function renderSuggestions(suggestions: string[]): void {
    suggestBox.replaceChildren();
    suggestBox.hidden = suggestions.length === 0;
    if (!suggestions.length) return;
    suggestBox.append(document.createTextNode('您是不是要找：'));
    suggestions.forEach((s, i) => {
      const a = el('a', undefined, s);
      a.href = `/search/?q=${encodeURIComponent(s)}`;
      a.addEventListener('click', (e) => {
        e.preventDefault();
        input.value = s;
        void run();
      });
      if (i) suggestBox.append(document.createTextNode('、'));
      suggestBox.append(a);
    });
  }

  function renderNotHeld(notHeld: SearchResponse['notHeld']): void {
    notHeldBox.replaceChildren();
    notHeldBox.hidden = !notHeld;
    if (!notHeld) return;
    const note = notHeldNote(notHeld);
    const p = el('p', 'search-notheld__title');
    p.append(el('strong', undefined, note.heading));
    notHeldBox.append(p, el('p', note.links.length ? undefined : 'muted', note.lead));
    if (!note.links.length) return;
    const ul = el('ul', 'search-notheld__list');
    for (const link of note.links) {
      const li = el('li');
      const a = el('a', undefined, link.text);
      a.href = link.href;
      li.append(a);
      if (link.docNumber) li.append(document.createTextNode(`（${link.docNumber}）`));
      ul.append(li);
    }
    notHeldBox.append(ul);
  }

  /** The result list alone (again when the sub-results arrive); the visible hits. */
  function renderList(q: string, res: SearchResponse, pooled: boolean): { ordered: SearchResponse['hits']; visible: SearchResponse['hits'] } {
    const words = splitTerms(normalizeQuery(q));
    const ordered = sortHits(res.hits, order);
    const visible = ordered.slice(0, shown);
    list.replaceChildren(...visible.map((h) => renderCard(cardOf(h), words)));
    return { ordered, visible };
  }

  function render(q: string, res: SearchResponse, pooled: boolean): void {
    const { ordered, visible } = renderList(q, res, pooled);
    const exact = res.hits.filter((h) => h.kind !== 'text').length;
    const available = res.total + exact;
    more.hidden = pooled ? visible.length >= ordered.length : available <= visible.length;
    renderSuggestions(res.suggestions);
    renderNotHeld(res.notHeld);
    renderFilters(q, res);
    controls.hidden = res.hits.length === 0 && filterDetails.hidden;
    // Exact lookups stay first in either order: the choice matters from two full-text results.
    sortSelect.parentElement!.hidden = res.hits.filter((h) => h.kind === 'text').length < 2 && order === 'relevance';
    if (res.hits.length) {
      status.textContent = resultsSummary({ total: res.total, exact, shown: visible.length, order, pool: pooled ? DATE_POOL : undefined });
    } else if (res.notHeld) {
      const n = res.notHeld.citedBy.length;
      status.textContent = `本库未收录 ${res.notHeld.number}${n ? `，本库中有 ${n} 个文件引用它` : ''}。`;
    } else {
      status.replaceChildren(...emptyMessage(q, res.unknownCode, res.phrases));
    }
  }

  async function run(keepShown = false): Promise<void> {
    if (!keepShown) shown = PAGE_SIZE;
    const q = input.value;
    const mine = ++seq;
    printed.textContent = q.trim() ? `搜索：${q.trim()}${order === 'date' ? '（按日期排列）' : ''}` : '';
    // The address bar and the tab say what was searched: written in the task after the results are drawn (unless a
    // newer search has started; it writes its own), not before the search — history.replaceState took 0.3–6 ms of a
    // query in Chromium under load (probe, 2026-11-30), none of which the reader waits for.
    const remember = () => {
      writeUrl(q);
      document.title = q.trim() ? `${q.trim()} · ${baseTitle}` : baseTitle;
    };
    const rememberSoon = () => setTimeout(() => mine === seq && remember());
    if (!q.trim()) {
      remember();
      clearResults();
      status.textContent = '输入关键词、短语、文号或技能编码。';
      return;
    }
    const pooled = order === 'date';
    const limit = pooled ? Math.max(shown, DATE_POOL) : shown;
    const key = JSON.stringify([q, selected, limit]);
    if (last && last.key === key) {
      remember();
      render(q, last.res, pooled);
      return;
    }
    status.textContent = '正在搜索…';
    try {
      // Hits first: each hit's further clauses (sub-results) are fetched once the hits are on screen, then shown.
      const res = await search(q, deps, { limit, filters: Object.keys(selected).length ? selected : undefined, deferSubs: true });
      if (mine !== seq) return;
      last = { key, res };
      render(q, res, pooled);
      rememberSoon();
      const loadSubs = res.loadSubs;
      // After the next frame (the hits are painted), unless another search has started meanwhile.
      if (loadSubs) {
        requestAnimationFrame(() => {
          if (mine !== seq) return;
          void loadSubs().then(() => {
            if (mine === seq && last?.res === res) renderList(q, res, pooled);
          });
        });
      }
    } catch (err) {
      console.warn(err);
      if (mine !== seq) return;
      remember(); // 重试 may load the page again: the URL holds the search
      clearResults();
      const retry = el('button', 'search-page__retry', '重试');
      retry.type = 'button';
      // A module import that failed may stay failed in this page (the browser keeps it): then load the page again (the URL holds the search).
      retry.addEventListener('click', () => (pagefindFailed ? location.reload() : void run()));
      status.replaceChildren(document.createTextNode(`${errorMessage(err, !navigator.onLine)} `), retry);
    }
  }

  function emptyMessage(q: string, unknownCode: string | null, phrases: string[]): Node[] {
    const out: Node[] = [];
    if (unknownCode) {
      out.push(document.createTextNode(`没有编码为 ${unknownCode} 的技能条目。技能编码只匹配完全相同的编码，不会改找相近的编码；请核对证书的技能矩阵。`));
    } else {
      // Offline, Pagefind skips the index chunks it cannot load: "not found" would be a guess.
      out.push(document.createTextNode(navigator.onLine ? `没有找到“${q.trim()}”。` : `没有找到“${q.trim()}”。${OFFLINE_SEARCH}`));
      if (phrases.length) out.push(document.createTextNode('引号内的短语要求原文逐字连续出现，可去掉引号再试。'));
      if (Object.keys(selected).length) out.push(document.createTextNode('已选筛选条件，可改为“全部”再试。'));
    }
    return out;
  }

  more.addEventListener('click', () => {
    shown += PAGE_SIZE;
    void run(true);
  });
  sortSelect.addEventListener('change', () => {
    order = parseSort(sortSelect.value);
    void run();
  });

  let timer: ReturnType<typeof setTimeout> | undefined;
  input.addEventListener('input', () => {
    clearTimeout(timer);
    timer = setTimeout(() => void run(), 180);
  });
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    clearTimeout(timer);
    void run();
  });
  input.addEventListener('keydown', (e) => {
    if (e.key === 'ArrowDown') {
      const first = list.querySelector<HTMLAnchorElement>('a');
      if (first) {
        e.preventDefault();
        first.focus();
      }
    }
  });
  if (input.value.trim()) void run();
  else status.textContent = '输入关键词、短语、文号或技能编码。';
  input.focus();
}

// Last: init() reads the constants above (bundled as plain variables, they would still be unset before here).
const page = document.querySelector<HTMLElement>('[data-search-page]');
if (page) init(page);
