/**
 * The scroll controller: the page's only scroll/intersection user. One scrollama instance; on
 * step enter it reads the step's serialised Scene and draws it in the live figure; progress draws
 * new routes; the URL follows with history.replaceState. Marks the page live once it runs.
 */
import scrollama from 'scrollama';
import { cameraFor, clampView, type Insets } from '../lib/geo/camera.ts';
import { sceneToMarks } from '../lib/marks/scene-to-marks.ts';
import { scaleBar } from '../lib/marks/sizes.ts';
import { drawnAt, progressiveRoutes } from '../lib/scene/progress.ts';
import type { BrowserAtlas } from '../lib/scene/atlas.ts';
import { LAYOUT } from '../lib/scene/layout.ts';
import type { Scene } from '../lib/scene/types.ts';
import { setupChrome } from './chrome.ts';
import { rememberSize, drawMarks, flyTo, routeDrawn, setCamera, setRouteDrawn, unitsPerPixel, currentBox } from '../render/draw-scene.ts';

const WIDE = LAYOUT.wideQuery;
/** Width of the scale bar's box on wide screens, px (the CSS gives .scale-bar-line the same). */
const SCALE_BAR_PX = 110;
/** Trigger line as a share of the viewport height: the same figure CSS uses for the layout. */
const TRIGGER = LAYOUT.trigger;
/** Wide screens: the figure has its own column, which nothing covers. */
const wideInsets: Insets = LAYOUT.insets.wide;

function start(): void {
  const figure = document.querySelector<HTMLElement>('[data-live-figure]');
  const svg = figure?.querySelector<SVGSVGElement>('svg.map');
  const steps = [...document.querySelectorAll<HTMLElement>('[data-step]')];
  if (!figure || !svg || steps.length === 0) return;
  const atlas = JSON.parse(figure.dataset.atlas ?? '{}') as BrowserAtlas;
  const key = figure.querySelector<HTMLElement>('.figure-key');
  const announcer = figure.querySelector<HTMLElement>('[data-announcer]');
  const scaleLine = figure.querySelector<HTMLElement>('.scale-bar-line');
  const scaleLabel = figure.querySelector<HTMLElement>('.scale-bar-label');
  const locator = figure.querySelector<SVGSVGElement>('svg.locator');
  const locatorRect = locator?.querySelector<SVGRectElement>('[data-locator-rect]') ?? null;
  const wide = matchMedia(WIDE);
  const reduce = matchMedia('(prefers-reduced-motion: reduce)');
  const index = new Map(steps.map((el, i) => [el, i]));

  let activeIndex = -1;
  let activeScene: Scene | null = null;
  let progressive: string[] = [];

  const motion = () => !reduce.matches && document.documentElement.dataset.motion !== 'off';
  // Nothing covers the map any more (the key sits under it, charts and timelines in the text):
  // the layout's insets hold at every step.
  const phoneInsets: Insets = LAYOUT.insets.phone;
  const target = (scene: Scene) => {
    const { width, height } = svg.getBoundingClientRect();
    const subject = wide.matches ? scene.camera : scene.phoneCamera;
    const insets = wide.matches ? wideInsets : phoneInsets;
    return clampView(cameraFor(subject, width / height, insets), atlas.limits, subject, insets);
  };
  /** Whether the figure is on screen with a size (not hidden, e.g. in print). */
  const measurable = () => {
    const { width, height } = svg.getBoundingClientRect();
    return width > 0 && height > 0;
  };
  const updateScale = () => {
    const box = currentBox(svg);
    if (scaleLine && scaleLabel) {
      // The line's box is narrower on phones (CSS): read its width (layout px, before the scale).
      const boxPx = scaleLine.offsetWidth || SCALE_BAR_PX;
      const bar = scaleBar(atlas.kmPerUnit, unitsPerPixel(svg, box), boxPx);
      // A fixed box whose line is scaled: nothing around it moves as the camera flies.
      scaleLine.style.setProperty('--scale', String(bar.px / boxPx));
      const text = `${bar.km.toLocaleString('en-GB')} km`;
      if (scaleLabel.textContent !== text) scaleLabel.textContent = text;
    }
    // Locator inset: where the camera is, shown only when zoomed in.
    if (locator && locatorRect) {
      locator.classList.toggle('is-shown', box.w < atlas.width * 0.45);
      locatorRect.setAttribute('x', String(Math.round(box.x)));
      locatorRect.setAttribute('y', String(Math.round(box.y)));
      locatorRect.setAttribute('width', String(Math.round(box.w)));
      locatorRect.setAttribute('height', String(Math.round(box.h)));
    }
  };

  function activate(i: number, how: { fromPrevious: boolean }): void {
    const el = steps[i];
    if (!el || i === activeIndex) return;
    const scene = JSON.parse(el.dataset.scene ?? 'null') as Scene | null;
    if (!scene) return;
    const animate = motion();
    progressive = progressiveRoutes(scene, activeScene, { fromPrevious: how.fromPrevious, motion: animate });
    // Progress events may come before the enter event, or not at all after a jump: start from
    // where this one step stands now (one measurement per step change, not per frame).
    const drawn: Record<string, number> = {};
    const now = drawnAt(progressOf(el));
    for (const id of progressive) drawn[id] = now;
    if (now >= 1) progressive = [];
    const marks = sceneToMarks(scene, atlas);
    // The key: the step's own build-time legend (its chart or timeline is inline in its text).
    const staticFigure = el.querySelector('[data-static-figure]');
    const legend = staticFigure?.querySelector('.legend');
    const oldLegend = key?.querySelector('.legend');
    if (legend && oldLegend) oldLegend.replaceWith(legend.cloneNode(true));
    if (measurable()) {
      drawMarks(svg!, marks, unitsPerPixel(svg!, currentBox(svg!)), drawn);
      flyTo(svg!, target(scene), animate ? 800 : 0, updateScale);
    } else {
      drawMarks(svg!, marks, 1, drawn);
    }
    svg!.setAttribute('aria-label', scene.alt);
    if (announcer) announcer.textContent = scene.alt;
    for (const s of steps) s.classList.toggle('is-active', s === el);
    chrome.update(i);
    document.documentElement.dataset.activeStep = scene.step;
    figure!.dataset.figureStep = scene.step;
    if (location.hash !== `#${scene.step}`) history.replaceState(history.state, '', `#${scene.step}`);
    activeIndex = i;
    activeScene = scene;
  }

  /** How far the trigger line has travelled through a step, 0…1. */
  function progressOf(el: HTMLElement): number {
    const r = el.getBoundingClientRect();
    const line = innerHeight * (wide.matches ? TRIGGER.wide : TRIGGER.narrow);
    return Math.min(1, Math.max(0, (line - r.top) / Math.max(1, r.height)));
  }

  /** Whether a step's box crosses the trigger line now. */
  function crosses(el: HTMLElement): boolean {
    const line = innerHeight * (wide.matches ? TRIGGER.wide : TRIGGER.narrow);
    const r = el.getBoundingClientRect();
    return r.top <= line && r.bottom > line;
  }

  /** The step whose box crosses the trigger line now (one pass, at start-up and after jumps only). */
  function stepAtTrigger(): number {
    return steps.findIndex(crosses);
  }

  const chrome = setupChrome({
    steps,
    goTo: (i) => {
      steps[i]?.scrollIntoView({ block: 'start' });
      activate(i, { fromPrevious: false });
    },
    onMotionChange: () => {
      if (activeScene && measurable()) flyTo(svg, target(activeScene), 0, updateScale);
    },
  });

  const scroller = scrollama();
  scroller
    .setup({ step: steps, offset: wide.matches ? TRIGGER.wide : TRIGGER.narrow, progress: true })
    .onStepEnter(({ element, direction }) => {
      // scrollama can report a step late or out of order (scrollama#136): act only on a step
      // that really crosses the trigger line now (one measurement of one element).
      const el = element as HTMLElement;
      if (!crosses(el)) return;
      const i = index.get(el) ?? -1;
      activate(i, { fromPrevious: direction === 'down' && i === activeIndex + 1 });
    })
    .onStepExit(({ element }) => {
      // After a fast scroll the next enter may never come: if the active step left the line, take
      // whichever neighbour crosses it now.
      const i = index.get(element as HTMLElement) ?? -1;
      if (i !== activeIndex) return;
      for (const j of [i + 1, i - 1]) {
        const el = steps[j];
        if (el && crosses(el)) return activate(j, { fromPrevious: j === i + 1 });
      }
    })
    .onStepProgress(({ element, progress }) => {
      if (index.get(element as HTMLElement) !== activeIndex || progressive.length === 0) return;
      const f = drawnAt(progress);
      for (const id of progressive) setRouteDrawn(svg, id, Math.max(routeDrawn(svg, id), f));
      if (f >= 1) progressive = [];
    });

  const settle = () => {
    const i = stepAtTrigger();
    if (i >= 0) activate(i, { fromPrevious: false });
  };
  // When a scroll ends, make sure the figure shows the step on the trigger line: scrollama can
  // drop events in a fast scroll (scrollama#136). One check per scroll, not per frame. Between
  // steps (a chapter heading on the line) the figure keeps the step above; above the first step it
  // shows the first.
  addEventListener('scrollend', () => {
    const current = steps[activeIndex];
    if (current && crosses(current)) return;
    let i = stepAtTrigger();
    if (i < 0) {
      const line = innerHeight * (wide.matches ? TRIGGER.wide : TRIGGER.narrow);
      const above = steps.filter((el) => el.getBoundingClientRect().top <= line).length;
      i = Math.max(0, above - 1);
      if (current && i === activeIndex) return;
    }
    if (i !== activeIndex) activate(i, { fromPrevious: false });
    for (const id of progressive) setRouteDrawn(svg, id, 1);
    progressive = [];
  });

  wide.addEventListener('change', () => {
    // scrollama 3.2's runtime has offset(x); its index.d.ts names a method that does not exist (astro7-notes §5.1).
    (scroller as unknown as { offset(x: number): unknown }).offset(wide.matches ? TRIGGER.wide : TRIGGER.narrow);
  });
  reduce.addEventListener('change', () => {
    if (activeScene && measurable()) flyTo(svg, target(activeScene), 0, updateScale);
  });
  // Resize and rotation: redraw the same state without animation.
  new ResizeObserver((entries) => {
    const size = entries[0]?.contentRect;
    if (size) rememberSize(svg, size.width, size.height);
    if (!activeScene || !measurable()) return;
    flyTo(svg, target(activeScene), 0, updateScale);
    for (const r of activeScene.routes) if (!progressive.includes(r.id)) setRouteDrawn(svg, r.id, r.drawn);
  }).observe(svg);
  // A jump (contents link, back/forward to another #step): show that step's end state at once.
  addEventListener('hashchange', () =>
    requestAnimationFrame(() => {
      const i = stepAtTrigger();
      if (i >= 0 && i !== activeIndex) activate(i, { fromPrevious: false });
      for (const id of progressive) setRouteDrawn(svg, id, 1);
      progressive = [];
    }),
  );

  document.documentElement.classList.add('live');
  settle();
  if (activeIndex < 0) {
    activeScene = JSON.parse(steps[0]!.dataset.scene ?? 'null') as Scene | null;
    if (activeScene && measurable()) setCamera(svg, target(activeScene));
    updateScale();
  }
}

try {
  start();
} catch (error) {
  // The static figures stay; never leave a half-live page.
  document.documentElement.classList.remove('live');
  throw error;
}
