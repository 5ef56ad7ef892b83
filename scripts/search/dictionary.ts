/**
 * What the index step reads from the generated corpus to build the domain dictionary
 * (scripts/ingest/segment.ts builds it; the pages' keywords come from the same stage).
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Certificate, Organization } from '../../src/schema/catalog.ts';
import type { PolicyDocument } from '../../src/schema/corpus.ts';
import type { SkillStandard } from '../../src/schema/skills.ts';
import type { DictionarySources } from '../ingest/segment.ts';

export type { DictionarySources };

function readJson<T>(path: string, fallback: T): T {
  return existsSync(path) ? (JSON.parse(readFileSync(path, 'utf8')) as T) : fallback;
}

export function readSources(generated: string): DictionarySources {
  return {
    documents: readJson<PolicyDocument[]>(join(generated, 'documents.json'), []),
    certificates: readJson<Certificate[]>(join(generated, 'certificates.json'), []),
    organizations: readJson<Organization[]>(join(generated, 'organizations.json'), []),
    standards: readJson<SkillStandard[]>(join(generated, 'standards.json'), []),
  };
}

