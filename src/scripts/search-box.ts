/**
 * Header search box: `/` focuses it (unless the reader is typing somewhere); on the search page, its own box.
 * On arrival at #anchor (a search sub-result, a citation permalink), the target clause is
 * marked; with ?hl=词 (added by search results) those words are highlighted in it.
 */

function typingIn(el: Element | null): boolean {
  if (!el) return false;
  const tag = el.tagName;
  return tag === 'INPUT' || tag === 'TEXTAREA' || tag === 'SELECT' || (el as HTMLElement).isContentEditable;
}

document.addEventListener('keydown', (e) => {
  if (e.key !== '/' || e.ctrlKey || e.metaKey || e.altKey || typingIn(document.activeElement)) return;
  // The header's box, or on the search page (which has no header box) the page's own.
  const input = document.querySelector<HTMLInputElement>('[data-search-box] input[type="search"], [data-search-page] input[type="search"]');
  if (!input) return;
  e.preventDefault();
  input.focus();
  input.select();
});

function highlightWords(root: Element, words: string[]): void {
  const wanted = words.map((w) => w.trim()).filter((w) => w.length > 0).sort((a, b) => b.length - a.length);
  if (!wanted.length) return;
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  const texts: Text[] = [];
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    const parent = n.parentElement;
    if (parent && !parent.closest('script, style, mark, button, .clause__tools')) texts.push(n as Text);
  }
  for (const node of texts) {
    const value = node.data;
    let i = 0;
    const parts: (string | HTMLElement)[] = [];
    let last = 0;
    while (i < value.length) {
      const w = wanted.find((x) => value.startsWith(x, i));
      if (!w) {
        i++;
        continue;
      }
      if (i > last) parts.push(value.slice(last, i));
      const mark = document.createElement('mark');
      mark.className = 'search-term';
      mark.textContent = w;
      parts.push(mark);
      i += w.length;
      last = i;
    }
    if (!parts.length) continue;
    if (last < value.length) parts.push(value.slice(last));
    node.replaceWith(...parts);
  }
}

function markTarget(): void {
  document.querySelectorAll('.search-target').forEach((el) => el.classList.remove('search-target'));
  const id = decodeURIComponent(location.hash.slice(1));
  const target = id ? document.getElementById(id) : null;
  if (target) target.classList.add('search-target');
  const hl = new URLSearchParams(location.search).get('hl');
  if (hl) highlightWords(target ?? document.querySelector('main') ?? document.body, hl.split(/\s+/u));
}

markTarget();
window.addEventListener('hashchange', markTarget);
