/** What the texts say about a document's standing (stage `status`). Every status cites its clause. */
import { z } from 'astro/zod';
import { SourcePoint } from './corpus.ts';

export const DocumentStatus = z.object({
  /** `${document}/${kind}`. */
  id: z.string(),
  document: z.string(),
  kind: z.enum(['公示', '已确认', '试行', '试运行', '实施期']),
  /** Short label for lists: 公示期已结束 / 已确认 / 试行 … */
  label: z.string(),
  from: z.string().nullable(),
  to: z.string().nullable(),
  /** The clause that says so: in this document, or in the one that confirms it. */
  evidence: z.object({ document: z.string(), anchor: z.string(), source: SourcePoint, text: z.string() }),
});
export type DocumentStatus = z.infer<typeof DocumentStatus>;
