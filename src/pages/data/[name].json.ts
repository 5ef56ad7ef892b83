/**
 * /data/<name>.json: each typed collection as JSON, read through the content collections (the
 * same data the pages show) and serialised as the list of entries in the file's order (the report: one object).
 */
import type { APIRoute, GetStaticPaths } from 'astro';
import { getCollection } from 'astro:content';
import { inFileOrder, JSON_DATASETS, type JsonDataset } from '../../lib/open-data.ts';

export const getStaticPaths = (() => JSON_DATASETS.map((d) => ({ params: { name: d.name }, props: { dataset: d } }))) satisfies GetStaticPaths;

export const GET: APIRoute<{ dataset: JsonDataset }> = async ({ props }) => {
  const entries = inFileOrder((await getCollection(props.dataset.collection)).map((e) => e.data as { fileOrder?: number }));
  const body = props.dataset.single ? entries[0] : entries;
  return new Response(`${JSON.stringify(body, null, 2)}\n`, { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
};
