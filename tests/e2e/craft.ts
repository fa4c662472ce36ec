/**
 * The figure-craft audit (issue 9's "Done when"), measured in the browser on the live figure once
 * it settles: overlapping, clipped and too-small figure texts, map labels under the step text or
 * the figure's own furniture, named places not shown, and the phone map region's size. Shared by
 * tests/e2e/craft.spec.ts and `npm run shots` (src/scripts/shots.ts), so both report the same
 * violations. The box geometry is src/lib/audit/geometry.ts (unit-tested), injected into the page.
 */
import type { Page } from '@playwright/test';
import { clipSides, clsOf, intersect, overlappingPairs, regionChanges, type Rect } from '../../src/lib/audit/geometry.ts';

export type Kind =
  /** (a) two visible figure texts overlap */
  | 'overlap'
  /** (b) a figure text cut by its figure, a panel or the viewport */
  | 'clipped'
  /** (c) a figure text rendered below 12 px (map place labels 13 px) */
  | 'small'
  /** (d) a map label under the step text, a card, a panel, the key, the locator or the top bar */
  | 'covered'
  /** (e) a place the step names is not labelled or not visible */
  | 'unnamed'
  /** (f) phones: map region under 48 % of the viewport height, or intersecting step text */
  | 'region'
  /** (f) phones: the map region changed size between steps */
  | 'resized'
  /** layout shift through a full scroll above 0.01 */
  | 'cls';

export const KINDS: Kind[] = ['overlap', 'clipped', 'small', 'covered', 'unnamed', 'region', 'resized', 'cls'];

export interface Violation {
  step: string;
  viewport: string;
  scheme: string;
  kind: Kind;
  /** The figure texts concerned (labels as printed). */
  texts: string[];
  detail: string;
}

export interface StepAudit {
  violations: Violation[];
  /** Phones only: the sticky map region's size (for the between-steps check). */
  region: { width: number; height: number } | null;
  /** Which of the step's inline figures (index among them) were not rendered yet where it settled. */
  unrendered: number[];
}

export const VIEWPORTS = [
  { width: 320, height: 640 },
  { width: 390, height: 844 },
  { width: 768, height: 1024 },
  { width: 1280, height: 800 },
  { width: 1920, height: 1080 },
] as const;

export interface AuditOptions {
  /** The wide layout's media query (LAYOUT.wideQuery): narrower is a phone. */
  wideQuery: string;
  minFigurePx: number;
  minPlacePx: number;
  /** Share of the viewport height the phone map region must take. */
  minRegionShare: number;
  /** Overlap / clip tolerance, px. */
  tol: number;
}

export const DEFAULT_AUDIT: AuditOptions = { wideQuery: '(min-width: 64rem)', minFigurePx: 12, minPlacePx: 13, minRegionShare: 0.48, tol: 1 };

type Found = Omit<Violation, 'step' | 'viewport' | 'scheme'>;

interface Geometry {
  intersect: typeof intersect;
  clipSides: typeof clipSides;
  overlappingPairs: typeof overlappingPairs;
}

/**
 * Runs in the page (serialised by page.evaluate, with the geometry helpers passed as `G`): no
 * closures over module scope.
 */
function auditInPage(
  a: { step: string; opt: AuditOptions; inlineOnly?: number },
  G: Geometry,
): { found: Found[]; region: { width: number; height: number } | null; unrendered: number[] } {
  const { step, opt } = a;
  const found: Found[] = [];
  const R = (r: DOMRect): Rect => ({ left: r.left, top: r.top, right: r.right, bottom: r.bottom });
  const viewport: Rect = { left: 0, top: 0, right: innerWidth, bottom: innerHeight };
  const round = (n: number) => Math.round(n * 10) / 10;

  const styles = new Map<Element, CSSStyleDeclaration>();
  const getComputedStyle = (el: Element): CSSStyleDeclaration => {
    let s = styles.get(el);
    if (!s) styles.set(el, (s = window.getComputedStyle(el)));
    return s;
  };
  /** Rendered, with some opacity, and not hidden. */
  const shown = (el: Element): boolean => {
    const r = el.getBoundingClientRect();
    if (r.width <= 0 || r.height <= 0) return false;
    const s = getComputedStyle(el);
    if (s.visibility !== 'visible' || s.display === 'none') return false;
    let alpha = 1;
    for (let n: Element | null = el; n; n = n.parentElement) {
      const ns = getComputedStyle(n);
      if (ns.display === 'none') return false;
      alpha *= Number(ns.opacity);
    }
    return alpha > 0.05;
  };

  // --- paint order: is `a` painted above `b`? (approximates CSS stacking within their common stacking context)
  const chain = (el: Element) => {
    const c: Element[] = [];
    for (let n: Element | null = el; n; n = n.parentElement) c.unshift(n);
    return c;
  };
  const layer = (els: Element[]): [number, number] => {
    // The outermost stacking context below the common ancestor decides; else positioned beats in-flow.
    let positioned = false;
    for (const n of els) {
      const s = getComputedStyle(n);
      const pos = s.position !== 'static';
      if ((pos && s.zIndex !== 'auto') || s.position === 'fixed' || s.position === 'sticky') return [2, s.zIndex === 'auto' ? 0 : Number(s.zIndex)];
      if (pos || s.transform !== 'none' || Number(s.opacity) < 1) positioned = true;
    }
    return positioned ? [1, 0] : [0, 0];
  };
  const paintedAbove = (x: Element, y: Element): boolean => {
    const cx = chain(x);
    const cy = chain(y);
    let i = 0;
    while (i < cx.length && i < cy.length && cx[i] === cy[i]) i++;
    if (i >= cx.length) return false; // x contains y
    if (i >= cy.length) return true; // y contains x: x is painted over it
    const [lx, zx] = layer(cx.slice(i));
    const [ly, zy] = layer(cy.slice(i));
    const kx = lx === 2 ? (zx < 0 ? -1 : zx === 0 ? 1 : 2 + zx) : lx;
    const ky = ly === 2 ? (zy < 0 ? -1 : zy === 0 ? 1 : 2 + zy) : ly;
    if (kx !== ky) return kx > ky;
    return !!(cx[i]!.compareDocumentPosition(cy[i]!) & Node.DOCUMENT_POSITION_PRECEDING);
  };

  // --- figure texts: ink box and rendered size
  const ctx = document.createElement('canvas').getContext('2d')!;
  interface T {
    el: SVGTextElement;
    text: string;
    ink: Rect;
    px: number;
  }
  const measure = (el: SVGTextElement): T | null => {
    const text = (el.textContent ?? '').replace(/\s+/g, ' ').trim();
    if (!text || !shown(el)) return null;
    const r = el.getBoundingClientRect();
    const s = getComputedStyle(el);
    const m = el.getScreenCTM();
    const scale = m ? Math.hypot(m.a, m.b) : 1;
    const size = parseFloat(s.fontSize);
    const px = size * scale;
    ctx.font = `${s.fontStyle} ${s.fontWeight} ${s.fontSize} ${s.fontFamily}`;
    // Measure the text as drawn: its case (text-transform) and letter spacing, as the country names set them.
    ctx.letterSpacing = s.letterSpacing === 'normal' ? '0px' : s.letterSpacing;
    const drawn = s.textTransform === 'uppercase' ? text.toUpperCase() : s.textTransform === 'lowercase' ? text.toLowerCase() : text;
    const mt = ctx.measureText(drawn);
    let ink = R(r);
    const emH = (mt.fontBoundingBoxAscent + mt.fontBoundingBoxDescent) * scale;
    const oneLine =
      el.querySelectorAll('tspan').length <= 1 && Math.abs(r.height - emH) < 0.25 * r.height && Math.abs(r.width - mt.width * scale) < 0.1 * r.width + 2;
    if (oneLine) {
      // The glyphs' ink inside the advance box (the em box is taller than the letters).
      const top = r.top + (mt.fontBoundingBoxAscent - mt.actualBoundingBoxAscent) * scale;
      ink = {
        left: r.left - mt.actualBoundingBoxLeft * scale,
        right: r.left + mt.actualBoundingBoxRight * scale,
        top,
        bottom: top + (mt.actualBoundingBoxAscent + mt.actualBoundingBoxDescent) * scale,
      };
    }
    return { el, text, ink, px };
  };
  /** The visible texts of `root`, a halo copy (same words on the same spot) counted once. */
  const textsOf = (root: Element): T[] => {
    const all = [...root.querySelectorAll<SVGTextElement>('text')].map(measure).filter((t): t is T => t !== null);
    return all.filter(
      (t, i) =>
        !all.some(
          (u, j) =>
            j < i &&
            u.text === t.text &&
            Math.abs(u.ink.left - t.ink.left) < 2 &&
            Math.abs(u.ink.top - t.ink.top) < 2 &&
            Math.abs(u.ink.right - t.ink.right) < 2 &&
            Math.abs(u.ink.bottom - t.ink.bottom) < 2,
        ),
    );
  };
  const meet = (boxes: (Rect | null)[]): Rect | null => boxes.reduce<Rect | null>((acc, b) => (acc && b ? G.intersect(acc, b, -1e9) : null), boxes[0] ?? null);

  /** (a), (b), (c) for one figure's texts. */
  const checkTexts = (where: string, texts: T[], containers: { name: string; box: Rect }[], minPx: (t: T) => number) => {
    for (const [i, j] of G.overlappingPairs(
      texts.map((t) => t.ink),
      opt.tol,
    )) {
      const o = G.intersect(texts[i]!.ink, texts[j]!.ink)!;
      found.push({
        kind: 'overlap',
        texts: [texts[i]!.text, texts[j]!.text],
        detail: `${where}: ${round(o.right - o.left)}×${round(o.bottom - o.top)} px overlap`,
      });
    }
    for (const t of texts) {
      for (const c of containers) {
        const sides = G.clipSides(t.ink, c.box, opt.tol);
        if (sides.length) {
          found.push({ kind: 'clipped', texts: [t.text], detail: `${where}: cut by the ${c.name} (${sides.join(', ')})` });
          break;
        }
      }
      const min = minPx(t);
      if (t.px < min - 0.05) found.push({ kind: 'small', texts: [t.text], detail: `${where}: ${round(t.px)} px (minimum ${min})` });
    }
  };

  const figure = document.querySelector('[data-live-figure]');
  const map = figure?.querySelector<SVGSVGElement>('svg.map');
  const stepEl = document.getElementById(step);
  if (!figure || !map || !stepEl) return { found: [{ kind: 'unnamed', texts: [], detail: 'no live figure or no step element' }], region: null, unrendered: [] };

  // Inline charts and timelines in the step column (the active step's own figures). One the
  // browser has not rendered yet (content-visibility: auto, below the viewport) is not what a
  // reader sees: it is listed, scrolled into view and audited there (auditSteps, `inlineOnly`).
  const unrendered: number[] = [];
  const inline = [...stepEl.querySelectorAll<SVGSVGElement>('svg.chart, svg.timeline')].filter((svg) => !svg.closest('[data-live-figure]'));
  for (const [i, svg] of inline.entries()) {
    if (a.inlineOnly !== undefined && i !== a.inlineOnly) continue;
    if (!shown(svg)) continue;
    if (!svg.checkVisibility({ contentVisibilityAuto: true })) {
      unrendered.push(i);
      continue;
    }
    const kind = svg.getAttribute('class')?.split(' ')[0] ?? 'figure';
    const holder = svg.closest('figure') ?? svg.parentElement!;
    checkTexts(
      `inline ${kind}`,
      textsOf(svg),
      [
        { name: `${kind}`, box: R(svg.getBoundingClientRect()) },
        { name: 'step column', box: R(holder.getBoundingClientRect()) },
      ],
      () => opt.minFigurePx,
    );
  }
  if (a.inlineOnly !== undefined) return { found, region: null, unrendered };
  const mapBox = R(map.getBoundingClientRect());
  const topbar = document.querySelector('[data-topbar]');

  // The live map's texts.
  // A text wholly outside the visible map (a country far off camera) is not seen: not a figure text now.
  const mapTexts = textsOf(map).filter((t) => G.intersect(t.ink, mapBox) && G.intersect(t.ink, viewport));
  checkTexts(
    'map',
    mapTexts,
    [
      { name: 'map', box: mapBox },
      { name: 'viewport', box: viewport },
    ],
    (t) => (t.el.closest('.label--place') ? opt.minPlacePx : opt.minFigurePx),
  );

  // Panels in the live figure (today's charts and timelines over the map).
  const panels = [...figure.querySelectorAll('[data-panel]')].filter((p) => shown(p) && p.querySelector('text'));
  for (const p of panels) {
    for (const svg of p.querySelectorAll('svg')) {
      if (!shown(svg)) continue;
      const kind = svg.getAttribute('class')?.split(' ')[0] ?? 'panel';
      checkTexts(
        `${kind} panel`,
        textsOf(svg),
        [
          { name: `${kind}`, box: R(svg.getBoundingClientRect()) },
          { name: 'panel', box: R(p.getBoundingClientRect()) },
          { name: 'viewport', box: viewport },
        ],
        () => opt.minFigurePx,
      );
    }
  }

  // HTML text of the figure (key, scale bar, caption): (c) only.
  for (const el of figure.querySelectorAll('*')) {
    if (el.closest('svg') || el.closest('.visually-hidden')) continue;
    if (![...el.childNodes].some((n) => n.nodeType === Node.TEXT_NODE && (n.textContent ?? '').trim())) continue;
    if (!shown(el)) continue;
    const px = parseFloat(getComputedStyle(el).fontSize);
    const where = el.closest('.figure-key') ? 'key' : el.closest('figcaption') ? 'caption' : 'figure';
    const words = (el.textContent ?? '').replace(/\s+/g, ' ').trim();
    if (px < opt.minFigurePx - 0.05)
      found.push({
        kind: 'small',
        texts: [words.length > 40 ? `${words.slice(0, 40)}…` : words],
        detail: `${where}: ${round(px)} px (minimum ${opt.minFigurePx})`,
      });
  }

  // (d) map labels under things painted above the map.
  const overlays: { name: string; el: Element }[] = [];
  if (topbar) overlays.push({ name: 'top bar', el: topbar });
  for (const card of document.querySelectorAll('.step-card')) {
    const id = card.closest('[data-step]')?.id ?? '';
    overlays.push({ name: id === step ? 'step text' : `card of ${id}`, el: card });
  }
  // A live panel's box may fill the map's cell while only its drawing is painted: its drawings count.
  for (const p of figure.querySelectorAll('[data-panel]')) for (const svg of p.querySelectorAll('svg')) overlays.push({ name: 'panel', el: svg });
  const key = figure.querySelector('.figure-key');
  if (key) overlays.push({ name: 'key', el: key });
  // On phones the scale bar sits over the map's bottom-start corner (absolutely placed: not in the key's box).
  for (const bar of figure.querySelectorAll('[data-scale-bar]')) overlays.push({ name: 'scale bar', el: bar });
  const locator = figure.querySelector('svg.locator');
  if (locator) overlays.push({ name: 'locator', el: locator });
  const above = overlays
    .filter((o) => shown(o.el))
    .map((o) => ({ ...o, box: R(o.el.getBoundingClientRect()) }))
    .filter((o) => G.intersect(o.box, mapBox) && G.intersect(o.box, viewport) && paintedAbove(o.el, map));
  const mapLabels = mapTexts.filter((t) => t.el.closest('[data-label]'));
  for (const t of mapLabels) {
    const under = above.filter((o) => G.intersect(t.ink, o.box, opt.tol));
    if (under.length) found.push({ kind: 'covered', texts: [t.text], detail: `under the ${under.map((o) => o.name).join(', ')}` });
  }

  // (e) every place the step names is labelled and visible.
  let scene: { places?: string[]; named?: string[] } = {};
  try {
    // The step's part of the page's data block (src/lib/scene/page-data.ts).
    const data = JSON.parse(document.getElementById('story-data')?.textContent ?? '{}') as { scenes?: Record<string, typeof scene> };
    scene = data.scenes?.[(stepEl as HTMLElement).dataset.step ?? ''] ?? {};
  } catch {
    /* reported below as unnamed places */
  }
  const named = scene.named ?? scene.places ?? [];
  const seenArea = meet([mapBox, viewport, topbar && shown(topbar) ? { ...viewport, top: topbar.getBoundingClientRect().bottom } : null]) ?? mapBox;
  for (const id of named) {
    const g = map.querySelector(`[data-label="${CSS.escape(id)}"]`);
    const t = g ? mapLabels.find((x) => g.contains(x.el)) : undefined;
    if (!g) {
      found.push({ kind: 'unnamed', texts: [id], detail: 'the step names it; no label drawn' });
      continue;
    }
    if (!t) {
      found.push({ kind: 'unnamed', texts: [g.textContent?.trim() || id], detail: 'label drawn but hidden' });
      continue;
    }
    const cx = (t.ink.left + t.ink.right) / 2;
    const cy = (t.ink.top + t.ink.bottom) / 2;
    const inside = cx >= seenArea.left && cx <= seenArea.right && cy >= seenArea.top && cy <= seenArea.bottom;
    const hiddenBy = above.find((o) => cx >= o.box.left && cx <= o.box.right && cy >= o.box.top && cy <= o.box.bottom);
    if (!inside) found.push({ kind: 'unnamed', texts: [t.text], detail: 'label outside the visible map' });
    else if (hiddenBy) found.push({ kind: 'unnamed', texts: [t.text], detail: `label hidden by the ${hiddenBy.name}` });
  }

  // (f) phones: the map region.
  let region: { width: number; height: number } | null = null;
  if (!matchMedia(opt.wideQuery).matches) {
    const parts = [mapBox];
    if (key && shown(key)) parts.push(R(key.getBoundingClientRect()));
    const union = parts.reduce((u, b) => ({
      left: Math.min(u.left, b.left),
      top: Math.min(u.top, b.top),
      right: Math.max(u.right, b.right),
      bottom: Math.max(u.bottom, b.bottom),
    }));
    const visible = G.intersect(union, viewport, -1e9) ?? { ...union, bottom: union.top };
    const h = Math.max(0, visible.bottom - visible.top);
    region = { width: union.right - union.left, height: union.bottom - union.top };
    if (h < opt.minRegionShare * innerHeight - 0.5) {
      found.push({
        kind: 'region',
        texts: [],
        detail: `map region ${Math.round(h)} px tall = ${Math.round((h / innerHeight) * 100)} % of the viewport (minimum ${opt.minRegionShare * 100} %)`,
      });
    }
    for (const card of document.querySelectorAll('.step-card')) {
      const owner = card.closest('[data-step]');
      const active = owner === stepEl;
      for (const line of card.children) {
        if (!shown(line) || !(line.textContent ?? '').trim()) continue;
        const b = R(line.getBoundingClientRect());
        if (!G.intersect(b, union, opt.tol) || !G.intersect(b, viewport, opt.tol)) continue;
        if (active || paintedAbove(line, map)) {
          const words = (line.textContent ?? '').replace(/\s+/g, ' ').trim();
          found.push({
            kind: 'region',
            texts: [words.length > 40 ? `${words.slice(0, 40)}…` : words],
            detail: `${active ? 'step' : `${owner?.id ?? '?'}`} text ${active && !paintedAbove(line, map) ? 'hidden under' : 'over'} the map region`,
          });
        }
      }
    }
  }
  return { found, region, unrendered };
}

/**
 * Wait until the live figure shows `step` settled (active step, camera still, fonts loaded) after
 * the caller brought the step into view.
 */
export async function settle(page: Page, step: string, timeout = 8000): Promise<void> {
  await page.waitForFunction(
    (id) =>
      document.documentElement.dataset.activeStep === id &&
      document.querySelector('[data-live-figure] svg.map')?.getAttribute('data-camera') === 'still' &&
      document.fonts.status === 'loaded',
    step,
    { timeout },
  );
}

/** Bring `step` into view as a reader scrolling there would, and wait for the figure to settle. */
export async function goToStep(page: Page, step: string): Promise<void> {
  await page.evaluate((id) => document.getElementById(id)?.scrollIntoView({ block: 'start' }), step);
  try {
    await settle(page, step, 5000);
    return;
  } catch {
    // A step the page cannot scroll far enough to activate (the last one): open it as a deep link does.
  }
  await page.evaluate((id) => {
    location.hash = '';
    location.hash = `#${id}`;
  }, step);
  try {
    await settle(page, step, 5000);
  } catch {
    const state = await page.evaluate(() => ({
      active: document.documentElement.dataset.activeStep,
      camera: document.querySelector('[data-live-figure] svg.map')?.getAttribute('data-camera'),
      fonts: document.fonts.status,
    }));
    throw new Error(`#${step} did not settle, by scrolling to it or by its link: active step ${state.active}, camera ${state.camera}, fonts ${state.fonts}`);
  }
}

/** Audit the settled live figure at `step`. */
export async function auditStep(
  page: Page,
  step: string,
  viewport: string,
  scheme: string,
  opt: AuditOptions = DEFAULT_AUDIT,
  /** Audit only this inline figure of the step (an index among them). */
  inlineOnly?: number,
): Promise<StepAudit> {
  const G = `(() => { ${intersect.toString()}\n${clipSides.toString()}\n${overlappingPairs.toString()}\nreturn { intersect, clipSides, overlappingPairs }; })()`;
  const res = (await page.evaluate(`(${auditInPage.toString()})(${JSON.stringify({ step, opt, inlineOnly })}, ${G})`)) as ReturnType<typeof auditInPage>;
  return { violations: res.found.map((f) => ({ step, viewport, scheme, ...f })), region: res.region, unrendered: res.unrendered };
}

/**
 * The step's inline charts and timelines the browser had not rendered where the step settled
 * (below the viewport: content-visibility): each is scrolled into view, as a reader reading on
 * meets it, and audited there.
 */
async function auditUnrenderedInline(page: Page, step: string, viewport: string, scheme: string, opt: AuditOptions, which: number[]): Promise<Violation[]> {
  const found: Violation[] = [];
  for (const i of which) {
    const rendered = await page.evaluate(
      async ({ id, i }) => {
        const svg = [...document.getElementById(id)!.querySelectorAll<SVGSVGElement>('svg.chart, svg.timeline')].filter(
          (s) => !s.closest('[data-live-figure]'),
        )[i]!;
        (svg.closest('figure') ?? svg).scrollIntoView({ block: 'center' });
        // The browser renders it within a frame or two of it coming into view.
        for (let f = 0; f < 60 && !svg.checkVisibility({ contentVisibilityAuto: true }); f++) await new Promise((done) => requestAnimationFrame(done));
        return svg.checkVisibility({ contentVisibilityAuto: true });
      },
      { id: step, i },
    );
    if (!rendered) throw new Error(`#${step}: inline figure ${i + 1} scrolled into view is still not rendered`);
    found.push(...(await auditStep(page, step, viewport, scheme, opt, i)).violations);
  }
  return found;
}

/** Audit every step in order on one page (one viewport × scheme), including the region's size between steps. */
export async function auditSteps(page: Page, steps: string[], viewport: string, scheme: string, opt: AuditOptions = DEFAULT_AUDIT): Promise<Violation[]> {
  const all: Violation[] = [];
  const regions: { step: string; width: number; height: number }[] = [];
  for (const step of steps) {
    await goToStep(page, step);
    const r = await auditStep(page, step, viewport, scheme, opt);
    all.push(...r.violations);
    all.push(...(await auditUnrenderedInline(page, step, viewport, scheme, opt, r.unrendered)));
    if (r.region) regions.push({ step, ...r.region });
  }
  for (const c of regionChanges(regions)) all.push({ step: c.step, viewport, scheme, kind: 'resized', texts: [], detail: c.detail });
  return all;
}

/**
 * Cumulative Layout Shift (largest session window, shifts after input excluded) through one full
 * scroll from the top to the bottom of the page, a screen at a time.
 */
export async function clsThroughScroll(page: Page): Promise<{ cls: number; shifts: { time: number; value: number }[] }> {
  await page.evaluate(() => {
    const w = window as unknown as { __shifts: { time: number; value: number }[] };
    w.__shifts = [];
    new PerformanceObserver((list) => {
      for (const e of list.getEntries() as (PerformanceEntry & { value: number; hadRecentInput: boolean })[]) {
        if (!e.hadRecentInput) w.__shifts.push({ time: e.startTime, value: e.value });
      }
    }).observe({ type: 'layout-shift', buffered: false });
  });
  for (;;) {
    const done = await page.evaluate(async () => {
      const frame = () => new Promise((r) => requestAnimationFrame(() => r(null)));
      const before = scrollY;
      scrollBy(0, Math.round(innerHeight * 0.6));
      await frame();
      await frame();
      return scrollY === before || scrollY + innerHeight >= document.documentElement.scrollHeight - 1;
    });
    if (done) break;
  }
  // One more pair of frames for the last shift to be reported.
  const shifts = await page.evaluate(async () => {
    await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(() => r(null))));
    return (window as unknown as { __shifts: { time: number; value: number }[] }).__shifts;
  });
  return { cls: clsOf(shifts), shifts };
}

/** A readable listing: one line per violation. */
export function formatViolations(vs: Violation[], max = 200): string {
  const more = vs.length > max ? `\n… and ${vs.length - max} more (all of them: npm run shots -- --audit-only, then shots/audit.json)` : '';
  return (
    vs
      .slice(0, max)
      .map((v) => `${v.viewport} ${v.scheme} #${v.step} ${v.kind}: ${v.texts.map((t) => `"${t}"`).join(' + ')}${v.texts.length ? ' — ' : ''}${v.detail}`)
      .join('\n') + more
  );
}

/** Counts by kind per viewport×scheme, and the number of steps concerned. */
export function tally(vs: Violation[]): Map<string, Record<Kind, number> & { steps: number }> {
  const out = new Map<string, Record<Kind, number> & { steps: number }>();
  const steps = new Map<string, Set<string>>();
  for (const v of vs) {
    const k = `${v.viewport} ${v.scheme}`;
    const row = out.get(k) ?? (Object.fromEntries([...KINDS.map((x) => [x, 0]), ['steps', 0]]) as Record<Kind, number> & { steps: number });
    row[v.kind]++;
    const s = steps.get(k) ?? new Set();
    s.add(v.step);
    steps.set(k, s);
    row.steps = s.size;
    out.set(k, row);
  }
  return out;
}
