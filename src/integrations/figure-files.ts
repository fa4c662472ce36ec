/**
 * Static figures as files: each step's static end-state map is written at build time as two small
 * standalone SVG files (one per frame shape), loaded lazily with <img>, over one shared basemap SVG
 * file cropped by an `#svgView(viewBox(…))` fragment. The drawing is the page's own (MapMarks,
 * rendered as a string by src/components/figure/StaticMap.astro, and basemapSymbol below); this module
 * only wraps that markup in a standalone document with the map's own styles and the figure font,
 * names it by its content hash under `_astro/` (so the host's immutable caching rule covers it),
 * and writes the files when the build is done. An SVG loaded as an image fetches nothing, so each
 * file carries its styles (the colour tokens, light and dark, and the map rules of styles/story/map.css) and
 * the marks file its font (a data: URL).
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import type { Basemap } from '../lib/geo/basemap.ts';

interface Registry {
  files: Map<string, string>;
  style: string | null;
  font: string | null;
  basemap: string | null;
}
const KEY = Symbol.for('the-pipeline:figure-files');
const g = globalThis as unknown as Record<symbol, Registry | undefined>;
const registry: Registry = (g[KEY] ??= { files: new Map(), style: null, font: null, basemap: null });

/**
 * The map's styles for a standalone file: the colour tokens (tokens.css without its @font-face)
 * and the map rules (src/styles/story/map.css, whole), read from the same source the page is built from.
 */
export function mapStyle(root = process.cwd()): string {
  if (registry.style) return registry.style;
  const tokens = readFileSync(resolve(root, 'src/styles/tokens.css'), 'utf8').replace(/@font-face\s*\{[^}]*\}/g, '');
  const map = readFileSync(resolve(root, 'src/styles/story/map.css'), 'utf8');
  const css = `${tokens}\n${map}`
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .replace(/\s+/g, ' ')
    .replace(/\s*([{}:;,>])\s*/g, '$1')
    .trim();
  return (registry.style = css);
}

/** The figure font as a data: URL @font-face (same family name as tokens.css). */
export function figureFontFace(root = process.cwd()): string {
  if (registry.font) return registry.font;
  const woff2 = readFileSync(resolve(root, 'src/assets/fonts/source-sans-3-figure-400.woff2')).toString('base64');
  return (registry.font = `@font-face{font-family:'Source Sans 3 Figure';font-weight:400;src:url(data:font/woff2;base64,${woff2}) format('woff2')}`);
}

const hash = (text: string): string => createHash('sha256').update(text).digest('hex').slice(0, 10);

/** Register one file's content; returns its path under the base (`_astro/<name>.<hash>.svg`). */
export function registerFile(name: string, content: string): string {
  const path = `_astro/${name}.${hash(content)}.svg`;
  registry.files.set(path, content);
  return path;
}

/** A standalone SVG document: no intrinsic size, so it fills its box and fits its viewBox (meet). */
export function standaloneSvg(viewBox: string, style: string, body: string): string {
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="${viewBox}" preserveAspectRatio="xMidYMid meet"><style>${style}</style>${body}</svg>\n`;
}

const attr = (v: string): string => v.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');

/** The basemap as an SVG symbol (id `basemap`), the markup the shared basemap file holds. */
export function basemapSymbol(b: Basemap): string {
  const path = (cls: string, d: string, extra = '') =>
    `<path class="${cls}"${extra} d="${attr(d)}"${cls === 'country' || cls === 'lakes' ? '' : ' vector-effect="non-scaling-stroke"'}></path>`;
  return [
    `<symbol id="basemap" viewBox="0 0 ${b.width} ${b.height}" overflow="visible">`,
    `<g class="countries">${b.countries.map((c) => path('country', c.d, ` data-country="${attr(c.id)}"`)).join('')}</g>`,
    path('lakes', b.lakes),
    `<g class="rivers">${b.rivers.map((r) => path('river', r.d)).join('')}</g>`,
    path('borders', b.borders),
    path('coast', b.coast),
    path('golan-line', b.golanLine),
    path('golan-line armistice-line', b.armisticeLines),
    '</symbol>',
  ].join('');
}

/**
 * The shared basemap file (registered once per build): the symbol, and a <use> of it so that the
 * file drawn as an image shows the map. The static maps crop it (StaticMap); the inline and live
 * maps <use> its symbol (BasemapUse).
 */
export function basemapFile(b: Basemap): string {
  if (registry.basemap) return registry.basemap;
  const svg = standaloneSvg(`0 0 ${b.width} ${b.height}`, mapStyle(), `${basemapSymbol(b)}<use href="#basemap" width="${b.width}" height="${b.height}"/>`);
  return (registry.basemap = registerFile('basemap', svg));
}

/**
 * `npm run dev` has no build output: the dev server answers a request for a registered file (the
 * page that names it registered it while it was rendered) and passes every other request on.
 */
export function serveRegisteredFiles(base: string) {
  const prefix = base.replace(/\/?$/, '/');
  return (req: { url?: string }, res: { setHeader(name: string, value: string): void; end(body: string): void }, next: () => void): void => {
    const path = (req.url ?? '').split(/[?#]/)[0]!;
    const content = path.startsWith(prefix) ? registry.files.get(path.slice(prefix.length)) : undefined;
    if (content === undefined) return next();
    res.setHeader('content-type', 'image/svg+xml; charset=utf-8');
    res.setHeader('cache-control', 'no-cache');
    res.end(content);
  };
}

/** The integration: write every registered file into the build's output when it is done, and serve them in dev. */
export default function figureFiles(): AstroIntegration {
  let base = '/';
  return {
    name: 'the-pipeline:figure-files',
    hooks: {
      'astro:config:done': ({ config }) => {
        base = config.base;
      },
      'astro:server:setup': ({ server }) => {
        server.middlewares.use(serveRegisteredFiles(base));
      },
      'astro:build:start': () => {
        registry.files.clear();
        registry.basemap = null;
        registry.style = null;
        registry.font = null;
      },
      'astro:build:done': ({ dir, logger }) => {
        const out = fileURLToPath(dir);
        mkdirSync(join(out, '_astro'), { recursive: true });
        let bytes = 0;
        for (const [path, content] of registry.files) {
          writeFileSync(join(out, path), content);
          bytes += content.length;
        }
        logger.info(`wrote ${registry.files.size} static figure file(s), ${(bytes / 1024).toFixed(0)} KiB`);
      },
    },
  };
}
