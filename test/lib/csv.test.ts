/**
 * The CSV writer (src/lib/csv.ts): BOM, CRLF, RFC 4180 quoting, and the apostrophe in front of a text
 * cell a spreadsheet would run as a formula (= + - @ tab CR), codes and numbers untouched.
 */
import { describe, expect, it } from 'vitest';
import { csvField, type CsvColumn, FORMULA_TRIGGERS, formulaSafe, toCsv } from '../../src/lib/csv.ts';
import { parseCsv } from '../helpers/csv.ts';


interface Row {
  code: string | null;
  text: string;
  line: number;
}
const COLUMNS: CsvColumn<Row>[] = [
  { name: '代码 code', description: '', get: (r) => r.code },
  { name: '内容 text', description: '', get: (r) => r.text },
  { name: '行 line', description: '', get: (r) => r.line },
];

describe('csvField: RFC 4180 quoting', () => {
  it('quotes a field only when it holds a comma, quote, CR or LF, doubling quotes', () => {
    expect(csvField('plain 文本，全角逗号')).toBe('plain 文本，全角逗号');
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('two\nlines')).toBe('"two\nlines"');
    expect(csvField('two\r\nlines')).toBe('"two\r\nlines"');
    expect(csvField(null)).toBe('');
    expect(csvField(undefined)).toBe('');
    expect(csvField(512)).toBe('512');
    expect(csvField(true)).toBe('true');
  });
});

describe('formula-safe cells', () => {
  it('puts an apostrophe in front of a text starting with each trigger: = + - @ tab CR', () => {
    expect(FORMULA_TRIGGERS).toEqual(['=', '+', '-', '@', '\t', '\r']);
    expect(csvField('=HYPERLINK("http://x","点我")')).toBe(`"'=HYPERLINK(""http://x"",""点我"")"`);
    expect(csvField('+1+2')).toBe("'+1+2");
    expect(csvField('-2+3')).toBe("'-2+3");
    expect(csvField('- (2) 分解出这些工作领域的“工作任务”；')).toBe("'- (2) 分解出这些工作领域的“工作任务”；");
    expect(csvField('@SUM(A1:A2)')).toBe("'@SUM(A1:A2)");
    expect(csvField('\t=1+1')).toBe("'\t=1+1");
    // a leading CR: prefixed, and quoted because it holds a CR
    expect(csvField('\r=1+1')).toBe(`"'\r=1+1"`);
    for (const t of FORMULA_TRIGGERS) expect(formulaSafe(`${t}x`)).toBe(`'${t}x`);
  });

  it('leaves skill codes, anchors, texts with a trigger inside, and numbers as they are', () => {
    for (const code of ['1-1-1', '2-3-4-S5', '3-5-4 -S4', '3-10-1-K', '2-', '1.2.3', 'l2-f1-w3-s2', 'level-1']) expect(csvField(code)).toBe(code);
    expect(csvField('能使用 a+b=c 与 user@example.org')).toBe('能使用 a+b=c 与 user@example.org');
    expect(csvField(' =1')).toBe(' =1');
    expect(csvField("'=already")).toBe("'=already");
    expect(csvField('')).toBe('');
    expect(csvField(-3)).toBe('-3');
  });
});

describe('toCsv', () => {
  const rows: Row[] = [
    { code: '1-1-1', text: '静态网站搭建', line: 512 },
    { code: null, text: '-开头的条目, 含逗号与"引号"\n和换行', line: 7 },
    { code: '2-3-4-S5', text: '@提及', line: 9 },
  ];
  const csv = toCsv(COLUMNS, rows);

  it('starts with the UTF-8 BOM, ends every record with CRLF and has no bare LF', () => {
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    expect(csv.startsWith('\uFEFF代码 code,内容 text,行 line\r\n')).toBe(true);
    expect(csv.endsWith('\r\n')).toBe(true);
    expect(Buffer.from(csv, 'utf8').subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
  });

  it('reads back, by a strict RFC 4180 reader, as the rows with the formula-safe prefix only where a trigger opens a text', () => {
    expect(parseCsv(csv.slice(1))).toEqual([
      ['代码 code', '内容 text', '行 line'],
      ['1-1-1', '静态网站搭建', '512'],
      ['', "'-开头的条目, 含逗号与\"引号\"\n和换行", '7'],
      ['2-3-4-S5', "'@提及", '9'],
    ]);
  });
});
