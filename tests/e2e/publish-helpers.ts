/**
 * Helpers for the publish and abuse specs: which step is active by geometry (the step whose box
 * crosses the trigger line), and what the live figure shows — read from what the reader sees
 * (element geometry, drawn path lengths, visible markers), as tests/e2e/story.spec.ts does.
 */
import type { Page } from '@playwright/test';
import { expectedSteps, type ExpectedStep } from './expected.ts';
import { expect, waitForSettled } from './fixtures.ts';

export const steps = expectedSteps();
export const stepById = new Map(steps.map((s) => [s.id, s]));

export { TRIGGER } from './trigger.ts';
import { TRIGGER } from './trigger.ts';

export { seen, type Seen } from './figure-state.ts';
import { seen, type Seen } from './figure-state.ts';

/** The end state of a step, as the reader sees it. */
export function checkEndState(s: Seen, step: ExpectedStep): void {
  expect(s.label, 'the live figure is labelled with the active step’s alt').toBe(step.alt);
  expect(s.camera, 'the camera move has ended').toBe('still');
  expect(s.dots, `markers shown for ${step.id}`).toEqual(step.dots);
  expect(s.areas, `areas shown for ${step.id}`).toEqual(step.areas);
  expect(s.outside, `focused places of ${step.id} inside the visible figure`).toEqual([]);
  expect(s.routes.map((r) => r.id).sort(), `routes of ${step.id}`).toEqual([...step.routes].sort());
  for (const r of s.routes)
    expect(r.drawn, `route ${r.id} of ${step.id} drawn in full (${r.drawn.toFixed(1)} of ${r.total.toFixed(1)})`).toBeGreaterThanOrEqual(r.total - 1);
}

/** Where the trigger line is: in a step, between steps (after `step`), above the first or below the last. */
export interface AtTrigger {
  step: ExpectedStep;
  where: 'crossing' | 'gap' | 'above' | 'below';
  /** Whether any of the live figure's map is in the viewport. */
  figureInView: boolean;
}

/**
 * The step that should be active now, by geometry alone: the step whose box crosses the trigger
 * line; in a gap between chapters, the one above it; above the first step, the first (the
 * figure's state on a fresh load). Below the last step the figure has scrolled away with the story.
 */
export async function stepAtTrigger(page: Page): Promise<AtTrigger> {
  const at = await page.evaluate((t) => {
    const line = innerHeight * (innerWidth >= t.minWide ? t.wide : t.narrow);
    const els = [...document.querySelectorAll<HTMLElement>('[data-step]')];
    const map = document.querySelector('[data-live-figure] svg.map')!.getBoundingClientRect();
    const figureInView = map.bottom > 0 && map.top < innerHeight && map.width > 0;
    // A chapter the browser has not laid out yet (content-visibility: auto) keeps its estimated
    // height, and measuring a step inside it lays out only that step: it may seem to overlap the
    // chapters below. So: the last chapter that begins above the line, then its steps, as a reader
    // sees them (every step of an earlier chapter is above the line, every later one below).
    const chapters = [...document.querySelectorAll<HTMLElement>('[data-chapter]')];
    const current = chapters.filter((c) => c.getBoundingClientRect().top <= line).at(-1);
    const inChapter = (el: HTMLElement) => el.closest('[data-chapter]') === current;
    const crossing = els.filter(inChapter).find((el) => {
      const r = el.getBoundingClientRect();
      return r.top <= line && r.bottom > line;
    });
    if (crossing) return { id: crossing.id, where: 'crossing' as const, figureInView };
    const currentIndex = current ? chapters.indexOf(current) : -1;
    const above = els.filter((el) => {
      const c = chapters.indexOf(el.closest<HTMLElement>('[data-chapter]')!);
      return c < currentIndex || (c === currentIndex && el.getBoundingClientRect().top <= line);
    });
    if (above.length === 0) return { id: els[0]!.id, where: 'above' as const, figureInView };
    return { id: above.at(-1)!.id, where: above.length === els.length ? ('below' as const) : ('gap' as const), figureInView };
  }, TRIGGER);
  const step = stepById.get(at.id);
  if (!step) throw new Error(`step ${at.id} is on the page but not in the content`);
  return { step, where: at.where, figureInView: at.figureInView };
}

/**
 * Wait until the live figure shows the end state of the step at the trigger line, and check it.
 * Retries while a camera move or a late scroll event is still settling. The trigger line must be
 * in a step (or, with `allowAbove`, above the first step with the figure in view).
 */
export async function expectActiveEndState(page: Page, opts: { timeout?: number; expectStep?: string; allowAbove?: boolean } = {}): Promise<ExpectedStep> {
  let step: ExpectedStep | undefined;
  await expect(async () => {
    const at = await stepAtTrigger(page);
    step = at.step;
    expect([at.where], 'where the trigger line is').toEqual(
      opts.allowAbove ? expect.arrayContaining([expect.stringMatching(/^(crossing|above)$/)]) : ['crossing'],
    );
    if (opts.expectStep) expect(step.id, 'the step at the trigger line').toBe(opts.expectStep);
    await waitForSettled(page);
    checkEndState(await seen(page, step.focus), step);
  }).toPass({ timeout: opts.timeout ?? 10_000, intervals: [100, 250, 500, 1000] });
  return step!;
}

/**
 * Scroll so that the trigger line sits at `at` (0…1) of a step's box: well inside it, past the
 * share of progress over which new routes draw (25 %), so the end state is due.
 */
export async function scrollToStep(page: Page, id: string, at = 0.5): Promise<void> {
  await page.evaluate(
    async ({ id, at, t }) => {
      const el = document.getElementById(id)!;
      const line = innerHeight * (innerWidth >= t.minWide ? t.wide : t.narrow);
      // Steps and chapters far from the view have estimated sizes until the browser lays them
      // out, a frame or two after the view comes near them: scroll again until the step stays
      // put for three checks in a row, as a reader's scroll would arrive with them laid out.
      let still = 0;
      for (let i = 0; i < 40 && still < 3; i++) {
        const r = el.getBoundingClientRect();
        const off = r.top + r.height * at - line;
        if (Math.abs(off) < 1) still++;
        else {
          still = 0;
          scrollTo({ top: scrollY + off, behavior: 'instant' });
        }
        await new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)));
      }
    },
    { id, at, t: TRIGGER },
  );
}

/** Scroll from one offset to another in `ms` milliseconds, one step per animation frame. */
export async function sweep(page: Page, to: 'top' | 'bottom' | number, ms: number): Promise<number> {
  return page.evaluate(
    ({ to, ms }) =>
      new Promise<number>((resolve) => {
        const from = scrollY;
        const target = to === 'top' ? 0 : to === 'bottom' ? document.documentElement.scrollHeight - innerHeight : to;
        const t0 = performance.now();
        const frame = (now: number) => {
          const k = Math.min(1, (now - t0) / ms);
          scrollTo({ top: from + (target - from) * k, behavior: 'instant' });
          if (k < 1) requestAnimationFrame(frame);
          else resolve(performance.now() - t0);
        };
        requestAnimationFrame(frame);
      }),
    { to, ms },
  );
}
