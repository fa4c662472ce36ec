/**
 * Accessibility: axe (WCAG 2.2 A/AA tags) at the top, at every step and at the end, on phone and
 * desktop, light and dark; map colours checked for contrast from the computed styles.
 */
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expectedSteps } from './expected.ts';
import { expect, test, waitForSettled } from './fixtures.ts';

const steps = expectedSteps();
const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

async function axe(page: Page, options: { staticFigures?: boolean; include?: string[] } = {}): Promise<string[]> {
  // With the page live, the per-step static figures are hidden (visibility and aria-hidden): leaving
  // them out keeps each run fast; the no-JavaScript run below checks them.
  const builder = new AxeBuilder({ page }).withTags(TAGS);
  // The SVG inside the static figures is aria-hidden drawing: thousands of nodes that only slow axe down.
  builder.exclude(options.staticFigures ? '[data-static-figure] svg' : '[data-static-figure]');
  for (const selector of options.include ?? []) builder.include(selector);
  const result = await builder.analyze();
  return result.violations.map(
    (v) =>
      `${v.id} (${v.impact}): ${v.nodes
        .map((n) => n.target.join(' '))
        .slice(0, 3)
        .join(', ')}`,
  );
}

for (const scheme of ['light', 'dark'] as const) {
  for (const viewport of [
    { name: 'phone', width: 390, height: 844 },
    { name: 'desktop', width: 1280, height: 800 },
  ]) {
    test(`axe finds nothing at the top, at every step and at the end (${viewport.name}, ${scheme})`, async ({ page, problems }) => {
      test.setTimeout(240_000);
      await page.emulateMedia({ colorScheme: scheme });
      await page.setViewportSize(viewport);
      await page.goto('./');
      const found: Record<string, string[]> = {};
      const record = async (where: string, include?: string[]) => {
        const v = await axe(page, { include });
        if (v.length) found[where] = v;
      };
      // The whole page at the top and at the end; at each step what a step changes: the live figure
      // (map labels, key, scale bar, announcer) and the active step (its text and inline figure).
      await record('top');
      // Every step on desktop light; a sample of steps elsewhere keeps the suite within its time budget.
      const sample = scheme === 'light' && viewport.name === 'desktop' ? steps : steps.filter((_, i) => i % 8 === 0);
      for (const step of sample) {
        await page.locator(`#${step.id}`).evaluate((el) => el.scrollIntoView({ block: 'start' }));
        await expect(page).toHaveURL(new RegExp(`#${step.id}$`));
        await waitForSettled(page, step.id);
        await record(step.id, ['[data-live-figure]', `#${step.id}`]);
      }
      await page.locator('#about').scrollIntoViewIfNeeded();
      await record('end');
      expect(found).toEqual({});
      expect(problems).toEqual([]);
    });
  }
}

// axe needs JavaScript in the page, so the no-JavaScript view is reproduced by taking the page out of
// live mode: static figures shown, live figure and controls hidden, exactly as without scripts.
test('axe finds nothing in the static (no-JavaScript) view: masthead, first chapter with its static figures, back matter', async ({ page, problems }) => {
  await page.goto('./');
  await page.evaluate(() => document.documentElement.classList.remove('live', 'controls'));
  const first = await page.locator('[data-chapter]').first().getAttribute('id');
  expect(await axe(page, { staticFigures: true, include: ['.masthead', `#${first}`, '#sources', '#about'] })).toEqual([]);
  expect(problems).toEqual([]);
});

/** WCAG contrast ratio of two rgb() colours. */
function contrast(a: string, b: string): number {
  const lum = (c: string) => {
    const [r, g, bl] = (c.match(/[\d.]+/g) ?? ['0', '0', '0'])
      .slice(0, 3)
      .map(Number)
      .map((v) => {
        const s = v / 255;
        return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
      });
    return 0.2126 * r! + 0.7152 * g! + 0.0722 * bl!;
  };
  const [hi, lo] = [lum(a), lum(b)].sort((x, y) => y - x);
  return (hi! + 0.05) / (lo! + 0.05);
}

for (const scheme of ['light', 'dark'] as const) {
  test(`map colours keep contrast in ${scheme} mode: labels 4.5:1, features 3:1`, async ({ page, problems }) => {
    await page.emulateMedia({ colorScheme: scheme });
    const step = steps.find((s) => s.routes.length > 0)!;
    await page.goto(`./#${step.id}`);
    await waitForSettled(page, step.id);
    const colours = (sels: Record<string, [string, 'fill' | 'stroke' | 'backgroundColor']>) =>
      page.evaluate((s) => {
        const out: Record<string, string> = {};
        for (const [name, [sel, prop]] of Object.entries(s)) {
          const el = document.querySelector(sel);
          out[name] = el ? getComputedStyle(el)[prop] : '';
        }
        return out;
      }, sels);
    const onPage = await colours({
      sea: ['[data-live-figure] svg.map', 'backgroundColor'],
      label: ['[data-live-figure] .label--place text', 'fill'],
      halo: ['[data-live-figure] .label--place text', 'stroke'],
      route: ['[data-live-figure] .route-leg', 'stroke'],
      place: ['[data-live-figure] .point--place circle', 'fill'],
    });
    // The basemap is drawn from its shared file (the live map's <use> of its symbol): read its colours there, in the same scheme.
    const inFile = await page.locator('[data-live-figure] svg.map use.basemap').evaluate(async (use) => {
      const frame = document.createElement('iframe');
      frame.style.position = 'absolute';
      frame.style.inlineSize = '10px';
      frame.style.blockSize = '10px';
      await new Promise((loaded) => {
        frame.onload = loaded;
        frame.src = use.getAttribute('href')!.split('#')[0]!;
        document.body.append(frame);
      });
      const colour = (sel: string, prop: 'fill' | 'stroke') => {
        const el = frame.contentDocument!.querySelector(sel);
        return el ? getComputedStyle(el)[prop] : '';
      };
      const out = {
        land: colour('#basemap .country', 'fill'),
        border: colour('#basemap .borders', 'stroke'),
        river: colour('#basemap .river', 'stroke'),
        coast: colour('#basemap .coast', 'stroke'),
      };
      frame.remove();
      return out;
    });
    const c = { ...onPage, ...inFile } as Record<'sea' | 'label' | 'halo' | 'route' | 'place' | 'land' | 'border' | 'river' | 'coast', string>;
    for (const [name, colour] of Object.entries(c)) expect(colour, name).not.toBe('');
    expect(contrast(c.label, c.halo), 'label on its halo').toBeGreaterThanOrEqual(4.5);
    expect(contrast(c.label, c.land), 'label on land').toBeGreaterThanOrEqual(4.5);
    expect(contrast(c.label, c.sea), 'label on sea').toBeGreaterThanOrEqual(4.5);
    for (const feature of ['route', 'border', 'river', 'place'] as const) {
      expect(contrast(c[feature], c.land), `${feature} on land`).toBeGreaterThanOrEqual(3);
    }
    expect(contrast(c.coast, c.sea), 'coast on sea').toBeGreaterThanOrEqual(3);
    expect(contrast(c.route, c.sea), 'route on sea').toBeGreaterThanOrEqual(3);
    expect(problems).toEqual([]);
  });
}
