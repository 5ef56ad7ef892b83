/** linkify: references at their offsets, web addresses, and text that stays text. */
import { describe, expect, it } from 'vitest';
import { findUrls, safeHref, segments, type Located } from '../../src/lib/linkify.ts';

interface R extends Located {
  id: string;
}
const ref = (id: string, text: string, printed: string, field: 'heading' | 'text' = 'text', from = 0): R => ({
  id,
  field,
  offset: text.indexOf(printed, from),
  printed,
});
const joined = (segs: { text: string }[]) => segs.map((s) => s.text).join('');

describe('segments', () => {
  const text = '为贯彻落实《国家职业教育改革实施方案》（国发〔2019〕4号）和“职教20条”，现印发方案。';

  it('cuts the text at each reference, in order, and gives the text back unchanged', () => {
    const refs = [ref('b', text, '“职教20条”'), ref('a', text, '《国家职业教育改革实施方案》（国发〔2019〕4号）')];
    const segs = segments(text, refs, 'text');
    expect(segs.map((s) => s.kind)).toEqual(['text', 'ref', 'text', 'ref', 'text']);
    expect(segs[1]).toMatchObject({ kind: 'ref', text: '《国家职业教育改革实施方案》（国发〔2019〕4号）', ref: { id: 'a' } });
    expect(segs[3]).toMatchObject({ kind: 'ref', text: '“职教20条”', ref: { id: 'b' } });
    expect(segs[0]).toEqual({ kind: 'text', text: '为贯彻落实' });
    expect(joined(segs)).toBe(text);
  });

  it('keeps only references of the field asked for', () => {
    const r = ref('a', text, '“职教20条”', 'heading');
    expect(segments(text, [r], 'text')).toEqual([{ kind: 'text', text }]);
    expect(segments(text, [r], 'heading').filter((s) => s.kind === 'ref')).toHaveLength(1);
  });

  it('ignores a reference whose printed text is not at its offset (stale data never shifts a link)', () => {
    const stale = { id: 'x', field: 'text' as const, offset: 3, printed: '《国家职业教育改革实施方案》' };
    const beyond = { id: 'y', field: 'text' as const, offset: 500, printed: '《方案》' };
    expect(segments(text, [stale, beyond], 'text')).toEqual([{ kind: 'text', text }]);
  });

  it('of overlapping references keeps the earlier, then the longer one', () => {
    const whole = ref('whole', text, '《国家职业教育改革实施方案》（国发〔2019〕4号）');
    const title = ref('title', text, '《国家职业教育改革实施方案》');
    const number = ref('number', text, '国发〔2019〕4号');
    const segs = segments(text, [number, title, whole], 'text');
    expect(segs.filter((s) => s.kind === 'ref').map((s) => (s.kind === 'ref' ? s.ref.id : ''))).toEqual(['whole']);
    expect(joined(segs)).toBe(text);
    // a reference starting inside an earlier one is dropped; one starting right after it is kept
    const a = { id: 'a', field: 'text' as const, offset: 0, printed: 'abcd' };
    const b = { id: 'b', field: 'text' as const, offset: 2, printed: 'cdef' };
    const c = { id: 'c', field: 'text' as const, offset: 4, printed: 'ef' };
    const s2 = segments('abcdefg', [b, c, a], 'text');
    expect(s2.map((s) => [s.kind, s.text])).toEqual([
      ['ref', 'abcd'],
      ['ref', 'ef'],
      ['text', 'g'],
    ]);
  });

  it('finds the same printed text twice at its two offsets', () => {
    const t = '按照《通知》要求……《通知》附件1';
    const r1 = ref('r1', t, '《通知》');
    const r2 = ref('r2', t, '《通知》', 'text', r1.offset + 1);
    const segs = segments(t, [r2, r1], 'text');
    expect(segs.filter((s) => s.kind === 'ref').map((s) => (s.kind === 'ref' ? s.ref.id : ''))).toEqual(['r1', 'r2']);
    expect(joined(segs)).toBe(t);
  });

  it('links web addresses outside references, not inside them', () => {
    const t = '见《关于 http://a.example.com 的通知》，网址：https://vslc.ncb.edu.cn）查询。';
    const r = ref('r', t, '《关于 http://a.example.com 的通知》');
    const segs = segments(t, [r], 'text');
    expect(segs.map((s) => s.kind)).toEqual(['text', 'ref', 'text', 'url', 'text']);
    expect(segs[3]).toEqual({ kind: 'url', text: 'https://vslc.ncb.edu.cn', href: 'https://vslc.ncb.edu.cn' });
    expect(joined(segs)).toBe(t);
  });

  it('leaves markup in the text as text: a <script> is a text segment, never a link or element', () => {
    const t = '<script>alert("x")</script> <a href="javascript:alert(1)">点此</a> data:text/html,<b>x</b>';
    const segs = segments(t, [], 'text');
    expect(segs).toEqual([{ kind: 'text', text: t }]);
  });

  it('returns nothing for an empty text', () => {
    expect(segments('', [], 'text')).toEqual([]);
  });
});

describe('findUrls', () => {
  const urls = (t: string) => findUrls(t).map((u) => [u.text, u.href]);

  it('stops at Chinese punctuation and text right after the address', () => {
    expect(urls('平台（网址：https://vslc.ncb.edu.cn）查询。')).toEqual([['https://vslc.ncb.edu.cn', 'https://vslc.ncb.edu.cn']]);
    expect(urls('（https://vslc.ncb.edu.cn，简称“国家平台”）')).toEqual([['https://vslc.ncb.edu.cn', 'https://vslc.ncb.edu.cn']]);
    expect(urls('学分银行https://www.ncb.edu.cn/')).toEqual([['https://www.ncb.edu.cn/', 'https://www.ncb.edu.cn/']]);
    expect(urls('见《https://a.cn/x》和【http://b.cn】')).toEqual([
      ['https://a.cn/x', 'https://a.cn/x'],
      ['http://b.cn', 'http://b.cn'],
    ]);
  });

  it('drops trailing ASCII punctuation and an unmatched closing bracket, keeps a matched one', () => {
    expect(urls('平台(网址:https://vs1c.ncb.edu.cn/csr-home)完成')).toEqual([['https://vs1c.ncb.edu.cn/csr-home', 'https://vs1c.ncb.edu.cn/csr-home']]);
    expect(urls('see https://example.com/a_(b). Then')).toEqual([['https://example.com/a_(b)', 'https://example.com/a_(b)']]);
    expect(urls('https://example.com/path?q=1&r=2, and')).toEqual([['https://example.com/path?q=1&r=2', 'https://example.com/path?q=1&r=2']]);
  });

  it('finds several addresses separated by spaces', () => {
    const t = 'http://www.cvae.com.cn/a.doc http://www.cvae.com.cn/b.doc';
    expect(findUrls(t).map((u) => [u.index, u.text])).toEqual([
      [0, 'http://www.cvae.com.cn/a.doc'],
      [29, 'http://www.cvae.com.cn/b.doc'],
    ]);
  });

  it('links bare www. and domain addresses with http://', () => {
    expect(urls('登录www.cvae.com.cn查阅')).toEqual([['www.cvae.com.cn', 'http://www.cvae.com.cn']]);
    expect(urls('网址：www. cecs.org.cn）查询')).toEqual([['cecs.org.cn', 'http://cecs.org.cn']]);
    expect(urls('平台 vslc.ncb.edu.cn/csr-home。')).toEqual([['vslc.ncb.edu.cn/csr-home', 'http://vslc.ncb.edu.cn/csr-home']]);
  });

  it('does not take numbers, codes, file names or a bare scheme for addresses', () => {
    expect(findUrls('1.1 见 3-5-4-S4，表 2.3；Node.js 与 index.html；HTTP: 协议；http:// 后无地址')).toEqual([]);
    expect(findUrls('邮箱 someone@cvae.com.cn')).toEqual([]);
  });

  it('never makes javascript: or data: addresses', () => {
    expect(findUrls('javascript:alert(1) data:text/html;base64,PHNjcmlwdD4= vbscript:x')).toEqual([]);
    expect(findUrls('javascript://www.example.com/%0Aalert(1)')).toEqual([]);
  });
});

describe('safeHref', () => {
  it('accepts http(s) with a host only', () => {
    expect(safeHref('https://vslc.ncb.edu.cn/')).toBe('https://vslc.ncb.edu.cn/');
    expect(safeHref('http://www.cvae.com.cn')).toBe('http://www.cvae.com.cn');
    expect(safeHref('javascript:alert(1)')).toBeNull();
    expect(safeHref('JavaScript:alert(1)')).toBeNull();
    expect(safeHref('data:text/html,<script>alert(1)</script>')).toBeNull();
    expect(safeHref('ftp://example.com')).toBeNull();
    expect(safeHref('not a url')).toBeNull();
  });
});
