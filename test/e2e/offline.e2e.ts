/**
 * Offline after the first visit (issue 15), in Chromium. The site is served through a small front
 * server of this test, which can drop every connection (“the network is down”) and switch to another
 * build; the browser context is also set offline (navigator.onLine false):
 * - the home page, visited online, installs the worker; the manifest is linked and Chromium parses it;
 * - offline, an unvisited page gives the Chinese offline page, listing the kept pages; a search whose
 *   index files were never fetched says in Chinese that it cannot search what is not downloaded;
 * - 下载全部内容 (online) fills the cache with the size /offline/files.json states; then offline a page
 *   never visited opens and a search returns results; 删除已下载的内容 removes it;
 * - a second build: the next visit online gets its page, its worker takes over and the first build's
 *   caches are gone; offline, the second build's page is served.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { type IncomingMessage, type ServerResponse, createServer, request } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildServiceWorker } from '../../scripts/offline/build-sw.ts';
import { type Page, type Session, openSession, screenshot, siteSnapshot, axeViolations, serious } from './browser.ts';
import { type StaticServer, serveStatic } from './server.ts';


interface Front {
  origin: string;
  down: boolean;
  upstream: string;
  close(): Promise<void>;
}

/** A proxy in front of the static servers: `down` drops connections, `upstream` picks the build served. */
async function front(upstream: string): Promise<Front> {
  const state = { down: false, upstream };
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    if (state.down) {
      req.socket.destroy();
      return;
    }
    const up = request(`${state.upstream}${req.url ?? '/'}`, { method: req.method, headers: req.headers }, (r) => {
      res.writeHead(r.statusCode ?? 502, r.headers);
      r.pipe(res);
    });
    up.on('error', () => res.destroy());
    req.pipe(up);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    get down() {
      return state.down;
    },
    set down(v: boolean) {
      state.down = v;
    },
    get upstream() {
      return state.upstream;
    },
    set upstream(v: string) {
      state.upstream = v;
    },
    close: () =>
      new Promise<void>((r) => {
        server.closeAllConnections();
        server.close(() => r());
      }),
  };
}

let site: ReturnType<typeof siteSnapshot>;
let second: string;
let serverA: StaticServer;
let serverB: StaticServer;
let proxy: Front;
let session: Session;
let page: Page;
let buildA: string;
let buildB: string;
let downloadMB: string;

async function offline(on: boolean): Promise<void> {
  proxy.down = on;
  await session.browser.setOffline(on);
}

/** The build the page's active worker serves (it answers a message). */
function workerBuild(p: Page): Promise<string | null> {
  return p.evaluate(async () => {
    const reg = await navigator.serviceWorker.getRegistration();
    const w = reg?.active;
    if (!w || w.state !== 'activated' || !navigator.serviceWorker.controller) return null;
    return new Promise<string | null>((resolve) => {
      const ch = new MessageChannel();
      ch.port1.onmessage = (e: MessageEvent<{ build: string }>) => resolve(e.data.build);
      w.postMessage({ type: 'onex-build' }, [ch.port2]);
      setTimeout(() => resolve(null), 3000);
    });
  });
}

const cacheNames = (p: Page) => p.evaluate(async () => (await caches.keys()).filter((n) => n.startsWith('onex-')).sort());

describe('offline use, in Chromium', () => {
  beforeAll(async () => {
    site = siteSnapshot();
    buildA = (JSON.parse(readFileSync(join(site.dir, 'offline', 'files.json'), 'utf8')) as { build: string }).build;
    // The second build: the same site with a changed home page, its worker and lists made again by the build step.
    second = mkdtempSync(join(tmpdir(), 'e2e-site-b-'));
    cpSync(site.dir, second, { recursive: true });
    const home = join(second, 'index.html');
    writeFileSync(home, readFileSync(home, 'utf8').replace('</main>', '<p data-second-build>第二次构建的首页</p></main>'));
    buildB = (await buildServiceWorker(second)).build;
    serverA = await serveStatic(site.dir);
    serverB = await serveStatic(second);
    proxy = await front(serverA.origin);
    session = await openSession(proxy.origin, { serviceWorkers: 'allow' });
    page = await session.browser.newPage();
  });

  afterAll(async () => {
    await session?.close();
    await proxy?.close();
    await serverA?.close();
    await serverB?.close();
    site?.remove();
    if (second) rmSync(second, { recursive: true, force: true });
  });

  it('the first visit installs the worker, precaches the shell, and links an installable manifest', async () => {
    expect(buildB).not.toBe(buildA);
    await page.goto(`${proxy.origin}/`);
    await expect.poll(() => workerBuild(page), { timeout: 30_000 }).toBe(buildA);
    expect(await cacheNames(page)).toContain(`onex-${buildA}-shell`);
    expect(await page.getAttribute('link[rel="manifest"]', 'href')).toBe('/manifest.webmanifest');
    const cdp = await session.browser.newCDPSession(page);
    const manifest = (await cdp.send('Page.getAppManifest')) as { url: string; errors: { message: string }[]; data?: string };
    expect(manifest.url).toBe(`${proxy.origin}/manifest.webmanifest`);
    expect(manifest.errors).toEqual([]);
    expect(JSON.parse(manifest.data ?? '{}')).toMatchObject({ name: '1+X 政策知识库', start_url: '/' });
    const installability = (await cdp.send('Page.getInstallabilityErrors')) as { installabilityErrors: { errorId: string }[] };
    console.log(`installability errors: ${JSON.stringify(installability.installabilityErrors)}`);
    expect(installability.installabilityErrors.map((e) => e.errorId).filter((id) => /manifest|icon|start-url|display|name/u.test(id))).toEqual([]);
  });

  it('offline, an unvisited page is the Chinese offline page listing what is kept; the visited home page opens', async () => {
    await offline(true);
    const res = await page.goto(`${proxy.origin}/docs/`);
    expect(res?.status()).toBe(200);
    await expect.poll(() => page.textContent('h1')).toBe('离线：本页尚未保存在本机');
    expect(await page.textContent('[data-offline-away]')).toContain('/docs/');
    await page.waitForSelector('[data-offline-kept] a[href="/"]');
    const kept = await page.locator('[data-offline-kept] a').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
    expect(kept).toEqual(expect.arrayContaining(['/', '/search/', '/offline/']));
    expect(await page.title()).toContain('离线');
    await screenshot(page, 'offline-unvisited-page');

    await page.goto(`${proxy.origin}/`);
    expect(await page.locator('h1').first().textContent()).not.toContain('离线');
  });

  it('offline, a search over index files never fetched says in Chinese that it cannot', async () => {
    await page.goto(`${proxy.origin}/search/?q=${encodeURIComponent('学分银行')}`);
    await page.waitForSelector('#offline-notice', { timeout: 30_000 });
    expect(await page.textContent('#offline-notice')).toBe('离线状态下无法搜索未下载的内容；请先在联网时下载全部内容。');
    expect(await page.getAttribute('#offline-notice a', 'href')).toBe('/offline/');
    await screenshot(page, 'offline-search-not-downloaded');
  });

  it('下载全部内容 (online) stores every file; offline, a page never visited opens and search finds results', async () => {
    await offline(false);
    const files = JSON.parse(readFileSync(join(site.dir, 'offline', 'files.json'), 'utf8')) as { bytes: number; count: number };
    downloadMB = `${(files.bytes / 1024 / 1024).toFixed(1)} MB`;
    await page.goto(`${proxy.origin}/offline/`);
    await expect.poll(() => page.textContent('[data-offline-size]')).toContain(downloadMB);
    await page.click('[data-offline-download]');
    await expect.poll(() => page.textContent('[data-offline-status]'), { timeout: 120_000 }).toContain('已下载全部内容');
    expect(await page.locator('[data-offline-progress]').evaluate((p) => (p as HTMLProgressElement).value)).toBe(1);
    expect(await page.textContent('[data-offline-progress-text]')).toContain(`${downloadMB}（${files.count.toLocaleString('zh-CN')} / ${files.count.toLocaleString('zh-CN')} 个文件）`);
    const stored = await page.evaluate(async (name) => (await (await caches.open(name)).keys()).length, `onex-${buildA}-all`);
    const shell = await page.evaluate(async (name) => (await (await caches.open(name)).keys()).length, `onex-${buildA}-shell`);
    // Every listed file is in `all` or the precache (`shell`), plus the completion marker.
    expect(stored + shell).toBeGreaterThanOrEqual(files.count + 1);
    await screenshot(page, 'offline-downloaded');
    expect(serious(await axeViolations(page)).map((v) => ({ id: v.id, impact: v.impact }))).toEqual([]);

    await offline(true);
    await page.goto(`${proxy.origin}/docs/jzc-2019-6/`);
    expect(await page.textContent('h1')).not.toContain('离线');
    expect(await page.textContent('main')).toContain('教职成〔2019〕6号');
    await page.goto(`${proxy.origin}/certificates/`);
    expect(await page.textContent('h1')).not.toContain('离线');

    await page.goto(`${proxy.origin}/search/?q=${encodeURIComponent('考核')}`);
    await page.waitForSelector('.search-hit', { timeout: 30_000 });
    await expect.poll(() => page.textContent('[data-search-status]')).toMatch(/找到 \d+ 项/u);
    expect(await page.locator('#offline-notice').count()).toBe(0);
    expect(await page.locator('.search-hit').count()).toBeGreaterThan(0);
    await screenshot(page, 'offline-search-downloaded');
  });

  it('删除已下载的内容 removes the download; an unvisited page is offline again', async () => {
    await page.goto(`${proxy.origin}/offline/`);
    await page.waitForSelector('[data-offline-remove]:not([hidden])');
    await page.click('[data-offline-remove]');
    await expect.poll(() => page.textContent('[data-offline-status]')).toContain('已删除下载的内容');
    expect(await cacheNames(page)).not.toContain(`onex-${buildA}-all`);
    await page.goto(`${proxy.origin}/timeline/`);
    expect(await page.textContent('h1')).toBe('离线：本页尚未保存在本机');
  });

  it('a new build: the next visit gets its page, its worker takes over, the old caches are deleted, offline serves the new build', async () => {
    await offline(false);
    proxy.upstream = serverB.origin;
    await page.goto(`${proxy.origin}/`);
    expect(await page.locator('[data-second-build]').count()).toBe(1);
    // The browser checks /sw.js on navigation; asking again (as the /offline/ page does) makes it certain.
    await page.evaluate(async () => (await navigator.serviceWorker.getRegistration())?.update());
    // The new worker is installed now; Chromium activates it (skipWaiting) once the old one has no work
    // left, i.e. after up to ~30 s without events: watched here without messaging the old worker.
    const pending = () =>
      page.evaluate(async () => {
        const r = await navigator.serviceWorker.getRegistration();
        return Boolean(r?.installing || r?.waiting || r?.active?.state !== 'activated');
      });
    await expect.poll(pending, { timeout: 100_000, interval: 1000 }).toBe(false);
    await expect.poll(() => workerBuild(page), { timeout: 30_000 }).toBe(buildB);
    // Deleting the old caches is the new worker's activation; it controls the page from the start of it.
    await expect.poll(async () => (await cacheNames(page)).filter((n) => !n.startsWith(`onex-${buildB}-`)), { timeout: 15_000 }).toEqual([]);
    expect(await cacheNames(page)).toContain(`onex-${buildB}-shell`);

    await offline(true);
    await page.goto(`${proxy.origin}/`);
    expect(await page.locator('[data-second-build]').count()).toBe(1);
    await page.goto(`${proxy.origin}/docs/jzc-2019-6/`);
    // Visited under the first build only: that build's copy is gone with its caches.
    expect(await page.textContent('h1')).toBe('离线：本页尚未保存在本机');
    await offline(false);
  }, 240_000);

  it('no CSP violation on any page', () => {
    expect(session.violations).toEqual([]);
  });
});
