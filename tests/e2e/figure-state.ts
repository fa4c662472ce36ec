/**
 * What the live figure shows, read as a reader sees it — visible markers and areas, drawn route
 * lengths, focused places outside the visible map, its label, camera state — and the inline
 * figures (chart, timeline) in the active step's text; shared by the story, publish and abuse specs.
 */
import type { Page } from '@playwright/test';

export interface Seen {
  dots: string[];
  areas: string[];
  routes: { id: string; drawn: number; total: number }[];
  outside: string[];
  label: string;
  camera: string | null;
  /** Kinds of the inline figures (chart, timeline) in the active step's text, in order. */
  inline: string[];
  /** Charts or timelines drawn inside the live figure (none: they belong in the text). */
  inFigure: number;
}

/** Read what the live figure shows: visible markers, drawn route lengths, focused places outside the visible map. */
export async function seen(page: Page, focus: string[]): Promise<Seen> {
  return page.evaluate((focusIds) => {
    const figure = document.querySelector<HTMLElement>('[data-live-figure]')!;
    const svg = figure.querySelector<SVGSVGElement>('svg.map')!;
    const frame = svg.getBoundingClientRect();
    const visible = (el: Element) => {
      const r = el.getBoundingClientRect();
      const style = getComputedStyle(el);
      return r.width > 0 && r.height > 0 && style.visibility !== 'hidden' && style.display !== 'none' && Number(style.opacity) > 0;
    };
    const inFrame = (el: Element) => {
      const r = el.getBoundingClientRect();
      const cx = r.left + r.width / 2;
      const cy = r.top + r.height / 2;
      return cx >= frame.left && cx <= frame.right && cy >= frame.top && cy <= frame.bottom;
    };
    const dots = [...svg.querySelectorAll('[data-place]')].filter(visible).map((el) => el.getAttribute('data-place')!);
    const areas = [...svg.querySelectorAll('[data-area]')].filter(visible).map((el) => el.getAttribute('data-area')!);
    const routes = [...svg.querySelectorAll<SVGGElement>('g[data-route]')].map((g) => {
      let total = 0;
      let drawn = 0;
      for (const leg of g.querySelectorAll<SVGPathElement>('path')) {
        if (!leg.classList.contains('route-leg')) continue;
        const length = leg.getTotalLength();
        const style = getComputedStyle(leg);
        const dash = parseFloat(style.strokeDasharray.split(/[ ,]+/)[0] ?? '0');
        const offset = parseFloat(style.strokeDashoffset || '0');
        total += length;
        drawn += Number.isFinite(dash) ? Math.max(0, Math.min(length, dash - offset)) : length;
      }
      return { id: g.getAttribute('data-route')!, drawn, total };
    });
    const outside = focusIds.filter((id) => {
      // A place drawn as a label only (the Golan Heights) is where its label is.
      const el = svg.querySelector(`[data-place="${id}"], [data-area="${id}"], [data-label="${id}"]`);
      return !el || !inFrame(el);
    });
    const active = document.getElementById(document.documentElement.dataset.activeStep ?? '');
    const inline = [...(active?.querySelectorAll('.step-card .inline-figure') ?? [])]
      .filter(visible)
      .map((f) => (f.matches('.inline-chart') ? 'chart' : 'timeline'));
    const inFigure = figure.querySelectorAll('svg.chart, svg.timeline').length;
    return {
      dots: dots.sort(),
      areas: areas.sort(),
      routes,
      outside,
      label: svg.getAttribute('aria-label') ?? '',
      camera: svg.getAttribute('data-camera'),
      inline,
      inFigure,
    };
  }, focus);
}
