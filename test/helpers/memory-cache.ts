/**
 * A source cache held in memory (the SourceCache the orchestrator takes; the CLI's is on disk,
 * scripts/ingest/source-cache.ts): entries by file name and bytes, stored and served as JSON copies,
 * as the disk cache does, so a test sees exactly what a cached run would.
 */
import { createHash } from 'node:crypto';
import type { ParsedSource, SourceCache } from '../../scripts/ingest/context.ts';

export class MemoryCache implements SourceCache {
  private readonly store = new Map<string, string>();
  /** How many entries `get` served. */
  reads = 0;

  private key(file: string, bytes: Uint8Array): string {
    return `${file}\u0000${createHash('sha256').update(bytes).digest('hex')}`;
  }

  has(file: string, bytes: Uint8Array): boolean {
    return this.store.has(this.key(file, bytes));
  }

  get(file: string, bytes: Uint8Array): ParsedSource | undefined {
    const v = this.store.get(this.key(file, bytes));
    if (v === undefined) return undefined;
    this.reads++;
    return JSON.parse(v) as ParsedSource;
  }

  set(file: string, bytes: Uint8Array, parsed: ParsedSource): void {
    this.store.set(this.key(file, bytes), JSON.stringify(parsed));
  }

  /** The entry stored for a file (its only version in a test), as a copy. */
  stored(file: string): ParsedSource | undefined {
    for (const [k, v] of this.store) if (k.startsWith(`${file}\u0000`)) return JSON.parse(v) as ParsedSource;
    return undefined;
  }
}
