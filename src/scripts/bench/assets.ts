/**
 * What a built page loads, read from the files (deterministic, no browser): its scripts (with
 * every chunk they import, and inline scripts), stylesheets and icons, each with its raw and
 * gzip size. Shared by the benchmark and the byte-budget test.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join, posix, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { parse as parseModule } from 'es-module-lexer/js';
import { attr, elements, parseHtml, textOf } from '../html.ts';

export interface Asset {
  /** URL path as the page refers to it (or "inline script #n"). */
  path: string;
  /** File on disk, or null for inline content. */
  file: string | null;
  bytes: number;
  gzip: number;
}

/** Gzip size of a buffer or string with zlib's default level: the measure every byte budget uses. */
export function gzipSize(data: Buffer | string): number {
  return gzipSync(data).length;
}

/** 1 KiB = 1024 bytes. */
export const KiB = 1024;

/** Formats bytes as KiB with one decimal. */
export function kib(bytes: number): string {
  return `${(bytes / KiB).toFixed(1)} KiB`;
}

/** URL paths of the page's external scripts, stylesheets, module preloads and icons, in document order. */
export function pageReferences(html: string): { scripts: string[]; inlineScripts: string[]; stylesheets: string[]; icons: string[] } {
  const doc = parseHtml(html);
  const scripts: string[] = [];
  const inlineScripts: string[] = [];
  for (const el of elements(doc, 'script')) {
    const src = attr(el, 'src');
    const type = attr(el, 'type');
    const code = textOf(el);
    if (src) scripts.push(src);
    else if (code.trim() && (!type || /module|javascript/i.test(type))) inlineScripts.push(code);
  }
  const stylesheets: string[] = [];
  const icons: string[] = [];
  for (const el of elements(doc, 'link')) {
    const rel = (attr(el, 'rel') ?? '').toLowerCase().split(/\s+/);
    const href = attr(el, 'href');
    // data: URLs (the inline icon) are part of the document, not requests.
    if (!href || href.startsWith('data:')) continue;
    if (rel.includes('stylesheet')) stylesheets.push(href);
    else if (rel.includes('modulepreload')) scripts.push(href);
    else if (rel.includes('icon')) icons.push(href);
  }
  return { scripts: [...new Set(scripts)], inlineScripts, stylesheets: [...new Set(stylesheets)], icons: [...new Set(icons)] };
}

/** Relative specifiers a built ES module imports, statically or dynamically (read by es-module-lexer, not by pattern). */
export function moduleImports(code: string): string[] {
  const [imports] = parseModule(code);
  const out = new Set<string>();
  for (const i of imports) if (i.n !== undefined && /^\.{1,2}\//.test(i.n)) out.add(i.n);
  return [...out];
}

/** The file in `outDir` a same-origin URL path refers to, given the site's base path. */
export function fileFor(outDir: string, urlPath: string, base = '/'): string | null {
  const path = new URL(urlPath, 'http://x/').pathname;
  const b = base.endsWith('/') ? base : `${base}/`;
  if (!path.startsWith(b)) return null;
  let file = join(outDir, decodeURIComponent(path.slice(b.length)));
  if (path.endsWith('/')) file = join(file, 'index.html');
  return existsSync(file) ? file : null;
}

function assetOf(outDir: string, urlPath: string, base: string): Asset {
  const file = fileFor(outDir, urlPath, base);
  if (!file) throw new Error(`${urlPath} is referenced by the page but is not in ${outDir}`);
  const data = readFileSync(file);
  return { path: urlPath, file, bytes: data.length, gzip: gzipSize(data) };
}

export interface PageAssets {
  html: Asset;
  /** Every JavaScript chunk the page can run: its scripts, the chunks they import (transitively), inline scripts. */
  scripts: Asset[];
  stylesheets: Asset[];
  icons: Asset[];
}

/** Everything the built page at `pagePath` (default the story, "/") loads, from the files in `outDir`. */
export function pageAssets(outDir: string, pagePath = '/', base = (process.env.BASE_PATH ?? '/').replace(/\/?$/, '/')): PageAssets {
  const root = resolve(outDir);
  const page = posix.join(base, pagePath.replace(/^\//, ''));
  const html = assetOf(root, page.endsWith('/') ? page : `${page}`, base);
  const text = readFileSync(html.file!, 'utf8');
  const refs = pageReferences(text);
  const pageUrl = new URL(page, 'http://x/');
  const scripts: Asset[] = [];
  const seen = new Set<string>();
  const queue = refs.scripts.map((s) => new URL(s, pageUrl).pathname);
  while (queue.length > 0) {
    const path = queue.shift()!;
    if (seen.has(path)) continue;
    seen.add(path);
    const asset = assetOf(root, path, base);
    scripts.push(asset);
    for (const spec of moduleImports(readFileSync(asset.file!, 'utf8'))) queue.push(posix.join(posix.dirname(path), spec));
  }
  refs.inlineScripts.forEach((code, i) => scripts.push({ path: `inline script #${i + 1}`, file: null, bytes: Buffer.byteLength(code), gzip: gzipSize(code) }));
  return {
    html,
    scripts,
    stylesheets: refs.stylesheets.map((s) => assetOf(root, new URL(s, pageUrl).pathname, base)),
    icons: refs.icons.map((s) => assetOf(root, new URL(s, pageUrl).pathname, base)),
  };
}

/**
 * The story's pages in a build (the root page, then `part-n/` when the story is split into parts)
 * and the steps each carries, read from the built HTML.
 */
export function storyPages(dir: string): { path: string; steps: number }[] {
  const pages: { path: string; steps: number }[] = [];
  for (let n = 1; ; n++) {
    const path = n === 1 ? 'index.html' : `part-${n}/index.html`;
    const file = join(dir, path);
    if (!existsSync(file)) break;
    const steps = elements(parseHtml(readFileSync(file, 'utf8'))).filter((el) => attr(el, 'data-step') !== undefined).length;
    pages.push({ path, steps });
  }
  return pages;
}
