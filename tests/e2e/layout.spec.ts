/**
 * The page's layout as a reader meets it. Phones and tablets (the "rows" pattern): a sticky region
 * under the top bar — the square map and its key strip — takes at least 48 % of the viewport
 * height, never changes size between steps, and no text ever lies over it; the step text flows
 * below. Charts and timelines are inline figures inside the step's text column, within it, with no
 * text under 12 px. Measured in the browser on the production build, once the figure settles.
 */
import type { Page } from '@playwright/test';
import { expectedSteps } from './expected.ts';
import { expect, test, waitForSettled } from './fixtures.ts';

const steps = expectedSteps();
/** The first step of every chapter, and every step with a chart or a timeline. */
const sample = steps.filter((s, i) => i === 0 || s.chapter !== steps[i - 1]!.chapter || s.chart || s.timeline);

interface Region {
  top: number;
  height: number;
  width: number;
  share: number;
  /** Points of the map where something other than the figure is on top. */
  covered: string[];
  /** The active step's text box intersects the region. */
  textOverlap: number;
  /** The key's legend overflows its strip (more than two lines, or into the scale bar). */
  keyOverflow: string[];
  /** Smallest text in the figure (key, scale bar), px. */
  minFont: number;
}

async function region(page: Page, id: string): Promise<Region> {
  return page.evaluate((stepId) => {
    const figure = document.querySelector<HTMLElement>('[data-live-figure]')!;
    const r = figure.getBoundingClientRect();
    const map = figure.querySelector('svg.map')!.getBoundingClientRect();
    const covered: string[] = [];
    // The live figure lets clicks through (pointer-events: none); hit-test it as a painted box.
    const track = figure.closest<HTMLElement>('.live-track')!;
    track.style.setProperty('pointer-events', 'auto');
    figure.style.setProperty('pointer-events', 'auto');
    for (let i = 1; i < 8; i++)
      for (let j = 1; j < 8; j++) {
        const x = map.left + (map.width * i) / 8;
        const y = map.top + (map.height * j) / 8;
        const hit = document.elementFromPoint(x, y);
        if (hit && !figure.contains(hit)) covered.push(`${hit.tagName}.${hit.className} at ${Math.round(x)},${Math.round(y)}`);
      }
    track.style.removeProperty('pointer-events');
    figure.style.removeProperty('pointer-events');
    const card = document.getElementById(stepId)!.querySelector('.step-card')!.getBoundingClientRect();
    const textOverlap = Math.max(0, Math.min(card.bottom, r.bottom) - Math.max(card.top, r.top)) * (card.right > r.left && card.left < r.right ? 1 : 0);
    const key = figure.querySelector('.figure-key')!.getBoundingClientRect();
    // The legend's room ends where the next item in the strip (scale bar, locator: in the strip on
    // wide screens, over the map's bottom corners on phones) begins, else at the strip's end.
    const inStrip = [...figure.querySelectorAll('.figure-key [data-scale-bar], .figure-key svg.locator')]
      .map((e) => e.getBoundingClientRect())
      .filter((b) => b.width > 0 && b.top < key.bottom && b.bottom > key.top);
    const end = Math.min(key.right, ...inStrip.map((b) => b.left));
    const keyOverflow = [...figure.querySelectorAll('.figure-key .legend li')]
      .filter((li) => {
        const b = li.getBoundingClientRect();
        return b.bottom > key.bottom + 0.5 || b.top < key.top - 0.5 || b.right > end + 0.5;
      })
      .map((li) => li.textContent?.trim() ?? '');
    const texts = [...figure.querySelectorAll('.figure-key li, .scale-bar-label')].filter((e) => e.getBoundingClientRect().height > 0);
    const minFont = Math.min(...texts.map((e) => parseFloat(getComputedStyle(e).fontSize)));
    return { top: r.top, height: r.height, width: r.width, share: r.height / innerHeight, covered, textOverlap, keyOverflow, minFont };
  }, id);
}

for (const viewport of [
  { width: 320, height: 640 },
  { width: 360, height: 740 },
  { width: 390, height: 844 },
  { width: 768, height: 1024 },
]) {
  test(`at ${viewport.width}×${viewport.height}: the sticky map region takes ≥ 48 % of the height, keeps its size at every step, and no text lies over it`, async ({
    page,
  }) => {
    test.setTimeout(120_000);
    await page.setViewportSize(viewport);
    let first: Region | null = null;
    for (const step of sample) {
      await page.goto(`./#${step.id}`);
      await waitForSettled(page, step.id);
      const r = await region(page, step.id);
      expect(r.share, `region share at ${step.id}`).toBeGreaterThanOrEqual(0.48);
      first ??= r;
      expect([r.top, r.height, r.width], `region box at ${step.id}`).toEqual([first.top, first.height, first.width]);
      expect(r.covered, `map points covered at ${step.id}`).toEqual([]);
      expect(r.textOverlap, `step text of ${step.id} over the region (px, sub-pixel rounding allowed)`).toBeLessThanOrEqual(1);
      expect(r.keyOverflow, `key entries past the strip at ${step.id}`).toEqual([]);
      expect(r.minFont, `smallest key text at ${step.id}`).toBeGreaterThanOrEqual(12);
    }
  });
}

test('on a phone, scrolling through the whole story shifts no layout (CLS ≤ 0.01) and the region never resizes', async ({ page }) => {
  test.setTimeout(120_000);
  await page.setViewportSize({ width: 390, height: 844 });
  await page.addInitScript(() => {
    (window as unknown as { cls: number }).cls = 0;
    new PerformanceObserver((list) => {
      for (const e of list.getEntries() as (PerformanceEntry & { value: number; hadRecentInput: boolean })[]) {
        if (!e.hadRecentInput) (window as unknown as { cls: number }).cls += e.value;
      }
    }).observe({ type: 'layout-shift', buffered: true });
  });
  await page.goto('./');
  await expect(page.locator('html')).toHaveClass(/live/);
  const heights = new Set<number>();
  const end = await page.evaluate(() => document.querySelector('#sources')!.getBoundingClientRect().top + scrollY);
  for (let y = 0; y < end; y += 600) {
    await page.evaluate((top) => window.scrollTo(0, top), y);
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
    heights.add(await page.locator('[data-live-figure]').evaluate((f) => Math.round(f.getBoundingClientRect().height)));
  }
  expect([...heights]).toHaveLength(1);
  expect(await page.evaluate(() => (window as unknown as { cls: number }).cls)).toBeLessThanOrEqual(0.01);
});

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false, viewport: { width: 390, height: 844 } });

  test('each step’s static map sits in the same sticky box, above its text, never under it', async ({ page }) => {
    await page.goto('./');
    for (const step of sample.slice(0, 6)) {
      // The step's top just below the bar (as a deep link puts it), then read a little further on.
      await page.locator(`#${step.id}`).evaluate((el) => el.scrollIntoView({ block: 'start' }));
      await page.evaluate(() => window.scrollBy(0, 120));
      const m = await page.evaluate((id) => {
        const fig = document.querySelector(`#${id} [data-static-figure]`)!.getBoundingClientRect();
        const card = document.querySelector(`#${id} .step-card`)!.getBoundingClientRect();
        const bar = document.querySelector('.topbar')!.getBoundingClientRect();
        return { share: fig.height / innerHeight, top: fig.top - bar.bottom, gap: card.top - fig.bottom };
      }, step.id);
      expect(m.share, `static region share at ${step.id}`).toBeGreaterThanOrEqual(0.48);
      expect(Math.abs(m.top), `static figure stuck under the bar at ${step.id}`).toBeLessThanOrEqual(1);
      // The text starts below the map (it then slides under it, never over it).
      expect(m.gap + 120, `text of ${step.id} starts under its map`).toBeGreaterThanOrEqual(-1);
    }
  });
});

for (const viewport of [
  { width: 320, height: 640 },
  { width: 390, height: 844 },
  { width: 1280, height: 800 },
]) {
  test(`at ${viewport.width}×${viewport.height}: charts and timelines sit inside their step's text column, with no text under 12 px or cut off`, async ({
    page,
  }) => {
    await page.setViewportSize(viewport);
    await page.goto('./');
    const withFigures = steps.filter((s) => s.chart || s.timeline);
    expect(withFigures.length).toBeGreaterThan(0);
    for (const step of withFigures) {
      const figures = page.locator(`#${step.id} .step-card .inline-figure`);
      await expect(figures).toHaveCount([step.chart, step.timeline].filter(Boolean).length);
      for (const f of await figures.all()) {
        await f.scrollIntoViewIfNeeded();
        const m = await f.evaluate((fig) => {
          const col = fig.closest('.step-card')!.getBoundingClientRect();
          const box = fig.getBoundingClientRect();
          const small: string[] = [];
          const cut: string[] = [];
          for (const svg of fig.querySelectorAll('svg')) {
            const s = svg.getBoundingClientRect();
            const scale = s.width / svg.viewBox.baseVal.width;
            for (const t of svg.querySelectorAll('text')) {
              const px = parseFloat(getComputedStyle(t).fontSize) * scale;
              if (px < 12) small.push(`${t.textContent} ${px.toFixed(1)}px`);
              const b = t.getBoundingClientRect();
              if (b.left < s.left - 0.5 || b.right > s.right + 0.5 || b.top < s.top - 0.5 || b.bottom > s.bottom + 0.5) cut.push(t.textContent ?? '');
            }
          }
          for (const t of fig.querySelectorAll('figcaption, li')) {
            const px = parseFloat(getComputedStyle(t).fontSize);
            if (px < 12) small.push(`${t.textContent?.slice(0, 30)} ${px}px`);
          }
          return { inside: box.left >= col.left - 0.5 && box.right <= col.right + 0.5, small, cut };
        });
        expect(m.inside, `${step.id}: inline figure within the column`).toBe(true);
        expect(m.small, `${step.id}: text under 12 px`).toEqual([]);
        expect(m.cut, `${step.id}: text cut off`).toEqual([]);
      }
    }
  });
}

// A reader who jumps into a chapter (the scrollbar, the End key, a link) lands among steps laid out
// for the first time. A chart or timeline whose drawing is not laid out yet must already take its
// final height there: if it takes an estimate, the text under it moves a frame later (the 10×
// story's benchmark measured CLS 0.092 after its jump, 78 px at 390 wide, from one timeline).
test('a chart or timeline not yet drawn already takes its final height, so text around a reader who jumps in never moves', async ({ page }) => {
  for (const viewport of [
    { width: 320, height: 640 },
    { width: 390, height: 844 },
    { width: 1280, height: 800 },
  ]) {
    await page.setViewportSize(viewport);
    await page.goto('./');
    await expect(page.locator('html')).toHaveClass(/live/);
    const m = await page.evaluate(() => {
      const figures = [...document.querySelectorAll<HTMLElement>('.step-card .inline-figure')];
      // Figures far below the first screen: their drawing is skipped until the reader nears them.
      const skipped = figures.filter((f) => !f.querySelector('svg')!.checkVisibility({ contentVisibilityAuto: true }));
      const before = skipped.map((f) => f.getBoundingClientRect().height);
      for (const el of document.querySelectorAll<HTMLElement>('.inline-figure, .inline-figure *')) el.style.contentVisibility = 'visible';
      const moved = skipped
        .map((f, i) => ({ id: f.closest('.step')!.id, by: f.getBoundingClientRect().height - before[i]! }))
        .filter((d) => Math.abs(d.by) > 0.5)
        .map((d) => `${d.id}: ${d.by.toFixed(0)} px`);
      return { figures: figures.length, skipped: skipped.length, moved };
    });
    expect(m.skipped, `at ${viewport.width}: figures not drawn yet`).toBeGreaterThan(m.figures / 2);
    expect(m.moved, `at ${viewport.width}: a figure grows or shrinks once drawn`).toEqual([]);
  }
});

// The figure's notes (routes are schematic; map credits) are hidden on phones for the key strip's
// two lines: the caveat must reach phone readers in the key, the credits in the back matter.
test('at 320×640 the routes caveat and the map credits reach a phone reader: "(schematic)" in the key of every step with a route, credits in About', async ({
  page,
  problems,
}) => {
  await page.setViewportSize({ width: 320, height: 640 });
  for (const step of steps.filter((s) => s.routes.length > 0)) {
    await page.goto(`./#${step.id}`);
    await waitForSettled(page, step.id);
    const entry = page.locator('[data-live-figure] .figure-key .legend li', { hasText: '(schematic)' }).first();
    await expect(entry, `${step.id}: the key says the route is schematic`).toBeVisible();
    const inStrip = await entry.evaluate((li) => {
      const b = li.getBoundingClientRect();
      const k = li.closest('.figure-key')!.getBoundingClientRect();
      return b.top >= k.top - 0.5 && b.bottom <= k.bottom + 0.5 && b.left >= k.left - 0.5 && b.right <= k.right + 0.5;
    });
    expect(inStrip, `${step.id}: the schematic entry within the key strip`).toBe(true);
  }
  await expect(page.locator('[data-live-figure] .figure-notes')).toBeHidden();
  const method = page.locator('#sources');
  await method.scrollIntoViewIfNeeded();
  await expect(method).toContainText('Routes are schematic');
  const credits = page.locator('#about .map-credits');
  await credits.scrollIntoViewIfNeeded();
  await expect(credits).toBeVisible();
  await expect(credits).toContainText('Natural Earth');
  expect(problems).toEqual([]);
});
