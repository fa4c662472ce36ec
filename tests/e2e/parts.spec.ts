/**
 * A story in parts, end to end: the benchmark's story generator writes a story of 20 chapters
 * (140 steps, so three parts of at most MAX_STEPS_PER_PAGE steps) into a scratch folder, a real
 * production build of it (its own OUT_DIR and cache) is served by a small static server, and the
 * reader moves through it: page 1 and a later part load, the continue link leads to the next part,
 * a deep link to a step on part 3 opened at the root lands on part 3 with that step active, every
 * part reads without JavaScript and in print, and every part's first load is within the byte budget.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import type { Server } from 'node:http';
import path from 'node:path';
import { MAX_STEPS_PER_PAGE } from '../../src/lib/content/pages.ts';
import AxeBuilder from '@axe-core/playwright';
import type { Locator, Page } from '@playwright/test';
import { expect, test as base, waitForSettled } from './fixtures.ts';
import { expectWithinBudget, measureFirstLoad } from './first-load.ts';
import { freshCacheDir, run, serve } from './scratch-site.ts';

const ROOT = process.cwd();
const OUT = path.join(ROOT, 'dist-parts-e2e');
const CHAPTERS = 20;
const PARTS = ['/', '/part-2/', '/part-3/'];

/** The step ids of a built page, in order. */
const stepsOf = (pagePath: string): string[] =>
  [...readFileSync(path.join(OUT, pagePath, 'index.html'), 'utf8').matchAll(/<section class="step[^"]*" id="([^"]+)"/g)].map((m) => m[1]!);

/**
 * The built story in parts, served: once per worker (the tests run in one, in order), before any
 * test's fixtures, so the shared fixtures can take the scratch server as the test's own origin
 * (they fail a test on any request off it).
 */
const test = base.extend<object, { site: { server: Server; url: string } }>({
  site: [
    // eslint-disable-next-line no-empty-pattern
    async ({}, use) => {
      // Inside the project (a gitignored folder): Astro resolves content modules relative to the project root.
      mkdirSync(path.join(ROOT, '.scratch'), { recursive: true });
      const content = mkdtempSync(path.join(ROOT, '.scratch', 'parts-e2e-'));
      try {
        const generated = await run('src/scripts/generate-story.ts', [content, '--chapters', String(CHAPTERS)], {});
        expect(generated.code, generated.output).toBe(0);
        const build = await run('src/scripts/build.ts', [], { CONTENT_DIR: content, OUT_DIR: OUT, ASTRO_CACHE_DIR: freshCacheDir() });
        expect(build.code, build.output.slice(-3000)).toBe(0);
        const site = await serve(OUT);
        await use(site);
        await new Promise((resolve) => site.server.close(resolve));
      } finally {
        rmSync(OUT, { recursive: true, force: true });
        rmSync(content, { recursive: true, force: true });
      }
    },
    { scope: 'worker', timeout: 120_000 },
  ],
  baseURL: async ({ site }, use) => use(site.url),
});

test.describe.configure({ mode: 'serial' });

test('the story is split into three parts of whole chapters, each within the page limit', ({ site: _site }) => {
  const counts = PARTS.map((p) => stepsOf(p).length);
  expect(counts.reduce((a, b) => a + b, 0)).toBe(CHAPTERS * 7);
  for (const n of counts) expect(n).toBeLessThanOrEqual(MAX_STEPS_PER_PAGE);
  expect(() => readFileSync(path.join(OUT, 'part-4', 'index.html'))).toThrow();
});

test('page 1 and part 2 load, and the continue link leads to the next part', async ({ page }) => {
  await page.goto('./');
  await expect(page.locator('html')).toHaveClass(/\blive\b/);
  await expect(page.locator('.part-of')).toHaveText('Part 1 of 3');
  const contents = page.locator('nav.contents li a');
  await expect(contents).toHaveCount(CHAPTERS + 2);
  // Chapters on other parts are linked there, in a closed group; the back matter is on the last part.
  await page.locator('nav.contents summary').click();
  await expect(page.locator('nav.contents a[href^="/part-2/#chapter-"]').first()).toBeVisible();
  await expect(page.getByRole('link', { name: 'Sources and method' })).toHaveAttribute('href', '/part-3/#sources');
  await expect(page.locator('#sources')).toHaveCount(0);
  const second = stepsOf('/part-2/');
  const firstChapterOfPart2 = await page.locator('nav.contents a[href^="/part-2/#chapter-"]').first().textContent();

  const next = page.locator('[data-part-next]');
  await expect(next).toHaveText(`Continue: Part 2 — ${firstChapterOfPart2}`);
  await expect(page.locator('head link[rel="next"]')).toHaveAttribute('href', '/part-2/');
  await endKeyReaches(page, next);
  // By keyboard: a click lands where the link was a frame before, and a chapter laid out for the
  // first time can still move it a little (its size before that is an estimate).
  await next.press('Enter');
  await expect(page).toHaveURL(/\/part-2\/$/);
  await expect(page.locator('html')).toHaveClass(/\blive\b/);
  await expect(page.locator('.part-of')).toContainText('Part 2 of 3');
  await expect(page.locator('h1')).toHaveText(await page.locator('.topbar-title').innerText());
  await expect(page.locator('head link[rel="prev"]')).toHaveAttribute('href', '/');
  await expect(page.locator('[data-step]')).toHaveCount(second.length);
  await expect(page.locator('[data-step]').first()).toHaveAttribute('id', second[0]!);
  await expect(page.locator('main .chapter h2').first()).toHaveText(firstChapterOfPart2!);
  // The live figure starts at this part's first step.
  const firstAlt = await page.locator(`#${second[0]} .step-alt`).evaluate((el) => (el.textContent ?? '').replace(/^\s*Figure:\s*/, ''));
  expect(firstAlt.length).toBeGreaterThan(20);
  await expect(page.locator('[data-live-figure] svg.map')).toHaveAttribute('aria-label', firstAlt);
});

test("the contents show this part's chapters and close the other parts, which open from the keyboard; printed, all are shown", async ({ page }) => {
  await page.goto('./part-2/');
  await expect(page.locator('html')).toHaveClass(/\blive\b/);
  const own = page.locator('nav.contents a[href^="#chapter-"]');
  await expect(own.first()).toBeVisible();
  await expect(own.last()).toBeVisible();
  await expect(page.locator('nav.contents h3', { hasText: 'Part 2 (this page)' })).toBeVisible();
  // Part 1 before this one, part 3 after it: each in a closed group that says what it holds.
  const summaries = page.locator('nav.contents summary');
  await expect(summaries).toHaveText([/^Part 1: chapters 1 to \d+$/, /^Part 3: chapters \d+ to 20, sources and method$/]);
  const earlier = page.locator('nav.contents a[href^="/#chapter-"]');
  const later = page.locator('nav.contents a[href^="/part-3/"]');
  await expect(earlier.first()).toBeHidden();
  await expect(later.first()).toBeHidden();
  await expect(page.getByRole('link', { name: 'Sources and method' })).toHaveCount(0);
  await summaries.last().focus();
  await page.keyboard.press('Enter');
  await expect(later.first()).toBeVisible();
  await expect(page.getByRole('link', { name: 'Sources and method' })).toHaveAttribute('href', '/part-3/#sources');
  await expect(earlier.first()).toBeHidden();
  // axe, with one group open and one closed, in both colour schemes.
  for (const colorScheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme });
    const axe = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']).include('.masthead').analyze();
    expect(axe.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
  }
  await page.emulateMedia({ media: 'print' });
  await expect(earlier.first()).toBeVisible();
  expect(await page.locator('nav.contents li a').evaluateAll((links) => links.filter((a) => a.getBoundingClientRect().height === 0).length)).toBe(0);
});

/**
 * The End key reaches the end of the page: the chapters it scrolls past are laid out for the first
 * time on the way, and their size estimates (from their steps) keep the end in view; with one
 * estimate for every chapter, the page grew under the scroll and the end was screens away.
 */
async function endKeyReaches(page: Page, end: Locator): Promise<void> {
  await page.keyboard.press('End');
  await expect(end).toBeInViewport();
}

for (const viewport of [
  { width: 320, height: 640 },
  { width: 390, height: 844 },
]) {
  // On a phone a step is one to two screens tall, and the estimates of the chapters the End key
  // passes are further from their real heights: the end is held in view while they are laid out.
  test(`at ${viewport.width}×${viewport.height} the End key reaches the continue link of page 1`, async ({ page }) => {
    await page.setViewportSize(viewport);
    await page.goto('./');
    await expect(page.locator('html')).toHaveClass(/\blive\b/);
    await endKeyReaches(page, page.locator('[data-part-next]'));
  });
}

test('step-through mode carries on across parts: Next past the last step of page 1 opens part 2 at its first step, Previous comes back', async ({ page }) => {
  const last = stepsOf('/').at(-1)!;
  const first = stepsOf('/part-2/')[0]!;
  await page.goto(`./#${last}`);
  await waitForSettled(page, last);
  const mode = page.locator('[data-action="step-mode"]');
  await mode.click();
  await expect(mode).toHaveAttribute('aria-pressed', 'true');
  await expect(page.locator('[data-action="next"]')).toBeEnabled();
  await page.locator('[data-action="next"]').click();
  await expect(page).toHaveURL(new RegExp(`/part-2/#${first}$`));
  await waitForSettled(page, first);
  // Still in step-through mode: the arrow keys step.
  await expect(mode).toHaveAttribute('aria-pressed', 'true');
  await page.keyboard.press('ArrowLeft');
  await expect(page).toHaveURL(new RegExp(`/#${last}$`));
  await waitForSettled(page, last);
  await expect(page.locator(`#${last}`)).toHaveClass(/\bis-active\b/);
});

test('a deep link to a step on part 3, opened at the root, lands on part 3 with that step active', async ({ page }) => {
  const id = stepsOf('/part-3/')[4]!;
  await page.goto(`./#${id}`);
  await expect(page).toHaveURL(new RegExp(`/part-3/#${id}$`));
  await waitForSettled(page, id);
  await expect(page.locator(`#${id}`)).toHaveClass(/\bis-active\b/);
  await expect(page.locator(`#${id}`)).toBeInViewport();
});

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test('each part reads on its own: its chapters, its figures and the way on', async ({ page }) => {
    for (const [i, p] of PARTS.entries()) {
      await page.goto(`.${p}`);
      const steps = stepsOf(p);
      await expect(page.locator('[data-step]')).toHaveCount(steps.length);
      await expect(page.locator(`#${steps[0]} [data-static-figure]`)).toBeVisible();
      await expect(page.locator(`#${steps[0]} .step-card`)).toBeVisible();
      if (i < PARTS.length - 1) await expect(page.locator('[data-part-next]')).toHaveAttribute('href', PARTS[i + 1]!);
      else await expect(page.locator('#sources')).toBeVisible();
    }
  });
});

test('printed, a part has every one of its chapters with every step and its static figure', async ({ page }) => {
  await page.goto('./part-2/');
  await expect(page.locator('html')).toHaveClass(/\blive\b/);
  await page.emulateMedia({ media: 'print' });
  await expect(page.locator('.live-track')).toBeHidden();
  const steps = stepsOf('/part-2/');
  const shown = await page.evaluate(() =>
    [...document.querySelectorAll('[data-step]')]
      .filter((s) => {
        const figure = s.querySelector('[data-static-figure]')?.getBoundingClientRect();
        return s.querySelector('.step-card')!.getBoundingClientRect().height > 0 && !!figure && figure.height > 0;
      })
      .map((s) => s.id),
  );
  expect(shown).toEqual(steps);
  await expect(page.locator('[data-part-next]')).toBeVisible();
});

test.describe('first load at phone size', () => {
  test.use({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true });

  for (const p of PARTS) {
    test(`${p}: within the first-load budget`, async ({ page, site }) => {
      const load = await measureFirstLoad(page, { outDir: OUT, base: '/', origin: new URL(site.url).origin, pagePath: p });
      test.info().annotations.push({ type: 'first load', description: load.report });
      expectWithinBudget(load);
    });
  }
});
