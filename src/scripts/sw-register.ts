/**
 * Every page (src/layouts/Base.astro): registers the service worker /sw.js (written by
 * scripts/offline/build-sw.ts at build time; none in `astro dev`), and shows what it reports:
 * - offline, a search that needs index files not kept on this device: a notice above the page
 *   (离线状态下无法搜索未下载的内容 …) linking to /offline/, where everything can be downloaded;
 * - a new build taking over: nothing to do (its caches replace the old ones), the page says so politely.
 * Served from /_astro/ like every script of the site (the CSP allows no inline script).
 */
import { announce } from './page.ts';

interface WorkerMessage {
  source?: string;
  type?: string;
  what?: string;
}

const NOTICE_ID = 'offline-notice';

function notice(text: string, linkText: string): void {
  if (document.getElementById(NOTICE_ID)) return;
  const p = document.createElement('p');
  p.id = NOTICE_ID;
  p.className = 'offline-notice';
  p.setAttribute('role', 'status');
  p.append(text);
  if (location.pathname !== '/offline/') {
    const a = document.createElement('a');
    a.href = '/offline/';
    a.textContent = linkText;
    p.append(a, '。');
  }
  const main = document.getElementById('main');
  if (main) main.prepend(p);
}

if ('serviceWorker' in navigator) {
  navigator.serviceWorker.addEventListener('message', (e: MessageEvent<WorkerMessage>) => {
    const m = e.data;
    if (m?.source !== 'onex-sw') return;
    if (m.type === 'missing' && m.what === 'search') {
      notice('离线状态下无法搜索未下载的内容；请先在联网时', '下载全部内容');
    }
  });
  const register = () =>
    navigator.serviceWorker.register('/sw.js', { scope: '/' }).catch((err: unknown) => {
      // No worker (a dev server, a browser that refuses it): the site works online as before.
      console.warn('service worker not registered', err);
    });
  if (document.readyState === 'complete') void register();
  else window.addEventListener('load', () => void register(), { once: true });
  // A worker of a new build took over after this page loaded: later pages come from the new build.
  let hadController = Boolean(navigator.serviceWorker.controller);
  navigator.serviceWorker.addEventListener('controllerchange', () => {
    if (hadController) announce('网站已更新，离线内容已换成新版本。');
    hadController = true;
  });
}
