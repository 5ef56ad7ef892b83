/**
 * /robots.txt: every page may be crawled. With the deployed address known at build time (SITE_URL → `site`
 * in astro.config.mjs) it names the sitemap @astrojs/sitemap writes; a Sitemap line must be an absolute URL,
 * so a build without SITE_URL (which writes no sitemap either) names none.
 */
import type { APIRoute } from 'astro';

export const GET: APIRoute = ({ site }) => {
  const lines = ['User-agent: *', 'Allow: /'];
  if (site) lines.push('', `Sitemap: ${new URL('/sitemap-index.xml', site).href}`);
  return new Response(`${lines.join('\n')}\n`, { headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
};
