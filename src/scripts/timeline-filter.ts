/**
 * /timeline/ event list: filter by kind (checkboxes), kept in the query string (?kind=公示期,截止).
 * Without this script the whole list shows and the controls stay hidden.
 */
const root = document.querySelector<HTMLElement>('[data-timeline-filter]');
if (root) {
  const form = root.querySelector<HTMLFormElement>('[data-filter-controls]')!;
  const boxes = [...form.querySelectorAll<HTMLInputElement>('input[name="kind"]')];
  const items = [...root.querySelectorAll<HTMLElement>('[data-kind]')];
  const years = [...root.querySelectorAll<HTMLElement>('[data-year]')];
  const count = root.querySelector<HTMLElement>('[data-count]')!;
  const empty = root.querySelector<HTMLElement>('[data-empty]')!;
  const wanted = new URLSearchParams(location.search).get('kind');
  if (wanted) {
    const set = new Set(wanted.split(','));
    for (const b of boxes) b.checked = set.has(b.value);
  }
  const apply = () => {
    const on = new Set(boxes.filter((b) => b.checked).map((b) => b.value));
    let shown = 0;
    for (const li of items) {
      li.hidden = !on.has(li.dataset.kind ?? '');
      if (!li.hidden) shown++;
    }
    for (const y of years) y.hidden = !y.querySelector('[data-kind]:not([hidden])');
    count.textContent = shown === items.length ? `共 ${items.length} 个事件` : `显示 ${shown} 个事件，共 ${items.length} 个`;
    empty.hidden = shown > 0;
    const url = new URL(location.href);
    if (on.size === boxes.length) url.searchParams.delete('kind');
    else url.searchParams.set('kind', [...on].join(','));
    history.replaceState(null, '', url);
  };
  form.hidden = false;
  form.addEventListener('change', apply);
  form.querySelector('[data-filter-all]')?.addEventListener('click', () => {
    for (const b of boxes) b.checked = true;
    apply();
  });
  form.querySelector('[data-filter-none]')?.addEventListener('click', () => {
    for (const b of boxes) b.checked = false;
    apply();
  });
  apply();
}
