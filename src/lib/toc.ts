/**
 * The 目录 of a document: its named clauses (label, heading, attachment or
 * enclosure), nested as in the clause tree. Unnamed clauses are skipped and
 * their named descendants move up to the nearest named ancestor.
 */
import type { Clause } from '../schema/corpus.ts';
import { clauseTitle, isNamed } from './format.ts';

export interface TocEntry {
  anchor: string;
  title: string;
  kind: Clause['kind'];
  children: TocEntry[];
}

export function tocEntries(clauses: Clause[]): TocEntry[] {
  return clauses.flatMap((c): TocEntry[] =>
    isNamed(c) ? [{ anchor: c.anchor, title: clauseTitle(c), kind: c.kind, children: tocEntries(c.children) }] : tocEntries(c.children),
  );
}

export function countEntries(entries: TocEntry[]): number {
  return entries.reduce((n, e) => n + 1 + countEntries(e.children), 0);
}
