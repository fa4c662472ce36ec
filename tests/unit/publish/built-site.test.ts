/**
 * The built site, checked without a browser. Three clean builds into scratch folders, in sequence
 * (about 5 s each), through the real build script (src/scripts/build.ts):
 *  - A: the defaults (base "/", no SITE_URL);
 *  - B: the same settings into another folder with another cache, for reproducibility;
 *  - C: base "/explainer/", SITE_URL set, and a scratch copy of content/ whose data files carry
 *    HTML-looking text, which must reach the page as text;
 *  - P: base "/explainer/", SITE_URL set, and a generated story of 140 steps, published in three
 *    parts (src/lib/content/pages.ts).
 * Then: byte-identical A and B; html-validate (.htmlvalidate.json) and a link/anchor check on every
 * page of A, C and P (links between parts included); _headers, robots.txt, sitemap and canonical URLs; the meta CSP; external links.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { HtmlValidate, type ConfigData } from 'html-validate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { headersFor, parseHeadersFile, renderHeadersFile } from '../../../src/integrations/publish-files.ts';
import { checkContent } from '../../../src/lib/content/load.ts';
import { typeset } from '../../../src/lib/content/typeset.ts';
import { storyPages } from '../../../src/scripts/bench/assets.ts';
import { decodePartMap, MAX_STEPS_PER_PAGE, partUrlFor } from '../../../src/lib/content/pages.ts';
import { attr, elements, parseHtml, textOf, type HtmlElement } from '../../../src/scripts/html.ts';
import { cspHash, LAY_OUT_MASTHEAD } from '../../../src/lib/first-paint.ts';
import { checkLinks, hashTree, listFiles, scanHtml } from './site-check.ts';

const repo = resolve(fileURLToPath(new URL('../../..', import.meta.url)));
const scratch = mkdtempSync(join(tmpdir(), 'pipeline-publish-'));
const SITE = 'https://example.org';
/** HTML-looking text planted in data files of build C. */
const INJECT = {
  description: '<img src=x onerror=alert(1)> & "quoted" </li><script>alert(2)</script>',
  title: '"><svg onload=alert(3)>',
  /** In an event's title: the page's data block (a script element) carries it. */
  event: '</script><script>alert(4)</script><!--',
};
/** The event whose title carries INJECT.event: a step shades its area, so the data block holds it. */
const INJECT_EVENT = 'strikes-2021-01-13';

interface Built {
  dir: string;
  log: string;
}

/**
 * The environment of a build as `npm run build` would have it: vitest sets NODE_ENV=test and
 * Vite's BASE_URL, MODE, DEV, PROD and SSR in process.env, and a child Vite would take them over
 * (BASE_URL=/ silently replaced the base path in .astro files).
 */
function buildEnv(env: Record<string, string>): NodeJS.ProcessEnv {
  const clean: NodeJS.ProcessEnv = {};
  for (const [k, v] of Object.entries(process.env)) {
    if (['BASE_URL', 'MODE', 'DEV', 'PROD', 'SSR', 'NODE_ENV', 'TEST', 'BASE_PATH', 'SITE_URL', 'CONTENT_DIR', 'OUT_DIR'].includes(k) || k.startsWith('VITEST'))
      continue;
    clean[k] = v;
  }
  return { ...clean, ASTRO_TELEMETRY_DISABLED: '1', ...env };
}

function build(name: string, env: Record<string, string>): Built {
  const dir = join(scratch, name);
  const result = spawnSync(process.execPath, ['src/scripts/build.ts'], {
    cwd: repo,
    encoding: 'utf8',
    env: buildEnv({ OUT_DIR: dir, ASTRO_CACHE_DIR: join(scratch, `cache-${name}`), ...env }),
  });
  const log = `${result.stdout}\n${result.stderr}`;
  if (result.status !== 0) throw new Error(`build ${name} failed (exit ${result.status}):\n${log.slice(-4000)}`);
  return { dir, log };
}

let A: Built;
let B: Built;
let C: Built;
let P: Built;
/** Chapters of the generated story in parts (7 steps each: three parts of at most MAX_STEPS_PER_PAGE steps). */
const PART_CHAPTERS = 20;

beforeAll(() => {
  const content = join(scratch, 'content-xss');
  cpSync(join(repo, 'content'), content, { recursive: true });
  const sourcesFile = join(content, 'sources.json');
  const sources = JSON.parse(readFileSync(sourcesFile, 'utf8')) as { description: string; title?: string }[];
  sources[0]!.description = `${INJECT.description} ${sources[0]!.description}`;
  if (sources[0]!.title !== undefined) sources[0]!.title = `${sources[0]!.title} ${INJECT.title}`;
  writeFileSync(sourcesFile, JSON.stringify(sources, null, 2));
  const eventsFile = join(content, 'events.json');
  const events = JSON.parse(readFileSync(eventsFile, 'utf8')) as { id: string; title: string }[];
  const planted = events.find((e) => e.id === INJECT_EVENT)!;
  planted.title = `${planted.title} ${INJECT.event}`;
  writeFileSync(eventsFile, JSON.stringify(events, null, 2));
  A = build('a', {});
  B = build('b', {});
  C = build('c', { BASE_PATH: '/explainer/', SITE_URL: SITE, CONTENT_DIR: content });
  const long = join(scratch, 'content-parts');
  const generated = spawnSync(process.execPath, ['src/scripts/generate-story.ts', long, '--chapters', String(PART_CHAPTERS)], {
    cwd: repo,
    encoding: 'utf8',
    env: buildEnv({}),
  });
  if (generated.status !== 0) throw new Error(`generate-story failed:\n${generated.stdout}\n${generated.stderr}`);
  P = build('p', { BASE_PATH: '/explainer/', SITE_URL: SITE, CONTENT_DIR: long });
}, 300_000);

afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const read = (b: Built, file: string) => readFileSync(join(b.dir, file), 'utf8');
const pagesOf = (b: Built) => listFiles(b.dir).filter((f) => f.endsWith('.html'));

describe('reproducible builds', () => {
  it('two clean builds into different folders are byte-identical', () => {
    const a = hashTree(A.dir);
    const b = hashTree(B.dir);
    expect(Object.keys(a).length).toBeGreaterThan(4);
    expect(b).toEqual(a);
  });
});

describe('the first paint is the masthead', () => {
  it('every story page lays out its masthead right after it, then links the rest of its stylesheet, then a classic script that waits for it, then the top bar and the story', () => {
    for (const built of [A, C, P])
      for (const page of pagesOf(built).filter((p) => p !== '404.html')) {
        const html = read(built, page);
        const masthead = html.indexOf('</header>', html.indexOf('class="masthead"'));
        const after = html.slice(masthead + '</header>'.length, html.indexOf('<main'));
        const layout = `<script>${LAY_OUT_MASTHEAD}</script>`;
        expect(after.slice(0, layout.length), `${built.dir}/${page}`).toBe(layout);
        expect(after.slice(layout.length), `${built.dir}/${page}`).toMatch(
          /^<link rel="stylesheet" href="[^"]*\/_astro\/story-body\.[^"]+\.css"><script src="[^"]*\/_astro\/after-styles\.[^"]+\.js"><\/script><div class="topbar" data-topbar>[\s\S]*<\/div>$/,
        );
        // Nothing but the skip link and the asset notice comes before the masthead: the first paint is the masthead.
        const before = html.slice(html.indexOf('<body>') + '<body>'.length, html.indexOf('<header class="masthead"'));
        expect(before, `${built.dir}/${page}: before the masthead`).toMatch(/^<a class="skip-link"[^>]*>[^<]*<\/a><p class="asset-notice"[\s\S]*<\/p>$/);
        expect(before, `${built.dir}/${page}: before the masthead`).not.toContain('topbar');
        const head = html.slice(0, html.indexOf('</head>'));
        expect(head, `${built.dir}/${page}: the head links only the first screen's stylesheet`).not.toContain('story-body');
      }
  });
});

describe('pages written as ASCII', () => {
  it('every page of every build is ASCII, while the story still reads its curly quotes and dashes', () => {
    for (const built of [A, C, P]) for (const page of pagesOf(built)) expect(read(built, page), `${built.dir}/${page}`).not.toMatch(/[\u0080-\u{10ffff}]/u);
    const text = scanHtml(read(A, 'index.html')).text;
    expect(text).toMatch(/[\u2018-\u201d\u2013\u2014]/);
  });

  it("no straight quote or apostrophe in what a reader reads or hears: the data files' text is set like the prose", () => {
    const { text, elements } = scanHtml(read(A, 'index.html'));
    const heard = elements.flatMap((e) => ['alt', 'aria-label', 'title'].map((a) => e.attrs.get(a) ?? ''));
    const straight = [text, ...heard].flatMap((t) => [...t.matchAll(/.{0,30}["'].{0,30}/g)].map((m) => m[0]));
    expect(straight).toEqual([]);
  });
});

describe('html-validate (recommended + document + no-inline-style)', () => {
  const config = JSON.parse(readFileSync(join(repo, '.htmlvalidate.json'), 'utf8')) as ConfigData;
  const validator = new HtmlValidate(config);
  for (const [name, get] of [
    ['root build', () => A],
    ['sub-path build', () => C],
    ['story-in-parts build', () => P],
  ] as const) {
    it(`every page of the ${name} validates with zero errors`, async () => {
      const built = get();
      expect(pagesOf(built)).toEqual(expect.arrayContaining(['404.html', 'index.html']));
      const errors: string[] = [];
      for (const page of pagesOf(built)) {
        const report = await validator.validateString(read(built, page), page);
        for (const r of report.results) for (const m of r.messages) errors.push(`${page}:${m.line}:${m.column} ${m.ruleId}: ${m.message}`);
      }
      expect(errors).toEqual([]);
    });
  }

  it('the config catches a CSP-blocked style attribute and a cross-origin script without SRI', async () => {
    const html = read(A, '404.html').replace('</main>', '<p style="color: red">x</p><script src="https://cdn.example/x.js"></script></main>');
    const report = await validator.validateString(html, '404.html');
    expect(report.results.flatMap((r) => r.messages.map((m) => m.ruleId)).sort()).toEqual(['no-inline-style', 'require-sri']);
  });
});

describe('links and anchors', () => {
  it('every internal link, asset and #anchor of the root build resolves', () => {
    const report = checkLinks(A.dir, '/');
    expect(report.problems).toEqual([]);
    expect(report.checked).toBeGreaterThan(20);
  });

  it('every internal link, asset and #anchor of the sub-path build resolves under /explainer/', () => {
    const report = checkLinks(C.dir, '/explainer/', SITE);
    expect(report.problems).toEqual([]);
    expect(report.checked).toBeGreaterThan(20);
  });

  it('every internal link and #anchor of the story in parts resolves, across its parts', () => {
    expect(pagesOf(P)).toEqual(['404.html', 'index.html', 'part-2/index.html', 'part-3/index.html']);
    const report = checkLinks(P.dir, '/explainer/', SITE);
    expect(report.problems).toEqual([]);
    expect(report.checked).toBeGreaterThan(400);
  });

  it('the checker catches a link to an anchor on another part that is not there', () => {
    const dir = join(scratch, 'broken-parts');
    cpSync(P.dir, dir, { recursive: true });
    const html = read({ dir, log: '' }, 'index.html').replace('</main>', '<a href="/explainer/part-2/#nowhere">x</a></main>');
    writeFileSync(join(dir, 'index.html'), html);
    expect(checkLinks(dir, '/explainer/', SITE).problems.map((p) => `${p.value}: ${p.problem}`)).toEqual([
      '/explainer/part-2/#nowhere: no element with id "nowhere" in part-2/index.html',
    ]);
  });

  it('the checker catches a broken anchor, a missing asset and a link outside the base', () => {
    const dir = join(scratch, 'broken');
    cpSync(A.dir, dir, { recursive: true });
    const html = read({ dir, log: '' }, '404.html').replace(
      '</main>',
      '<a href="#nowhere">x</a><a href="/_astro/missing.js">y</a><a href="/elsewhere/">z</a><a href="/index.html#story">ok</a></main>',
    );
    writeFileSync(join(dir, '404.html'), html);
    const problems = checkLinks(dir, '/').problems.map((p) => `${p.value}: ${p.problem}`);
    expect(problems).toEqual([
      '#nowhere: no element with id "nowhere" in 404.html',
      '/_astro/missing.js: no file _astro/missing.js in the build',
      '/elsewhere/: no file elsewhere/index.html in the build',
    ]);
  });

  it('external links (sources) open without opener or referrer', () => {
    const { external } = checkLinks(A.dir, '/');
    expect(external.length).toBeGreaterThan(0);
    for (const link of external) {
      expect(link.tag, `${link.href} is a link, not a resource from another host`).toBe('a');
      expect(link.rel.split(/\s+/).sort(), `rel of ${link.href}`).toEqual(expect.arrayContaining(['noopener', 'noreferrer']));
    }
  });
});

describe('content security policy as built', () => {
  for (const [name, get] of [
    ['root', () => A],
    ['sub-path', () => C],
    ['story-in-parts', () => P],
  ] as const) {
    it(`every page of the ${name} build carries a strict CSP meta tag`, () => {
      for (const page of pagesOf(get())) {
        const metas = scanHtml(read(get(), page)).elements.filter(
          (e) => e.tag === 'meta' && e.attrs.get('http-equiv')?.toLowerCase() === 'content-security-policy',
        );
        expect(metas, `${page}: one CSP meta`).toHaveLength(1);
        const policy = new Map(
          metas[0]!.attrs
            .get('content')!
            .split(';')
            .map((d) => d.trim())
            .filter(Boolean)
            .map((d) => [d.split(/\s+/)[0]!, d.split(/\s+/).slice(1)] as const),
        );
        expect(policy.get('default-src'), page).toEqual(["'self'"]);
        expect(policy.get('object-src'), page).toEqual(["'none'"]);
        expect(policy.get('base-uri'), page).toEqual(["'self'"]);
        for (const directive of ['script-src', 'style-src', 'default-src']) {
          const sources = policy.get(directive) ?? [];
          expect(sources, `${page} ${directive}`).not.toContain("'unsafe-inline'");
          expect(sources, `${page} ${directive}`).not.toContain("'unsafe-eval'");
          for (const s of sources) expect(s, `${page} ${directive}: only 'self' and hashes`).toMatch(/^'self'$|^'sha(256|384|512)-[A-Za-z0-9+/=]+'$/);
        }
        // Every inline script the browser would run is allowed by its hash (Astro hashes none of them).
        const inline = elements(parseHtml(read(get(), page)), 'script').filter(
          (el) => attr(el, 'src') === undefined && attr(el, 'type') !== 'application/json',
        );
        for (const el of inline) expect(policy.get('script-src'), `${page}: inline script ${textOf(el).slice(0, 40)}`).toContain(`'${cspHash(textOf(el))}'`);
        if (page !== '404.html') expect(inline.map(textOf), `${page}: the masthead's layout script`).toEqual([LAY_OUT_MASTHEAD]);
      }
    });
  }
});

describe('generated publish files', () => {
  it('_headers of the root build matches the pure generator and covers every page', () => {
    const text = read(A, '_headers');
    const rules = parseHeadersFile(text);
    // Files written after Astro's build (build.ts adds og.png) are not listed: hosts send their
    // default for them, which is revalidation on Netlify and Cloudflare. Every page must be listed.
    const named = new Set(rules.map((r) => r.path));
    const listed = listFiles(A.dir).filter((f) => f === '_headers' || f.startsWith('_astro/') || named.has(`/${f}`));
    expect(text).toBe(renderHeadersFile('/', listed));
    expect(listFiles(A.dir).filter((f) => f.endsWith('.html') && !named.has(`/${f}`))).toEqual([]);
    for (const path of named) if (!path.endsWith('*')) expect(path === '/' || listFiles(A.dir).includes(path.slice(1)), `${path} exists`).toBe(true);
    const js = listFiles(A.dir).find((f) => f.startsWith('_astro/') && f.endsWith('.js'))!;
    expect(headersFor(rules, `/${js}`).get('cache-control')).toBe('public, max-age=31536000, immutable');
    for (const path of ['/', '/index.html', '/404.html', '/favicon.svg', '/robots.txt']) {
      const h = headersFor(rules, path);
      expect(h.get('cache-control'), path).toBe('public, max-age=0, must-revalidate');
      expect(h.get('x-content-type-options'), path).toBe('nosniff');
      expect(h.get('content-security-policy'), path).toBe("frame-ancestors 'none'; base-uri 'self'; object-src 'none'");
    }
  });

  it('_headers of the sub-path build is scoped to /explainer/', () => {
    const rules = parseHeadersFile(read(C, '_headers'));
    expect(rules.every((r) => r.path.startsWith('/explainer/'))).toBe(true);
    expect(headersFor(rules, '/explainer/_astro/x.js').get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect(headersFor(rules, '/explainer/').get('cache-control')).toBe('public, max-age=0, must-revalidate');
    expect(headersFor(rules, '/explainer/sitemap.xml').get('cache-control')).toBe('public, max-age=0, must-revalidate');
    expect(headersFor(rules, '/other/').size).toBe(0);
  });

  it('without SITE_URL: a build warning, and no canonical URL, og:url or sitemap', () => {
    expect(A.log).toMatch(/SITE_URL is not set/);
    expect(existsSync(join(A.dir, 'sitemap.xml'))).toBe(false);
    expect(read(A, 'robots.txt')).toBe('User-agent: *\nAllow: /\n');
    for (const page of pagesOf(A)) {
      const els = scanHtml(read(A, page)).elements;
      expect(
        els.filter((e) => e.tag === 'link' && e.attrs.get('rel') === 'canonical'),
        page,
      ).toEqual([]);
      expect(
        els.filter((e) => e.tag === 'meta' && e.attrs.get('property') === 'og:url'),
        page,
      ).toEqual([]);
      // No absolute URL on any host at all in a page built without SITE_URL, except the sources' links.
      for (const e of els)
        for (const [k, v] of e.attrs) if (/^https?:/.test(v) && !(e.tag === 'a' && k === 'href')) expect.fail(`${page}: <${e.tag} ${k}="${v}">`);
    }
  });

  it('with SITE_URL: canonical URL and og:url on the story, a sitemap of the story only, robots names it', () => {
    expect(C.log).not.toMatch(/SITE_URL is not set/);
    const els = scanHtml(read(C, 'index.html')).elements;
    expect(els.find((e) => e.tag === 'link' && e.attrs.get('rel') === 'canonical')?.attrs.get('href')).toBe(`${SITE}/explainer/`);
    expect(els.find((e) => e.tag === 'meta' && e.attrs.get('property') === 'og:url')?.attrs.get('content')).toBe(`${SITE}/explainer/`);
    const notFound = scanHtml(read(C, '404.html')).elements;
    expect(
      notFound.some((e) => e.tag === 'link' && e.attrs.get('rel') === 'canonical'),
      '404 has no canonical',
    ).toBe(false);
    expect(notFound.find((e) => e.tag === 'meta' && e.attrs.get('name') === 'robots')?.attrs.get('content')).toBe('noindex');
    const sitemap = read(C, 'sitemap.xml');
    expect([...sitemap.matchAll(/<loc>([^<]*)<\/loc>/g)].map((m) => m[1])).toEqual([`${SITE}/explainer/`]);
    expect(read(C, 'robots.txt')).toContain(`Sitemap: ${SITE}/explainer/sitemap.xml`);
  });
});

describe('the 404 page works at any depth under the base', () => {
  it('uses only absolute, base-prefixed URLs and links back to the story', () => {
    for (const [built, base] of [
      [A, '/'],
      [C, '/explainer/'],
    ] as const) {
      const els = scanHtml(read(built, '404.html')).elements;
      const urls = els.flatMap((e) => ['href', 'src'].map((k) => e.attrs.get(k)).filter((v): v is string => v !== undefined));
      expect(urls.length).toBeGreaterThan(2);
      for (const u of urls) expect(u.startsWith(base), `${u} starts with ${base}`).toBe(true);
      expect(els.find((e) => e.attrs.has('data-home-link'))?.attrs.get('href')).toBe(base);
      expect(
        els.some((e) => e.tag === 'script'),
        '404 needs no script',
      ).toBe(false);
    }
  });
});

describe('HTML-looking text in a data file renders as text', () => {
  it('the planted markup appears escaped, as text, and creates no element', () => {
    const html = read(C, 'index.html');
    const { elements, text } = scanHtml(html);
    // As a reader reads it: with typographic quotes (src/lib/content/typeset.ts).
    expect(text).toContain(typeset(INJECT.description));
    expect(text).toContain(typeset(INJECT.title));
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;');
    // The only images are the static figures' layers, from _astro/.
    expect(elements.filter((e) => e.tag === 'img' && !/^\/explainer\/_astro\/[^/]+\.svg(#[^"]*)?$/.test(e.attrs.get('src') ?? ''))).toEqual([]);
    expect(elements.filter((e) => [...e.attrs.keys()].some((k) => k.startsWith('on'))).map((e) => e.tag)).toEqual([]);
    // The only scripts are the masthead's one-line layout script, two from _astro/ (the empty one
    // that holds the parser after the body's stylesheet, and the bundled module), and the page's
    // data block, which is not run.
    expect(elements.filter((e) => e.tag === 'script').map((e) => e.attrs.get('src') ?? e.attrs.get('type') ?? 'inline')).toEqual([
      'inline',
      expect.stringMatching(/^\/explainer\/_astro\/after-styles\.[^/]+\.js$/),
      'application/json',
      expect.stringMatching(/^\/explainer\/_astro\/[^/]+\.js$/),
    ]);
    expect(html.match(/<script>[\s\S]*?<\/script>/g)).toEqual([`<script>${LAY_OUT_MASTHEAD}</script>`]);
  });

  it('an event title that would close the data block stays inside it, and reads back whole', () => {
    const html = read(C, 'index.html');
    const blocks = [...html.matchAll(/<script type="application\/json" id="story-data">([^<]*)<\/script>/g)];
    expect(blocks, 'one data block, with no "<" inside').toHaveLength(1);
    const data = JSON.parse(blocks[0]![1]!) as { atlas: { events: Record<string, { title: string }> } };
    expect(data.atlas.events[INJECT_EVENT]!.title).toContain(typeset(INJECT.event));
    expect(html).not.toContain('alert(4)</script>');
  });

  it('the browser code never parses strings as HTML', () => {
    // The live figure is drawn from the same data in the browser: only text APIs may carry it.
    const offenders: string[] = [];
    const dirs = ['src/client', 'src/render', 'src/lib'].map((d) => join(repo, d));
    for (const dir of dirs) {
      for (const f of listFiles(dir).filter((x) => /\.(ts|js|mjs)$/.test(x))) {
        const src = readFileSync(join(dir, f), 'utf8');
        for (const pattern of [/\.innerHTML\s*=/, /\.outerHTML\s*=/, /insertAdjacentHTML\(/, /\.html\(/, /document\.write\(/, /new Function\(/, /\beval\(/])
          if (pattern.test(src)) offenders.push(`${dir}/${f}: ${pattern}`);
      }
    }
    expect(offenders).toEqual([]);
  });
});

describe('the page shows the steps the content checker parsed', () => {
  /** What a reader reads of each step, in page order: its chapter, id and text (the step card's own paragraphs). */
  function builtSteps(html: string): { chapter: string; id: string; text: string }[] {
    const doc = parseHtml(html);
    return elements(doc, 'section')
      .filter((s) => attr(s, 'class')?.split(' ').includes('step'))
      .map((section) => {
        const chapter = elements(doc, 'section').find((c) => attr(c, 'data-chapter') !== undefined && elements(c, 'section').includes(section));
        const card = elements(section, 'div').find((d) => attr(d, 'class') === 'step-card')!;
        // The slot: the card's children before its inline figures, sources and alt, which the page adds.
        const own = card.childNodes.filter(
          (n) => !('tagName' in n) || !/\b(inline-figure|step-sources|step-alt)\b/.test(attr(n as HtmlElement, 'class') ?? ''),
        );
        return { chapter: chapter ? attr(chapter, 'data-chapter')! : '', id: attr(section, 'id')!, text: normalise(own.map(textOf).join(' ')) };
      });
  }
  /** White space folded, and Astro's SmartyPants typography (curly quotes, dashes, ellipsis) undone: the checker reads the source as written. */
  const normalise = (text: string) =>
    text.replace(/[‘’]/g, "'").replace(/[“”]/g, '"').replace(/—/g, '---').replace(/–/g, '--').replace(/…/g, '...').replace(/\s+/g, ' ').trim();

  it('for every step: the same chapter, id, order and text', () => {
    const checked = checkContent(join(repo, 'content'));
    expect(checked.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    const want = [...checked.chapters]
      .sort((a, b) => a.meta.order - b.meta.order)
      .flatMap((c) => c.steps.map((s) => ({ chapter: c.slug, id: s.props.id, text: normalise(s.text) })));
    expect(want.length).toBeGreaterThan(10);
    expect(builtSteps(read(A, 'index.html'))).toEqual(want);
  });
});

describe('a story in parts', () => {
  const PARTS = ['index.html', 'part-2/index.html', 'part-3/index.html'];
  const URLS = ['/explainer/', '/explainer/part-2/', '/explainer/part-3/'];
  const stepIds = (html: string) => [...html.matchAll(/<section class="step[^"]*" id="([^"]+)"/g)].map((m) => m[1]);
  const linkRel = (html: string, rel: string) =>
    scanHtml(html)
      .elements.filter((e) => e.tag === 'link' && e.attrs.get('rel') === rel)
      .map((e) => e.attrs.get('href'));

  it('every checked step is on exactly one part, in order, each part within the page limit', () => {
    const checked = checkContent(join(scratch, 'content-parts'));
    const want = [...checked.chapters].sort((a, b) => a.meta.order - b.meta.order).flatMap((c) => c.steps.map((s) => s.props.id));
    expect(want).toHaveLength(PART_CHAPTERS * 7);
    const parts = PARTS.map((f) => stepIds(read(P, f)));
    for (const ids of parts) expect(ids.length).toBeLessThanOrEqual(MAX_STEPS_PER_PAGE);
    expect(parts.flat()).toEqual(want);
  });

  it("the benchmark counts the whole story's steps across its parts (its build-time verdict uses them)", () => {
    const pages = storyPages(P.dir);
    expect(pages.map((p) => p.path)).toEqual(PARTS);
    expect(pages.map((p) => p.steps)).toEqual(PARTS.map((f) => stepIds(read(P, f)).length));
    expect(pages.reduce((n, p) => n + p.steps, 0)).toBe(PART_CHAPTERS * 7);
    expect(storyPages(A.dir)).toEqual([{ path: 'index.html', steps: stepIds(read(A, 'index.html')).length }]);
  });

  it('each part has its own canonical URL, rel prev/next, "Part n of 3", and the sitemap lists every part', () => {
    for (const [i, file] of PARTS.entries()) {
      const html = read(P, file);
      expect(linkRel(html, 'canonical'), file).toEqual([`${SITE}${URLS[i]}`]);
      expect(linkRel(html, 'prev'), file).toEqual(i > 0 ? [URLS[i - 1]] : []);
      expect(linkRel(html, 'next'), file).toEqual(i < PARTS.length - 1 ? [URLS[i + 1]] : []);
      expect(scanHtml(html).text, file).toContain(`Part ${i + 1} of 3`);
      // The back matter is on the last part only.
      expect(html.includes('id="sources"'), file).toBe(i === PARTS.length - 1);
    }
    expect([...read(P, 'sitemap.xml').matchAll(/<loc>([^<]*)<\/loc>/g)].map((m) => m[1])).toEqual(URLS.map((u) => `${SITE}${u}`));
  });

  it("each part's deep-link map sends every anchor of the other parts to the part under /explainer/ that holds it", () => {
    const idsOf = (file: string) =>
      new Set(
        scanHtml(read(P, file))
          .elements.map((e) => e.attrs.get('id'))
          .filter((id) => id !== undefined),
      );
    for (const [i, file] of PARTS.entries()) {
      const encoded =
        scanHtml(read(P, file))
          .elements.find((e) => e.attrs.has('data-part-map'))
          ?.attrs.get('data-part-map') ?? '';
      const map = decodePartMap(encoded);
      expect(map.urls, file).toEqual(URLS);
      expect(map.ids[i], `${file} leaves its own anchors out`).toEqual([]);
      for (const [j, other] of PARTS.entries()) {
        if (j === i) continue;
        const held = idsOf(other);
        // Every step and chapter of the other part is in the map, and every id in it is on that part.
        expect(
          map.ids[j]!.filter((id) => !held.has(id)),
          `${file} → ${other}`,
        ).toEqual([]);
        for (const id of stepIds(read(P, other))) expect(partUrlFor(encoded, id!), `${file}: #${id}`).toBe(`${URLS[j]}#${id}`);
      }
    }
  });

  it('a story within the page limit is one page, with nothing of the parts in it', () => {
    expect(pagesOf(A)).toEqual(['404.html', 'index.html']);
    const html = read(A, 'index.html');
    for (const mark of ['data-part-map', 'class="part-of"', 'data-part-next', 'rel="next"', 'rel="prev"', '/part-']) expect(html).not.toContain(mark);
  });
});
