/**
 * /feed.xml: an Atom feed of the documents, newest first, so a feed reader shows new additions.
 * Entry ids are tag: URIs built from document ids, so they do not depend on where the site is hosted;
 * `updated` is the newest document's date, so the same sources give the same feed.
 */
import type { APIRoute } from 'astro';
import { getCollection } from 'astro:content';
import { Feed } from 'feed';
import { memoCitation } from '../lib/citation.ts';

export const GET: APIRoute = async ({ site }) => {
  const docs = (await getCollection('documents'))
    .map((e) => e.data)
    .filter((d) => d.date !== null)
    .sort((a, b) => b.date!.localeCompare(a.date!) || a.id.localeCompare(b.id));
  // Atom links must be absolute: the deployed site's (SITE_URL at build time), else where `npm start` serves it.
  const url = (path: string) => new URL(path, site ?? 'http://127.0.0.1:4321/').href;
  const feed = new Feed({
    id: 'tag:1x-policy-kb,2026:feed',
    title: '1+X 政策知识库 · 新增文件',
    description: '“学历证书+若干职业技能等级证书”制度试点政策文件，按成文日期排列',
    language: 'zh-CN',
    link: url('/docs/'),
    feedLinks: { atom: url('/feed.xml') },
    updated: docs[0] ? new Date(`${docs[0].date}T00:00:00Z`) : new Date(0),
    generator: false,
    copyright: '文件正文版权归发文机关所有',
  });
  for (const d of docs) {
    feed.addItem({
      id: `tag:1x-policy-kb,2026:docs/${d.id}`,
      title: d.title,
      link: url(`/docs/${d.id}/`),
      date: new Date(`${d.date}T00:00:00Z`),
      description: [memoCitation(d, null), d.issuers.join('、'), d.date].filter(Boolean).join(' · '),
      author: d.issuers.map((name) => ({ name })),
    });
  }
  return new Response(feed.atom1(), { headers: { 'Content-Type': 'application/atom+xml; charset=utf-8' } });
};
