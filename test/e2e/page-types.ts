/** One page of each type the site has, for the e2e files that visit them all (pages.e2e.ts, phone.e2e.ts). */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';

/** The first entry (by id) of a section of the built site: an organisation's page, whichever the corpus has. */
function firstId(dir: string, section: string): string {
  return readdirSync(join(dir, section), { withFileTypes: true }).filter((e) => e.isDirectory()).map((e) => e.name).sort()[0]!;
}

/** [name, path]; a path is read when the test runs, from the served folder (`dir()`). */
export function pageTypes(dir: () => string): [name: string, path: () => string][] {
  return [
    ['home', () => '/'],
    ['docs-list', () => '/docs/'],
    ['doc', () => '/docs/jzc-2019-6/'],
    ['doc-long', () => '/docs/gf-2019-4/'],
    ['certificates-list', () => '/certificates/'],
    ['certificate', () => '/certificates/web-qdkf/'],
    ['certificate-uncoded', () => '/certificates/wlgl/'],
    ['skill', () => '/certificates/web-qdkf/skills/2-3-4-S5/'],
    ['skill-uncoded', () => '/certificates/wlgl/skills/l2-f2-w3-s1/'],
    ['organizations-list', () => '/organizations/'],
    ['organization', () => `/organizations/${firstId(dir(), 'organizations')}/`],
    ['glossary', () => '/glossary/'],
    ['timeline', () => '/timeline/'],
    ['fees', () => '/fees/'],
    ['search', () => '/search/?q=%E5%AD%A6%E5%88%86%E9%93%B6%E8%A1%8C'],
    ['sources', () => '/sources/'],
    ['data', () => '/data/'],
  ];
}
