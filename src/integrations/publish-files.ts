/**
 * Pure functions behind the publish integration: the HTTP headers a host should send (as a
 * Netlify / Cloudflare Pages `_headers` file and as an nginx server block), robots.txt, the
 * sitemap, and the pages rewritten as ASCII (asciiHtml). Everything is derived from the base path (BASE_PATH) and the site URL (SITE_URL), the
 * same two settings Astro builds with, so the files can never disagree with the built pages.
 *
 * No I/O here: src/integrations/publish.ts writes the files; tests/unit/publish tests these.
 */

/** One header as name and value. */
export type Header = readonly [name: string, value: string];

/**
 * The Content-Security-Policy sent as an HTTP header. It holds only what a `<meta>` CSP cannot
 * carry (`frame-ancestors`: browsers ignore it in meta) plus two cheap restatements. Script and
 * style hashes stay in the page's meta tag (Astro's `security.csp`): both policies are enforced,
 * the effective policy is their intersection, and a hash list here would have to be kept in step.
 *
 * `frame-ancestors 'none'` is a deliberate choice: the explainer is not designed to run inside a
 * frame (a sticky full-height figure and scroll-driven state), so no one may frame it.
 */
export const HEADER_CSP = "frame-ancestors 'none'; base-uri 'self'; object-src 'none'";

/** Powerful features the page never uses, all denied for the page and any frame in it. */
export const DENIED_FEATURES = [
  'accelerometer',
  'autoplay',
  'bluetooth',
  'browsing-topics',
  'camera',
  'display-capture',
  'encrypted-media',
  'fullscreen',
  'geolocation',
  'gyroscope',
  'hid',
  'magnetometer',
  'microphone',
  'midi',
  'payment',
  'picture-in-picture',
  'publickey-credentials-get',
  'screen-wake-lock',
  'serial',
  'usb',
  'xr-spatial-tracking',
] as const;

/** Security headers sent with every response under the base path. */
export const SECURITY_HEADERS: readonly Header[] = [
  ['X-Content-Type-Options', 'nosniff'],
  ['Referrer-Policy', 'strict-origin-when-cross-origin'],
  ['Permissions-Policy', DENIED_FEATURES.map((f) => `${f}=()`).join(', ')],
  ['Content-Security-Policy', HEADER_CSP],
  // frame-ancestors' older equivalent, for browsers without CSP level 2.
  ['X-Frame-Options', 'DENY'],
  ['Cross-Origin-Opener-Policy', 'same-origin'],
];

/** Content-hashed files (`<base>_astro/*`): a new build gives them new names, so cache them for a year. */
export const IMMUTABLE: Header = ['Cache-Control', 'public, max-age=31536000, immutable'];
/** Everything else keeps its name between builds (HTML, favicon, robots.txt): the cache must ask again. */
export const REVALIDATE: Header = ['Cache-Control', 'public, max-age=0, must-revalidate'];

/** Astro's folder for hashed assets (`build.assets`, default `_astro`). */
export const ASSETS_DIR = '_astro';

/** Normalise a base path to start and end with one slash: "explainer" → "/explainer/", "" → "/". */
export function normaliseBase(base: string | undefined): string {
  const trimmed = (base ?? '/').trim().replace(/^\/+|\/+$/g, '');
  return trimmed === '' ? '/' : `/${trimmed}/`;
}

/**
 * The URL paths (under the base) at which each published, non-hashed file is served. A page in
 * directory format is served at its folder URL as well as at `…/index.html`.
 */
export function servedPaths(base: string, files: readonly string[]): string[] {
  const b = normaliseBase(base);
  const paths = new Set<string>();
  for (const file of files) {
    const f = file.replace(/\\/g, '/').replace(/^\/+/, '');
    if (f === '_headers' || f.startsWith(`${ASSETS_DIR}/`)) continue;
    paths.add(b + f);
    if (f === 'index.html') paths.add(b);
    else if (f.endsWith('/index.html')) paths.add(b + f.slice(0, -'index.html'.length));
  }
  return [...paths].sort();
}

export interface HeaderRule {
  path: string;
  headers: readonly Header[];
}

/**
 * The header rules, in order: security headers for everything under the base, a year of immutable
 * caching for hashed assets, and revalidation for every other file, each named by its exact path.
 *
 * Netlify and Cloudflare apply every rule whose path matches and join repeated header names with
 * commas, so no two matching rules may both set Cache-Control: the catch-all rule sets none, and
 * the revalidation rules list exact paths instead of a second splat.
 */
export function headerRules(base: string, files: readonly string[]): HeaderRule[] {
  const b = normaliseBase(base);
  return [
    { path: `${b}*`, headers: SECURITY_HEADERS },
    { path: `${b}${ASSETS_DIR}/*`, headers: [IMMUTABLE] },
    ...servedPaths(b, files).map((path) => ({ path, headers: [REVALIDATE] })),
  ];
}

/** The `_headers` file (Netlify and Cloudflare Pages format) for a build with these files. */
export function renderHeadersFile(base: string, files: readonly string[]): string {
  const lines = [
    '# Generated at build time by src/integrations/publish.ts from BASE_PATH; do not edit.',
    '# Netlify and Cloudflare Pages read this file from the publish directory; see README "Deploy".',
  ];
  for (const rule of headerRules(base, files)) {
    lines.push(rule.path);
    for (const [name, value] of rule.headers) lines.push(`  ${name}: ${value}`);
  }
  return `${lines.join('\n')}\n`;
}

/** Parse a `_headers` file back into rules (used by tests and by the nginx test's cross-check). */
export function parseHeadersFile(text: string): HeaderRule[] {
  const rules: { path: string; headers: Header[] }[] = [];
  for (const raw of text.split('\n')) {
    if (raw.trim() === '' || raw.trimStart().startsWith('#')) continue;
    if (!/^\s/.test(raw)) {
      rules.push({ path: raw.trim(), headers: [] });
      continue;
    }
    const current = rules.at(-1);
    const colon = raw.indexOf(':');
    if (!current || colon < 0) throw new Error(`_headers: header line outside a rule or without a colon: ${JSON.stringify(raw)}`);
    current.headers.push([raw.slice(0, colon).trim(), raw.slice(colon + 1).trim()]);
  }
  return rules;
}

/** The headers a host following these rules sends for one URL path (Netlify/Cloudflare matching). */
export function headersFor(rules: readonly HeaderRule[], path: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const rule of rules) {
    const matches = rule.path.endsWith('*') ? path.startsWith(rule.path.slice(0, -1)) : path === rule.path;
    if (!matches) continue;
    for (const [name, value] of rule.headers) {
      const key = name.toLowerCase();
      out.set(key, out.has(key) ? `${out.get(key)}, ${value}` : value);
    }
  }
  return out;
}

/** robots.txt: everything may be crawled; the sitemap is named only when the site URL is known. */
export function renderRobots(base: string, site: string | undefined): string {
  const lines = ['User-agent: *', 'Allow: /'];
  const sitemap = sitemapUrl(base, site);
  if (sitemap) lines.push(`Sitemap: ${sitemap}`);
  return `${lines.join('\n')}\n`;
}

/** Absolute URL of a path under the base on the public site, or null when SITE_URL is unset. */
export function publicUrl(base: string, site: string | undefined, path: string): string | null {
  if (!site) return null;
  return new URL(normaliseBase(base) + path.replace(/^\/+/, ''), site).href;
}

export function sitemapUrl(base: string, site: string | undefined): string | null {
  return publicUrl(base, site, 'sitemap.xml');
}

function escapeXml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&apos;');
}

/**
 * A sitemap of the story's pages (never the 404 page), or null when SITE_URL is unset: a
 * sitemap needs absolute URLs and a guessed domain would be worse than none. `pathnames` are
 * Astro's page pathnames without the base ("" for the story, "404/" …).
 */
export function renderSitemap(base: string, site: string | undefined, pathnames: readonly string[]): string | null {
  if (!site) return null;
  const urls = [...new Set(pathnames.map((p) => p.replace(/^\/+/, '')))]
    .filter((p) => !/^404(\/|\.html)?$/.test(p))
    .sort()
    .map((p) => `  <url><loc>${escapeXml(publicUrl(base, site, p)!)}</loc></url>`);
  return `<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${urls.join('\n')}\n</urlset>\n`;
}

/** nginx `add_header` lines (with `always`, so 404 responses carry them too). */
function nginxHeaders(headers: readonly Header[], indent: string): string[] {
  return headers.map(([name, value]) => `${indent}add_header ${name} "${value.replace(/"/g, '\\"')}" always;`);
}

/**
 * An nginx server block equivalent to the `_headers` file, serving `root` + base. nginx's
 * add_header in a location replaces (not adds to) the server's, so every location repeats the
 * security headers. Missing paths under the base get the built 404.html with status 404.
 */
export function renderNginxServer(base: string, opts: { listen?: string; root?: string } = {}): string {
  const b = normaliseBase(base);
  const listen = opts.listen ?? '80';
  const root = opts.root ?? '/srv/the-pipeline';
  const security = nginxHeaders(SECURITY_HEADERS, '    ');
  const lines = [
    '# The Pipeline: nginx server block equivalent to the generated dist/_headers.',
    `# Generated by renderNginxServer("${b}") in src/integrations/publish-files.ts; a unit test keeps it in step.`,
    `# Upload the contents of dist/ (built with BASE_PATH=${b}) to ${root}${b}`,
    '# and include this file inside the http { } block (after mime.types).',
    'server {',
    `  listen ${listen};`,
    '  server_name _;',
    `  root ${root};`,
    '  charset utf-8;',
    '  server_tokens off;',
    '  absolute_redirect off;',
    '  gzip on;',
    '  gzip_types text/css application/javascript image/svg+xml application/xml text/plain;',
    '  # Any missing path (and the _headers file below) gets the built 404 page, status 404.',
    `  error_page 404 ${b}404.html;`,
    '',
  ];
  if (b !== '/') {
    lines.push(`  location = ${b.slice(0, -1)} {`, `    return 301 ${b};`, '  }', '');
  }
  lines.push(
    `  location ${b} {`,
    ...security,
    ...nginxHeaders([REVALIDATE], '    '),
    '    index index.html;',
    '    try_files $uri $uri/ =404;',
    '  }',
    '',
    `  location ${b}${ASSETS_DIR}/ {`,
    ...security,
    ...nginxHeaders([IMMUTABLE], '    '),
    '    try_files $uri =404;',
    '  }',
    '',
    '  # The _headers file is for Netlify and Cloudflare; nginx has no use for it and need not serve it.',
    `  location = ${b}_headers {`,
    '    return 404;',
    '  }',
    '}',
  );
  return `${lines.join('\n')}\n`;
}

/**
 * The page with every character outside ASCII written as a numeric character reference (`’` as
 * `&#8217;`), except inside `<script>` and `<style>`, whose text the parser does not decode. The
 * page reads the same. Why: a browser decodes an all-ASCII page on a fast path. A few hundred curly
 * quotes and dashes in an otherwise ASCII page of 380 KB made Chromium decode the whole of it
 * character by character, before its first paint: 13.7 ms against 2.7 ms at 4× CPU slowdown.
 */
export function asciiHtml(html: string): string {
  return html
    .split(/(<script\b[\s\S]*?<\/script\s*>|<style\b[\s\S]*?<\/style\s*>)/i)
    .map((part, i) => (i % 2 === 1 ? part : part.replace(/[\u0080-\u{10ffff}]/gu, (c) => `&#${c.codePointAt(0)};`)))
    .join('');
}
