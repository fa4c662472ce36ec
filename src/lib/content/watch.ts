/**
 * An Astro integration for `astro dev`: reloads the browser when a data file of the content
 * directory changes. Chapters are watched by Astro's glob loader; the data files are read by the
 * checker, outside Vite's module graph, so nothing else would notice an edit to them. The page
 * re-reads them on the next request (`loadStory` compares modification times).
 */
import path from 'node:path';
import type { AstroIntegration } from 'astro';
import { dataFiles } from './schemas.ts';

/** Reload the page in the browser when `places.json`, `frames.json`… in CONTENT_DIR (or content/) change. */
export function contentWatch(env: Record<string, string | undefined> = process.env): AstroIntegration {
  return {
    name: 'the-pipeline:content-watch',
    hooks: {
      'astro:server:setup': ({ server, logger }) => {
        // The same rule as resolveContentDir in load.ts (not imported: the config should stay light).
        const dir = path.resolve(process.cwd(), env.CONTENT_DIR?.trim() || 'content');
        const files = new Set(Object.values(dataFiles).map((f) => path.join(dir, f.file)));
        server.watcher.add([...files]);
        const reload = (file: string): void => {
          if (!files.has(path.resolve(file))) return;
          logger.info(`${path.relative(process.cwd(), file)} changed: reloading the page`);
          server.environments.client.hot.send({ type: 'full-reload', path: '*' });
        };
        server.watcher.on('change', reload).on('add', reload).on('unlink', reload);
      },
    },
  };
}
