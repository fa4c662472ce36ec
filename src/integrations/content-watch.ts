/**
 * An Astro integration for `astro dev` only: reloads the browser when a data file of the content
 * directory changes, and serves the checked steps and frames to the debug view (`?debug`). Chapters
 * are watched by Astro's glob loader; the data files are read by the checker, outside Vite's module
 * graph, so nothing else would notice an edit to them. The page re-reads them on the next request
 * (`loadStory` compares modification times).
 */
import path from 'node:path';
import type { AstroIntegration } from 'astro';
import { dataFiles } from '../lib/content/schemas.ts';
import { resolveContentDir } from '../lib/content/content-dir.ts';
import { DEBUG_ENDPOINT, type DebugPayload } from '../lib/content/debug-payload.ts';
import { MIN_FRAME_SPAN_KM, REGION } from '../lib/geo/region.ts';

/** Checks the content now and describes it for the debug view. */
export async function debugPayload(dir: string): Promise<DebugPayload> {
  const { checkContent, formatDiagnostic } = await import('../lib/content/load.ts');
  const { countWords } = await import('../lib/content/chapters.ts');
  const result = checkContent(dir);
  const lines = (severity: 'error' | 'warning') => result.diagnostics.filter((d) => d.severity === severity).map(formatDiagnostic);
  return {
    contentDir: path.relative(process.cwd(), dir) || '.',
    errors: lines('error'),
    warnings: lines('warning'),
    steps: result.chapters.flatMap((c) =>
      c.steps.map((s) => ({ ...s.props, chapter: c.slug, at: `${s.file}:${s.line}:${s.column}`, words: countWords(s.text) })),
    ),
    frames: result.catalog?.frames ?? [],
    region: REGION,
    minFrameSpanKm: MIN_FRAME_SPAN_KM,
  };
}

/** Reload the page when `places.json`, `frames.json`… in CONTENT_DIR (or content/) change; serve the debug view's data. */
export function contentWatch(env: Record<string, string | undefined> = process.env): AstroIntegration {
  return {
    name: 'the-pipeline:content-watch',
    hooks: {
      'astro:server:setup': ({ server, logger }) => {
        const dir = resolveContentDir(env);
        const files = new Set(Object.values(dataFiles).map((f) => path.join(dir, f.file)));
        server.watcher.add([...files]);
        const reload = (file: string): void => {
          if (!files.has(path.resolve(file))) return;
          logger.info(`${path.relative(process.cwd(), file)} changed: reloading the page`);
          server.environments.client.hot.send({ type: 'full-reload', path: '*' });
        };
        server.watcher.on('change', reload).on('add', reload).on('unlink', reload);
        server.middlewares.use(DEBUG_ENDPOINT, (_req, res) => {
          debugPayload(dir).then(
            (payload) => {
              res.setHeader('content-type', 'application/json; charset=utf-8');
              res.setHeader('cache-control', 'no-store');
              res.end(JSON.stringify(payload));
            },
            (error: unknown) => {
              res.statusCode = 500;
              res.end(String(error));
            },
          );
        });
      },
    },
  };
}
