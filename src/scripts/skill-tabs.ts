/**
 * Level tabs on a certificate page (SkillMatrix): the list of links to the level sections becomes
 * a tablist and one section is shown at a time. The tab follows the URL: #level-2, or the #anchor of
 * a row inside a level (/certificates/web-qdkf/#2-3-4-S5 opens 中级 and scrolls to the row).
 * Arrow keys, Home and End move between tabs. Without this script every level is shown.
 */
import './page.ts';

for (const root of document.querySelectorAll<HTMLElement>('[data-skill-tabs]')) {
  const list = root.querySelector<HTMLElement>('[data-tablist]')!;
  const tabs = [...list.querySelectorAll<HTMLAnchorElement>('a[data-tab]')];
  const panels = tabs.map((t) => document.getElementById(t.dataset.tab!)!).filter(Boolean);
  if (tabs.length < 2 || panels.length !== tabs.length) continue;

  list.setAttribute('role', 'tablist');
  for (const li of list.querySelectorAll('li')) li.setAttribute('role', 'presentation');
  tabs.forEach((tab, i) => {
    tab.setAttribute('role', 'tab');
    tab.id = `${tab.dataset.tab}-tab`;
    tab.setAttribute('aria-controls', panels[i]!.id);
    panels[i]!.setAttribute('role', 'tabpanel');
    panels[i]!.setAttribute('aria-labelledby', tab.id);
  });

  const select = (index: number, focus: boolean) => {
    tabs.forEach((tab, i) => {
      const on = i === index;
      tab.setAttribute('aria-selected', String(on));
      tab.tabIndex = on ? 0 : -1;
      panels[i]!.hidden = !on;
    });
    if (focus) tabs[index]!.focus();
  };

  /** The tab whose panel is or holds the URL's target; -1 when the hash is elsewhere. */
  const fromHash = (): number => {
    const id = decodeURIComponent(location.hash.slice(1));
    if (!id) return -1;
    const target = document.getElementById(id);
    if (!target) return -1;
    return panels.findIndex((p) => p === target || p.contains(target));
  };

  const followHash = () => {
    const index = fromHash();
    if (index < 0) return;
    select(index, false);
    const target = document.getElementById(decodeURIComponent(location.hash.slice(1)));
    if (target && target !== panels[index]) target.scrollIntoView();
  };

  tabs.forEach((tab, i) => {
    tab.addEventListener('click', (event) => {
      event.preventDefault();
      select(i, false);
      history.replaceState(null, '', `#${tab.dataset.tab}`);
    });
    tab.addEventListener('keydown', (event) => {
      const last = tabs.length - 1;
      const next = { ArrowRight: i + 1, ArrowDown: i + 1, ArrowLeft: i - 1, ArrowUp: i - 1, Home: 0, End: last }[event.key];
      if (next === undefined) return;
      event.preventDefault();
      const target = (next + tabs.length) % tabs.length;
      select(target, true);
      history.replaceState(null, '', `#${tabs[target]!.dataset.tab}`);
    });
  });

  root.classList.add('is-tabbed');
  const initial = fromHash();
  select(initial < 0 ? 0 : initial, false);
  if (initial >= 0) followHash();
  window.addEventListener('hashchange', followHash);
}
