/**
 * The thin d3 layer: draws Marks into the live figure's SVG with keyed joins (the same structure
 * as the build-time MapMarks.astro), moves the camera (a requestAnimationFrame loop, no
 * d3-transition), and draws routes to a fraction. The only module that imports d3-selection.
 */
import { select, type Selection } from 'd3-selection';
import { flightMap, flightPlan, flightPoint } from '../lib/geo/zoom.ts';
import type { Box } from '../lib/geo/camera.ts';
import { legDrawn, type AreaMark, type ArrowMark, type PointMark, type RouteLegMark, type RouteMark } from '../lib/marks/scene-to-marks.ts';
import { areaAttrs, arrowAttrs, labelAttrs, labelLineAttrs, legAttrs, pointAttrs, routeAttrs, type Attrs } from '../lib/marks/mark-attrs.ts';
import type { PlacedMarks } from '../lib/marks/figure-labels.ts';
import type { PlacedLabel } from '../lib/marks/place-labels.ts';

/** Shortest camera move, ms: a short move still reads as a move, not a jump. */
export const MIN_CAMERA_MS = 300;

type Sel<E extends Element, D> = Selection<E, D, Element, unknown>;

const sizes = new WeakMap<SVGSVGElement, { width: number; height: number }>();

/** Remember an SVG's size (from a ResizeObserver), so camera frames never force a layout. */
export function rememberSize(svg: SVGSVGElement, width: number, height: number): void {
  sizes.set(svg, { width, height });
}

/** Map units per CSS px of an SVG showing `box` with preserveAspectRatio "meet". */
export function unitsPerPixel(svg: SVGSVGElement, box: Box): number {
  let size = sizes.get(svg);
  if (!size) {
    const r = svg.getBoundingClientRect();
    size = { width: r.width, height: r.height };
    if (size.width > 0) sizes.set(svg, size);
  }
  return Math.max(box.w / Math.max(1, size.width), box.h / Math.max(1, size.height));
}

/** A mark that moves with the map during a flight but keeps its size: its element and its point in map units. */
interface Pinned {
  el: SVGGraphicsElement;
  x: number;
  y: number;
}

/** A camera flight under way: the box shown now, the layers it scales and the marks it moves. */
interface Flight {
  raf: number;
  box: Box;
  layers: SVGGraphicsElement[];
  pinned: Pinned[];
}

/** The layers whose marks are dots and labels at a point: moved, one translation each, not scaled. */
const PINNED_LAYERS = 'g.points, g.labels';

/** The point a mark's group stands at (its transform's translation, map units). */
function pinnedAt(el: SVGGraphicsElement): Pinned {
  const m = el.transform.baseVal.consolidate()?.matrix;
  return { el, x: m?.e ?? 0, y: m?.f ?? 0 };
}
const flights = new WeakMap<SVGSVGElement, Flight>();

function viewBoxOf(svg: SVGSVGElement): Box {
  const [x = 0, y = 0, w = 1, h = 1] = (svg.getAttribute('viewBox') ?? '').split(/\s+/).map(Number);
  return { x, y, w, h };
}

/** The box the figure shows now: mid-flight, the camera's current box; otherwise the viewBox. */
export function currentBox(svg: SVGSVGElement): Box {
  return flights.get(svg)?.box ?? viewBoxOf(svg);
}

/** End a flight where it stands (its layers lose their transform); the box it showed, or null. */
function stopFlight(svg: SVGSVGElement): Box | null {
  const flight = flights.get(svg);
  if (!flight) return null;
  cancelAnimationFrame(flight.raf);
  flights.delete(svg);
  for (const el of flight.layers) {
    el.style.removeProperty('transform');
    el.style.removeProperty('--k');
  }
  for (const { el } of flight.pinned) el.style.removeProperty('transform');
  return flight.box;
}

/** Show `box` at once; `--k` (units per px) keeps labels, dots and strokes at screen size. */
export function setCamera(svg: SVGSVGElement, box: Box): void {
  stopFlight(svg);
  const r = (v: number) => Math.round(v * 100) / 100;
  svg.setAttribute('viewBox', `${r(box.x)} ${r(box.y)} ${r(box.w)} ${r(box.h)}`);
  svg.style.setProperty('--k', String(unitsPerPixel(svg, box)));
}

/**
 * Fly from the current view to `to` with a smooth zoom (van Wijk–Nuij, as d3's interpolateZoom),
 * at a steady pace along its path (flightPlan: at least MIN_CAMERA_MS, at most `maxMs`), or jump
 * when `maxMs` is 0. When the view does not change there is no flight.
 * During the flight the viewBox stays put and a CSS transform scales the map's layers of
 * shapes (basemap, areas, routes: `--k` on the routes keeps their strokes at screen size), while
 * each dot and label is only moved, by a translation of its own, to where the map under it goes:
 * a scaled layer of text would re-measure every label on every frame. The viewBox is set once, at
 * the end.
 */
export function flyTo(svg: SVGSVGElement, to: Box, maxMs: number, onFrame?: (box: Box) => void): void {
  const interrupted = stopFlight(svg);
  // A flight interrupted mid-way starts a new one from where the camera stands.
  const from = interrupted ?? viewBoxOf(svg);
  const { ms, at } = flightPlan(from, to, MIN_CAMERA_MS, maxMs);
  if (ms <= 0) {
    setCamera(svg, to);
    onFrame?.(to);
    svg.dataset.camera = 'still';
    return;
  }
  if (interrupted) setCamera(svg, interrupted);
  // data-camera tells tests and the debug view whether a move is under way.
  svg.dataset.camera = 'moving';
  const k0 = unitsPerPixel(svg, from);
  const layers = [...svg.children].filter(
    (el): el is SVGGraphicsElement => (el instanceof SVGGElement || el instanceof SVGUseElement) && !el.matches(PINNED_LAYERS),
  );
  const pinned = [...svg.querySelectorAll<SVGGElement>(`:scope > :is(${PINNED_LAYERS}) > g`)].map(pinnedAt);
  const flight: Flight = { raf: 0, box: from, layers, pinned };
  let t0 = -1;
  const frame = (now: number) => {
    if (t0 < 0) t0 = now;
    const t = Math.min(1, (now - t0) / ms);
    if (t >= 1) {
      setCamera(svg, to);
      onFrame?.(to);
      svg.dataset.camera = 'still';
      return;
    }
    const box = at(t);
    const map = flightMap(from, box);
    const k = String(k0 / map.scale);
    for (const el of layers) {
      el.style.transform = map.transform;
      // The basemap's strokes do not scale (vector-effect) and it has nothing sized by --k:
      // setting it there would restyle its whole <use> tree on every frame for nothing.
      if (!(el instanceof SVGUseElement)) el.style.setProperty('--k', k);
    }
    for (const p of pinned) {
      const [x, y] = flightPoint(map, p.x, p.y);
      p.el.style.transform = `translate(${Math.round(x * 100) / 100}px,${Math.round(y * 100) / 100}px)`;
    }
    flight.box = box;
    onFrame?.(box);
    flight.raf = requestAnimationFrame(frame);
  };
  flights.set(svg, flight);
  flight.raf = requestAnimationFrame(frame);
}

/** Draw one route's legs and arrows to `fraction` (0…1) of its length. */
export function setRouteDrawn(svg: SVGSVGElement, routeId: string, fraction: number): void {
  const g = svg.querySelector<SVGGElement>(`g.route[data-route="${CSS.escape(routeId)}"]`);
  if (!g) return;
  const length = Number(g.dataset.length);
  g.dataset.drawn = String(fraction);
  for (const leg of g.querySelectorAll<SVGPathElement>('.route-leg')) {
    const legLength = Number(leg.dataset.length);
    const f = legDrawn({ start: Number(leg.dataset.start), length: legLength }, length, fraction);
    leg.setAttribute('stroke-dashoffset', String(Math.round(legLength * (1 - f) * 10) / 10));
  }
  for (const arrow of g.querySelectorAll<SVGGElement>('.route-arrow')) {
    arrow.setAttribute('visibility', fraction >= Number(arrow.dataset.at) ? 'visible' : 'hidden');
  }
}

/** The fraction a route is currently drawn to in the figure (0 when absent). */
export function routeDrawn(svg: SVGSVGElement, routeId: string): number {
  const g = svg.querySelector<SVGGElement>(`g.route[data-route="${CSS.escape(routeId)}"]`);
  return g ? Number(g.dataset.drawn ?? 1) : 0;
}

function keyOf(this: Element, d: { id: string } | undefined, attr: string): string {
  return d ? d.id : (this.getAttribute(attr) ?? '');
}

/** Set every attribute of a record from src/lib/marks/mark-attrs.ts. */
function apply<E extends Element, D>(sel: Sel<E, D>, attrs: (d: D) => Attrs): void {
  sel.each(function (d) {
    for (const [name, value] of Object.entries(attrs(d))) this.setAttribute(name, String(value));
  });
}

/**
 * Replace what the figure shows with `marks` (keyed by id, so what stays is kept), their labels
 * already placed for the camera the figure is flying to. Routes start drawn to `drawn[id]`
 * (default: their declared end state). Every attribute comes from mark-attrs.ts.
 */
export function drawMarks(svg: SVGSVGElement, marks: PlacedMarks, k: number, drawn: Record<string, number> = {}): void {
  const root = select(svg);

  apply(
    (root.select('g.areas').selectAll('path.area') as Sel<SVGPathElement, AreaMark>)
      .data(marks.areas, function (d) {
        return keyOf.call(this as Element, d, 'data-area');
      })
      .join('path'),
    areaAttrs,
  );

  const routes = (root.select('g.routes').selectAll('g.route') as Sel<SVGGElement, RouteMark>)
    .data(marks.routes, function (d) {
      return keyOf.call(this as Element, d, 'data-route');
    })
    .join((enter) => enter.append('g'));
  apply(routes, routeAttrs);
  routes.each(function (route) {
    const g = select(this);
    apply(g.selectAll('path.route-leg').data(route.legs).join('path') as Sel<SVGPathElement, RouteLegMark>, (leg) => legAttrs(leg, k));
    const arrows = g
      .selectAll('g.route-arrow')
      .data(route.arrows)
      .join((enter) => {
        const a = enter.append('g');
        a.append('path');
        return a;
      }) as Sel<SVGGElement, ArrowMark>;
    apply(arrows, (a) => arrowAttrs(a, k).g);
    apply(arrows.select('path') as Sel<SVGPathElement, ArrowMark>, (a) => arrowAttrs(a, k).path);
    setRouteDrawn(svg, route.id, drawn[route.id] ?? route.drawn);
  });

  const points = (root.select('g.points').selectAll('g.point') as Sel<SVGGElement, PointMark>)
    .data(marks.points, function (d) {
      return keyOf.call(this as Element, d, 'data-place');
    })
    .join((enter) => {
      const g = enter.append('g');
      g.append('circle');
      return g;
    });
  apply(points, (p) => pointAttrs(p, k).g);
  apply(points.select('circle') as Sel<SVGCircleElement, PointMark>, (p) => pointAttrs(p, k).circle);

  const labels = (root.select('g.labels').selectAll('g.label') as Sel<SVGGElement, PlacedLabel>)
    .data(marks.labels, function (d) {
      return keyOf.call(this as Element, d, 'data-label');
    })
    .join((enter) => {
      const g = enter.append('g');
      g.append('text');
      return g;
    });
  apply(labels, (l) => labelAttrs(l, k).g);
  const texts = labels.select('text') as Sel<SVGTextElement, PlacedLabel>;
  apply(texts, (l) => labelAttrs(l, k).text);
  // A label of one line is its text's own; a stacked one, its lines' tspans (written anew).
  texts.text((l) => (l.lines ? '' : l.text));
  const lines = texts
    .selectAll('tspan')
    .data((l) => labelLineAttrs(l))
    .join('tspan') as Sel<SVGTSpanElement, ReturnType<typeof labelLineAttrs>[number]>;
  apply(lines, (line) => line.attrs);
  lines.text((line) => line.text);
}
