/** References between documents (stage `references`), shared by ingest, pages and tests. */
import { z } from 'astro/zod';
import { SourcePoint } from './corpus.ts';

export const Reference = z.object({
  /** `${from}/r${n}`: stable while the citing document's text is. */
  id: z.string(),
  /** The citing document and clause. */
  from: z.string(),
  anchor: z.string(),
  source: SourcePoint,
  /** Where in the clause: its heading or its text, and the offset of `printed` there. */
  field: z.enum(['heading', 'text']),
  offset: z.number().int().nonnegative(),
  kind: z.enum(['title', 'docNumber', 'alias', 'attachment']),
  /** Exactly as the text prints it: 《…》（教职成〔2019〕6号）, 教职成司函〔2019〕36 号, “职教 20 条”. */
  printed: z.string(),
  title: z.string().nullable(),
  docNumber: z.string().nullable(),
  /** The cited document of the corpus, or null: 本库未收录. */
  target: z.string().nullable(),
  targetAnchor: z.string().nullable(),
  relation: z.enum(['引用', '转发']),
});
export type Reference = z.infer<typeof Reference>;
