/**
 * The /search/ page: the browser side of src/lib/search/engine.ts. Pagefind's JS and the
 * search data are loaded from this site on the first query; results are built as DOM nodes
 * (never innerHTML). The query and filters live in the URL (?q=…&kind=…), so a search can be linked.
 */
import { type Excerpt, type Filters, PAGEFIND_RANKING, type PagefindLike, type SearchData, type SearchDeps, type SearchHit, search } from '../lib/search/engine.ts';
import type { CodeEntry, LookupData } from '../lib/search/lookup.ts';
import { normalizeQuery, splitTerms } from '../lib/search/normalize.ts';

const FILTER_LABELS: Record<string, string> = {
  type: '类别',
  kind: '文种',
  year: '年份',
  issuer: '发文机关',
  batch: '批次',
  level: '等级',
  certificate: '证书',
};
const KIND_LABELS: Record<SearchHit['kind'], string> = {
  docnumber: '文号',
  citation: '条款',
  code: '技能编码',
  name: '名称',
  text: '',
};

const page = document.querySelector<HTMLElement>('[data-search-page]');
if (page) init(page);

/** Results shown per step: fragments (page text for excerpts) are fetched only for these. */
const PAGE_SIZE = 5;

function browserDeps(): SearchDeps {
  let pf: Promise<PagefindLike> | null = null;
  let data: Promise<SearchData> | null = null;
  let lookup: Promise<Pick<LookupData, 'docs'>> | null = null;
  const codes = new Map<number, Promise<CodeEntry[]>>();
  let terms: Promise<string[]> | null = null;
  let filters: Promise<Record<string, Record<string, number>>> | null = null;
  const json = async <T,>(url: string): Promise<T> => {
    const r = await fetch(url);
    if (!r.ok) throw new Error(`${r.status} ${url}`);
    return (await r.json()) as T;
  };
  const deps: SearchDeps = {
    pagefind: () =>
      (pf ??= (async () => {
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
        return mod;
      })()),
    data: () => (data ??= json<SearchData>('/search/data.json')),
    lookup: () => (lookup ??= json<Pick<LookupData, 'docs'>>('/search/lookup.json')),
    codes: (bucket) => {
      let p = codes.get(bucket);
      if (!p) codes.set(bucket, (p = json<CodeEntry[]>(`/search/codes/${bucket}.json`)));
      return p;
    },
    terms: () => (terms ??= json<string[]>('/search/terms.json')),
    filters: () => (filters ??= json<Record<string, Record<string, number>>>('/search/filters.json')),
  };
  return deps;
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

function renderHit(hit: SearchHit, words: string[]): HTMLLIElement {
  const li = document.createElement('li');
  li.className = `search-hit search-hit--${hit.kind}`;
  const h = document.createElement('h2');
  h.className = 'search-hit__title';
  const a = document.createElement('a');
  a.href = hit.kind === 'text' ? withHighlight(hit.url, words) : hit.url;
  a.textContent = hit.title;
  h.append(a);
  li.append(h);
  if (hit.reason) {
    const why = document.createElement('p');
    why.className = 'search-hit__reason';
    const badge = document.createElement('strong');
    badge.textContent = `${KIND_LABELS[hit.kind]}直达`;
    why.append(badge, document.createTextNode(` · ${hit.reason}`));
    li.append(why);
  }
  const url = document.createElement('p');
  url.className = 'search-hit__url muted';
  url.textContent = hit.url;
  li.append(url);
  if (hit.excerpt.length) {
    const p = document.createElement('p');
    p.className = 'search-hit__excerpt';
    p.append(...excerptNodes(hit.excerpt));
    li.append(p);
  }
  if (hit.sub.length) {
    const ul = document.createElement('ul');
    ul.className = 'search-hit__sub';
    for (const s of hit.sub) {
      const sli = document.createElement('li');
      const sa = document.createElement('a');
      sa.href = withHighlight(s.url, words);
      sa.textContent = s.title;
      sli.append(sa);
      if (s.excerpt.length) {
        const sp = document.createElement('span');
        sp.className = 'search-hit__excerpt';
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
  const filterBox = root.querySelector<HTMLFieldSetElement>('[data-search-filters]')!;
  const deps = browserDeps();
  const params = new URLSearchParams(location.search);
  input.value = params.get('q') ?? '';
  const header = document.querySelector<HTMLInputElement>('[data-search-box] input[type="search"]');
  if (header) header.value = input.value;
  let seq = 0;
  let filtersReady = false;
  let shown = PAGE_SIZE;
  // This page exists to search: start Pagefind (its JS, WebAssembly, metadata) and the search data
  // now, while the reader types, so the first query waits only for its index chunks and fragments.
  void deps.pagefind().catch(() => {});
  void deps.data().catch(() => {});

  const selected = (): Filters => {
    const f: Filters = {};
    for (const sel of filterBox.querySelectorAll<HTMLSelectElement>('select')) if (sel.value) f[sel.name] = [sel.value];
    return f;
  };

  /** The filter menus, built when the reader opens them (or the URL carries a filter): not on the first query's path. */
  async function buildFilters(): Promise<void> {
    if (filtersReady) return;
    filtersReady = true;
    // Counts over the whole index, written at build time: no Pagefind filter chunks until a filter is used.
    const all = (await deps.filters?.()) ?? (await (await deps.pagefind()).filters?.()) ?? {};
    for (const key of Object.keys(FILTER_LABELS)) {
      const values = all[key];
      if (!values || Object.keys(values).length < 2) continue;
      const label = document.createElement('label');
      label.textContent = `${FILTER_LABELS[key]} `;
      const sel = document.createElement('select');
      sel.name = key;
      const any = new Option('全部', '');
      sel.append(any);
      const entries = Object.entries(values).sort((a, b) => (key === 'year' ? b[0].localeCompare(a[0]) : b[1] - a[1]));
      for (const [v, n] of entries) sel.append(new Option(`${v}（${n}）`, v));
      sel.value = params.get(key) ?? '';
      sel.addEventListener('change', () => void run());
      label.append(sel);
      filterBox.append(label);
    }
    if (filterBox.querySelectorAll('select').length === 0) toggle.hidden = true;
  }

  const toggle = document.createElement('button');
  toggle.type = 'button';
  toggle.className = 'search-page__filter-toggle';
  toggle.textContent = '筛选';
  toggle.setAttribute('aria-expanded', 'false');
  filterBox.before(toggle);
  const showFilters = async (open: boolean) => {
    await buildFilters();
    filterBox.hidden = !open || filterBox.querySelectorAll('select').length === 0;
    toggle.setAttribute('aria-expanded', String(!filterBox.hidden));
  };
  toggle.addEventListener('click', () => void showFilters(filterBox.hidden));

  const more = document.createElement('button');
  more.type = 'button';
  more.className = 'search-page__more';
  more.textContent = '显示更多结果';
  more.hidden = true;
  list.after(more);
  more.addEventListener('click', () => {
    shown += PAGE_SIZE;
    void run(true);
  });

  async function run(keepShown = false): Promise<void> {
    if (!keepShown) shown = PAGE_SIZE;
    const q = input.value;
    const mine = ++seq;
    const filters = selected();
    const url = new URL(location.href);
    url.search = '';
    if (q.trim()) url.searchParams.set('q', q);
    for (const [k, v] of Object.entries(filters)) url.searchParams.set(k, v[0]!);
    history.replaceState(null, '', url);
    if (!q.trim()) {
      list.replaceChildren();
      more.hidden = true;
      status.textContent = '输入关键词、短语、文号或技能编码。';
      return;
    }
    status.textContent = '正在搜索…';
    try {
      const res = await search(q, deps, { limit: shown, filters: Object.keys(filters).length ? filters : undefined });
      if (mine !== seq) return;
      const words = splitTerms(normalizeQuery(q));
      list.replaceChildren(...res.hits.map((h) => renderHit(h, words)));
      const exactCount = res.hits.filter((h) => h.kind !== 'text').length;
      more.hidden = res.total + exactCount <= res.hits.length;
      if (res.hits.length) {
        const exact = res.hits.filter((h) => h.kind !== 'text').length;
        status.textContent = `找到 ${res.total + exact} 项${exact ? `，其中 ${exact} 项直达` : ''}${res.total + exact > res.hits.length ? `，显示前 ${res.hits.length} 项` : ''}。`;
      } else {
        status.replaceChildren(...emptyMessage(q, res.unknownCode, res.suggestions, res.phrases));
      }
    } catch (err) {
      console.error(err);
      if (mine === seq) status.textContent = `搜索出错：${(err as Error).message}`;
    }
  }

  function emptyMessage(q: string, unknownCode: string | null, suggestions: string[], phrases: string[]): Node[] {
    const out: Node[] = [];
    if (unknownCode) {
      out.push(document.createTextNode(`没有编码为 ${unknownCode} 的技能条目。技能编码只匹配完全相同的编码，不会改找相近的编码；请核对证书的技能矩阵。`));
    } else {
      out.push(document.createTextNode(`没有找到“${q.trim()}”。`));
      if (phrases.length) out.push(document.createTextNode('引号内的短语要求原文逐字连续出现，可去掉引号再试。'));
      if (Object.keys(selected()).length) out.push(document.createTextNode('已选筛选条件，可改为“全部”再试。'));
    }
    if (suggestions.length) {
      out.push(document.createTextNode(' 您是不是要找：'));
      suggestions.forEach((s, i) => {
        const a = document.createElement('a');
        a.href = `/search/?q=${encodeURIComponent(s)}`;
        a.textContent = s;
        a.addEventListener('click', (e) => {
          e.preventDefault();
          input.value = s;
          void run();
        });
        if (i) out.push(document.createTextNode('、'));
        out.push(a);
      });
    }
    return out;
  }

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
  const linkedFilter = Object.keys(FILTER_LABELS).some((k) => params.get(k));
  if (linkedFilter) {
    void showFilters(true).then(() => {
      if (input.value.trim()) void run();
    });
  } else if (input.value.trim()) void run();
  if (!input.value.trim()) status.textContent = '输入关键词、短语、文号或技能编码。';
  input.focus();
}
