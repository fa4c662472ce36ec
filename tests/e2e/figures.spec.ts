/**
 * One drawing of a mark (issue 12): for every step, the live figure after a deep link (reduced
 * motion, so the end state at once) has the same SVG structure as the build-time static drawing
 * for the same frame shape (wide at 1280×800, phone at 390×844): the same groups in the same
 * order, the same keyed marks (areas, routes, points) with the same classes, attribute names and
 * children, and the same labels where both draw one. Coordinates are not compared: the live figure
 * places its labels for its measured size, the static one for its fixed frame.
 *
 * The static drawing leaves out what its view can never show (cullMarks) and the live one draws a
 * scene whole (its camera flies), so a keyed mark the live figure alone draws must lie outside the
 * visible map. Labels of the places a step names are in both; other labels may be dropped by the
 * placement at one size and not the other.
 *
 * One page per frame shape; steps are visited by hash navigation.
 */
import type { Page } from '@playwright/test';
import { expectedSteps } from './expected.ts';
import { expect, test, waitForSettled } from './fixtures.ts';

test.use({ reducedMotion: 'reduce' });

/** A mark as a structure: its key, its signature (tag, class, attribute names, children's signatures) and its text. */
interface MarkShape {
  key: string;
  sig: string;
  text: string;
  /** Whether any of it lies on the visible map (live figure only). */
  visible: boolean;
}

interface FigureShape {
  /** The drawing's top-level children, as `tag.class`. */
  groups: string[];
  /** Keyed marks per group, in document order. */
  marks: Record<'areas' | 'routes' | 'points' | 'labels', MarkShape[]>;
}

/**
 * The structure of the SVG drawing matched by `selector`: an inline <svg>, or a static map drawn as
 * lazy images (every step after the first), whose marks file is fetched and parsed as it is built.
 */
async function shapeOf(page: Page, selector: string): Promise<FigureShape> {
  return page.evaluate(async (sel) => {
    const found = document.querySelector(sel);
    if (!found) throw new Error(`no drawing ${sel}`);
    let svg: Element = found;
    if (found.tagName.toLowerCase() !== 'svg') {
      // The marks layer is the image that is not the shared basemap (cropped by an #svgView fragment).
      const layer = [...found.querySelectorAll('img')].find((img) => !img.getAttribute('src')!.includes('#svgView'));
      if (!layer) throw new Error(`no marks layer in ${sel}`);
      // Its <style> (map colours and font) is not structure, and parsing it here would trip the page's CSP.
      const text = (await (await fetch(layer.src)).text()).replace(/<style>[\s\S]*?<\/style>/, '');
      svg = new DOMParser().parseFromString(text, 'image/svg+xml').documentElement;
    }
    const frame = found.getBoundingClientRect();
    // Live state the renderer keeps on the elements (how far a route is drawn, the flight's inline style) is not structure.
    const STATE = new Set(['style', 'data-drawn']);
    const sig = (el: Element): string => {
      const names = [...el.attributes]
        .map((a) => a.name)
        .filter((n) => !STATE.has(n))
        .sort();
      return `${el.tagName.toLowerCase()}.${el.getAttribute('class') ?? ''}[${names.join(',')}](${[...el.children].map(sig).join(' ')})`;
    };
    const visible = (el: Element) => {
      const r = el.getBoundingClientRect();
      return r.right > frame.left && r.left < frame.right && r.bottom > frame.top && r.top < frame.bottom;
    };
    const keyed = (group: string, key: string) =>
      [...svg.querySelectorAll(`:scope > g.${group} > [${key}]`)].map((el) => ({
        key: el.getAttribute(key)!,
        sig: sig(el),
        text: el.textContent ?? '',
        visible: visible(el),
      }));
    return {
      // The mark groups (the basemap <use> of an inline drawing and the <style> of a file are not marks).
      groups: [...svg.children].filter((el) => el.tagName.toLowerCase() === 'g').map((el) => `g.${el.getAttribute('class') ?? ''}`),
      marks: {
        areas: keyed('areas', 'data-area'),
        routes: keyed('routes', 'data-route'),
        points: keyed('points', 'data-place'),
        labels: keyed('labels', 'data-label'),
      },
    };
  }, selector);
}

/** Every difference between the live and the static drawing of one step, as readable lines. */
function differences(step: string, named: string[], live: FigureShape, still: FigureShape): string[] {
  const out: string[] = [];
  if (live.groups.join(' ') !== still.groups.join(' ')) out.push(`${step}: groups ${live.groups.join(' ')} (live) vs ${still.groups.join(' ')} (static)`);
  for (const group of ['areas', 'routes', 'points', 'labels'] as const) {
    const liveBy = new Map(live.marks[group].map((m) => [m.key, m]));
    const stillBy = new Map(still.marks[group].map((m) => [m.key, m]));
    for (const s of still.marks[group]) {
      const l = liveBy.get(s.key);
      if (!l) {
        if (group !== 'labels' || named.includes(s.key)) out.push(`${step} ${group}: "${s.key}" drawn statically, not live`);
        continue;
      }
      if (l.sig !== s.sig) out.push(`${step} ${group} "${s.key}": live ${l.sig} vs static ${s.sig}`);
      if (l.text !== s.text) out.push(`${step} ${group} "${s.key}": text "${l.text}" live vs "${s.text}" static`);
    }
    for (const l of live.marks[group]) {
      if (stillBy.has(l.key)) continue;
      if (group === 'labels' ? named.includes(l.key) : l.visible)
        out.push(`${step} ${group}: "${l.key}" drawn live${group === 'labels' ? '' : ' on the visible map'}, not statically`);
    }
    const order = (marks: MarkShape[], other: Map<string, MarkShape>) =>
      marks
        .filter((m) => other.has(m.key))
        .map((m) => m.key)
        .join(' ');
    if (group !== 'labels' && order(live.marks[group], stillBy) !== order(still.marks[group], liveBy)) out.push(`${step} ${group}: drawn in another order`);
  }
  return out;
}

for (const [shape, viewport] of [
  ['wide', { width: 1280, height: 800 }],
  ['phone', { width: 390, height: 844 }],
] as const) {
  test(`every step: the live figure and the static ${shape} drawing have the same SVG structure`, async ({ page }) => {
    test.setTimeout(120_000);
    await page.setViewportSize(viewport);
    await page.goto('./');
    const steps = await page.locator('section.step').evaluateAll((els) => {
      const data = JSON.parse(document.getElementById('story-data')!.textContent!) as { scenes: Record<string, { named?: string[]; places: string[] }> };
      return els.map((el) => {
        const scene = data.scenes[el.id]!;
        return { id: el.id, named: scene.named ?? scene.places };
      });
    });
    expect(steps.length).toBeGreaterThan(10);
    const problems: string[] = [];
    let compared = 0;
    for (const step of steps) {
      await page.evaluate((id) => (location.hash = id), step.id);
      await waitForSettled(page, step.id);
      const live = await shapeOf(page, '[data-live-figure] svg.map');
      const still = await shapeOf(page, `[data-static-figure="${step.id}"] .map--${shape}`);
      problems.push(...differences(step.id, step.named, live, still));
      compared += Object.values(still.marks).reduce((n, m) => n + m.length, 0);
    }
    expect(problems.slice(0, 20)).toEqual([]);
    expect(compared).toBeGreaterThan(100);
  });
}

test('the live map, its locator and the first static map draw the basemap from the one shared file; the page carries no copy of it', async ({
  page,
  request,
}) => {
  const response = await request.get('./');
  expect(await response.text(), 'no basemap geometry in the page').not.toContain('<symbol');
  const step = expectedSteps()[1]!;
  await page.goto(`./#${step.id}`);
  await waitForSettled(page, step.id);
  const uses = page.locator('use[href*="#basemap"]');
  const hrefs = await uses.evaluateAll((all) => all.map((u) => u.getAttribute('href')!));
  expect(hrefs.length, 'live map, locator, first step phone and wide').toBe(4);
  expect(new Set(hrefs).size, 'one file').toBe(1);
  expect(hrefs[0]).toMatch(/\/_astro\/basemap\.[0-9a-f]{10}\.svg#basemap$/);
  // The referenced geometry has loaded and is drawn: the live map's basemap spans the whole region (1000 map units wide).
  await expect
    .poll(() => page.locator('[data-live-figure] svg.map use.basemap').evaluate((u) => Math.round((u as SVGGraphicsElement).getBBox().width)))
    .toBeGreaterThan(900);
});
