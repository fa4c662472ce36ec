/**
 * The publish integration: after a build, write every page as ASCII (asciiHtml: the browser decodes
 * it faster), and the files a host needs next to the pages — `_headers` (Netlify / Cloudflare
 * Pages), `robots.txt`, and `sitemap.xml` when SITE_URL is set — all derived from the same base path
 * and site URL Astro built the pages with. When the site URL is unset it warns instead of guessing
 * a domain: no canonical URL, og:url or sitemap is emitted.
 */
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { asciiHtml, normaliseBase, renderHeadersFile, renderRobots, renderSitemap } from './publish-files.ts';

/** Every file under a folder, as sorted forward-slash paths relative to it. */
function listFiles(root: string): string[] {
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const full = join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else out.push(relative(root, full).split('\\').join('/'));
    }
  };
  walk(root);
  return out.sort();
}

export default function publish(): AstroIntegration {
  let base = '/';
  let site: string | undefined;
  return {
    name: 'the-pipeline:publish',
    hooks: {
      'astro:config:done': ({ config }) => {
        base = normaliseBase(config.base);
        site = config.site;
      },
      'astro:build:done': ({ dir, pages, logger }) => {
        const out = fileURLToPath(dir);
        for (const file of listFiles(out).filter((f) => f.endsWith('.html'))) {
          const path = join(out, file);
          writeFileSync(path, asciiHtml(readFileSync(path, 'utf8')));
        }
        if (!site) {
          logger.warn(
            'SITE_URL is not set: the build has no canonical URL, no og:url and no sitemap.xml (a guessed domain would be wrong). ' +
              'Set SITE_URL=https://your.domain when building for production.',
          );
        }
        writeFileSync(join(out, 'robots.txt'), renderRobots(base, site));
        const sitemap = renderSitemap(
          base,
          site,
          pages.map((p) => p.pathname),
        );
        if (sitemap) writeFileSync(join(out, 'sitemap.xml'), sitemap);
        // Last, so the list of files it names includes robots.txt and sitemap.xml.
        writeFileSync(join(out, '_headers'), renderHeadersFile(base, listFiles(out)));
        logger.info(`wrote _headers, robots.txt${sitemap ? ', sitemap.xml' : ''} for base ${base}`);
      },
    },
  };
}
