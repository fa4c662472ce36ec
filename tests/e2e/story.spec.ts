/**
 * The story, step by step: scrolled into view and opened by deep link, the live figure shows
 * what the content declares for that step — checked on what the reader sees (element geometry,
 * drawn path lengths, visible markers), not on attributes the controller wrote about itself.
 */
import type { Page } from '@playwright/test';
import { expectedSteps, type ExpectedStep } from './expected.ts';
import { expect, test, waitForSettled } from './fixtures.ts';
import { seen, type Seen } from './figure-state.ts';

const steps = expectedSteps();

/** How far an anchor's top lies from where a link to it lands (its scroll margin: the top bar), px. */
const offsetFromPlace = (page: Page, id: string) =>
  page.locator(`#${id}`).evaluate((el) => Math.round(Math.abs(el.getBoundingClientRect().top - parseFloat(getComputedStyle(el).scrollMarginBlockStart))));

/**
 * A link from a step's sources to the source list, followed on a fresh page: the source list is laid
 * out for the first time around the jump, item by item once the page is live, and the linked
 * source must end just below the top bar (without the controller's hold it landed up to 780 px off).
 */
async function followSourceLinks(page: Page): Promise<void> {
  await page.goto('./');
  const links = await page.evaluate(() =>
    [...document.querySelectorAll<HTMLAnchorElement>('.step-sources a[href^="#source-"]')].map((a) => ({
      step: a.closest('.step')!.id,
      href: a.getAttribute('href')!,
    })),
  );
  expect(links.length).toBeGreaterThan(10);
  // The first link of the story, the last, and a spread between (a new page each: nothing laid out yet).
  for (const { step, href } of links.filter((_, i) => i % Math.ceil(links.length / 5) === 0 || i === links.length - 1)) {
    await page.goto('about:blank');
    await page.goto(`./#${step}`);
    await page.locator(`#${step} .step-sources summary`).click();
    await page.locator(`#${step} .step-sources a[href="${href}"]`).click();
    await expect(page).toHaveURL(new RegExp(`${href}$`));
    await expect.poll(() => offsetFromPlace(page, href.slice(1)), { message: `${href} from ${step}: px from its place` }).toBeLessThanOrEqual(2);
  }
}

function check(s: Seen, step: ExpectedStep): void {
  expect(s.dots, `markers shown for ${step.id}`).toEqual(step.dots);
  expect(s.areas, `areas shown for ${step.id}`).toEqual(step.areas);
  expect(s.outside, `focused places of ${step.id} inside the visible figure`).toEqual([]);
  expect(s.routes.map((r) => r.id).sort()).toEqual([...step.routes].sort());
  for (const r of s.routes) expect(r.drawn, `route ${r.id} drawn in full`).toBeGreaterThanOrEqual(r.total - 1);
  expect(s.label).toBe(step.alt);
  // A chart or timeline is an inline figure in the step's text, never drawn over the map.
  expect(s.inline, `inline figures of ${step.id}`).toEqual([step.chart && 'chart', step.timeline && 'timeline'].filter(Boolean));
  expect(s.inFigure).toBe(0);
}

for (const viewport of [
  { name: 'phone', width: 390, height: 844 },
  { name: 'desktop', width: 1280, height: 800 },
]) {
  test.describe(`story at ${viewport.name} ${viewport.width}×${viewport.height}`, () => {
    test.use({ viewport: { width: viewport.width, height: viewport.height } });

    test('scrolling through every step shows each step’s declared state', async ({ page, problems }) => {
      test.setTimeout(180_000);
      await page.goto('./');
      await expect(page.locator('html')).toHaveClass(/live/);
      for (const step of steps) {
        await page.locator(`#${step.id}`).evaluate((el) => el.scrollIntoView({ block: 'start' }));
        await expect(page).toHaveURL(new RegExp(`#${step.id}$`));
        await waitForSettled(page, step.id);
        check(await seen(page, step.focus), step);
      }
      expect(problems).toEqual([]);
    });

    test('opening each step by deep link shows its declared state', async ({ page, problems }) => {
      test.setTimeout(180_000);
      for (const step of steps) {
        await page.goto(`./#${step.id}`);
        await expect(page.locator('[data-live-figure] svg.map')).toHaveAttribute('aria-label', step.alt);
        await waitForSettled(page, step.id);
        check(await seen(page, step.focus), step);
      }
      expect(problems).toEqual([]);
    });

    test('a link to a step opens a fresh page with that step just below the top bar', async ({ page, problems }) => {
      test.setTimeout(180_000);
      const offset = (id: string) => offsetFromPlace(page, id);
      for (const step of steps) {
        await page.goto('about:blank');
        await page.goto(`./#${step.id}`);
        await waitForSettled(page, step.id);
        // The chapters and figures around it are laid out for the first time after the browser has
        // moved to it, with other sizes than their estimates: the step must end in its place.
        await expect.poll(() => offset(step.id), { message: `${step.id}: px from its place` }).toBeLessThanOrEqual(2);
      }
      expect(problems).toEqual([]);
    });

    test("a link from a step's sources lands that source just below the top bar", async ({ page, problems }) => {
      test.setTimeout(120_000);
      await followSourceLinks(page);
      expect(problems).toEqual([]);
    });
  });
}

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false, viewport: { width: 390, height: 844 } });

  test("a link from a step's sources lands that source just below the top bar", async ({ page }) => {
    test.setTimeout(120_000);
    await followSourceLinks(page);
  });
});

test('the URL follows the reader without adding history entries, and back returns to the previous page state', async ({ page, problems }) => {
  await page.goto('./');
  const before = await page.evaluate(() => history.length);
  for (const step of steps.slice(0, 4)) {
    await page.locator(`#${step.id}`).evaluate((el) => el.scrollIntoView({ block: 'start' }));
    await expect(page).toHaveURL(new RegExp(`#${step.id}$`));
  }
  expect(await page.evaluate(() => history.length)).toBe(before);
  expect(problems).toEqual([]);
});

test('reading the sources, the URL names the source at the top: a reload returns to it, and back in the last chapter the URL names its last step', async ({
  page,
  problems,
}) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto('./');
  await expect(page.locator('html')).toHaveClass(/live/);
  await page
    .locator('.source-list > li')
    .nth(40)
    .evaluate((el) => el.scrollIntoView({ block: 'start' }));
  // The sources around it are laid out as they come into view: the URL names the one then at the top.
  await expect(page).toHaveURL(/#source-[\w-]+$/);
  const id = new URL(page.url()).hash.slice(1);
  expect(await offsetFromPlace(page, id), `${id} at the top before the reload`).toBeLessThan(200);
  await page.reload();
  // The sources above it are laid out for the first time around it: it must end in its place.
  await expect.poll(() => offsetFromPlace(page, id), { message: `${id}: px from its place after the reload` }).toBeLessThanOrEqual(2);
  // The reader scrolls back up (a wheel turn lets go of the held source) into the last chapter.
  await page.mouse.move(200, 400);
  await page.mouse.wheel(0, -40);
  const last = steps.at(-1)!;
  await page.locator(`#${last.id}`).evaluate((el) => el.scrollIntoView({ block: 'start' }));
  await expect(page).toHaveURL(new RegExp(`#${last.id}$`));
  expect(problems).toEqual([]);
});

test('reload mid-story restores the step in the URL', async ({ page, problems }) => {
  const step = steps[Math.floor(steps.length / 2)]!;
  await page.goto(`./#${step.id}`);
  await page.reload();
  await expect(page.locator('[data-live-figure] svg.map')).toHaveAttribute('aria-label', step.alt);
  await waitForSettled(page, step.id);
  check(await seen(page, step.focus), step);
  expect(problems).toEqual([]);
});

test('a step that keeps the view redraws its marks without a camera move, and a step that moves the view flies', async ({ page, problems }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto('./');
  // Two pairs of consecutive steps from the page's scenes: one whose phone camera stays, one whose moves.
  const pairs = await page.evaluate(() => {
    const data = JSON.parse(document.getElementById('story-data')!.textContent!) as { scenes: Record<string, { phoneCamera: object }> };
    const scenes = [...document.querySelectorAll<HTMLElement>('[data-step]')].map((el) => ({ step: el.dataset.step!, ...data.scenes[el.dataset.step!]! }));
    const same = (i: number) => JSON.stringify(scenes[i]!.phoneCamera) === JSON.stringify(scenes[i + 1]!.phoneCamera);
    const i = scenes.findIndex((_, k) => k + 1 < scenes.length && same(k));
    const j = scenes.findIndex((_, k) => k + 1 < scenes.length && !same(k));
    return { still: [scenes[i]?.step, scenes[i + 1]?.step], moves: [scenes[j]?.step, scenes[j + 1]?.step] };
  });
  for (const [kind, [from, to]] of Object.entries(pairs)) {
    expect(from && to, `a pair of steps whose view ${kind === 'still' ? 'stays' : 'moves'}`).toBeTruthy();
    await page.evaluate((id) => (location.hash = id), from!);
    await waitForSettled(page, from);
    const seenStates = await page.evaluate(async (id) => {
      const svg = document.querySelector<SVGSVGElement>('[data-live-figure] svg.map')!;
      const states: string[] = [];
      const viewBox = svg.getAttribute('viewBox');
      new MutationObserver(() => states.push(svg.getAttribute('data-camera') ?? '')).observe(svg, { attributes: true, attributeFilter: ['data-camera'] });
      location.hash = id;
      // Until the step is active and a frame has passed: a flight marks the map moving at once.
      await new Promise<void>((done) => {
        const tick = () => (document.documentElement.dataset.activeStep === id ? requestAnimationFrame(() => done()) : requestAnimationFrame(tick));
        tick();
      });
      return { states, sameViewBox: svg.getAttribute('viewBox') === viewBox };
    }, to!);
    await waitForSettled(page, to);
    if (kind === 'still') {
      expect(seenStates.states, `${from} → ${to}: the camera does not move`).not.toContain('moving');
      expect(seenStates.sameViewBox, `${from} → ${to}: the view is the same`).toBe(true);
      const step = steps.find((s) => s.id === to)!;
      check(await seen(page, step.focus), step);
    } else {
      expect(seenStates.states, `${from} → ${to}: the camera moves`).toContain('moving');
    }
  }
  expect(problems).toEqual([]);
});

test('during a camera move the dots and labels stay on their places at their size, and the map moves under them', async ({ page, problems }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  const [from, to] = [steps[0]!, steps[Math.floor(steps.length / 2)]!];
  await page.goto(`./#${from.id}`);
  await waitForSettled(page, from.id);
  // Jump to the middle step and follow each frame of the move it starts: where the basemap puts
  // each dot's and label's map point, where the mark stands, and the mark's size on screen; then
  // the same sizes once the camera is still.
  const frames = await page.evaluate(async (id) => {
    const svg = document.querySelector<SVGSVGElement>('[data-live-figure] svg.map')!;
    const basemap = svg.querySelector<SVGUseElement>(':scope > use')!;
    const marks = () => [...svg.querySelectorAll<SVGGElement>(':scope > g.points > g, :scope > g.labels > g')];
    const sample = () => {
      const map = basemap.getScreenCTM()!;
      const scale = Math.hypot(map.a, map.b);
      return {
        scale,
        marks: marks().map((g) => {
          const at = g.transform.baseVal.consolidate()!.matrix;
          const expected = new DOMPoint(at.e, at.f).matrixTransform(map);
          const stands = g.getScreenCTM()!;
          const box = g.firstElementChild!.getBoundingClientRect();
          return {
            key: g.getAttribute('data-place') ?? `label ${g.getAttribute('data-label')}`,
            off: Math.hypot(stands.e - expected.x, stands.f - expected.y),
            w: box.width,
            h: box.height,
          };
        }),
      };
    };
    const moving: ReturnType<typeof sample>[] = [];
    location.hash = id;
    await new Promise<void>((done) => {
      const started = performance.now();
      const tick = () => {
        const state = svg.getAttribute('data-camera');
        if (state === 'moving') moving.push(sample());
        if ((state === 'still' && moving.length > 0) || performance.now() - started > 8000) done();
        else requestAnimationFrame(tick);
      };
      requestAnimationFrame(tick);
    });
    return { moving, still: sample() };
  }, to.id);
  await waitForSettled(page, to.id);
  const atRest = new Map(frames.still.marks.map((m) => [m.key, m]));
  // Frames where the map is scaled against the view the flight started from.
  const scaled = frames.moving.filter((f) => Math.abs(f.scale / frames.moving[0]!.scale - 1) > 0.05);
  expect(scaled.length, 'frames of the move with the map zoomed').toBeGreaterThan(2);
  for (const f of scaled) {
    for (const m of f.marks) {
      expect(m.off, `${m.key} stands on its place on the moving map`).toBeLessThan(1);
      const rest = atRest.get(m.key);
      if (!rest) continue;
      expect(Math.abs(m.w - rest.w), `${m.key} keeps its width`).toBeLessThan(0.5);
      expect(Math.abs(m.h - rest.h), `${m.key} keeps its height`).toBeLessThan(0.5);
    }
  }
  expect(problems).toEqual([]);
});
