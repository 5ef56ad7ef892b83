/**
 * /certificates/ filters: the name (filtering as one types: any part of the certificate's name, full name
 * or alias, spaces and letter case ignored, src/lib/name-filter.ts), 批次, 培训评价组织 and 只看有标准的,
 * over the rows' data-* attributes. Without this script the page is the plain full list. State is kept in
 * the query string (?name=物流&batch=3&org=…&standard=1), so a filtered list can be linked.
 */
import './page.ts';
import { matchesName } from '../lib/name-filter.ts';

const root = document.querySelector<HTMLElement>('[data-cert-filter]');
if (root) {
  const form = root.querySelector<HTMLFormElement>('[data-filter-controls]')!;
  const rows = [...root.querySelectorAll<HTMLTableRowElement>('tbody tr')];
  const count = root.querySelector<HTMLElement>('[data-count]')!;
  const empty = root.querySelector<HTMLElement>('[data-empty]')!;
  const batch = form.querySelector<HTMLSelectElement>('select[name="batch"]')!;
  const org = form.querySelector<HTMLSelectElement>('select[name="org"]')!;
  const standard = form.querySelector<HTMLInputElement>('input[name="standard"]')!;
  const name = form.querySelector<HTMLInputElement>('input[name="name"]')!;
  const total = rows.length;

  const params = new URLSearchParams(location.search);
  for (const [select, name] of [
    [batch, 'batch'],
    [org, 'org'],
  ] as const) {
    const value = params.get(name);
    if (value && [...select.options].some((o) => o.value === value)) select.value = value;
  }
  standard.checked = params.get('standard') === '1';
  name.value = params.get('name') ?? '';

  const apply = () => {
    let shown = 0;
    for (const row of rows) {
      const match =
        matchesName(row.dataset.name ?? '', name.value) &&
        (!batch.value || row.dataset.batch === batch.value) &&
        (!org.value || (row.dataset.orgs ?? '').split('|').includes(org.value)) &&
        (!standard.checked || row.dataset.standard === '1');
      row.hidden = !match;
      if (match) shown++;
    }
    count.textContent = shown === total ? `共 ${total} 个证书` : `显示 ${shown} 个，共 ${total} 个证书`;
    empty.hidden = shown > 0;
    const query = new URLSearchParams();
    if (name.value.trim()) query.set('name', name.value.trim());
    if (batch.value) query.set('batch', batch.value);
    if (org.value) query.set('org', org.value);
    if (standard.checked) query.set('standard', '1');
    const search = query.toString();
    history.replaceState(null, '', (search ? `?${search}` : location.pathname) + location.hash);
  };

  form.addEventListener('input', apply);
  form.addEventListener('change', apply);
  form.addEventListener('reset', () => window.setTimeout(apply, 0));
  form.addEventListener('submit', (e) => e.preventDefault());
  form.hidden = false;
  apply();
}
