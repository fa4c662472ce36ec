/**
 * Every reader: without JavaScript, with the script blocked, with a keyboard, with reduced motion,
 * in step-through mode, on small screens, in the dark and on paper.
 */
import type { Locator, Page } from '@playwright/test';
import { expectedSteps } from './expected.ts';
import { expect, test, waitForScrollStill, waitForSettled } from './fixtures.ts';
import { stepAtTrigger } from './publish-helpers.ts';

const steps = expectedSteps();
const MAP = '[data-live-figure] svg.map';

async function activeLabel(page: Page): Promise<string> {
  return (await page.locator(MAP).getAttribute('aria-label')) ?? '';
}

/**
 * The markup of a step's static map as the reader gets it: the inline SVG, or (lazy figures) the
 * marks file of the one image layer shown at this width, once it and the basemap layer have loaded
 * and cover the map box.
 */
async function staticDrawing(page: Page, figure: Locator): Promise<string> {
  const map = figure.locator('.figure-frame > .map:visible');
  await expect(map).toHaveCount(1);
  if ((await map.evaluate((el) => el.tagName.toLowerCase())) === 'svg') return map.evaluate((el) => el.outerHTML);
  const layers = map.locator('img');
  await expect(layers).toHaveCount(2);
  await expect
    .poll(() => layers.evaluateAll((imgs) => imgs.every((i) => (i as HTMLImageElement).complete && (i as HTMLImageElement).naturalWidth > 0)), {
      message: 'both layers load',
    })
    .toBe(true);
  // Both layers cover the map box, read in one go: between two separate reads the page can move
  // (a figure further down laid out for the first time) by a fraction of a pixel.
  const [box, ...imgs] = await map.evaluate((el) =>
    [el, ...el.querySelectorAll('img')].map((e) => {
      const r = e.getBoundingClientRect();
      return { x: r.x, y: r.y, width: r.width, height: r.height };
    }),
  );
  expect(imgs).toHaveLength(2);
  for (const img of imgs) expect(img).toEqual(box);
  const src = await layers.nth(1).evaluate((i) => (i as HTMLImageElement).currentSrc);
  const res = await page.request.get(src);
  expect(res.ok()).toBe(true);
  return res.text();
}

test.describe('first paint at phone size', () => {
  test.use({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true });

  // The first paint is the masthead alone: the rest of the stylesheet is linked right after it,
  // and the browser holds the parser there while it paints what is above. Holding that file here
  // makes the order observable: the masthead is painted while the story is not even parsed.
  test('the masthead is painted before the rest of the page is parsed', async ({ page, problems }) => {
    let release = () => {};
    const held = new Promise<void>((ok) => (release = ok));
    let requested = 0;
    await page.route('**/story-body.*.css', async (route) => {
      requested++;
      await held;
      await route.continue();
    });
    await page.goto('./', { waitUntil: 'commit' });
    await expect.poll(() => page.evaluate(() => performance.getEntriesByName('first-contentful-paint').length), { message: 'the masthead is painted' }).toBe(1);
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    expect(requested, 'the rest of the stylesheet was requested (and is held)').toBe(1);
    expect(await page.evaluate(() => document.getElementById('story')), 'the story is not parsed yet').toBeNull();
    // The top bar is not part of the first paint either, but its band is reserved: when it comes, the masthead does not move.
    expect(await page.evaluate(() => document.querySelector('[data-topbar]')), 'the top bar is not parsed yet').toBeNull();
    const mastheadTop = () => page.locator('.masthead').evaluate((el) => el.getBoundingClientRect().top);
    const before = await mastheadTop();
    release();
    await expect(page.locator('html')).toHaveClass(/\blive\b/);
    await expect(page.locator('#story')).toBeAttached();
    const bar = await page.locator('[data-topbar]').boundingBox();
    expect(bar, 'the top bar is shown').not.toBeNull();
    expect(bar!.y, 'the top bar is at the top').toBe(0);
    expect(bar!.height, 'the band kept for the bar fits it').toBeLessThanOrEqual(before + 0.5);
    expect(await mastheadTop(), 'the masthead stays where it was painted').toBe(before);
    expect(problems).toEqual([]);
  });
});

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test('the whole story reads top to bottom and every step shows its static end-state figure', async ({ page, problems }) => {
    await page.goto('./');
    await expect(page.locator('html')).not.toHaveClass(/live/);
    for (const step of steps) {
      const el = page.locator(`#${step.id}`);
      await expect(el.locator('.step-card')).toBeVisible();
      const figure = el.locator('[data-static-figure]');
      await el.scrollIntoViewIfNeeded();
      await expect(figure).toBeVisible();
      // The static figure shows the places the step is about, and its areas: drawn inline (the first
      // step), or as lazy images (every other step) that load once the step is near and fill its box.
      const drawing = await staticDrawing(page, figure);
      for (const id of step.focus) expect(drawing, `${step.id} shows ${id}`).toMatch(new RegExp(`data-(place|area|label)="${id}"`));
      for (const id of step.areas) expect(drawing.match(new RegExp(`data-area="${id}"`, 'g')) ?? [], `${step.id} shades ${id} once`).toHaveLength(1);
      await expect(el.locator('.step-alt')).toHaveText(`Figure: ${step.alt}`);
    }
    await expect(page.locator('.live-track')).toBeHidden();
    expect(problems).toEqual([]);
  });
});

test('when the main script is blocked, the static figures stay and no control is left half-working', async ({ page, problems }) => {
  await page.route('**/_astro/*.js', (route) => route.abort());
  await page.goto('./');
  const step = steps[1]!;
  await page.locator(`#${step.id}`).scrollIntoViewIfNeeded();
  await expect(page.locator(`#${step.id} [data-static-figure]`)).toBeVisible();
  await expect(page.locator('.live-track')).toBeHidden();
  await expect(page.locator('[data-controls]')).toBeHidden();
  // The blocked script itself is the only failure allowed.
  const others = problems.filter((p) => !/\/_astro\/.*\.js/.test(p) && !p.includes('Failed to load resource: net::ERR_FAILED'));
  problems.length = 0;
  expect(others).toEqual([]);
});

test('with JavaScript the live figure takes over without layout shift (CLS ≤ 0.01)', async ({ page, problems }) => {
  for (const viewport of [
    { width: 390, height: 844 },
    { width: 1280, height: 800 },
  ]) {
    await page.setViewportSize(viewport);
    await page.goto('./');
    await expect(page.locator('html')).toHaveClass(/live/);
    await page.locator(`#${steps[0]!.id}`).evaluate((el) => el.scrollIntoView({ block: 'start' }));
    await waitForSettled(page, steps[0]!.id);
    const cls = await page.evaluate(
      () =>
        new Promise<number>((resolve) => {
          let total = 0;
          new PerformanceObserver((list) => {
            for (const entry of list.getEntries() as (PerformanceEntry & { value: number; hadRecentInput: boolean })[]) {
              if (!entry.hadRecentInput) total += entry.value;
            }
          }).observe({ type: 'layout-shift', buffered: true });
          setTimeout(() => resolve(total), 300);
        }),
    );
    expect(cls, `CLS at ${viewport.width}px`).toBeLessThanOrEqual(0.01);
  }
  expect(problems).toEqual([]);
});

test('keyboard: Page Down and Space drive the figure through the steps in order, like the mouse', async ({ page, problems }) => {
  test.setTimeout(120_000);
  await page.goto('./');
  await page.locator('#story').focus();
  const seen: string[] = [];
  for (let i = 0; i < 40 && seen.length < 6; i++) {
    const before = await page.evaluate(() => scrollY);
    const key = i % 2 ? 'Space' : 'PageDown';
    // The key scrolls the page (unless it is already at the bottom).
    const moved = (y: number) => scrollY > y || scrollY + innerHeight >= document.documentElement.scrollHeight - 1;
    await page.keyboard.press(key);
    // On a loaded machine Chromium can drop a key press that lands while a smooth scroll is still
    // under way; a reader would press again, and so does the test (once), before requiring a move.
    if (
      !(await page.waitForFunction(moved, before, { timeout: 10_000 }).then(
        () => true,
        () => false,
      ))
    ) {
      await page.locator('#story').focus();
      await page.keyboard.press(key);
      await page.waitForFunction(moved, before, { timeout: 10_000 });
    }
    // The figure follows the reader: wait until it shows the step at the trigger line (the URL
    // follows only once the reader stays on a step).
    let at = '';
    await expect
      .poll(async () => {
        const t = await stepAtTrigger(page);
        at = t.step.id;
        return (await activeLabel(page)) === t.step.alt;
      }, 'the figure shows the step at the trigger line')
      .toBe(true);
    if (seen.at(-1) !== at) seen.push(at);
  }
  const order = steps.map((s) => s.id);
  expect(seen.length).toBeGreaterThanOrEqual(4);
  // Steps are met in story order, none skipped backwards.
  for (let i = 1; i < seen.length; i++) expect(order.indexOf(seen[i]!)).toBeGreaterThan(order.indexOf(seen[i - 1]!));
  expect(problems).toEqual([]);
});

test('keyboard: tabbing to a link inside a step makes that step the active one', async ({ page, problems }) => {
  await page.goto('./');
  const step = steps[6]!;
  const link = page.locator(`#${step.id} .step-sources summary`);
  await link.focus();
  await expect(page).toHaveURL(new RegExp(`#${step.id}$`));
  expect(await activeLabel(page)).toBe(step.alt);
  expect(problems).toEqual([]);
});

test('focus is never hidden behind the top bar, the sticky figure or a text card (WCAG 2.4.11)', async ({ page, problems }) => {
  for (const viewport of [
    { width: 390, height: 844 },
    { width: 1280, height: 800 },
  ]) {
    await page.setViewportSize(viewport);
    await page.goto('./');
    await expect(page.locator('html')).toHaveClass(/live/);
    const hidden: string[] = [];
    for (let i = 0; i < 90; i++) {
      await page.keyboard.press('Tab');
      const result = await page.evaluate(() => {
        const el = document.activeElement as HTMLElement | null;
        if (!el || el === document.body) return null;
        const r = el.getBoundingClientRect();
        const points = [
          [r.left + r.width / 2, r.top + r.height / 2],
          [r.left + 2, r.top + 2],
          [r.right - 2, r.bottom - 2],
        ];
        const covered = points.every(([x, y]) => {
          const hit = document.elementFromPoint(x!, y!);
          return !hit || !(hit === el || el.contains(hit) || hit.contains(el));
        });
        return covered ? `${el.tagName} ${el.textContent?.trim().slice(0, 40)} at ${Math.round(r.top)}` : '';
      });
      if (result) hidden.push(result);
    }
    expect(hidden, `focused elements fully covered at ${viewport.width}px`).toEqual([]);
  }
  expect(problems).toEqual([]);
});

test.describe('reduced motion', () => {
  test.use({ reducedMotion: 'reduce' });

  test('the figure is in its final state on the first frame after a step change', async ({ page, problems }) => {
    await page.goto('./');
    for (const step of steps.filter((s) => s.routes.length > 0).slice(0, 4)) {
      const state = await page.evaluate(
        (id) =>
          new Promise<{ camera: string | null; viewBox: string | null; later: string | null; undrawn: number }>((resolve) => {
            document.getElementById(id)!.scrollIntoView({ block: 'start' });
            // The step changes when the controller takes it (the URL follows); read the very next frame.
            const wait = () => {
              if (location.hash !== `#${id}`) return requestAnimationFrame(wait);
              requestAnimationFrame(() => {
                const svg = document.querySelector('[data-live-figure] svg.map')!;
                const viewBox = svg.getAttribute('viewBox');
                const undrawn = [...svg.querySelectorAll<SVGPathElement>('.route-leg')].filter(
                  (p) => parseFloat(getComputedStyle(p).strokeDashoffset || '0') > 0.5,
                ).length;
                const camera = svg.getAttribute('data-camera');
                setTimeout(() => resolve({ camera, viewBox, later: svg.getAttribute('viewBox'), undrawn }), 1000);
              });
            };
            wait();
          }),
        step.id,
      );
      expect(state.camera).toBe('still');
      expect(state.viewBox).toBe(state.later);
      expect(state.undrawn).toBe(0);
    }
    expect(problems).toEqual([]);
  });
});

test('the motion switch turns animation off for the visit, and it is reachable by keyboard', async ({ page, problems }) => {
  await page.goto('./');
  const button = page.locator('[data-action="motion"]');
  await expect(button).toHaveAttribute('aria-pressed', 'true');
  await button.focus();
  await page.keyboard.press('Enter');
  await expect(button).toHaveAttribute('aria-pressed', 'false');
  await page.reload();
  await expect(page.locator('[data-action="motion"]')).toHaveAttribute('aria-pressed', 'false');
  const step = steps.find((s) => s.routes.length > 0)!;
  const camera = await page.evaluate(
    (id) =>
      new Promise<string | null>((resolve) => {
        document.getElementById(id)!.scrollIntoView({ block: 'start' });
        requestAnimationFrame(() => resolve(document.querySelector('[data-live-figure] svg.map')!.getAttribute('data-camera')));
      }),
    step.id,
  );
  expect(camera).toBe('still');
  expect(problems).toEqual([]);
});

test('step-through mode: Next and Previous move exactly one step; arrow keys step only in this mode', async ({ page, problems }) => {
  await page.goto(`./#${steps[3]!.id}`);
  await waitForSettled(page, steps[3]!.id);
  // The link's hold has let go and the page is at rest: the key below is the only thing moving it.
  await waitForScrollStill(page);
  // Mode off: ArrowDown scrolls natively and does not jump a step. Measured as the reader sees it,
  // by where the step stands in the window: scroll anchoring may still change scrollY, not that.
  const stepTop = () => page.evaluate((id) => document.getElementById(id)!.getBoundingClientRect().top, steps[3]!.id);
  const before = await stepTop();
  await page.locator('#story').focus({ preventScroll: true } as never);
  await page.keyboard.press('ArrowDown');
  await expect.poll(stepTop).toBeLessThan(before);
  await expect(page).toHaveURL(new RegExp(`#${steps[3]!.id}$`));
  // Mode on.
  await page.locator('[data-action="step-mode"]').click();
  await expect(page.locator('[data-action="step-mode"]')).toHaveAttribute('aria-pressed', 'true');
  await page.locator('[data-action="next"]').click();
  await expect(page).toHaveURL(new RegExp(`#${steps[4]!.id}$`));
  expect(await activeLabel(page)).toBe(steps[4]!.alt);
  await page.locator('[data-action="next"]').click();
  await expect(page).toHaveURL(new RegExp(`#${steps[5]!.id}$`));
  await page.locator('[data-action="prev"]').click();
  await expect(page).toHaveURL(new RegExp(`#${steps[4]!.id}$`));
  await page.keyboard.press('ArrowDown');
  await expect(page).toHaveURL(new RegExp(`#${steps[5]!.id}$`));
  await page.keyboard.press('ArrowUp');
  await expect(page).toHaveURL(new RegExp(`#${steps[4]!.id}$`));
  expect(await activeLabel(page)).toBe(steps[4]!.alt);
  expect(problems).toEqual([]);
});

test('copy link yields the #step-id URL of the step in view', async ({ page, context, problems }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  const step = steps[8]!;
  await page.goto(`./#${step.id}`);
  await waitForSettled(page, step.id);
  await page.locator('[data-action="copy-link"]').click();
  await expect(page.locator('[data-status]')).toHaveText('Link to this point copied');
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  expect(new URL(copied).hash).toBe(`#${step.id}`);
  expect(problems).toEqual([]);
});

for (const viewport of [
  { width: 390, height: 844, shown: ['Step', 'Link', 'Motion'] },
  { width: 1280, height: 800, shown: ['Step through', 'Copy link', 'Motion'] },
]) {
  test(`at ${viewport.width}×${viewport.height}: the reading controls show ${viewport.shown.join(', ')} and keep their full names`, async ({
    page,
    problems,
  }) => {
    await page.setViewportSize(viewport);
    await page.goto('./');
    await expect(page.locator('html')).toHaveClass(/\blive\b/);
    const toolbar = page.getByRole('toolbar', { name: 'Reading controls' });
    for (const name of ['Step through', 'Copy link', 'Motion']) await expect(toolbar.getByRole('button', { name, exact: true })).toBeVisible();
    // What the eye reads: the text of the parts of each button that are drawn larger than a pixel.
    const shown = await toolbar.locator('button:visible').evaluateAll((buttons) =>
      buttons.map((b) => {
        const walker = document.createTreeWalker(b, NodeFilter.SHOW_TEXT);
        let text = '';
        for (let n = walker.nextNode(); n; n = walker.nextNode()) {
          // A text's own box, cut to its element's (a clipped 1 px box hides the text it holds).
          const range = document.createRange();
          range.selectNodeContents(n);
          const r = range.getBoundingClientRect();
          const box = n.parentElement!.getBoundingClientRect();
          if (Math.min(r.width, box.width) > 1 && Math.min(r.height, box.height) > 1) text += n.textContent;
        }
        return text.trim();
      }),
    );
    expect(shown).toEqual(viewport.shown);
    expect(problems).toEqual([]);
  });
}

test('reading progress and the chapter label follow the active step', async ({ page, problems }) => {
  const i = 12;
  await page.goto(`./#${steps[i]!.id}`);
  await waitForSettled(page, steps[i]!.id);
  const width = await page.evaluate(() => {
    const bar = document.querySelector('[data-progress]')!.getBoundingClientRect();
    const track = document.querySelector('.progress')!.getBoundingClientRect();
    return bar.width / track.width;
  });
  expect(width).toBeCloseTo((i + 1) / steps.length, 2);
  const chapterTitle = await page.locator(`#${steps[i]!.id}`).evaluate((el) => el.closest('[data-chapter]')!.querySelector('h2')!.textContent!.trim());
  await expect(page.locator('[data-chapter-label]')).toContainText(chapterTitle);
  expect(problems).toEqual([]);
});

for (const viewport of [
  { width: 320, height: 640 },
  { width: 390, height: 844 },
  { width: 1920, height: 1080 },
]) {
  // Chapters and back matter are laid out only as the reader nears them; their sizes before that
  // are estimates, so the page must not grow under the End key's scroll and leave the end screens away.
  test(`at ${viewport.width}×${viewport.height}: the End key reaches the end of the story`, async ({ page, problems }) => {
    await page.setViewportSize(viewport);
    await page.goto('./');
    await expect(page.locator('html')).toHaveClass(/\blive\b/);
    await page.keyboard.press('End');
    await expect(page.locator('#about .updates li').last()).toBeInViewport();
    expect(problems).toEqual([]);
  });
}

test('in a box that scrolls on its own, the End key scrolls that box, not the page', async ({ page, problems }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto('./');
  await expect(page.locator('html')).toHaveClass(/\blive\b/);
  // A scrolling box in the first screen, as an editor's table or code sample might be.
  await page.evaluate(() => {
    const box = document.createElement('div');
    box.id = 'scroll-box';
    box.tabIndex = 0;
    box.style.cssText = 'height:100px;overflow-y:auto';
    box.textContent = 'line '.repeat(400);
    document.querySelector('.masthead')!.append(box);
  });
  await page.locator('#scroll-box').focus();
  const before = await page.evaluate(() => scrollY);
  await page.keyboard.press('End');
  await expect.poll(() => page.locator('#scroll-box').evaluate((el) => el.scrollTop)).toBeGreaterThan(0);
  expect(await page.evaluate(() => scrollY)).toBe(before);
  expect(problems).toEqual([]);
});

for (const viewport of [
  { width: 320, height: 640 },
  { width: 360, height: 740 },
  { width: 390, height: 844 },
  { width: 768, height: 1024 },
  { width: 1280, height: 800 },
  { width: 1920, height: 1080 },
]) {
  test(`at ${viewport.width}×${viewport.height}: no horizontal scrolling, controls at least 24×24 px, cards clear of the places a step is about`, async ({
    page,
    problems,
  }) => {
    await page.setViewportSize(viewport);
    await page.goto('./');
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(viewport.width);
    const small = await page.evaluate(() =>
      [...document.querySelectorAll<HTMLElement>('.topbar a, .topbar button, .skip-link')]
        .filter((el) => el.offsetParent !== null && getComputedStyle(el).visibility !== 'hidden')
        .map((el) => ({ t: el.textContent?.trim(), r: el.getBoundingClientRect() }))
        .filter(({ r }) => r.width < 24 || r.height < 24)
        .map(({ t }) => t),
    );
    expect(small).toEqual([]);
    for (const step of steps.filter((s) => s.focus.length > 0).slice(0, 6)) {
      await page.goto(`./#${step.id}`);
      await waitForSettled(page, step.id);
      const covered = await page.evaluate(
        ({ id, focus }) => {
          const card = document.getElementById(id)!.querySelector('.step-card')!.getBoundingClientRect();
          const svg = document.querySelector('[data-live-figure] svg.map')!;
          return focus.filter((f) => {
            const el = svg.querySelector(`[data-place="${f}"], [data-area="${f}"], [data-label="${f}"]`);
            if (!el) return true;
            const r = el.getBoundingClientRect();
            const cx = r.left + r.width / 2;
            const cy = r.top + r.height / 2;
            return cx >= card.left && cx <= card.right && cy >= card.top && cy <= card.bottom;
          });
        },
        { id: step.id, focus: step.focus },
      );
      expect(covered, `places of ${step.id} under its card`).toEqual([]);
    }
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(viewport.width);
    expect(problems).toEqual([]);
  });
}

// Each source is laid out on its own once the page is live, its paint contained, so its number is
// drawn in its own box: on screen, in print and for a screen reader it must still read 1 to N.
for (const javaScriptEnabled of [true, false]) {
  test.describe(javaScriptEnabled ? 'with JavaScript' : 'without JavaScript', () => {
    test.use({ javaScriptEnabled });
    test('the sources are numbered 1 to N in order, for a screen reader too, and in print', async ({ page }) => {
      await page.goto('./#sources');
      const items = page.locator('.source-list > li');
      const n = await items.count();
      expect(n).toBeGreaterThan(10);
      for (const media of ['screen', 'print'] as const) {
        await page.emulateMedia({ media });
        for (const i of [0, 1, Math.floor(n / 2), n - 1]) {
          await items.nth(i).scrollIntoViewIfNeeded();
          await expect(items.nth(i), `${media}: source ${i + 1}`).toBeVisible();
          expect((await items.nth(i).ariaSnapshot()).split('\n')[1]?.trim(), `${media}: source ${i + 1}`).toBe(`- text: "${i + 1}."`);
        }
      }
    });
  });
}

test('print: every chapter in order with its static figure, no sticky layout, URLs after links, the as-of date first', async ({ page, problems }) => {
  await page.goto('./');
  await page.emulateMedia({ media: 'print' });
  await expect(page.locator('.live-track')).toBeHidden();
  await expect(page.locator('.topbar')).toBeHidden();
  for (const step of steps.slice(0, 5)) await expect(page.locator(`#${step.id} [data-static-figure]`)).toBeVisible();
  const positions = await page.evaluate(() => [...document.querySelectorAll('.step-figure')].slice(0, 3).map((el) => getComputedStyle(el).position));
  expect(positions).toEqual(['static', 'static', 'static']);
  const after = await page
    .locator('.source-list a[href^="http"]')
    .first()
    .evaluate((a) => getComputedStyle(a, '::after').content);
  expect(after).toContain('http');
  const asOf = await page.locator('.as-of').boundingBox();
  expect(asOf!.y).toBeLessThan(1000);
  expect(problems).toEqual([]);
});

test("print loads every step's lazy static figure (no scrolling first)", async ({ page, problems }) => {
  await page.goto('./');
  await expect(page.locator('html')).toHaveClass(/live/);
  const layers = page.locator('.static-map-layer');
  expect(await layers.count()).toBeGreaterThan(2 * (steps.length - 2));
  // Printing is what loads them: on screen, with the script running, none has loaded.
  expect(await layers.evaluateAll((imgs) => imgs.filter((i) => (i as HTMLImageElement).naturalWidth > 0).length)).toBe(0);
  const pdf = await page.pdf({ format: 'A4' });
  expect(pdf.length).toBeGreaterThan(0);
  await page.emulateMedia({ media: 'print' });
  // Under print media, one drawing per step is shown: each of its two layers has loaded.
  const shown = page.locator('.static-map-layer:visible');
  expect(await shown.count()).toBe(2 * (steps.length - 1));
  await expect
    .poll(() => shown.evaluateAll((imgs) => imgs.filter((i) => !((i as HTMLImageElement).complete && (i as HTMLImageElement).naturalWidth > 0)).length))
    .toBe(0);
  expect(problems).toEqual([]);
});
