/** Showing statuses (statuses.json): a class per kind and the evidence's link and name. */
import type { PolicyDocument } from '../schema/corpus.ts';
import type { DocumentStatus } from '../schema/status.ts';
import { quoteTitle } from './citation.ts';
import { clauseName } from './references.ts';
import { formatDate } from './format.ts';

const KIND_CLASS: Record<DocumentStatus['kind'], string> = {
  公示: 'publicity',
  已确认: 'confirmed',
  试行: 'trial',
  试运行: 'trial',
  实施期: 'period',
};

export const statusClass = (s: DocumentStatus): string => `status status--${KIND_CLASS[s.kind]}`;

/** The order badges are shown in: confirmed before publicity, then trial, period. */
const ORDER: DocumentStatus['kind'][] = ['已确认', '公示', '试行', '试运行', '实施期'];
export const byStatusOrder = (a: DocumentStatus, b: DocumentStatus): number => ORDER.indexOf(a.kind) - ORDER.indexOf(b.kind);

/** The evidence clause's link, relative to the page of document `here`. */
export function evidenceHref(s: DocumentStatus, here: string | null): string {
  return s.evidence.document === here ? `#${s.evidence.anchor}` : `/docs/${s.evidence.document}/#${s.evidence.anchor}`;
}

/** 《title》二、（五）, or 本文 二、（五） for the page's own document. */
export function evidenceName(s: DocumentStatus, docs: Map<string, PolicyDocument>, here: string | null): string {
  const doc = docs.get(s.evidence.document);
  const where = clauseName(doc, s.evidence.anchor);
  if (s.evidence.document === here) return `本文 ${where}`;
  return `${doc ? quoteTitle(doc.title) : s.evidence.document} ${where}`;
}

/** 2019年3月26日至2019年3月31日, 自2019年4月23日, or ''. */
export function statusPeriod(s: DocumentStatus): string {
  if (s.from && s.to) return `${formatDate(s.from)}至${formatDate(s.to)}`;
  if (s.from) return `自${formatDate(s.from)}`;
  if (s.to) return `至${formatDate(s.to)}`;
  return '';
}
