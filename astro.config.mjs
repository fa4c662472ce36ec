// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import { contentWatch } from './src/integrations/content-watch.ts';
import publish from './src/integrations/publish.ts';
import figureFiles from './src/integrations/figure-files.ts';

/**
 * Two settings decide where the site lives:
 * - BASE_PATH: the sub-path it is served under (default "/"), e.g. "/explainer/".
 * - SITE_URL: the public origin (e.g. "https://example.org"); canonical and social URLs are
 *   omitted when it is unset, never guessed.
 */
const base = process.env.BASE_PATH || '/';
const site = process.env.SITE_URL || undefined;
/** OUT_DIR lets tests build variants (another base path, scratch content) side by side with dist/. */
const outDir = process.env.OUT_DIR || './dist';

export default defineConfig({
  output: 'static',
  site,
  base,
  outDir,
  cacheDir: process.env.ASTRO_CACHE_DIR || './node_modules/.astro',
  trailingSlash: 'always',
  // publish: _headers, robots.txt and (with SITE_URL) sitemap.xml, from the same base and site settings.
  // figureFiles first: the static figure files exist before publish lists the output for _headers.
  integrations: [mdx(), figureFiles(), publish(), contentWatch()],
  // Styles of components used inside MDX are inlined unhashed otherwise and then blocked by the
  // CSP (astro7-notes §1.5, gap A): always emit stylesheets as files.
  build: { inlineStylesheets: 'never', format: 'directory' },
  markdown: { syntaxHighlight: false },
  devToolbar: { enabled: false },
  // The story's script runs as soon as it loads: this compile hint (Chromium 136+; other browsers
  // ignore it) has its functions compiled on the thread that streams the file, not lazily on the
  // main thread in the start's task and the first frames (README, round 15). postBanner: added
  // after minification, which would strip the comment, and before the file's hash.
  vite: { build: { rolldownOptions: { output: { postBanner: '//# allFunctionsCalledOnLoad' } } } },
  security: {
    csp: {
      directives: [
        "default-src 'self'",
        "img-src 'self' data:",
        "font-src 'self'",
        "connect-src 'self'",
        "object-src 'none'",
        "base-uri 'self'",
        "form-action 'self'",
      ],
    },
  },
});
