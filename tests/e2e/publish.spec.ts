/**
 * The published site, wherever it is served: these tests run in the root project (base "/") and
 * in the sub-path project (a second build with BASE_PATH=/explainer/, served at /explainer/; see
 * playwright.config.ts). Every test fails on a console error, page error, CSP violation, failed or
 * off-site request, or HTTP error (tests/e2e/fixtures.ts).
 */
import { statSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from './fixtures.ts';
import { expectActiveEndState, scrollToStep, steps } from './publish-helpers.ts';
import { trackRequests } from './network.ts';

/** The base path of the project under test, from its baseURL ("/" or "/explainer/"). */
const basePath = (baseURL: string | undefined) => new URL(baseURL!).pathname;

test.describe('published site', () => {
  test('a clean load: every request stays under the base, the stylesheet applies and the figure goes live', async ({ page, problems, baseURL }) => {
    const base = basePath(baseURL);
    const origin = new URL(baseURL!).origin;
    const requested: string[] = [];
    page.on('request', (r) => requested.push(r.url()));
    const requests = trackRequests(page);
    const response = await page.goto('./');
    expect(response?.status()).toBe(200);
    await expect(page.locator('html')).toHaveClass(/\blive\b/);
    await requests.settled();
    for (const url of requested.filter((u) => !u.startsWith('data:'))) expect(url.startsWith(origin + base), `${url} is under ${base}`).toBe(true);
    // The story's stylesheet applied: the live figure is laid out and the static figures are hidden.
    const layout = await page.evaluate(() => ({
      sheets: [...document.styleSheets].filter((s) => s.href && s.cssRules.length > 0).length,
      figure: document.querySelector('[data-live-figure]')!.getBoundingClientRect().height,
    }));
    expect(layout.sheets).toBeGreaterThan(0);
    expect(layout.figure).toBeGreaterThan(100);
    // At the top the figure shows the first step, as the static figure would.
    await expectActiveEndState(page, { allowAbove: true, expectStep: steps[0]!.id });
    expect(problems).toEqual([]);
  });

  test('a deep link to a step shows that step’s end state', async ({ page, problems }) => {
    for (const step of [steps[Math.floor(steps.length / 2)]!, steps.at(-1)!]) {
      await page.goto(`./#${step.id}`);
      await expect(page.locator('[data-live-figure] svg.map')).toHaveAttribute('aria-label', step.alt);
      await expectActiveEndState(page, { expectStep: step.id });
      await expect(page).toHaveURL(new RegExp(`#${step.id}$`));
    }
    expect(problems).toEqual([]);
  });

  test('every link, asset and #anchor on the story page resolves under the base', async ({ page, problems, baseURL }) => {
    const base = basePath(baseURL);
    const origin = new URL(baseURL!).origin;
    await page.goto('./');
    const refs = await page.evaluate(() =>
      [...document.querySelectorAll('[href], [src]')].map((el) => ({
        tag: el.tagName.toLowerCase(),
        raw: el.getAttribute('href') ?? el.getAttribute('src')!,
        url:
          el instanceof HTMLAnchorElement || el instanceof HTMLLinkElement
            ? el.href
            : el instanceof HTMLScriptElement
              ? el.src
              : new URL(el.getAttribute('href') ?? el.getAttribute('src')!, document.baseURI).href,
        rel: el.getAttribute('rel') ?? '',
      })),
    );
    const ids = new Set(await page.evaluate(() => [...document.querySelectorAll('[id]')].map((el) => el.id)));
    const here = new URL(page.url());
    let anchors = 0;
    let resources = 0;
    const checked = new Set<string>();
    for (const ref of refs) {
      if (ref.url.startsWith('data:')) continue; // inline resources (the favicon) need no request
      const url = new URL(ref.url);
      if (url.origin !== origin) {
        expect(ref.tag, `${ref.raw}: only links may point to other hosts`).toBe('a');
        expect(ref.rel.split(/\s+/), `${ref.raw} carries rel="noopener noreferrer"`).toEqual(expect.arrayContaining(['noopener', 'noreferrer']));
        continue;
      }
      expect(url.pathname.startsWith(base), `${ref.raw} resolves under ${base}`).toBe(true);
      if (url.pathname === here.pathname && url.hash) {
        anchors += 1;
        expect(ids.has(decodeURIComponent(url.hash.slice(1))), `${ref.raw}: an element has id ${url.hash.slice(1)}`).toBe(true);
        continue;
      }
      const target = url.origin + url.pathname;
      if (checked.has(target)) continue;
      checked.add(target);
      resources += 1;
      const res = await page.request.get(target);
      expect(res.status(), `${ref.raw} (${target})`).toBe(200);
    }
    expect(anchors).toBeGreaterThan(10);
    expect(resources, 'the stylesheet and the script at least').toBeGreaterThanOrEqual(2);
    expect(problems).toEqual([]);
  });

  test('the Content-Security-Policy meta tag allows no inline or eval’d script or style, and nothing violates it through the story', async ({
    page,
    problems,
  }) => {
    await page.goto('./');
    const policy = await page.locator('meta[http-equiv="content-security-policy"]').getAttribute('content');
    expect(policy).toBeTruthy();
    const directives = new Map(
      policy!
        .split(';')
        .map((d) => d.trim().split(/\s+/))
        .filter((d) => d[0])
        .map((d) => [d[0]!, d.slice(1)] as const),
    );
    for (const name of ['script-src', 'style-src', 'default-src']) {
      const sources = directives.get(name) ?? [];
      expect(sources, name).not.toContain("'unsafe-inline'");
      expect(sources, name).not.toContain("'unsafe-eval'");
      expect(
        sources.filter((s) => !/^'self'$|^'sha(256|384|512)-/.test(s)),
        `${name}: only 'self' and hashes`,
      ).toEqual([]);
    }
    expect(directives.get('object-src')).toEqual(["'none'"]);
    expect(directives.get('base-uri')).toEqual(["'self'"]);
    // Walk through every step: a blocked style or script anywhere would be reported as a violation.
    // Walk through every step (two frames each, so that each is drawn) down to the back matter.
    for (const step of steps) {
      await scrollToStep(page, step.id);
      await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
    }
    await page.evaluate(() => scrollTo({ top: document.documentElement.scrollHeight, behavior: 'instant' }));
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
    await scrollToStep(page, steps.at(-1)!.id);
    await expectActiveEndState(page, { expectStep: steps.at(-1)!.id });
    expect(problems).toEqual([]);
  });

  test('a missing page at any depth gets the 404 page, styled, with a link back to the story', async ({ page, problems, baseURL }) => {
    const base = basePath(baseURL);
    const missing = new URL('no/such/chapter/deeper/', baseURL).href;
    const requests = trackRequests(page);
    const response = await page.goto(missing);
    expect(response?.status()).toBe(404);
    // The 404 status of the page itself is the point of this test, not a problem.
    const expected = [`HTTP 404: ${missing}`, 'console error: Failed to load resource: the server responded with a status of 404 (Not Found)'];
    await expect(page.getByRole('heading', { level: 1, name: 'Page not found' })).toBeVisible();
    await requests.settled();
    const styled = await page.evaluate(() => ({
      sheets: [...document.styleSheets].filter((s) => s.href && s.cssRules.length > 0).length,
      font: getComputedStyle(document.querySelector('h1')!).fontFamily,
    }));
    expect(styled.sheets).toBe(1);
    expect(styled.font).toMatch(/Georgia/);
    const home = page.locator('[data-home-link]');
    await expect(home).toHaveAttribute('href', base);
    problems.splice(0, problems.length, ...problems.filter((p) => !expected.includes(p)));
    await home.click();
    await expect(page).toHaveURL(new URL(base, baseURL).href);
    await expect(page.locator('html')).toHaveClass(/\blive\b/);
    expect(problems).toEqual([]);
  });

  test('robots.txt and the favicon are published under the base', async ({ page, baseURL, problems }) => {
    const robots = await page.request.get(new URL('robots.txt', baseURL).href);
    expect(robots.status()).toBe(200);
    expect(await robots.text()).toMatch(/^User-agent: \*\nAllow: \/\n/);
    const favicon = await page.request.get(new URL('favicon.svg', baseURL).href);
    expect(favicon.status()).toBe(200);
    expect(favicon.headers()['content-type']).toMatch(/image\/svg\+xml/);
    expect(problems).toEqual([]);
  });
});

test('the sub-path build is tested too, and is not older than the main build', async () => {
  test.skip(test.info().project.name !== 'root', 'checked once, from the root project');
  if (process.env.E2E_SUBPATH === '0') test.skip(true, 'E2E_SUBPATH=0 turns the sub-path project off');
  const projects = test.info().config.projects.map((p) => p.name);
  expect(projects, 'no sub-path build found: run "npm run build:subpath" (npm test does), or set E2E_SUBPATH=0').toContain('subpath');
  const sub = statSync(join(process.env.SUBPATH_OUT_DIR ?? 'dist-explainer', 'index.html')).mtimeMs;
  const main = statSync(join(process.env.OUT_DIR ?? 'dist', 'index.html')).mtimeMs;
  expect(sub, 'the sub-path build is older than the main build, so it may show other content: run "npm run build:subpath"').toBeGreaterThanOrEqual(main);
});
