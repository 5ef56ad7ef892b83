/**
 * /offline/ (src/pages/offline/index.astro), also what the service worker serves offline in place of a
 * page not kept on the device: says which page could not be opened, lists the pages kept in this
 * build's caches (links with their titles), and runs “下载全部内容以便离线使用”: every file of
 * /offline/files.json (written at build time by scripts/offline/build-sw.ts) not yet kept is fetched and
 * stored in the worker's `all` cache, with a progress bar; “删除已下载的内容” deletes that cache.
 * The cache names come from the worker itself (a message answered by src/scripts/offline-sw.ts), so the
 * page never writes into another build's caches.
 */
import { announce } from './page.ts';

interface WorkerInfo {
  build: string;
  caches: { shell: string; visited: string; all: string };
  precache: string[];
}
interface OfflineFiles {
  build: string;
  bytes: number;
  count: number;
  precache: { bytes: number; count: number };
  files: { url: string; size: number }[];
}

/** Stored in the `all` cache once every file is in (the worker never serves it to pages). */
const COMPLETE = '/__onex/complete';
const DOWNLOAD_HEADER = 'x-onex-download';
/** Files fetched at once while downloading everything. */
const PARALLEL = 4;
/** At most this many kept pages are listed by title. */
const LIST_LIMIT = 300;

const $ = <T extends Element>(sel: string): T => document.querySelector<T>(`[data-offline-${sel}]`)!;

const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;
const count = (n: number) => n.toLocaleString('zh-CN');

function askWorker(worker: ServiceWorker): Promise<WorkerInfo> {
  return new Promise((resolve, reject) => {
    const channel = new MessageChannel();
    const timer = window.setTimeout(() => reject(new Error('service worker did not answer')), 5000);
    channel.port1.onmessage = (e: MessageEvent<WorkerInfo>) => {
      window.clearTimeout(timer);
      resolve(e.data);
    };
    worker.postMessage({ type: 'onex-build' }, [channel.port2]);
  });
}

/** This page's worker, once it is active (on a first visit it is still installing when the page loads). */
async function workerInfo(): Promise<WorkerInfo | null> {
  const ready = navigator.serviceWorker.ready;
  const timeout = new Promise<null>((r) => window.setTimeout(() => r(null), 20_000));
  const reg = await Promise.race([ready, timeout]);
  if (!reg?.active) return null;
  return askWorker(reg.active).catch(() => null);
}

async function loadFiles(): Promise<OfflineFiles | null> {
  try {
    const r = await fetch('/offline/files.json', { cache: 'no-cache' });
    return r.ok ? ((await r.json()) as OfflineFiles) : null;
  } catch {
    return null;
  }
}

async function pageTitle(res: Response, url: string): Promise<string> {
  const html = await res.text();
  const m = /<title>([^<]*)<\/title>/u.exec(html);
  if (!m) return url;
  // The title as the browser shows it (entities decoded), without the site name appended by the layout.
  const title = new DOMParser().parseFromString(`<title>${m[1]}</title>`, 'text/html').title;
  return title.replace(/ · 1\+X 政策知识库$/u, '') || url;
}

async function keptPages(info: WorkerInfo): Promise<{ pages: string[]; all: number; complete: boolean }> {
  const pages = new Set<string>();
  let all = 0;
  let complete = false;
  for (const name of [info.caches.shell, info.caches.visited, info.caches.all]) {
    if (!(await caches.has(name))) continue;
    const cache = await caches.open(name);
    for (const req of await cache.keys()) {
      const path = new URL(req.url).pathname;
      if (path === COMPLETE) {
        complete = true;
        continue;
      }
      if (!path.endsWith('/')) continue;
      if (name === info.caches.all) all++;
      else pages.add(path);
    }
  }
  return { pages: [...pages].sort(), all, complete };
}

async function showKept(info: WorkerInfo): Promise<{ complete: boolean }> {
  const { pages, all, complete } = await keptPages(info);
  const list = $<HTMLUListElement>('kept');
  const summary = $<HTMLParagraphElement>('kept-summary');
  const items: HTMLLIElement[] = [];
  for (const path of pages.slice(0, LIST_LIMIT)) {
    const res = (await caches.match(path, { cacheName: info.caches.shell })) ?? (await caches.match(path, { cacheName: info.caches.visited }));
    const li = document.createElement('li');
    const a = document.createElement('a');
    a.href = path;
    a.textContent = res ? await pageTitle(res, path) : path;
    li.append(a);
    items.push(li);
  }
  list.replaceChildren(...items);
  const visited = `打开过或第一次访问时保存的页面 ${count(pages.length)} 个${pages.length > LIST_LIMIT ? `（下面列出前 ${LIST_LIMIT} 个）` : ''}。`;
  summary.textContent = complete
    ? `已下载全部内容：离线时可以打开全站 ${count(all)} 个页面中的任何一个，搜索全部内容。${visited}`
    : all
      ? `已下载部分内容（${count(all)} 个页面，下载未完成，可继续下载）。${visited}`
      : `${visited}离线时只能打开这些页面，搜索也只能用已保存的索引部分。`;
  return { complete };
}

async function main(): Promise<void> {
  const away = location.pathname !== '/offline/';
  if (away) {
    $<HTMLElement>('away').hidden = false;
    $<HTMLElement>('path').textContent = decodeURI(location.pathname);
    $<HTMLElement>('title').textContent = '离线：本页尚未保存在本机';
    document.title = '离线：本页尚未保存在本机 · 1+X 政策知识库';
  }
  if (!('serviceWorker' in navigator) || !('caches' in window)) {
    $<HTMLElement>('unsupported').hidden = false;
    $<HTMLElement>('kept-summary').textContent = '这个浏览器没有保存本站的页面。';
    return;
  }
  const [info, files] = await Promise.all([workerInfo(), loadFiles()]);
  const size = $<HTMLParagraphElement>('size');
  if (files) {
    size.textContent = `全站共 ${mb(files.bytes)}（${count(files.count)} 个文件），其中 ${mb(files.precache.bytes)} 在第一次访问时已保存。`;
  } else {
    size.textContent = '联网后可以下载全部内容。';
  }
  if (!info) {
    $<HTMLElement>('kept-summary').textContent = '离线保存尚未启用（Service Worker 未运行），请联网后刷新本页。';
    return;
  }
  const controls = $<HTMLElement>('controls');
  const download = $<HTMLButtonElement>('download');
  const remove = $<HTMLButtonElement>('remove');
  const status = $<HTMLParagraphElement>('status');
  const row = $<HTMLElement>('progress-row');
  const bar = $<HTMLProgressElement>('progress');
  const barText = $<HTMLElement>('progress-text');
  controls.hidden = false;

  const refresh = async () => {
    const { complete } = await showKept(info);
    remove.hidden = !(await caches.has(info.caches.all));
    download.textContent = complete ? '检查并补全下载的内容' : '下载全部内容以便离线使用';
    return complete;
  };
  if (await refresh()) status.textContent = `已下载全部内容${files ? `（${mb(files.bytes)}）` : ''}，离线时可以打开任何一页、搜索全部内容。`;
  if (files && files.build !== info.build) {
    status.textContent = '网站已更新，新版本正在安装；请稍后刷新本页再下载。';
    download.disabled = true;
    void navigator.serviceWorker.getRegistration().then((r) => r?.update());
  }

  download.addEventListener('click', async () => {
    if (!files || !navigator.onLine) {
      status.textContent = '当前离线，联网后才能下载全部内容。';
      return;
    }
    download.disabled = true;
    remove.disabled = true;
    try {
      await navigator.storage?.persist?.();
    } catch {
      // Persistence is a request; without it the browser may clear the cache under storage pressure.
    }
    const all = await caches.open(info.caches.all);
    const shell = await caches.open(info.caches.shell);
    const have = new Set<string>();
    for (const c of [shell, all]) for (const r of await c.keys()) have.add(new URL(r.url).pathname);
    const todo = files.files.filter((f) => !have.has(f.url));
    let done = files.bytes - todo.reduce((s, f) => s + f.size, 0);
    let doneFiles = files.count - todo.length;
    const show = () => {
      bar.value = files.bytes ? done / files.bytes : 1;
      barText.textContent = `${mb(done)} / ${mb(files.bytes)}（${count(doneFiles)} / ${count(files.count)} 个文件）`;
    };
    row.hidden = false;
    show();
    status.textContent = `正在下载全部内容（${mb(files.bytes)}）…`;
    let failed: unknown = null;
    let next = 0;
    const worker = async () => {
      while (next < todo.length && !failed) {
        const f = todo[next++]!;
        try {
          const res = await fetch(f.url, { headers: { [DOWNLOAD_HEADER]: '1' }, cache: 'no-cache' });
          if (!res.ok) throw new Error(`${res.status} ${f.url}`);
          await all.put(f.url, res);
          done += f.size;
          doneFiles++;
          show();
        } catch (err) {
          failed = err;
        }
      }
    };
    await Promise.all(Array.from({ length: PARALLEL }, worker));
    if (failed) {
      console.warn(failed);
      const quota = failed instanceof DOMException && failed.name === 'QuotaExceededError';
      status.textContent = quota
        ? '本机存储空间不足，下载未完成；已下载的部分保留。'
        : '下载中断（网络断开？）；已下载的部分保留，联网后可以继续下载。';
      download.textContent = '继续下载';
    } else {
      await all.put(COMPLETE, new Response(JSON.stringify({ build: files.build, bytes: files.bytes, count: files.count }), { headers: { 'content-type': 'application/json' } }));
      await refresh();
      status.textContent = `已下载全部内容（${mb(files.bytes)}），离线时可以打开任何一页、搜索全部内容。`;
      announce('已下载全部内容');
    }
    download.disabled = false;
    remove.disabled = false;
    remove.hidden = false;
  });

  remove.addEventListener('click', async () => {
    await caches.delete(info.caches.all);
    row.hidden = true;
    await refresh();
    status.textContent = '已删除下载的内容；打开过的页面仍保存在本机。';
  });
}

void main();
