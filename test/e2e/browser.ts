/**
 * Chromium for the browser tests: Debian's /usr/bin/chromium (installed by .ci/run) driven by
 * playwright-core, headless, fresh profile, no background traffic. Every request a page makes is
 * recorded, and so is every Content-Security-Policy violation and console error.
 */
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Browser, type BrowserContext, type Page, chromium } from 'playwright-core';
import { ensureSite } from '../helpers/site.ts';

export const ROOT = join(import.meta.dirname, '..', '..');

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const SHOTS = join(ROOT, 'test-results', 'e2e');

const ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage'];

export interface Session {
  browser: BrowserContext;
  /** Every URL requested by any page of the session. */
  requests: string[];
  /** CSP violations seen by pages (securitypolicyviolation events and console reports). */
  violations: string[];
  /** console.error messages and uncaught page errors. */
  errors: string[];
  close(): Promise<void>;
}

export function chromiumAvailable(): boolean {
  return existsSync(CHROMIUM);
}

/**
 * A browser context with a fresh user-data-dir, clipboard permissions for `origin`. Service workers
 * (the site's /sw.js, issue 15) are blocked unless asked for: a worker answers the page's requests
 * itself, so page.route() and the server's request log would no longer see them (offline.e2e.ts allows it).
 */
export async function openSession(origin: string, { serviceWorkers = 'block' }: { serviceWorkers?: 'allow' | 'block' } = {}): Promise<Session> {
  const profile = mkdtempSync(join(tmpdir(), 'e2e-profile-'));
  const browser = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: ARGS,
    locale: 'zh-CN',
    viewport: { width: 1280, height: 900 },
    permissions: ['clipboard-read', 'clipboard-write'],
    serviceWorkers,
    timeout: 60_000,
  });
  await browser.grantPermissions(['clipboard-read', 'clipboard-write'], { origin });
  const requests: string[] = [];
  const violations: string[] = [];
  const errors: string[] = [];
  browser.on('request', (r) => requests.push(r.url()));
  // Init scripts run outside the page's CSP.
  await browser.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => {
      console.error(`CSP-VIOLATION ${e.violatedDirective} ${e.blockedURI} ${e.sourceFile}:${e.lineNumber} ${e.sample}`);
    });
  });
  const watch = (page: Page) => {
    page.on('console', (m) => {
      const t = m.text();
      if (/CSP-VIOLATION|Content Security Policy/u.test(t)) violations.push(`${page.url()}: ${t}`);
      else if (m.type() === 'error') errors.push(`${page.url()}: ${t}`);
    });
    page.on('pageerror', (e) => errors.push(`${page.url()}: ${e.message}`));
  };
  browser.pages().forEach(watch);
  browser.on('page', watch);
  return {
    browser,
    requests,
    violations,
    errors,
    close: async () => {
      await browser.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(SHOTS, { recursive: true });
  const path = join(SHOTS, `${name}.png`);
  await page.screenshot({ path, fullPage: false });
  return path;
}

export type { Browser, Page };

/**
 * A private copy of the built site: ensureSite() builds dist/ if stale, then the copy is what the
 * tests serve, so a build started meanwhile (astro empties dist/ first) cannot pull pages away.
 */
export function siteSnapshot(): { dir: string; remove(): void } {
  ensureSite();
  const dir = mkdtempSync(join(tmpdir(), 'e2e-site-'));
  cpSync(join(ROOT, 'dist'), dir, { recursive: true });
  for (const must of ['index.html', 'pagefind/pagefind.js', 'search/data.json']) {
    if (!existsSync(join(dir, must))) throw new Error(`dist/ is incomplete (no ${must}): is another build running? Run again.`);
  }
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

/** One axe-core violation as the tests read it. */
export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[]; failureSummary?: string }[];
}

const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** axe-core's violations on the page as it is now, over the whole document or only inside `include` (a CSS selector). */
export async function axeViolations(page: Page, include?: string): Promise<AxeViolation[]> {
  await page.evaluate(AXE_SOURCE);
  return (await page.evaluate(
    (sel) =>
      (window as unknown as { axe: { run(c: object, o: object): Promise<{ violations: unknown[] }> } }).axe
        .run(sel ? { include: [[sel]] } : document, { resultTypes: ['violations'] })
        .then((r) => r.violations),
    include ?? null,
  )) as AxeViolation[];
}

/** Serious and critical violations only (what fails a page). */
export const serious = (vs: AxeViolation[]) => vs.filter((v) => v.impact === 'serious' || v.impact === 'critical');
