/**
 * Stage `read`: bytes → lines.
 *
 * Decodes UTF-8 (anything else is fatal and names the file), strips a BOM and
 * CRs, and applies a short list of *targeted* normalisations (never NFKC over
 * Chinese: it would turn full-width punctuation into ASCII and change the text).
 * Each line keeps its 1-based number in the source, so every later stage can
 * point back to file:line.
 */
import type { VFile } from 'vfile';

export interface Line {
  /** 1-based line number in the source file. */
  n: number;
  /** The line after targeted normalisation, trailing white space removed. */
  text: string;
}

export interface SourceText {
  file: string;
  /** Every line of the file, blank ones included, in order. */
  lines: Line[];
}

/** Each rule: what the extraction broke, what it was, and why it is safe. */
/** `quiet` rules remove markup, which is no anomaly; the others mend what extraction broke and are reported. */
const NORMALISATIONS: Array<{ kind: string; pattern: RegExp; replace: string; note: string; quiet?: boolean }> = [
  {
    // PDF extraction maps the 六角括号 of 文号 to U+201E/U+201F: 教职成司函„2019‟36 号.
    kind: 'bracket-artifact',
    pattern: /„(\d{4})‟/g,
    replace: '〔$1〕',
    note: '„YYYY‟ 是提取时损坏的文号年份括号〔YYYY〕',
  },
  {
    // A Markdown source's heading markers are markup, not text (“## 第一章 总则”).
    kind: 'markdown-heading',
    pattern: /^#{1,6}[ \t]+/g,
    replace: '',
    note: 'Markdown heading marker removed',
    quiet: true,
  },
  {
    // Extraction replaced 和 between two Chinese words with the English “and”: 指导思想 and 基本原则.
    kind: 'english-and',
    pattern: /(?<=\p{Script=Han}) and (?=\p{Script=Han})/gu,
    replace: '和',
    note: '中文词语之间的“ and ”是提取时被译成英文的“和”',
  },
  {
    // 1＋Ｘ in full-width letters: the same name as 1+X.
    kind: 'fullwidth-1x',
    pattern: /1\s*＋\s*[ＸX]/g,
    replace: '1+X',
    note: '全角 1＋Ｘ 统一为 1+X',
  },
];

/** Decode one source. Throws (via file.fail) on input no later stage could trust. */
export function readSource(file: VFile, bytes: Uint8Array): SourceText {
  const name = file.basename ?? String(file.path);
  const nul = bytes.indexOf(0);
  if (nul !== -1) {
    file.fail(`${name} 是二进制文件（偏移 ${nul} 处有 NUL 字节），来源须为 UTF-8 文本 · binary file, sources must be UTF-8 text`, {
      place: { line: lineOfOffset(bytes, nul), column: 1 },
      ruleId: 'binary',
      source: 'read',
    });
  }
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    const at = firstInvalidUtf8(bytes);
    file.fail(
      `${name} 不是 UTF-8 编码（偏移 ${at} 处的字节 0x${bytes[at]?.toString(16).padStart(2, '0')} 无效），请先转换，如 \`iconv -f GBK -t UTF-8\` · not UTF-8`,
      { place: { line: lineOfOffset(bytes, at), column: 1 }, ruleId: 'encoding', source: 'read' },
    );
  }
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  const raw = text.split(/\r?\n|\r/);
  if (raw.length > 0 && raw[raw.length - 1] === '') raw.pop();
  const lines: Line[] = raw.map((t, i) => ({ n: i + 1, text: normaliseLine(file, i + 1, t) }));
  if (lines.every((l) => l.text.trim() === '')) {
    file.message(`${name} 没有文字内容 · no text`, { place: { line: 1, column: 1 }, ruleId: 'empty-source', source: 'read' });
  }
  return { file: name, lines };
}

function normaliseLine(file: VFile, n: number, t: string): string {
  let out = t.replace(/[\u00a0\u3000]+$/u, '').replace(/\s+$/u, '').replace(/\u00a0/g, ' ');
  for (const rule of NORMALISATIONS) {
    rule.pattern.lastIndex = 0;
    let m: RegExpExecArray | null;
    while (!rule.quiet && (m = rule.pattern.exec(out)) !== null) {
      file.message(`已规范化“${m[0]}”：${rule.note}`, {
        place: { line: n, column: m.index + 1 },
        ruleId: rule.kind,
        source: 'read',
      });
    }
    out = out.replace(rule.pattern, rule.replace);
  }
  return out;
}

function lineOfOffset(bytes: Uint8Array, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset && i < bytes.length; i++) if (bytes[i] === 0x0a) line++;
  return line;
}

function firstInvalidUtf8(bytes: Uint8Array): number {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  // Binary search on prefixes would mis-handle a truncated sequence; walk the bytes instead.
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i]!;
    const len = b < 0x80 ? 1 : b >= 0xc2 && b < 0xe0 ? 2 : b >= 0xe0 && b < 0xf0 ? 3 : b >= 0xf0 && b < 0xf5 ? 4 : 0;
    if (len === 0) return i;
    try {
      decoder.decode(bytes.subarray(i, i + len));
    } catch {
      return i;
    }
    i += len;
  }
  return Math.max(0, bytes.length - 1);
}
