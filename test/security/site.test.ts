/**
 * Security of the built site (issue 6 §2), over every file of dist/:
 * - every page carries the Content-Security-Policy (astro.config.mjs) before any script or style,
 *   with no 'unsafe-inline' or 'unsafe-eval'; every inline script or style it has is hashed in it;
 * - no style="" or on…="" attribute, no javascript: URL, no resource from another host;
 * - external links are rel="noopener noreferrer";
 * - personal mobile and bank numbers of the sources appear nowhere (HTML, search index, JSON, CSV).
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { beforeAll, describe, expect, it } from 'vitest';
import { ROOT, SOURCES } from '../helpers/corpus.ts';
import { brokenLinks, ensureSite, htmlFiles, page, sitePathOf } from '../helpers/site.ts';

const DIST = join(ROOT, 'dist');

function allFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? allFiles(join(dir, e.name)) : [join(dir, e.name)]));
}

/** The policy of a page as directive → sources. */
function policyOf(doc: Document): Map<string, string[]> | null {
  const metas = [...doc.querySelectorAll('meta[http-equiv]')].filter((m) => m.getAttribute('http-equiv')!.toLowerCase() === 'content-security-policy');
  if (metas.length !== 1) return null;
  return new Map(
    metas[0]!
      .getAttribute('content')!
      .split(';')
      .map((d) => d.trim().split(/\s+/u))
      .filter((d) => d[0])
      .map(([name, ...sources]) => [name!, sources]),
  );
}

const sha256 = (text: string) => `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;

describe('Content-Security-Policy and markup of every page', () => {
  let files: string[] = [];
  beforeAll(() => {
    ensureSite();
    files = htmlFiles();
  });

  it('covers every page of dist/', () => {
    expect(files.length).toBeGreaterThan(800);
  });

  it('every page has one CSP meta, first in <head> before any script or style, strict for scripts and styles', () => {
    const problems: string[] = [];
    for (const f of files) {
      const from = sitePathOf(f);
      const doc = page(from);
      const policy = policyOf(doc);
      if (!policy) {
        problems.push(`${from}: no (or several) CSP meta`);
        continue;
      }
      const head = [...doc.head.children];
      const metaAt = head.findIndex((e) => e.getAttribute('http-equiv')?.toLowerCase() === 'content-security-policy');
      const firstLoad = head.findIndex((e) => e.tagName === 'SCRIPT' || e.tagName === 'STYLE' || (e.tagName === 'LINK' && e.getAttribute('rel') === 'stylesheet'));
      if (firstLoad >= 0 && firstLoad < metaAt) problems.push(`${from}: a script or style comes before the CSP meta`);
      for (const [d, want] of [
        ['default-src', ["'self'"]],
        ['object-src', ["'none'"]],
        ['base-uri', ["'self'"]],
        ['form-action', ["'self'"]],
        ['script-src', ["'self'", "'wasm-unsafe-eval'"]],
        ['style-src', ["'self'"]],
      ] as const) {
        const got = policy.get(d);
        if (!got || want.some((w) => !got.includes(w))) problems.push(`${from}: ${d} is ${got?.join(' ')}`);
      }
      for (const d of ['script-src', 'style-src', 'default-src', 'connect-src', 'img-src']) {
        const bad = (policy.get(d) ?? []).filter((s) => s === "'unsafe-inline'" || s === "'unsafe-eval'" || s === '*' || /^(https?:|data:|blob:)/u.test(s) && d !== 'img-src');
        if (bad.length) problems.push(`${from}: ${d} allows ${bad.join(' ')}`);
      }
      // Inline scripts and styles are allowed only by their hash.
      for (const s of doc.querySelectorAll('script:not([src])')) {
        if (s.getAttribute('type') === 'application/ld+json' || s.getAttribute('type') === 'application/json') continue;
        if (!policy.get('script-src')!.includes(sha256(s.textContent ?? ''))) problems.push(`${from}: inline script not hashed: ${(s.textContent ?? '').slice(0, 60)}`);
      }
      for (const s of doc.querySelectorAll('style')) {
        if (!policy.get('style-src')!.includes(sha256(s.textContent ?? ''))) problems.push(`${from}: inline <style> not hashed: ${(s.textContent ?? '').slice(0, 60)}`);
      }
    }
    expect(problems.slice(0, 20)).toEqual([]);
  });

  it('no style or event-handler attribute, no javascript: URL, no resource from another host', () => {
    const problems: string[] = [];
    const urlAttrs = ['href', 'src', 'action', 'formaction', 'data', 'poster', 'srcset', 'xlink:href'];
    for (const f of files) {
      const from = sitePathOf(f);
      const doc = page(from);
      for (const el of doc.querySelectorAll('*')) {
        for (const a of el.getAttributeNames()) {
          const v = el.getAttribute(a) ?? '';
          if (a === 'style') problems.push(`${from}: style="" on <${el.tagName.toLowerCase()}>`);
          if (/^on/iu.test(a)) problems.push(`${from}: ${a}="" on <${el.tagName.toLowerCase()}>`);
          if (urlAttrs.includes(a) && /^\s*(javascript|vbscript|data):/iu.test(v)) problems.push(`${from}: ${a}="${v.slice(0, 40)}"`);
        }
      }
      // What the page loads (not what it links to) comes from this site.
      const loads = [
        ...[...doc.querySelectorAll('script[src], img[src], iframe[src], source[src], audio[src], video[src], embed[src]')].map((e) => e.getAttribute('src')!),
        ...[...doc.querySelectorAll('link[href]')].filter((l) => l.getAttribute('rel') !== 'alternate' && l.getAttribute('rel') !== 'canonical').map((l) => l.getAttribute('href')!),
        ...[...doc.querySelectorAll('object[data]')].map((e) => e.getAttribute('data')!),
        ...[...doc.querySelectorAll('form[action]')].map((e) => e.getAttribute('action')!),
      ];
      for (const u of loads) if (/^(?:[a-z]+:)?\/\//iu.test(u)) problems.push(`${from}: loads ${u}`);
      // External links: shown as leaving the site and not handing it a window or a referrer.
      for (const a of doc.querySelectorAll('a[href^="http:"], a[href^="https:"]')) {
        const rel = (a.getAttribute('rel') ?? '').split(/\s+/u);
        if (!rel.includes('noopener') || !rel.includes('noreferrer')) problems.push(`${from}: external link without rel="noopener noreferrer": ${a.getAttribute('href')}`);
      }
    }
    expect(problems.slice(0, 20)).toEqual([]);
  });

  it('every link resolves (the link checker over all of dist/) and every file a page loads exists', () => {
    const { broken, checked } = brokenLinks('/');
    const missing: string[] = [];
    let loads = 0;
    for (const f of files) {
      const from = sitePathOf(f);
      const doc = page(from);
      const urls = [
        ...[...doc.querySelectorAll('script[src], img[src]')].map((e) => e.getAttribute('src')!),
        ...[...doc.querySelectorAll('link[href]')].filter((l) => !['canonical'].includes(l.getAttribute('rel') ?? '')).map((l) => l.getAttribute('href')!),
      ];
      for (const u of urls) {
        loads++;
        const path = decodeURIComponent(new URL(u, `http://site${from}`).pathname);
        if (!existsSync(join(DIST, path)) || !statSync(join(DIST, path)).isFile()) missing.push(`${from}: ${u}`);
      }
    }
    console.log(`links: ${checked} in-site links and anchors checked on ${files.length} pages, ${broken.length} broken; ${loads} loaded files, ${missing.length} missing`);
    expect(broken.slice(0, 20)).toEqual([]);
    expect(missing.slice(0, 20)).toEqual([]);
    expect(checked).toBeGreaterThan(10_000);
  });

  it('scripts and styles name no other host to load from', () => {
    const problems: string[] = [];
    for (const f of allFiles(DIST).filter((x) => /\.(js|mjs|css)$/u.test(x))) {
      const text = readFileSync(f, 'utf8');
      for (const m of text.matchAll(/(?:url\(|import\(|fetch\(|from\s*)["']?(https?:\/\/[^"')\s]+)/gu)) problems.push(`${relative(DIST, f)}: ${m[1]}`);
    }
    expect(problems).toEqual([]);
  });
});

/** Personal numbers printed in the sources, digits only. */
function personalNumbers(): string[] {
  const out = new Set<string>();
  for (const f of readdirSync(SOURCES).filter((x) => x.endsWith('.txt'))) {
    const text = readFileSync(join(SOURCES, f), 'utf8');
    for (const m of text.matchAll(/(?<![\d-])1[3-9]\d[ -]?\d{4}[ -]?\d{4}(?!\d)/gu)) out.add(m[0].replace(/\D/gu, ''));
    for (const m of text.matchAll(/(?<!\d)\d{16,25}(?!\d)/gu)) out.add(m[0]);
  }
  return [...out].sort();
}

/** Every file of dist/ as text; Pagefind's compressed index files are gunzipped first. */
function distTexts(): { file: string; text: string }[] {
  return allFiles(DIST)
    .filter((f) => !/\.(png|ico|wasm|woff2?)$/u.test(f))
    .map((f) => {
      let bytes: Buffer = readFileSync(f);
      if (bytes[0] === 0x1f && bytes[1] === 0x8b) bytes = gunzipSync(bytes);
      return { file: relative(DIST, f), text: bytes.toString('utf8') };
    });
}

// The masking stage (scripts/ingest/privacy.ts) takes effect once the ingest CLI runs it.

// Unless this build publishes them on purpose, no personal number may reach dist/.
describe.skipIf(Boolean(process.env.PUBLISH_PERSONAL))('personal numbers in dist/', () => {
  beforeAll(() => ensureSite());

  it('no personal mobile or bank number of the sources appears in any file of dist/, decompressed index included', () => {
    const numbers = personalNumbers();
    expect(numbers.length).toBeGreaterThan(90);
    const found: string[] = [];
    const texts = distTexts();
    expect(texts.some((t) => t.file.startsWith('pagefind/') && t.file.endsWith('.pf_fragment'))).toBe(true);
    for (const { file, text } of texts) {
      const digits = text.replace(/(?<=\d)[ -](?=\d)/gu, '');
      for (const n of numbers) if (digits.includes(n)) found.push(`${file}: ${n.slice(0, 3)}…`);
    }
    expect(found.slice(0, 20)).toEqual([]);
  });

  it('office numbers and e-mail addresses stay, masked numbers show their kept digits', () => {
    const all = distTexts().find((t) => t.file === 'organizations/index.html')?.text ?? '';
    const site = distTexts().map((t) => t.text).join('\n');
    expect(site).toContain('010-68607719');
    expect(site).toContain('138****8764');
    expect(all.length).toBeGreaterThan(0);
  });
});
