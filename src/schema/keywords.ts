/** Keywords per document and related documents by shared keywords (stage `segment`). */
import { z } from 'astro/zod';

export const DocumentKeywords = z.object({
  /** The document id. */
  id: z.string(),
  /** nodejieba TF-IDF keywords with the domain dictionary, strongest first. */
  keywords: z.array(z.string()),
  /** Documents sharing at least two keywords, most shared weight first. */
  related: z.array(z.object({ document: z.string(), shared: z.array(z.string()), score: z.number() })),
});
export type DocumentKeywords = z.infer<typeof DocumentKeywords>;
