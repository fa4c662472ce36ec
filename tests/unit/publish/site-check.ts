/**
 * Checks over a built site folder, without a browser: HTML read by parse5 (tags, attributes with
 * entities decoded, text), a link and anchor checker that understands the base path, and a
 * sha256 listing for reproducibility. Used by tests/unit/publish/built-site.test.ts.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { elements as all, parseHtml, type HtmlNode } from '../../../src/scripts/html.ts';

export interface Element {
  tag: string;
  attrs: Map<string, string>;
  /** Character offset of the tag in the document, for messages. */
  at: number;
}

export interface Scanned {
  elements: Element[];
  /** Text content with entities decoded (script and style bodies excluded). */
  text: string;
}

/** Parse HTML as a browser would (parse5): every element with its attributes (entities decoded), and the text outside script and style. */
export function scanHtml(html: string): Scanned {
  const doc = parseHtml(html, true);
  const elements: Element[] = all(doc).map((el) => ({
    tag: el.tagName,
    attrs: new Map(el.attrs.map((a) => [a.name, a.value])),
    at: el.sourceCodeLocation?.startOffset ?? 0,
  }));
  const text: string[] = [];
  const visit = (node: HtmlNode): void => {
    if (node.nodeName === '#text') text.push((node as { value: string }).value);
    if ('tagName' in node && (node.tagName === 'script' || node.tagName === 'style')) return;
    for (const child of 'childNodes' in node ? node.childNodes : []) visit(child);
    if ('content' in node && node.content) visit(node.content);
  };
  visit(doc);
  return { elements, text: text.join('') };
}

/** The ids in an SVG file. */
function svgIds(file: string): Set<string> {
  return new Set([...readFileSync(file, 'utf8').matchAll(/\sid="([^"]+)"/g)].map((m) => m[1]!));
}

/** Every file under a folder, as sorted forward-slash paths relative to it. */
export function listFiles(root: string): string[] {
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const full = join(dir, name);
      if (statSync(full).isDirectory()) walk(full);
      else out.push(relative(root, full).split('\\').join('/'));
    }
  };
  walk(root);
  return out.sort();
}

/** sha256 of every file, keyed by relative path. */
export function hashTree(root: string): Record<string, string> {
  return Object.fromEntries(
    listFiles(root).map((f) => [
      f,
      createHash('sha256')
        .update(readFileSync(join(root, f)))
        .digest('hex'),
    ]),
  );
}

/** The URL path a built file is served at under the base (directory format: folder URLs). */
export function urlPathOf(file: string, base: string): string {
  if (file === 'index.html') return base;
  if (file.endsWith('/index.html')) return base + file.slice(0, -'index.html'.length);
  return base + file;
}

/** The attributes that name another resource, per element. */
const URL_ATTRS = ['href', 'src', 'xlink:href', 'action', 'poster', 'data'];

export interface LinkProblem {
  file: string;
  tag: string;
  attr: string;
  value: string;
  problem: string;
}

export interface LinkReport {
  problems: LinkProblem[];
  /** How many internal references (resources and anchors) were checked. */
  checked: number;
  external: { file: string; tag: string; href: string; rel: string }[];
}

/**
 * Check every internal reference in every HTML file of a build: the target file exists under the
 * base (folder URLs end in "/"), and every `#fragment` names an element id in the target page.
 * Absolute URLs on the public site (SITE_URL) count as internal; other origins are listed as external.
 */
export function checkLinks(root: string, base: string, site?: string): LinkReport {
  const files = listFiles(root);
  const fileSet = new Set(files);
  const pages = files.filter((f) => f.endsWith('.html'));
  const ids = new Map<string, Set<string>>();
  const scans = new Map<string, Scanned>();
  for (const page of pages) {
    const scanned = scanHtml(readFileSync(join(root, page), 'utf8'));
    scans.set(page, scanned);
    ids.set(
      page,
      new Set(scanned.elements.flatMap((e) => [e.attrs.get('id'), e.tag === 'a' ? e.attrs.get('name') : undefined]).filter((x): x is string => !!x)),
    );
  }
  const origin = 'http://site.invalid';
  const publicOrigin = site ? new URL(site).origin : null;
  const problems: LinkProblem[] = [];
  const external: LinkReport['external'] = [];
  let checked = 0;
  for (const page of pages) {
    const pageUrl = new URL(urlPathOf(page, base), origin);
    for (const el of scans.get(page)!.elements) {
      for (const attr of URL_ATTRS) {
        const value = el.attrs.get(attr);
        if (value === undefined) continue;
        // <link rel=canonical> and og:url are absolute on purpose; <meta content> is not scanned.
        const report = (problem: string) => problems.push({ file: page, tag: el.tag, attr, value, problem });
        if (value.trim() === '') {
          report('empty URL');
          continue;
        }
        if (/^\s*javascript:/i.test(value)) {
          report('javascript: URL');
          continue;
        }
        if (/^(data|mailto|tel):/i.test(value)) continue;
        let url: URL;
        try {
          url = new URL(value, pageUrl);
        } catch {
          report('not a valid URL');
          continue;
        }
        if (url.origin !== origin && url.origin !== publicOrigin) {
          if (url.protocol !== 'https:' && url.protocol !== 'http:') report(`unexpected scheme ${url.protocol}`);
          external.push({ file: page, tag: el.tag, href: value, rel: el.attrs.get('rel') ?? '' });
          continue;
        }
        checked += 1;
        let path = decodeURIComponent(url.pathname);
        if (publicOrigin && url.origin === publicOrigin) {
          const sitePath = new URL(site!).pathname.replace(/\/$/, '');
          if (!path.startsWith(sitePath)) {
            report(`outside the site path ${sitePath}`);
            continue;
          }
          path = path.slice(sitePath.length) || '/';
        }
        if (!path.startsWith(base)) {
          report(`outside the base path ${base}`);
          continue;
        }
        const rest = path.slice(base.length);
        let target: string;
        if (rest === '' || rest.endsWith('/')) target = `${rest}index.html`;
        else if (fileSet.has(rest)) target = rest;
        else if (fileSet.has(`${rest}/index.html`)) {
          report('folder URL without its trailing slash (trailingSlash is "always")');
          continue;
        } else target = rest;
        if (!fileSet.has(target)) {
          report(`no file ${target} in the build`);
          continue;
        }
        if (url.hash) {
          const fragment = decodeURIComponent(url.hash.slice(1));
          const targetIds = ids.get(target);
          // An SVG view of an image file (the static figures crop the shared basemap file this way).
          if (!targetIds && target.endsWith('.svg') && /^svgView\(viewBox\(-?[\d.]+(,-?[\d.]+){3}\)\)$/.test(fragment)) continue;
          // An element of an SVG file (the maps' <use> of the shared basemap file's symbol).
          if (!targetIds && target.endsWith('.svg')) {
            if (!svgIds(join(root, target)).has(fragment)) report(`no element with id "${fragment}" in ${target}`);
            continue;
          }
          if (!targetIds) report(`#${fragment} points into ${target}, which is not a page`);
          else if (!targetIds.has(fragment)) report(`no element with id "${fragment}" in ${target}`);
        } else if (value.endsWith('#')) {
          report('empty fragment "#"');
        }
      }
    }
  }
  return { problems, checked, external };
}
