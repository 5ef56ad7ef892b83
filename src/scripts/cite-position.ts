/**
 * Keeps an open 引用 menu on screen. The menu hangs under its toggle (site.css: absolute, right-aligned); under a long
 * heading the toggle can sit near the left edge and the menu would open off it. When a menu opens (and when the
 * window is resized) it is shifted by just enough to stay 8 px inside the viewport. On phones the menu is in the
 * flow (position: static) and needs no shift.
 */
const MARGIN = 8;

function place(details: HTMLDetailsElement): void {
  const menu = details.querySelector<HTMLElement>('.cite__menu');
  if (!menu) return;
  menu.style.removeProperty('translate');
  if (!details.open || getComputedStyle(menu).position !== 'absolute') return;
  const r = menu.getBoundingClientRect();
  const width = document.documentElement.clientWidth;
  let dx = 0;
  if (r.left < MARGIN) dx = MARGIN - r.left;
  else if (r.right > width - MARGIN) dx = Math.max(MARGIN - r.left, width - MARGIN - r.right);
  if (dx !== 0) menu.style.setProperty('translate', `${Math.round(dx)}px 0`);
}

// `toggle` does not bubble: listen in the capture phase, once per page.
document.addEventListener(
  'toggle',
  (event) => {
    const target = event.target;
    if (target instanceof HTMLDetailsElement && target.matches('details.cite')) place(target);
  },
  true,
);

window.addEventListener('resize', () => {
  for (const d of document.querySelectorAll<HTMLDetailsElement>('details.cite[open]')) place(d);
});
