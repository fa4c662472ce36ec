/** The pure generators behind the publish integration: _headers, nginx, robots.txt, sitemap. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseHtml, textOf } from '../../../src/scripts/html.ts';
import {
  asciiHtml,
  DENIED_FEATURES,
  HEADER_CSP,
  SECURITY_HEADERS,
  headerRules,
  headersFor,
  normaliseBase,
  parseHeadersFile,
  renderHeadersFile,
  renderNginxServer,
  renderRobots,
  renderSitemap,
  servedPaths,
} from '../../../src/integrations/publish-files.ts';

const FILES = ['404.html', '_astro/index.abc123.css', '_astro/main.def456.js', '_headers', 'favicon.svg', 'index.html', 'robots.txt'];

describe('normaliseBase', () => {
  it.each([
    [undefined, '/'],
    ['', '/'],
    ['/', '/'],
    ['explainer', '/explainer/'],
    ['/explainer', '/explainer/'],
    ['/explainer/', '/explainer/'],
    ['//news/explainer//', '/news/explainer/'],
  ])('%s → %s', (input, out) => expect(normaliseBase(input)).toBe(out));
});

describe('servedPaths', () => {
  it('lists every non-hashed file, folder URLs for index pages, and never _headers or _astro/', () => {
    expect(servedPaths('/explainer/', [...FILES, 'chapter/index.html'])).toEqual([
      '/explainer/',
      '/explainer/404.html',
      '/explainer/chapter/',
      '/explainer/chapter/index.html',
      '/explainer/favicon.svg',
      '/explainer/index.html',
      '/explainer/robots.txt',
    ]);
  });
});

describe('_headers', () => {
  for (const base of ['/', '/explainer/']) {
    describe(`base ${base}`, () => {
      const text = renderHeadersFile(base, FILES);
      const rules = parseHeadersFile(text);

      it('round-trips through the parser', () => expect(rules).toEqual(headerRules(base, FILES)));

      it('hashed assets: cached for a year, immutable, with one Cache-Control only', () => {
        for (const asset of ['_astro/main.def456.js', '_astro/index.abc123.css']) {
          const h = headersFor(rules, base + asset);
          expect(h.get('cache-control')).toBe('public, max-age=31536000, immutable');
          expect(h.get('x-content-type-options')).toBe('nosniff');
        }
      });

      it('HTML and other stable names: revalidated, with one Cache-Control only', () => {
        for (const path of [base, `${base}index.html`, `${base}404.html`, `${base}favicon.svg`, `${base}robots.txt`]) {
          expect(headersFor(rules, path).get('cache-control'), path).toBe('public, max-age=0, must-revalidate');
        }
      });

      it('security headers on every path under the base', () => {
        for (const path of [base, `${base}_astro/main.def456.js`, `${base}missing/page/`]) {
          const h = headersFor(rules, path);
          expect(h.get('x-content-type-options')).toBe('nosniff');
          expect(h.get('referrer-policy')).toBe('strict-origin-when-cross-origin');
          expect(h.get('content-security-policy')).toBe("frame-ancestors 'none'; base-uri 'self'; object-src 'none'");
          expect(h.get('x-frame-options')).toBe('DENY');
          const pp = h.get('permissions-policy')!;
          for (const f of ['camera', 'microphone', 'geolocation', 'payment', 'usb']) expect(pp).toContain(`${f}=()`);
        }
      });

      it('every rule path is under the base, and a line fits Cloudflare’s 2000-character limit', () => {
        expect(rules.every((r) => r.path.startsWith(base))).toBe(true);
        expect(Math.max(...text.split('\n').map((l) => l.length))).toBeLessThan(2000);
        expect(rules.length).toBeLessThan(100);
      });
    });
  }

  it('nothing is sent outside the base path', () => {
    expect(headersFor(parseHeadersFile(renderHeadersFile('/explainer/', FILES)), '/other/').size).toBe(0);
  });

  it('the header CSP carries no script or style sources (they stay hashed in the meta tag)', () => {
    expect(HEADER_CSP).not.toMatch(/script-src|style-src|default-src|sha\d+-|unsafe/);
    expect(HEADER_CSP).toContain("frame-ancestors 'none'");
  });

  it('Permissions-Policy lists each feature once', () => {
    expect(new Set(DENIED_FEATURES).size).toBe(DENIED_FEATURES.length);
  });

  it('the parser rejects a header line outside a rule', () => {
    expect(() => parseHeadersFile('  X-Foo: bar\n')).toThrow(/outside a rule/);
  });
});

describe('robots.txt and sitemap', () => {
  it('robots.txt allows everything and names the sitemap only with a site URL', () => {
    expect(renderRobots('/', undefined)).toBe('User-agent: *\nAllow: /\n');
    expect(renderRobots('/explainer/', 'https://example.org')).toBe('User-agent: *\nAllow: /\nSitemap: https://example.org/explainer/sitemap.xml\n');
  });

  it('no sitemap without a site URL; with one, absolute URLs of the pages but not the 404', () => {
    expect(renderSitemap('/', undefined, ['', '404/'])).toBeNull();
    const xml = renderSitemap('/explainer/', 'https://example.org', ['', '404/', '404.html', 'a&b/'])!;
    expect([...xml.matchAll(/<loc>([^<]*)<\/loc>/g)].map((m) => m[1])).toEqual(['https://example.org/explainer/', 'https://example.org/explainer/a&amp;b/']);
    expect(xml).toMatch(/^<\?xml version="1.0" encoding="UTF-8"\?>\n<urlset xmlns="http:\/\/www.sitemaps.org\/schemas\/sitemap\/0.9">/);
  });
});

describe('nginx', () => {
  it('deploy/nginx.conf is the generator’s output for /explainer/ (regenerate: node deploy/render-nginx.ts /explainer/ > deploy/nginx.conf)', () => {
    expect(readFileSync(new URL('../../../deploy/nginx.conf', import.meta.url), 'utf8')).toBe(renderNginxServer('/explainer/'));
  });

  for (const base of ['/', '/explainer/']) {
    it(`every location with add_header repeats all security headers (base ${base})`, () => {
      const conf = renderNginxServer(base);
      const locations = conf
        .split(/\n\s*location /)
        .slice(1)
        .filter((l) => l.includes('add_header'));
      expect(locations.length).toBe(2);
      for (const loc of locations) {
        for (const [name, value] of SECURITY_HEADERS) expect(loc).toContain(`add_header ${name} "${value}" always;`);
        expect(loc).toMatch(/add_header Cache-Control "public, max-age=(0, must-revalidate|31536000, immutable)" always;/);
      }
      expect(conf).toContain(`error_page 404 ${base}404.html;`);
    });
  }
});

describe('asciiHtml (every page is written as ASCII: the browser decodes it on its fast path)', () => {
  const page =
    '<!DOCTYPE html><html lang="en"><head><title>The Pipeline – a map</title><style>.q::before{content:"“"}</style></head>' +
    '<body><p title="Deir Ezzor’s “depots”">The monitor’s toll — “at least 57” · 2021 𝔸</p><script type="application/json">{"a":"é"}</script></body></html>';

  it('writes every character outside ASCII in text, titles and attributes as a numeric reference', () => {
    const out = asciiHtml(page);
    expect(out).toContain('<title>The Pipeline &#8211; a map</title>');
    expect(out).toContain('title="Deir Ezzor&#8217;s &#8220;depots&#8221;"');
    expect(out).toContain('&#120120;'); // a character outside the BMP is one reference, not two halves
    expect(out.replace(/<script\b[\s\S]*?<\/script>|<style\b[\s\S]*?<\/style>/g, '')).not.toMatch(/[\u0080-\u{10ffff}]/u);
  });

  it('reads the same: the parsed text and attributes are unchanged', () => {
    const before = parseHtml(page);
    const after = parseHtml(asciiHtml(page));
    expect(textOf(after)).toBe(textOf(before));
    expect(textOf(after)).toContain('The monitor’s toll — “at least 57” · 2021 𝔸');
    expect(asciiHtml(page)).toContain('title="Deir Ezzor&#8217;s');
  });

  it('leaves the text of <script> and <style> as it is (the parser does not decode references there)', () => {
    const out = asciiHtml(page);
    expect(out).toContain('<style>.q::before{content:"“"}</style>');
    expect(out).toContain('<script type="application/json">{"a":"é"}</script>');
  });

  it('changes nothing in a page that is ASCII already, and a second pass changes nothing', () => {
    const ascii = '<!DOCTYPE html><html><body><p>plain &amp; simple</p></body></html>';
    expect(asciiHtml(ascii)).toBe(ascii);
    expect(asciiHtml(asciiHtml(page))).toBe(asciiHtml(page));
  });
});
