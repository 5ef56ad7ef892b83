/**
 * /docs/ filters: 发文机关, 文种, 年份, 时效性 (only when some document is a law's version) and a date
 * sort toggle over the rows' data-* attributes. Without this script the page is the plain full list.
 * The state is kept in the query string (?issuer=&kind=&year=&law=&sort=asc).
 */
import './page.ts';

const root = document.querySelector<HTMLElement>('[data-doc-filter]');
if (root) {
  const form = root.querySelector<HTMLFormElement>('[data-filter-controls]')!;
  const tbody = root.querySelector<HTMLTableSectionElement>('tbody')!;
  const count = root.querySelector<HTMLElement>('[data-count]')!;
  const empty = root.querySelector<HTMLElement>('[data-empty]')!;
  const header = root.querySelector<HTMLElement>('[data-date-header]')!;
  const sortButton = root.querySelector<HTMLButtonElement>('[data-sort-toggle]')!;
  const sortState = root.querySelector<HTMLElement>('[data-sort-state]')!;
  const rows = [...tbody.querySelectorAll<HTMLTableRowElement>('tr')];
  const total = rows.length;
  const select = (name: string) => form.querySelector<HTMLSelectElement>(`select[name="${name}"]`);
  const names = ['issuer', 'kind', 'year', 'law'].filter((n) => select(n));
  let ascending = false;

  const params = new URLSearchParams(location.search);
  for (const name of names) {
    const value = params.get(name);
    const options = [...select(name)!.querySelectorAll('option')];
    if (value && options.some((o) => o.value === value)) for (const o of options) o.selected = o.value === value;
  }
  ascending = params.get('sort') === 'asc';

  const apply = () => {
    const issuer = select('issuer')!.value;
    const kind = select('kind')!.value;
    const year = select('year')!.value;
    const law = select('law')?.value ?? '';
    const sorted = [...rows].sort((a, b) => {
      const da = a.dataset.date ?? '';
      const db = b.dataset.date ?? '';
      if (da === db) return rows.indexOf(a) - rows.indexOf(b);
      if (!da) return 1;
      if (!db) return -1;
      return ascending ? (da < db ? -1 : 1) : da < db ? 1 : -1;
    });
    let shown = 0;
    for (const row of sorted) {
      const match =
        (!issuer || (row.dataset.issuers ?? '').split('|').includes(issuer)) &&
        (!kind || row.dataset.kind === kind) &&
        (!year || row.dataset.year === year) &&
        (!law || row.dataset.lawStatus === law);
      row.hidden = !match;
      if (match) shown++;
      tbody.append(row);
    }
    count.textContent = shown === total ? `共 ${total} 件` : `显示 ${shown} 件，共 ${total} 件`;
    empty.hidden = shown > 0;
    header.setAttribute('aria-sort', ascending ? 'ascending' : 'descending');
    sortState.textContent = ascending ? '当前：旧→新' : '当前：新→旧';

    const query = new URLSearchParams();
    if (issuer) query.set('issuer', issuer);
    if (kind) query.set('kind', kind);
    if (year) query.set('year', year);
    if (law) query.set('law', law);
    if (ascending) query.set('sort', 'asc');
    const search = query.toString();
    history.replaceState(null, '', search ? `?${search}` : location.pathname);
  };

  form.addEventListener('change', apply);
  form.addEventListener('reset', () => {
    ascending = false;
    window.setTimeout(apply, 0);
  });
  form.addEventListener('submit', (e) => e.preventDefault());
  sortButton.addEventListener('click', () => {
    ascending = !ascending;
    apply();
  });
  form.hidden = false;
  apply();
}
