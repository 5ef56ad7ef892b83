/** The inline layer of clause text (src/lib/inline.ts): a hast tree, serialised by rehype-stringify. */
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { inlineHtml, inlineTree, refTitle, toHtml } from '../../src/lib/inline.ts';
import { walkClauses } from '../../src/lib/citation.ts';
import { segments } from '../../src/lib/linkify.ts';
import type { Reference } from '../../src/schema/references.ts';
import { realCorpus } from '../helpers/corpus.ts';

const text = '为贯彻落实《国家职业教育改革实施方案》（国发〔2019〕4号），按照附件2要求，登录https://vslc.ncb.edu.cn）查询。';

function ref(id: string, printed: string, over: Partial<Reference> = {}): Reference {
  return {
    id,
    from: 'jzc-2019-6',
    anchor: 's1',
    source: { file: '001.txt', line: 1 },
    field: 'text',
    offset: text.indexOf(printed),
    kind: 'title',
    printed,
    title: null,
    docNumber: null,
    target: 'gf-2019-4',
    targetAnchor: null,
    relation: '引用',
    ...over,
  };
}

/** The HTML in a <p>, read back as a document. */
function read(html: string) {
  const { document } = parseHTML(`<!doctype html><html><body><p>${html}</p></body></html>`);
  return document.querySelector('p')!;
}

describe('references and web addresses', () => {
  const refs = [
    ref('r1', '《国家职业教育改革实施方案》（国发〔2019〕4号）'),
    ref('r2', '附件2', { kind: 'attachment', target: 'jzc-2019-6', targetAnchor: 'a2' }),
  ];
  const p = read(inlineHtml(text, { refs, titles: new Map([['gf-2019-4', '国务院关于印发国家职业教育改革实施方案的通知']]) }));

  it('links each reference where it is printed, with its tooltip, classes and data-ref', () => {
    const links = [...p.querySelectorAll('a.ref')];
    expect(links.map((a) => [a.textContent, a.getAttribute('href'), a.getAttribute('title'), a.getAttribute('data-ref')])).toEqual([
      ['《国家职业教育改革实施方案》（国发〔2019〕4号）', '/docs/gf-2019-4/', '国务院关于印发国家职业教育改革实施方案的通知', 'r1'],
      ['附件2', '#a2', '本文件内', 'r2'],
    ]);
    expect(links[1]!.className).toBe('ref ref--internal');
  });

  it('links a web address out, marked ↗ and 外部链接, the ↗ and note kept out of the search index', () => {
    const ext = p.querySelector('a.ext-link')!;
    expect(ext.getAttribute('href')).toBe('https://vslc.ncb.edu.cn');
    expect(ext.getAttribute('rel')).toBe('noopener noreferrer');
    expect(ext.textContent).toBe('https://vslc.ncb.edu.cn↗（外部链接）');
    expect(ext.querySelector('.ext-link__mark')!.getAttribute('aria-hidden')).toBe('true');
    expect([...ext.querySelectorAll('[data-pagefind-ignore="all"]')].map((e) => e.textContent)).toEqual(['↗', '（外部链接）']);
  });

  it('gives the text back unchanged, apart from the hidden notes', () => {
    expect(p.textContent!.replace('↗（外部链接）', '')).toBe(text);
  });

  it('marks an unresolved reference and links it to its 本库未收录 entry', () => {
    const r = ref('jzc-2019-6/r9', '《国家职业教育改革实施方案》', { target: null, title: '国家职业教育改革实施方案', docNumber: '国发〔2019〕4号' });
    const a = read(inlineHtml(text, { refs: [r] })).querySelector('a')!;
    expect(a.className).toBe('ref ref--unresolved');
    expect(a.getAttribute('href')).toBe('/references/unresolved/#c-jzc-2019-6-r9');
    expect(a.getAttribute('title')).toBe('本库未收录：《国家职业教育改革实施方案》国发〔2019〕4号');
    expect(a.querySelector('.visually-hidden')!.textContent).toBe('（本库未收录）');
  });

  it('marks a forwarded document', () => {
    const r = ref('r1', '《国家职业教育改革实施方案》', { relation: '转发' });
    expect(read(inlineHtml(text, { refs: [r] })).querySelector('a')!.className).toBe('ref ref--forward');
  });

  it('uses only the references of the field asked for', () => {
    const r = ref('r1', '《国家职业教育改革实施方案》', { field: 'heading' });
    expect(read(inlineHtml(text, { refs: [r], field: 'text' })).querySelectorAll('a.ref')).toHaveLength(0);
    expect(read(inlineHtml(text, { refs: [r], field: 'heading' })).querySelectorAll('a.ref')).toHaveLength(1);
  });
});

describe('source text never becomes markup', () => {
  const hostile = '<script>alert("x")</script> <img src=x onerror=alert(2)> <a href="javascript:alert(3)">点此</a> & &amp; javascript:alert(4)';

  it('is one text node in the tree, escaped by the serialiser', () => {
    expect(inlineTree(hostile).children).toEqual([{ type: 'text', value: hostile }]);
    const html = inlineHtml(hostile);
    expect(html).not.toMatch(/<script|<img|<a /u);
    expect(html).toContain('&#x3C;script>');
    const p = read(html);
    expect(p.children).toHaveLength(0);
    expect(p.textContent).toBe(hostile);
  });

  it('escapes quotes and markup in attribute values (a tooltip from a hostile title)', () => {
    const r = ref('r"><b>', '点此', { target: null, title: '"><script>alert(1)</script>' });
    const t = `见${'点此'}`;
    const p = read(inlineHtml(t, { refs: [{ ...r, offset: 1 }] }));
    const a = p.querySelector('a')!;
    expect(p.querySelectorAll('script, b')).toHaveLength(0);
    expect(a.getAttribute('title')).toBe('本库未收录：《"><script>alert(1)</script>》');
    expect(a.getAttribute('data-ref')).toBe('r"><b>');
  });

  it('never makes a javascript: or data: link', () => {
    const p = read(inlineHtml('javascript:alert(1) data:text/html,<b>x</b> vbscript:x'));
    expect(p.querySelectorAll('a, b')).toHaveLength(0);
  });
});

describe('masked numbers, glossary terms and highlights', () => {
  it('marks numbers the privacy stage masked, and only those', () => {
    const t = '联系人：李老师，电话：138****8764，010-58934617；账号：0200***********3690；卡号 6222 **** **** 3456。';
    const p = read(inlineHtml(t));
    expect([...p.querySelectorAll('span.masked')].map((s) => [s.textContent, s.getAttribute('title')])).toEqual([
      ['138****8764', '个人号码已隐去'],
      ['0200***********3690', '个人号码已隐去'],
      ['6222 **** **** 3456', '个人号码已隐去'],
    ]);
    expect(p.textContent).toBe(t);
    expect(read(inlineHtml('**加粗** 2019年 第3.2.1条')).querySelectorAll('span')).toHaveLength(0);
  });

  it('links the first occurrence of each glossary term, Latin terms as whole words, never inside a link', () => {
    const terms = [
      { term: 'HTML', href: '/glossary/#web-qdkf-1' },
      { term: '响应式布局', href: '/glossary/#web-qdkf-2' },
    ];
    const p = read(inlineHtml('使用HTML5与HTML实现响应式布局，响应式布局见 https://example.org/响应式布局', { terms }));
    expect([...p.querySelectorAll('a.term')].map((a) => [a.textContent, a.getAttribute('href')])).toEqual([
      ['HTML', '/glossary/#web-qdkf-1'],
      ['响应式布局', '/glossary/#web-qdkf-2'],
    ]);
  });

  it('highlights words wherever they occur, inside links too', () => {
    const r = ref('r1', '《国家职业教育改革实施方案》');
    const p = read(inlineHtml(text, { refs: [r], highlight: ['职业教育', '查询'] }));
    expect([...p.querySelectorAll('mark')].map((m) => [m.parentElement!.tagName, m.textContent])).toEqual([
      ['A', '职业教育'],
      ['P', '查询'],
    ]);
    expect(p.textContent!.replace('↗（外部链接）', '')).toBe(text);
  });
});

describe('toHtml and refTitle', () => {
  it('serialises any hast root', () => {
    expect(toHtml({ type: 'root', children: [{ type: 'element', tagName: 'mark', properties: {}, children: [{ type: 'text', value: 'a<b' }] }] })).toBe('<mark>a&#x3C;b</mark>');
  });
  it('names what a reference points at', () => {
    expect(refTitle(ref('r', '附件2', { target: 'jzc-2019-6' }))).toBe('本文件内');
    expect(refTitle(ref('r', 'x', { target: null, printed: '“职教20条”' }))).toBe('本库未收录：“职教20条”');
    expect(refTitle(ref('r', 'x'))).toBe('gf-2019-4');
  });
});

describe('every clause of the real corpus', () => {
  it('renders its text unchanged, with one link per reference placed and per web address', () => {
    const corpus = realCorpus();
    let links = 0;
    for (const d of corpus.documents) {
      const refs = corpus.references.filter((r) => r.from === d.id);
      for (const { clause } of walkClauses(d)) {
        const own = refs.filter((r) => r.anchor === clause.anchor);
        for (const field of ['heading', 'text'] as const) {
          const t = clause[field];
          if (!t) continue;
          const p = read(inlineHtml(t, { refs: own, field }));
          for (const hidden of p.querySelectorAll('.visually-hidden, .ext-link__mark')) hidden.remove();
          expect(p.textContent, `${d.id}#${clause.anchor} ${field}`).toBe(t);
          const expected = segments(t, own, field).filter((s) => s.kind !== 'text').length;
          expect(p.querySelectorAll('a.ref, a.ext-link').length, `${d.id}#${clause.anchor}`).toBe(expected);
          links += expected;
        }
      }
    }
    expect(links).toBeGreaterThanOrEqual(60);
  });
});
