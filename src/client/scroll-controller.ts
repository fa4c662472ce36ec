/**
 * The scroll controller: the page's only scroll/intersection user. One IntersectionObserver
 * watches a 1 px line at the trigger height, and only the active step and its two neighbours are
 * observed, so the browser's per-frame work does not grow with the story. On step entry it reads
 * the step's Scene (from the page's data block: client/page-data.ts) and draws it in the live
 * figure; while a route new to the figure draws itself, a passive scroll listener measures the
 * active step's progress (and nothing else); the URL follows with history.replaceState once the
 * reader pauses. Marks the page live once it runs.
 *
 * scrollama is not used: it makes one IntersectionObserver per step, plus a progress observer per
 * step with a threshold every 4 px, a ResizeObserver per step and a scroll listener, none of which
 * can be narrowed to the active step.
 */
import { cameraFor, clampView, type Box, type Insets } from '../lib/geo/camera.ts';
import { sceneToMarks } from '../lib/marks/scene-to-marks.ts';
import { withPlacedLabels } from '../lib/marks/figure-labels.ts';
import { sidesOf, type PxBox, type Side } from '../lib/marks/place-labels.ts';
import { scaleBar } from '../lib/marks/sizes.ts';
import { drawnAt, progressiveRoutes } from '../lib/scene/progress.ts';
import type { BrowserAtlas } from '../lib/scene/atlas.ts';
import { LAYOUT } from '../lib/scene/layout.ts';
import { partUrlFor } from '../lib/content/pages.ts';
import type { LiveScene as Scene } from '../lib/scene/types.ts';
import { readPageData, sceneOf } from './page-data.ts';
import { setupChrome, type Chrome } from './chrome.ts';
import { rememberSize, drawMarks, flyTo, routeDrawn, setCamera, setRouteDrawn, unitsPerPixel, currentBox } from '../render/draw-scene.ts';

const WIDE = LAYOUT.wideQuery;
/** Width of the scale bar's box, px (the CSS gives .scale-bar-line the same). */
const SCALE_BAR_PX = 110;
/** The scale bar line's box width in layout px (CSS sets it per layout), read on start and resize. */
let scaleBoxPx = 0;
/** Trigger line as a share of the viewport height: the same figure CSS uses for the layout. */
const TRIGGER = LAYOUT.trigger;
/** The longest camera move with motion on, ms: moves stay under a second (a shorter move takes less: flyTo keeps a steady pace). */
const FLIGHT_MS = 800;

/** The live figure's parts the controller reads and writes. */
interface Figure {
  root: HTMLElement;
  svg: SVGSVGElement;
  atlas: BrowserAtlas;
  key: HTMLElement | null;
  announcer: HTMLElement | null;
  scaleLine: HTMLElement | null;
  scaleLabel: HTMLElement | null;
  locator: SVGSVGElement | null;
  locatorRect: SVGRectElement | null;
  /**
   * The map's size in px and what sits over it, measured on start and whenever the figure is
   * resized (never on a step change or a camera frame, so neither forces a layout).
   */
  size: { width: number; height: number; overlays: PxBox[] };
}

/**
 * The steps' containers (chapters) in page order, each with the range of its steps. A search
 * measures containers first: a chapter off screen is not laid out (content-visibility), and
 * measuring its box does not lay it out, while measuring a step inside it would.
 */
interface Groups {
  els: HTMLElement[];
  /** Index of each container's first step; the last entry is the number of steps. */
  starts: number[];
}

/** What the controller knows between events. */
interface State {
  steps: HTMLElement[];
  groups: Groups;
  index: Map<HTMLElement, number>;
  activeIndex: number;
  activeScene: Scene | null;
  /** Routes drawing with scroll progress in the active step (empty: nothing to do on scroll). */
  progressive: string[];
  /** Insets of the map kept free for the places the step is about (phone and wide). */
  insets: { phone: Insets; wide: Insets };
  /** Which side of its point each label sat on in the last drawing (kept when it still fits). */
  labelSides: Record<string, Side>;
  /** A scroll has ended and its check (the scrollend repair) is still to run: it decides the step. */
  repairDue: boolean;
  /** When that check last ran (performance.now()): intersections computed before it are settled. */
  checkedAt: number;
}

const wide = matchMedia(WIDE);
const reduce = matchMedia('(prefers-reduced-motion: reduce)');
const motion = () => !reduce.matches && document.documentElement.dataset.motion !== 'off';
/** The trigger line, px from the top of the viewport. */
const triggerLine = () => innerHeight * (wide.matches ? TRIGGER.wide : TRIGGER.narrow);

function readFigure(): Figure | null {
  const root = document.querySelector<HTMLElement>('[data-live-figure]');
  const svg = root?.querySelector<SVGSVGElement>('svg.map');
  const atlas = readPageData()?.atlas;
  if (!root || !svg || !atlas) return null;
  const locator = root.querySelector<SVGSVGElement>('svg.locator');
  return {
    root,
    svg,
    atlas,
    key: root.querySelector<HTMLElement>('.figure-key'),
    announcer: root.querySelector<HTMLElement>('[data-announcer]'),
    scaleLine: root.querySelector<HTMLElement>('.scale-bar-line'),
    scaleLabel: root.querySelector<HTMLElement>('.scale-bar-label'),
    locator,
    locatorRect: locator?.querySelector<SVGRectElement>('[data-locator-rect]') ?? null,
    size: { width: 0, height: 0, overlays: [] },
  };
}

/** Measure the figure (on start, and from the ResizeObserver, when the layout is fresh anyway). */
function measure(fig: Figure): void {
  const { width, height } = fig.svg.getBoundingClientRect();
  fig.size = { width, height, overlays: width > 0 && height > 0 ? mapOverlays(fig) : [] };
  if (width > 0) rememberSize(fig.svg, width, height);
  scaleBoxPx = fig.scaleLine?.offsetWidth ?? 0;
}

// ---------------------------------------------------------------------------------------------
// The key: what sits around the map (nothing covers it: the key strip is under it on phones,
// charts and timelines are inline in the step text), kept apart from the scroll logic.

/** Show the step's legend in the key: the step's own build-time legend. */
function showLegend(fig: Figure, el: HTMLElement): void {
  const legend = el.querySelector('[data-static-figure] .legend');
  const oldLegend = fig.key?.querySelector('.legend');
  if (legend && oldLegend) oldLegend.replaceWith(legend.cloneNode(true));
}

// ---------------------------------------------------------------------------------------------
// Camera

/** The box that shows a scene in the figure as it is sized now. */
function target(fig: Figure, state: State, scene: Scene): Box {
  const { width, height } = fig.size;
  const subject = wide.matches ? scene.camera : scene.phoneCamera;
  const insets = wide.matches ? state.insets.wide : state.insets.phone;
  return clampView(cameraFor(subject, width / height, insets), fig.atlas.limits, subject, insets);
}

/** Whether the figure is on screen with a size (not hidden, e.g. in print). */
function measurable(fig: Figure): boolean {
  const { width, height } = fig.size;
  return width > 0 && height > 0;
}

/** Scale bar and locator inset for the box the camera shows (called on every camera frame). */
function updateScale(fig: Figure, box: Box = currentBox(fig.svg)): void {
  const { atlas, scaleLine, scaleLabel, locator, locatorRect } = fig;
  if (scaleLine && scaleLabel) {
    // The line's box is narrower on phones (CSS): its width is read on start and resize, never per frame.
    const boxPx = scaleBoxPx || SCALE_BAR_PX;
    const bar = scaleBar(atlas.kmPerUnit, unitsPerPixel(fig.svg, box), boxPx);
    // A fixed box whose line is scaled: nothing around it moves as the camera flies.
    scaleLine.style.setProperty('--scale', String(bar.px / boxPx));
    if (scaleLabel.textContent !== bar.label) scaleLabel.textContent = bar.label;
  }
  // Locator inset: where the camera is, shown only when zoomed in.
  if (locator && locatorRect) {
    locator.classList.toggle('is-shown', box.w < atlas.width * 0.45);
    locatorRect.setAttribute('x', String(Math.round(box.x)));
    locatorRect.setAttribute('y', String(Math.round(box.y)));
    locatorRect.setAttribute('width', String(Math.round(box.w)));
    locatorRect.setAttribute('height', String(Math.round(box.h)));
  }
}

/**
 * What sits over the map (on phones the scale bar and the locator inset, in the map's bottom
 * corners), as boxes in the map's px no label may cover. The locator's room counts even while it
 * is hidden (it shows once the camera has zoomed in); the scale bar is widened at its end, as its
 * text changes while the camera flies.
 */
function mapOverlays(fig: Figure): PxBox[] {
  const map = fig.svg.getBoundingClientRect();
  const boxes: PxBox[] = [];
  for (const el of fig.root.querySelectorAll('[data-scale-bar], svg.locator')) {
    const r = el.getBoundingClientRect();
    if (r.width <= 0 || r.bottom <= map.top || r.top >= map.bottom || r.right <= map.left || r.left >= map.right) continue;
    const grow = el.matches('[data-scale-bar]') ? 16 : 0;
    boxes.push({ x: r.left - map.left - 2, y: r.top - map.top - 2, w: r.width + 4 + grow, h: r.height + 4 });
  }
  return boxes;
}

/**
 * Draw a scene's map marks with every label placed once, for the camera the figure shows at the
 * end (`to`) and its measured size: labels settle with the viewBox. Without a size (print, hidden)
 * the labels are placed as the wide static figure places them.
 */
function drawPlaced(fig: Figure, state: State, scene: Scene, to: Box | null, drawn: Record<string, number>): void {
  const marks = sceneToMarks(scene, fig.atlas);
  if (!to) {
    drawMarks(fig.svg, withPlacedLabels(marks, scene.camera, LAYOUT.frames.wide), 1, drawn);
    return;
  }
  const { width, height, overlays } = fig.size;
  const placed = withPlacedLabels(marks, to, { width, height }, { previous: state.labelSides, obstacles: overlays });
  state.labelSides = sidesOf(placed.placement);
  drawMarks(fig.svg, placed, unitsPerPixel(fig.svg, currentBox(fig.svg)), drawn);
}

/** Show the active scene's camera at once, its labels placed again for the figure's size (resize, motion switch). */
function jumpCamera(fig: Figure, state: State): void {
  const scene = state.activeScene;
  if (!scene || !measurable(fig)) return;
  const to = target(fig, state, scene);
  const drawn: Record<string, number> = {};
  for (const r of scene.routes) drawn[r.id] = state.progressive.includes(r.id) ? routeDrawn(fig.svg, r.id) : r.drawn;
  drawPlaced(fig, state, scene, to, drawn);
  flyTo(fig.svg, to, 0, (box) => updateScale(fig, box));
}

// ---------------------------------------------------------------------------------------------
// Where the steps are

/** Whether a step's box crosses the trigger line now. */
function crosses(el: HTMLElement): boolean {
  const line = triggerLine();
  const r = el.getBoundingClientRect();
  return r.top <= line && r.bottom > line;
}

/** Group consecutive steps by the chapter (or other container) they sit in. */
function groupSteps(steps: readonly HTMLElement[]): Groups {
  const groups: Groups = { els: [], starts: [] };
  steps.forEach((el, i) => {
    const container = el.closest<HTMLElement>('[data-chapter]') ?? el;
    if (groups.els.at(-1) !== container) {
      groups.els.push(container);
      groups.starts.push(i);
    }
  });
  groups.starts.push(steps.length);
  return groups;
}

/** How many of `els[lo…hi)` (in page order) begin at or above `line` (a binary search). */
function countAbove(els: readonly HTMLElement[], line: number, lo: number, hi: number): number {
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (els[mid]!.getBoundingClientRect().top <= line) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * How many steps begin at or above the trigger line: the last chapter that begins above it, then
 * its steps (O(log n) measurements, none inside a chapter that is off screen).
 */
function stepsAbove(state: State): number {
  const line = triggerLine();
  const { els, starts } = state.groups;
  const g = countAbove(els, line, 0, els.length) - 1;
  return g < 0 ? 0 : countAbove(state.steps, line, starts[g]!, starts[g + 1]!);
}

/** The step whose box crosses the trigger line now, or -1. */
function stepAtTrigger(state: State): number {
  const i = stepsAbove(state) - 1;
  return i >= 0 && crosses(state.steps[i]!) ? i : -1;
}

/** How far the trigger line has travelled through a step, 0…1, from its page position. */
function progressAt(geometry: { top: number; height: number }): number {
  return Math.min(1, Math.max(0, (scrollY + triggerLine() - geometry.top) / Math.max(1, geometry.height)));
}

// ---------------------------------------------------------------------------------------------
// Route drawing with scroll progress: a passive scroll listener that lives only while a route draws.

function createProgress(fig: Figure, state: State) {
  let geometry = { top: 0, height: 1 };
  let frame = 0;
  const tick = () => {
    frame = 0;
    const f = drawnAt(progressAt(geometry));
    for (const id of state.progressive) setRouteDrawn(fig.svg, id, Math.max(routeDrawn(fig.svg, id), f));
    if (f >= 1) stop();
  };
  const onScroll = () => {
    if (!frame) frame = requestAnimationFrame(tick);
  };
  function stop(): void {
    state.progressive = [];
    removeEventListener('scroll', onScroll);
    if (frame) cancelAnimationFrame(frame);
    frame = 0;
  }
  return {
    /** Start following the step `el` (measured once); returns how far it stands now. */
    follow(el: HTMLElement): number {
      const r = el.getBoundingClientRect();
      geometry = { top: r.top + scrollY, height: r.height };
      addEventListener('scroll', onScroll, { passive: true });
      return progressAt(geometry);
    },
    stop,
    /** Draw what is still drawing to its end state and stop. */
    finish(): void {
      for (const id of state.progressive) setRouteDrawn(fig.svg, id, 1);
      stop();
    },
  };
}

// ---------------------------------------------------------------------------------------------
// Step activation

function createActivate(fig: Figure, state: State, progress: ReturnType<typeof createProgress>, chrome: () => Chrome) {
  return function activate(i: number, how: { fromPrevious: boolean }): void {
    const el = state.steps[i];
    if (!el || i === state.activeIndex) return;
    const scene = sceneOf(el);
    if (!scene) return;
    progress.stop();
    const routes = progressiveRoutes(scene, state.activeScene, { fromPrevious: how.fromPrevious, motion: motion() });
    // Start from where this one step stands now (one measurement per step change, not per frame).
    const drawn: Record<string, number> = {};
    if (routes.length > 0) {
      const now = drawnAt(progress.follow(el));
      for (const id of routes) drawn[id] = now;
      if (now < 1) state.progressive = routes;
      else progress.stop();
    }
    showLegend(fig, el);
    if (measurable(fig)) {
      const to = target(fig, state, scene);
      drawPlaced(fig, state, scene, to, drawn);
      flyTo(fig.svg, to, motion() ? FLIGHT_MS : 0, (box) => updateScale(fig, box));
    } else {
      drawPlaced(fig, state, scene, null, drawn);
    }
    showActive(fig, state, i, scene);
    chrome().update(i);
  };
}

/** Everything outside the map that follows the active step: labels, classes, the URL. */
function showActive(fig: Figure, state: State, i: number, scene: Scene): void {
  fig.svg.setAttribute('aria-label', scene.alt);
  if (fig.announcer) fig.announcer.textContent = scene.alt;
  state.steps[state.activeIndex]?.classList.remove('is-active');
  state.steps[i]!.classList.add('is-active');
  document.documentElement.dataset.activeStep = scene.step;
  fig.root.dataset.figureStep = scene.step;
  followUrl(scene.step);
  state.activeIndex = i;
  state.activeScene = scene;
}

/** How long the active step must stay active before the URL follows it, ms. */
const URL_DELAY_MS = 1000;
let urlTimer = 0;
// Leaving the page (a link to the next part, say): the URL update still to come is dropped; the
// page it would name is being left, and a history update during a pending navigation may cancel it.
addEventListener('beforeunload', () => clearTimeout(urlTimer));

/**
 * The URL names the step the reader stays on, not every step scrolled past: each
 * history.replaceState costs about 10 ms at 4× CPU slowdown (the benchmark's phone), and Chromium
 * then decodes the page icon again (an SVG document: about 10 ms more), which in a step change
 * would push a camera frame past 33 ms.
 */
function followUrl(step: string): void {
  clearTimeout(urlTimer);
  const from = location.hash;
  urlTimer = window.setTimeout(() => {
    // A link followed meanwhile (to a source, say) keeps its own address.
    if (location.hash !== from) return;
    const place = addressAtLine(step);
    if (place && from !== `#${place}`) history.replaceState(history.state, '', `#${place}`);
  }, URL_DELAY_MS);
}

/**
 * What the URL names for a reader whose active step is `step`: in the back matter (sources,
 * about), the first source in view below the top bar (where a link to it lands, so that a reload
 * returns to the same view) or else that part; elsewhere the step.
 */
function addressAtLine(step: string): string {
  const part = [...document.querySelectorAll<HTMLElement>('.back-matter[id]')].find(crosses);
  if (!part) return step;
  const sources = [...part.querySelectorAll<HTMLElement>('.source-list > li[id]')];
  const top = sources[0] ? parseFloat(getComputedStyle(sources[0]).scrollMarginBlockStart) || 0 : 0;
  const first = sources.find((li) => li.getBoundingClientRect().bottom > top + 1);
  return (first && first.getBoundingClientRect().top < innerHeight ? first : part).id;
}

// ---------------------------------------------------------------------------------------------
// Step entry: one IntersectionObserver on a 1 px line at the trigger height, observing only the
// active step and its neighbours.

/**
 * `startY`, the scroll offset when the page went live, is read by the caller while the layout is
 * clean: read here, after the first scene's camera has changed the figure, it would lay the page
 * out again in the start's task.
 */
function observeSteps(state: State, activate: (i: number, how: { fromPrevious: boolean }) => void, startY: number) {
  let observer: IntersectionObserver | null = null;
  let watched: HTMLElement[] = [];
  let lastY = startY;
  const onEntries = (entries: IntersectionObserverEntry[]) => {
    const down = scrollY >= lastY;
    lastY = scrollY;
    // The scroll has ended and its check, about to run, decides; or it has run since these
    // intersections were computed (measuring again would lay out what it has just changed).
    if (state.repairDue || entries.every((e) => e.time <= state.checkedAt)) return;
    const before = state.activeIndex;
    // A step on the line wins; one measurement of one element guards against stale entries.
    const entering = entries.find((e) => e.isIntersecting && crosses(e.target as HTMLElement));
    if (entering) {
      const i = state.index.get(entering.target as HTMLElement) ?? -1;
      activate(i, { fromPrevious: down && i === before + 1 });
    } else if (entries.some((e) => !e.isIntersecting && e.target === state.steps[before])) {
      // The active step left the line and no neighbour took it: a fast scroll. Find the step on
      // the line now (a binary search), or keep the figure until one reaches it.
      const i = stepAtTrigger(state);
      if (i >= 0) activate(i, { fromPrevious: down && i === before + 1 });
    }
  };
  // The URL follows the reader into the back matter and through the sources (at each scroll's
  // end there), and back to the active step out of it (see addressAtLine).
  const backMatter = [...document.querySelectorAll<HTMLElement>('.back-matter[id]')];
  const follow = () => followUrl(state.steps[state.activeIndex]?.id ?? '');
  let backObserver: IntersectionObserver | null = null;
  addEventListener('scrollend', () => {
    if (backMatter.some(crosses)) follow();
  });
  /** (Re)create the observers for the viewport's height: their root is the trigger line. */
  function connect(): void {
    observer?.disconnect();
    backObserver?.disconnect();
    const line = Math.round(triggerLine());
    const options = { rootMargin: `${-line}px 0px ${-(innerHeight - line - 1)}px 0px`, threshold: 0 };
    observer = new IntersectionObserver(onEntries, options);
    backObserver = new IntersectionObserver(follow, options);
    for (const el of backMatter) backObserver.observe(el);
    watched = [];
    watch();
  }
  /** Observe the active step and its two neighbours (the first step before any is active). */
  function watch(): void {
    const a = state.activeIndex;
    const next = [a - 1, a, a + 1].map((j) => state.steps[j]).filter((el): el is HTMLElement => !!el);
    if (next.length === 0 && state.steps[0]) next.push(state.steps[0]);
    for (const el of watched) if (!next.includes(el)) observer!.unobserve(el);
    for (const el of next) if (!watched.includes(el)) observer!.observe(el);
    watched = next;
  }
  connect();
  return { connect, watch };
}

// ---------------------------------------------------------------------------------------------
// Repairs and page events: scrollend, jumps, resize, media changes.

function listen(
  fig: Figure,
  state: State,
  activate: (i: number, how: { fromPrevious: boolean }) => void,
  progress: ReturnType<typeof createProgress>,
  steps: ReturnType<typeof observeSteps>,
): void {
  // When a scroll ends, make sure the figure shows the step on the trigger line: a fast scroll can
  // pass steps between two observations. One check per scroll, not per frame. Between steps (a
  // chapter heading on the line) the figure keeps the step above; above the first step it shows
  // the first.
  // The check runs in a task of its own: `scrollend` is dispatched inside a frame's rendering
  // task, and a step changed there was drawn in that same task, style, layout and paint with it
  // (at 4× CPU slowdown, the long tasks of a scroll made of jumps). Until it has run, the step
  // observer leaves the step to it, so a jump still shows its step's end state at once.
  addEventListener('scrollend', () => {
    if (state.repairDue) return;
    state.repairDue = true;
    setTimeout(repair);
  });
  function repair(): void {
    state.repairDue = false;
    state.checkedAt = performance.now();
    const current = state.steps[state.activeIndex];
    if (current && crosses(current)) return;
    let i = stepAtTrigger(state);
    if (i < 0) {
      i = Math.max(0, stepsAbove(state) - 1);
      if (current && i === state.activeIndex) return;
    }
    if (i !== state.activeIndex) activate(i, { fromPrevious: false });
    progress.finish();
  }
  // A jump (contents link, back/forward to another #step): show that step's end state at once,
  // holding the anchor in place while the steps around it are laid out for the first time.
  addEventListener('hashchange', () =>
    requestAnimationFrame(() => {
      if (toOtherPart()) return;
      const target = document.getElementById(hashId());
      if (target) holdInView(target);
      const i = stepAtTrigger(state);
      if (i >= 0 && i !== state.activeIndex) activate(i, { fromPrevious: false });
      progress.finish();
    }),
  );
  wide.addEventListener('change', () => steps.connect());
  reduce.addEventListener('change', () => jumpCamera(fig, state));
  // A new viewport height (rotation, a phone's address bar) moves the trigger line.
  let height = innerHeight;
  addEventListener('resize', () => {
    if (innerHeight === height) return;
    height = innerHeight;
    steps.connect();
  });
  // Resize and rotation: redraw the same state without animation.
  new ResizeObserver(() => {
    measure(fig);
    if (!state.activeScene || !measurable(fig)) return;
    jumpCamera(fig, state);
  }).observe(fig.svg);
}

/** The anchor id a fragment (the URL's by default) names, decoded; empty when there is none or it is malformed. */
function hashId(hash = location.hash): string {
  try {
    return decodeURIComponent(hash.slice(1));
  } catch {
    return ''; // a malformed fragment names no anchor on any part
  }
}

/**
 * A story in parts: a `#anchor` this page does not hold (a step, chapter or back matter on another
 * part) sends the reader to the part that holds it, through the page's small id → part map.
 * Returns whether the page is being replaced.
 */
function toOtherPart(): boolean {
  const map = document.querySelector<HTMLElement>('[data-part-map]')?.dataset.partMap;
  if (!map) return false;
  const id = hashId();
  if (!id || document.getElementById(id)) return false;
  const url = partUrlFor(map, id);
  if (url) location.replace(url);
  return url !== null;
}

/**
 * A page opened at an anchor (a shared link to a step, a reload, a return from another page) shows
 * that anchor just below the top bar, and keeps it there while the chapters and figures around it
 * are laid out for the first time (their sizes until then are estimates): the browser's own move
 * to the anchor was left 3 to 160 px off by them. A reload or a return does not restore a pixel
 * offset either: the page being left keeps none (`manual`), since the same offset would name
 * another place on the next load. Moves between anchors within the page keep the browser's
 * restoration.
 */
function restoreToHash(): void {
  const returning = history.scrollRestoration === 'manual';
  const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming | undefined;
  const id = returning || nav?.type === 'navigate' ? hashId() : '';
  const target = id ? document.getElementById(id) : null;
  if (target) {
    holdInView(target);
    // The browser restores the offset of the page left just after the load event, unless
    // restoration is manual then, and lets the anchor go: taken among parts laid out, that offset
    // points elsewhere among sizes still estimated (a reload in the sources landed 350 to 1,650 px
    // from the source read). So it stays manual until the load is done.
    const auto = () => requestAnimationFrame(() => requestAnimationFrame(() => (history.scrollRestoration = 'auto')));
    if (document.readyState === 'complete') auto();
    else addEventListener('load', auto, { once: true });
  } else history.scrollRestoration = 'auto';
  addEventListener('pagehide', () => (history.scrollRestoration = 'manual'));
  // Back from the back/forward cache: the page is as it was left, offset included.
  addEventListener('pageshow', (event) => {
    if (event.persisted) history.scrollRestoration = 'auto';
  });
}

/**
 * A link to an anchor of this page (the contents, a step's sources) lands the same way: the
 * browser's jump lands among chapters or sources laid out for the first time, whose sizes until
 * then are estimates, so the anchor is held once the jump is made.
 */
function holdLinkedAnchors(): void {
  addEventListener('click', (event) => {
    if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    const link = event.target instanceof Element ? event.target.closest<HTMLAnchorElement>('a[href^="#"]') : null;
    const id = link ? hashId(link.hash) : '';
    const target = id ? document.getElementById(id) : null;
    // After the click's own jump (the default action, once every listener has run).
    if (target) setTimeout(() => holdInView(target));
  });
}

/**
 * The End key scrolls to the end of the page as the browser estimates it, and the chapters and
 * sources laid out on the way then change the page's height: at phone widths the end of a page of
 * parts was left screens away. So the page makes the End key's scroll itself, instantly (the
 * browser's own is a smooth scroll that the hold below would race), and holds the end in view
 * until the page's height has stayed put for END_SETTLED_FRAMES frames, or the reader turns the
 * wheel, touches, clicks, presses another key or drags the scrollbar up. In a text field, or in a
 * box that scrolls on its own, the End key is left to the browser.
 */
function holdEndOnEndKey(): void {
  addEventListener('keydown', (event) => {
    if (event.key !== 'End' || event.defaultPrevented || event.altKey || event.ctrlKey || event.metaKey || event.shiftKey) return;
    const el = event.target;
    if (el instanceof HTMLElement && (el.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(el.tagName))) return;
    if (el instanceof Element && inScrollingBox(el)) return;
    event.preventDefault();
    const toEnd = () => scrollTo({ top: document.documentElement.scrollHeight - innerHeight, behavior: 'instant' });
    toEnd();
    let last = scrollY;
    let lastEnd = document.documentElement.scrollHeight - innerHeight;
    let still = 0;
    // Started after this key has passed, so that only another key lets go.
    setTimeout(() =>
      holdFor(
        () => {
          const end = document.documentElement.scrollHeight - innerHeight;
          // Moved far up on a page of the same height: the scrollbar, which sends no event.
          if (scrollY < last - innerHeight / 4 && end === lastEnd) return false;
          still = end === lastEnd ? still + 1 : 0;
          if (scrollY < end - 1) toEnd();
          last = scrollY;
          lastEnd = end;
          return still < END_SETTLED_FRAMES;
        },
        { maxFrames: END_HOLD_MAX_FRAMES },
      ),
    );
  });
}

/** An End-key hold ends once the page's end has not moved for this many frames (about a second)... */
const END_SETTLED_FRAMES = 60;
/** ...or after this many frames in all (about 4 s). */
const END_HOLD_MAX_FRAMES = 240;

/** Whether `el` is inside a box that scrolls on its own (the End key then scrolls that box). */
function inScrollingBox(el: Element): boolean {
  for (let box: Element | null = el; box && box !== document.body && box !== document.documentElement; box = box.parentElement) {
    if (box.scrollHeight > box.clientHeight && /^(auto|scroll)$/.test(getComputedStyle(box).overflowY)) return true;
  }
  return false;
}

/** How long the anchor of a page opened at one is held in place while the page around it settles, frames. */
const HOLD_FRAMES = 60;

/**
 * Run `keep` once a frame for about a second (`maxFrames`, HOLD_FRAMES unless given), until it
 * returns false (it found the reader moving away, or nothing left to hold) or the reader's first
 * wheel, touch, key or pointer press lets go.
 */
function holdFor(keep: () => boolean, { done, maxFrames = HOLD_FRAMES }: { done?: () => void; maxFrames?: number } = {}): void {
  let held = true;
  const release = () => (held = false);
  // The listeners go with the hold, whether an input or the end of its frames ends it.
  const inputs = new AbortController();
  for (const type of ['wheel', 'touchstart', 'keydown', 'pointerdown']) addEventListener(type, release, { once: true, passive: true, signal: inputs.signal });
  let frames = 0;
  const tick = () => {
    if (held && keep() && ++frames < maxFrames) {
      requestAnimationFrame(tick);
      return;
    }
    inputs.abort();
    done?.();
  };
  requestAnimationFrame(tick);
}

/** The anchors held in view now (holdInView). */
const holding = new Set<HTMLElement>();

/**
 * Scroll `el` to the top and hold it there for about a second: the chapters and figures around it
 * are laid out for the first time in the next frames and change size, and the browser's scroll
 * anchoring does not always keep it in place. The reader's first wheel, touch, key or pointer
 * press lets go, and so does a scroll that moves `el` far while it stays where it is in the
 * document (the scrollbar, which sends no such event).
 */
function holdInView(el: HTMLElement): void {
  // A link's click and the hashchange it causes both ask to hold the same anchor: hold it once.
  if (holding.has(el)) return;
  holding.add(el);
  el.scrollIntoView({ behavior: 'instant' });
  const top = el.getBoundingClientRect().top;
  let at = top + scrollY;
  holdFor(
    () => {
      const now = el.getBoundingClientRect().top;
      if (Math.abs(now + scrollY - at) <= 1 && Math.abs(now - top) > innerHeight / 4) return false;
      if (Math.abs(now - top) > 1) el.scrollIntoView({ behavior: 'instant' });
      at = el.getBoundingClientRect().top + scrollY;
      return true;
    },
    { done: () => holding.delete(el) },
  );
}

/**
 * Printing shows every step's static figure, whose layers are lazy images. Chromium (150) no longer
 * loads lazy images for print on its own, so they are made eager when the reader prints.
 */
function loadFiguresForPrint(): void {
  addEventListener(
    'beforeprint',
    () => {
      for (const img of document.querySelectorAll<HTMLImageElement>('img.static-map-layer[loading="lazy"]')) img.loading = 'eager';
    },
    { once: true },
  );
}

function start(): void {
  if (toOtherPart()) return;
  loadFiguresForPrint();
  restoreToHash();
  holdLinkedAnchors();
  holdEndOnEndKey();
  const fig = readFigure();
  const stepEls = [...document.querySelectorAll<HTMLElement>('[data-step]')];
  if (!fig || stepEls.length === 0) return;
  const state: State = {
    steps: stepEls,
    groups: groupSteps(stepEls),
    index: new Map(stepEls.map((el, i) => [el, i])),
    activeIndex: -1,
    activeScene: null,
    progressive: [],
    insets: { phone: LAYOUT.insets.phone, wide: LAYOUT.insets.wide },
    labelSides: {},
    repairDue: false,
    checkedAt: 0,
  };
  const progress = createProgress(fig, state);
  const show = createActivate(fig, state, progress, () => chrome);
  // Every activation moves the observed window to the new active step.
  let steps: ReturnType<typeof observeSteps> | null = null;
  const activate = (i: number, how: { fromPrevious: boolean }) => {
    show(i, how);
    steps?.watch();
  };
  const chrome = setupChrome({
    steps: stepEls,
    goTo: (i) => {
      stepEls[i]?.scrollIntoView({ block: 'start' });
      activate(i, { fromPrevious: false });
    },
    onMotionChange: () => jumpCamera(fig, state),
  });

  document.documentElement.classList.add('live');
  measure(fig);
  const startY = scrollY; // the layout measure() has just made is still clean
  const first = stepAtTrigger(state);
  if (first >= 0) activate(first, { fromPrevious: false });
  if (state.activeIndex < 0) {
    state.activeScene = sceneOf(stepEls[0]!);
    if (state.activeScene && measurable(fig)) setCamera(fig.svg, target(fig, state, state.activeScene));
    updateScale(fig);
  }
  steps = observeSteps(state, activate, startY);
  listen(fig, state, activate, progress, steps);
}

try {
  start();
} catch (error) {
  // The static figures stay; never leave a half-live page.
  document.documentElement.classList.remove('live');
  throw error;
}
