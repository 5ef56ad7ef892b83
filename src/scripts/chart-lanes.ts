/**
 * Keyboard in the timeline chart (src/lib/charts/timeline.ts): each lane (<g data-chart-lane>) is
 * one Tab stop — the build gives its first mark tabindex 0 and the others -1 — and the arrow keys
 * move along the lane (← → or ↑ ↓, Home, End), the tabindex roving with the focus, so Tab leaves
 * the lane from where the reader was. Each mark is a link named by its event. Without this script
 * the first mark of each lane is still a link, and the list below the chart holds every event.
 *
 * The listeners are on the document, not on the lanes: Chromium makes an SVG element with a key or
 * focus listener focusable, which would add a Tab stop per lane.
 */
const KEYS: Record<string, (i: number, last: number) => number> = {
  ArrowRight: (i, last) => Math.min(i + 1, last),
  ArrowDown: (i, last) => Math.min(i + 1, last),
  ArrowLeft: (i) => Math.max(i - 1, 0),
  ArrowUp: (i) => Math.max(i - 1, 0),
  Home: () => 0,
  End: (_, last) => last,
};

/** The lane's marks and the index of `target` among them, if it is one. */
function inLane(target: EventTarget | null): { marks: Element[]; i: number } | null {
  if (!(target instanceof Element)) return null;
  const lane = target.parentElement;
  if (target.localName !== 'a' || !lane?.hasAttribute('data-chart-lane')) return null;
  const marks = [...lane.children].filter((c) => c.localName === 'a');
  return { marks, i: marks.indexOf(target) };
}

function rove(marks: readonly Element[], index: number): void {
  marks.forEach((m, k) => m.setAttribute('tabindex', k === index ? '0' : '-1'));
}

document.addEventListener('keydown', (event) => {
  const move = KEYS[event.key];
  if (!move || event.altKey || event.ctrlKey || event.metaKey || event.shiftKey) return;
  const at = inLane(event.target);
  if (!at || at.marks.length < 2) return;
  event.preventDefault();
  const next = move(at.i, at.marks.length - 1);
  rove(at.marks, next);
  (at.marks[next] as SVGAElement).focus();
});

// A click (or a focus by other means) makes that mark the lane's Tab stop.
document.addEventListener('focusin', (event) => {
  const at = inLane(event.target);
  if (at) rove(at.marks, at.i);
});
