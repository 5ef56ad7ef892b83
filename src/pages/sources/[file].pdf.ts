/**
 * /sources/<file>.pdf: each PDF source in content/sources/, its bytes as they are, so that every 出处 link of
 * a PDF-born clause or skill row (src/lib/source-link.ts `pdfHref`) opens the original at its page
 * (`#page=<n>`). Same origin: the pages' CSP is not involved (a PDF opens as a document of its own).
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { APIRoute, GetStaticPaths } from 'astro';
import { cacheKey } from '../../lib/cache-key.ts';

const SOURCES = join(process.cwd(), 'content', 'sources');

export const getStaticPaths = (() =>
  readdirSync(SOURCES)
    .filter((f) => /\.pdf$/iu.test(f))
    .sort()
    .map((f) => {
      const path = join(SOURCES, f);
      return { params: { file: f.replace(/\.pdf$/iu, '') }, props: { path }, cacheKey: cacheKey(f, createHash('sha256').update(readFileSync(path)).digest('base64url')) };
    })) satisfies GetStaticPaths;

export const GET: APIRoute<{ path: string }> = ({ props }) => new Response(readFileSync(props.path), { headers: { 'Content-Type': 'application/pdf' } });
