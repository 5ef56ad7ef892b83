/**
 * Printing: every printed page carries its absolute URL, and one part of a page can be printed alone.
 *
 * - `[data-print-url]` (the layout's print-only 网址 line, src/layouts/Base.astro) holds the canonical URL when the
 *   build knows SITE_URL; otherwise the page's own path, made absolute here from location.
 * - A `button[data-print="<id>"]` (打印本条 in ClauseTools, 打印本级 in SkillMatrix) prints only the element with that
 *   id: the page is marked `print-part`, the element `print-target` and its ancestors `print-path`, and the print
 *   styles (site.css) hide every sibling along that path. The element is headed by its citation
 *   (`data-print-cite`) and its own URL (page URL + #id). After printing the whole page prints again.
 * - `?print=<id>` opens the page in the same state, for a link that prints one clause: /docs/jzc-2019-6/?print=s2-5.
 */
import './page.ts';

const urlFields = () => [...document.querySelectorAll<HTMLElement>('[data-print-url]')];

/** The page's absolute URL: SITE_URL's when the build wrote it, else from location (without ?print=). */
function pageUrl(): URL {
  const field = urlFields()[0];
  const built = field?.dataset.printBase ?? field?.textContent?.trim() ?? '';
  if (/^https?:\/\//u.test(built)) return new URL(built);
  const url = new URL(location.href);
  url.hash = '';
  url.searchParams.delete('print');
  return url;
}

function partUrl(id: string): string {
  const url = pageUrl();
  url.search = '';
  url.hash = id;
  return url.href;
}

function showUrl(href: string): void {
  for (const f of urlFields()) {
    f.dataset.printBase ??= f.textContent?.trim() ?? '';
    f.textContent = href;
  }
}

let active: { target: HTMLElement; header: HTMLElement; sticky: boolean } | null = null;

function leave(): void {
  if (!active) return;
  document.documentElement.classList.remove('print-part');
  for (const el of document.querySelectorAll('.print-path')) el.classList.remove('print-path');
  active.target.classList.remove('print-target');
  active.header.remove();
  active = null;
  showUrl(pageUrl().href);
}

function enter(id: string, sticky: boolean): boolean {
  const target = document.getElementById(id);
  if (!target || target === document.body || !document.querySelector('main')?.contains(target)) return false;
  leave();
  const cite = document.querySelector<HTMLElement>(`[data-print="${CSS.escape(id)}"]`)?.dataset.printCite ?? '';
  const header = document.createElement('div');
  header.className = 'print-only print-cite print-part__cite';
  const url = partUrl(id);
  for (const [label, text] of [['引用', cite], ['网址', url]] as const) {
    if (!text) continue;
    const p = document.createElement('p');
    p.textContent = `${label}：${text}`;
    header.append(p);
  }
  target.prepend(header);
  document.documentElement.classList.add('print-part');
  for (let el: HTMLElement | null = target.parentElement; el && el !== document.body; el = el.parentElement) el.classList.add('print-path');
  target.classList.add('print-target');
  active = { target, header, sticky };
  showUrl(url);
  return true;
}

showUrl(pageUrl().href);

const requested = new URLSearchParams(location.search).get('print');
if (requested) enter(requested, true);

document.addEventListener('click', (event) => {
  const button = (event.target as Element | null)?.closest<HTMLButtonElement>('button[data-print]');
  if (!button) return;
  if (enter(button.dataset.print!, false)) window.print();
});

// After printing one part, the page prints whole again (unless the URL asked for the part).
window.addEventListener('afterprint', () => {
  if (active && !active.sticky) leave();
});
