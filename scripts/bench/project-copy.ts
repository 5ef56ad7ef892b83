/**
 * A buildable copy of the project in another folder: its code and config, the overrides unless told
 * not to, node_modules linked (not copied). Sources are the caller's. Used by the benchmark (one copy
 * per corpus size) and by tests that build a site from other sources; such a copy must build with its
 * own Astro cache (ASTRO_CACHE_DIR, see astro.config.mjs), as Astro's default cache lies in node_modules.
 */
import { cpSync, existsSync, mkdirSync, rmSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';

export const PROJECT_ROOT = join(import.meta.dirname, '..', '..');
/** What `npm run build` reads besides content/sources and node_modules. */
const CODE = ['src', 'scripts', 'public', 'astro.config.mjs', 'package.json', 'tsconfig.json'];

export function copyProjectTo(dir: string, { overrides = true } = {}): void {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(join(dir, 'content', 'sources'), { recursive: true });
  for (const p of CODE) if (existsSync(join(PROJECT_ROOT, p))) cpSync(join(PROJECT_ROOT, p), join(dir, p), { recursive: true });
  // the search vocabulary (synonyms, aliases, droppable words) is configuration the index step reads
  if (existsSync(join(PROJECT_ROOT, 'content', 'search'))) cpSync(join(PROJECT_ROOT, 'content', 'search'), join(dir, 'content', 'search'), { recursive: true });
  if (overrides) cpSync(join(PROJECT_ROOT, 'content', 'overrides'), join(dir, 'content', 'overrides'), { recursive: true });
  else mkdirSync(join(dir, 'content', 'overrides'), { recursive: true });
  symlinkSync(join(PROJECT_ROOT, 'node_modules'), join(dir, 'node_modules'), 'dir');
}
