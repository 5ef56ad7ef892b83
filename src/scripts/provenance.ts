/**
 * 「显示出处」: toggles `show-provenance` on <body> and remembers the choice.
 * (CSS also reacts to the checked box, so it works before this runs.)
 */
import { announce } from './page.ts';

const KEY = 'onex-kb:show-provenance';

function read(): boolean {
  try {
    return localStorage.getItem(KEY) === '1';
  } catch {
    return false;
  }
}

function write(on: boolean): void {
  try {
    localStorage.setItem(KEY, on ? '1' : '0');
  } catch {
    // storage may be unavailable (private mode); the toggle still works
  }
}

const boxes = [...document.querySelectorAll<HTMLInputElement>('input[data-provenance-toggle]')];
const apply = (on: boolean) => {
  document.body.classList.toggle('show-provenance', on);
  for (const b of boxes) b.checked = on;
};
apply(read());
for (const box of boxes) {
  box.addEventListener('change', () => {
    apply(box.checked);
    write(box.checked);
    announce(box.checked ? '已显示各条出处' : '已隐藏各条出处');
  });
}
