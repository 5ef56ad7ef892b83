// @ts-check
import { defineConfig } from "astro/config";

// Public URL of the deployed site, if known (used for canonical/sitemap URLs).
// Left unset unless SITE_URL is provided in the environment.
const site = process.env.SITE_URL || undefined;

// Copies of the project that share this node_modules (the hostile-source test, the benchmark) build with
// their own cache: Astro keeps its content data store under node_modules/.astro by default.
const cacheDir = process.env.ASTRO_CACHE_DIR || undefined;

// Telemetry: Astro 7 has no config option for it. It is skipped automatically
// when CI=true, and can be turned off with ASTRO_TELEMETRY_DISABLED=1
// (or once per machine with `npx astro telemetry disable`).
export default defineConfig({
  ...(site ? { site } : {}),
  ...(cacheDir ? { cacheDir } : {}),
  output: "static",
  outDir: "./dist",
  trailingSlash: "always",
  build: {
    format: "directory",
  },
  server: {
    host: "127.0.0.1",
    port: 4321,
  },
  devToolbar: {
    enabled: false,
  },
  // Content-Security-Policy (issue 6), emitted by Astro as a <meta http-equiv> in every page with
  // the hashes of the scripts and styles Astro itself writes. Everything comes from this origin:
  // no third-party host anywhere, no inline script or style attribute, no plugins, no frames.
  // - 'wasm-unsafe-eval': Pagefind compiles its WebAssembly search core in the browser.
  // - style-src has no 'unsafe-inline': Plot charts are made CSP-clean at build time
  //   (src/lib/charts/plot.ts drops Plot's <style> element and turns style="" into attributes).
  // `frame-ancestors` cannot be set from a <meta>; a server should send it as a header.
  // test/security/csp.test.ts checks the built pages, test/e2e/ checks Chromium reports no violation.
  security: {
    csp: {
      algorithm: "SHA-256",
      directives: [
        "default-src 'self'",
        "img-src 'self'",
        "font-src 'self'",
        "connect-src 'self'",
        "object-src 'none'",
        "base-uri 'self'",
        "form-action 'self'",
        "frame-src 'none'",
      ],
      scriptDirective: {
        resources: ["'self'", "'wasm-unsafe-eval'"],
      },
      styleDirective: {
        resources: ["'self'"],
      },
    },
  },
  // Never inline scripts or assets into pages: the site's CSP forbids inline scripts,
  // and test/site checks that every <script> has a src.
  vite: {
    ...(cacheDir ? { cacheDir: `${cacheDir}/vite` } : {}),
    build: { assetsInlineLimit: 0 },
  },
});
