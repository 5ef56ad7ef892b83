/**
 * `node scripts/bench/synth.ts --times N --out DIR [--sources content/sources]`
 *
 * A synthetic corpus of N× the real sources, for the benchmark. Copy 0 is the sources
 * unchanged (so 1× is the real corpus, overrides included); copy k ≥ 1 of every file is
 * rewritten so that each of its documents is a different document, consistently within
 * the copy so that its references still resolve inside it:
 *
 *  - every year printed with 年, in a 文号 bracket or opening a range moves by k
 *    (2019年4月4日 → 2021年4月4日 for k = 2; 〔2019〕 → 〔2021〕): dates and 文号 years together;
 *  - every 文号 serial gets k·1000 added (〔2019〕6号 → 〔2021〕2006号), so ids differ;
 *  - every 关于 becomes 关于 + a two-character tag of the copy (甲子, 乙丑 … the sexagenary cycle):
 *    titles, quoted titles, the compilation's table of contents and body text change alike;
 *  - 中华人民共和国 gets the same tag (the law excerpts have no 关于 and no 文号);
 *  - the two certificates whose standards the corpus prints (Web 前端开发, 物流管理) get the tag too,
 *    so each copy adds two certificates with a standard and 612 skill pages, as new standards would.
 *
 * Titles that carry no 关于 (《国家职业教育改革实施方案》 cited by its enclosed title, the 职教20条
 * alias) keep resolving to the first copy: many notices citing one national document, as in life.
 *
 * The variation touches titles, 文号, dates and text, never the layout (line breaks, page
 * numbers, tables), so every copy exercises the parser as the original does.
 * Copies are named `cKK-<original name>` and listed in sources.yaml.
 */
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { parse as parseYaml, stringify as stringifyYaml } from 'yaml';

const STEMS = '甲乙丙丁戊己庚辛壬癸';
const BRANCHES = '子丑寅卯辰巳午未申酉戌亥';

/** The tag of copy k (k ≥ 1): 甲子, 乙丑 … then two cycle names for k > 59. */
export function copyTag(k: number): string {
  const cycle = (i: number) => STEMS[i % 10]! + BRANCHES[i % 12]!;
  return k < 60 ? cycle(k - 1) : cycle((k - 1) % 60) + cycle(Math.floor((k - 1) / 60));
}

const OPEN = '〔„\\[［(（【';
const CLOSE = '〕‟\\]］)）】';
/** A year: before 年 (with spaces), inside a 文号 bracket, or opening a range 2019—2021. */
const YEAR = new RegExp(`(?<!\\d)((?:19|20)\\d\\d)(?=\\s*(?:年|[${CLOSE}]|[—–\\-－~至]\\s*(?:19|20)\\d\\d))`, 'gu');
/** A 文号's serial: 〔2019〕36 号. */
const SERIAL = new RegExp(`([${OPEN}]\\s*\\d{4}\\s*[${CLOSE}]\\s*)(\\d{1,4})(?=\\s*号)`, 'gu');

/** The text of copy k of a source. */
export function varyText(text: string, k: number): string {
  if (k === 0) return text;
  const tag = copyTag(k);
  return text
    .replace(SERIAL, (_m, head: string, n: string) => `${head}${k * 1000 + Number(n)}`)
    .replace(YEAR, (y: string) => String(Number(y) + k))
    .replace(/关于/gu, `关于${tag}`)
    .replace(/中华人民共和国/gu, `中华人民共和国${tag}`)
    .replace(/Web ?前端开发/gu, `Web 前端开发${tag}`)
    .replace(/物流管理/gu, `物流管理${tag}`);
}

interface ManifestEntry {
  file: string;
  title?: string;
  [k: string]: unknown;
}

/** Writes N copies of every source of `sourcesDir` into `outDir` (replaced). Returns the files written. */
export function synthesize(sourcesDir: string, outDir: string, times: number): string[] {
  const files = readdirSync(sourcesDir).filter((f) => /\.(txt|md)$/iu.test(f)).sort();
  const manifestPath = join(sourcesDir, 'sources.yaml');
  const manifest: ManifestEntry[] = existsSync(manifestPath) ? ((parseYaml(readFileSync(manifestPath, 'utf8')) as ManifestEntry[] | null) ?? []) : [];
  rmSync(outDir, { recursive: true, force: true });
  mkdirSync(outDir, { recursive: true });
  const written: string[] = [];
  const entries: ManifestEntry[] = [];
  for (let k = 0; k < times; k++) {
    for (const f of files) {
      const name = k === 0 ? f : `c${String(k).padStart(2, '0')}-${f}`;
      const text = readFileSync(join(sourcesDir, f), 'utf8');
      writeFileSync(join(outDir, name), varyText(text, k));
      written.push(name);
      const meta = manifest.find((m) => m.file === f);
      if (meta) entries.push({ ...meta, file: name, ...(k && meta.title ? { title: varyText(meta.title, k) } : {}) });
    }
  }
  writeFileSync(join(outDir, 'sources.yaml'), stringifyYaml(entries));
  return written;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { values } = parseArgs({
    options: {
      times: { type: 'string', default: '10' },
      out: { type: 'string' },
      sources: { type: 'string', default: 'content/sources' },
    },
  });
  if (!values.out) {
    console.error('synth: --out DIR is required');
    process.exit(1);
  }
  const n = Number(values.times);
  const written = synthesize(resolve(values.sources!), resolve(values.out), n);
  console.log(`synth: ${n}× → ${written.length} sources in ${values.out}`);
}
