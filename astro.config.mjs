// @ts-check
import { defineConfig } from "astro/config";

// Public URL of the deployed site, if known (used for canonical/sitemap URLs).
// Left unset unless SITE_URL is provided in the environment.
const site = process.env.SITE_URL || undefined;

// Telemetry: Astro 7 has no config option for it. It is skipped automatically
// when CI=true, and can be turned off with ASTRO_TELEMETRY_DISABLED=1
// (or once per machine with `npx astro telemetry disable`).
export default defineConfig({
  ...(site ? { site } : {}),
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
  // Never inline scripts or assets into pages: the site's CSP forbids inline scripts,
  // and test/site checks that every <script> has a src.
  vite: {
    build: { assetsInlineLimit: 0 },
  },
});
