/**
 * The set-up every e2e file shares: a built site (a snapshot of dist/, or what `snapshot` gives), served by the test's
 * own 127.0.0.1 server, with a headless Chromium session — made before the file's (or describe's) tests and stopped
 * after them. Call it where the tests are declared; read its fields inside the tests.
 */
import { afterAll, beforeAll } from 'vitest';
import { type Session, openSession, siteSnapshot } from './browser.ts';
import { type StaticServer, serveStatic } from './server.ts';

export interface ServedSite {
  /** The folder served (the snapshot's). */
  readonly dir: string;
  /** http://127.0.0.1:<port> */
  readonly origin: string;
  readonly session: Session;
  /** The server (what it was asked for: `requests`). */
  readonly server: StaticServer;
}

export interface ServedSiteOptions {
  /** The site to serve and how to remove it afterwards (default: a snapshot of dist/). */
  snapshot?: () => { dir: string; remove(): void };
  /** Work on the folder before it is served (e.g. index it in shards). */
  prepare?: (dir: string) => Promise<void> | void;
  /** beforeAll's timeout, for a set-up that builds. */
  timeout?: number;
}

export function servedSite({ snapshot = siteSnapshot, prepare, timeout }: ServedSiteOptions = {}): ServedSite {
  let site: { dir: string; remove(): void } | undefined;
  let server: StaticServer | undefined;
  let session: Session | undefined;
  beforeAll(async () => {
    site = snapshot();
    await prepare?.(site.dir);
    server = await serveStatic(site.dir);
    session = await openSession(server.origin);
  }, timeout);
  afterAll(async () => {
    await session?.close();
    await server?.close();
    site?.remove();
  });
  return {
    get dir() {
      return site!.dir;
    },
    get origin() {
      return server!.origin;
    },
    get session() {
      return session!;
    },
    get server() {
      return server!;
    },
  };
}
