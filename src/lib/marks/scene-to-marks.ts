/**
 * sceneToMarks: the one description of what a Scene's map draws (paths, points, labels), in map
 * units. The build-time SVG and the browser renderer both draw it. A step's chart and timeline are
 * inline figures in its text, built at build time by ./panels.ts (never in the browser bundle).
 */
import type { Atlas, AtlasEvent, AtlasFigure, AtlasPlace, AtlasRoute, Box, LiveScene, XY } from '../scene/types.ts';
import { SIZES, staticScale } from './sizes.ts';

export { figureText, niceMax } from './panels.ts';
export { actorGroup, type ActorGroup } from '../scene/actors.ts';

/** One leg of a drawn route. */
export interface RouteLegMark {
  /** SVG path data, in map units. */
  d: string;
  /** Drawn as unverified (the stretch is not sourced). */
  unverified: boolean;
  /** Length of this leg in map units. */
  length: number;
  /** Distance along the route where this leg starts, in map units. */
  start: number;
}

/** A direction arrow on a route, at a point in map units. */
export interface ArrowMark {
  x: number;
  y: number;
  /** Direction of travel in degrees (SVG rotation: 0 = east, 90 = south). */
  angle: number;
  /** Fraction of the route at which the arrow sits; shown once the route is drawn that far. */
  at: number;
}

/** A route as drawn: its legs, arrows and label position. */
export interface RouteMark {
  id: string;
  mode: 'land' | 'air' | 'sea';
  /** Reported closed: the route group gets the class `route--closed` (drawn faded). */
  closed: boolean;
  label: string;
  /** Total length in map units. */
  length: number;
  /** How much of the route the step's end state draws, 0…1. */
  drawn: number;
  legs: RouteLegMark[];
  arrows: ArrowMark[];
  /** Where the route's label sits, in map units. */
  labelAt: { x: number; y: number };
  /** Middles of the route's segments, longest first (where its label may go). */
  middles: [number, number][];
}

/** A dot on the map, in map units: a focused place, or an unlabelled waypoint of a drawn route. */
export interface PointMark {
  id: string;
  name: string;
  x: number;
  y: number;
  role: 'place' | 'waypoint';
}

/** A shaded area: an area place (radius > 0) or an event's area. */
export interface AreaMark {
  id: string;
  /** Closed SVG path data, in map units. */
  d: string;
  role: 'place' | 'event';
  name: string;
  /** The event's status (confirmed, attributed, …); null for a place. */
  status: string | null;
}

export interface LabelMark {
  id: string;
  x: number;
  y: number;
  text: string;
  anchor: 'start' | 'end' | 'middle';
  role: 'place' | 'route' | 'country' | 'event';
  /**
   * Priority for placeLabels (place-labels.ts): 0 a place the step names, 1 a route or a route's
   * end, 2 a context place, 3 a country name.
   */
  tier?: number;
  /** Radius of the place's shaded area in map units, which its label keeps clear of (0 or absent: a dot). */
  r?: number;
  /** The dot the label names, when it is a waypoint-sized one. */
  dot?: 'place' | 'waypoint';
  /** For a route: the middles of its segments, longest first, where its name may sit. */
  along?: [number, number][];
}

/**
 * What the map draws for one step, in map units (areas, routes, dots, labels). Built by
 * sceneToMarks; drawn by MapMarks.astro (static) and draw-scene.ts (live; the browser draws only these).
 */
export interface Marks {
  /** The step's id. */
  step: string;
  areas: AreaMark[];
  routes: RouteMark[];
  points: PointMark[];
  labels: LabelMark[];
}

/** A reported figure as the marks read it (the note is for the build's text only). */
export type MarksFigure = Omit<AtlasFigure, 'note'> & Partial<Pick<AtlasFigure, 'note'>>;

/**
 * The part of the Atlas the marks read (sceneToMarks for the maps, panels.ts for the charts and
 * timelines drawn at build time). The full Atlas is one.
 */
export interface MarksAtlas {
  places: Record<string, Pick<AtlasPlace, 'name' | 'label' | 'kind' | 'x' | 'y' | 'r'>>;
  routes: Record<string, Pick<AtlasRoute, 'label' | 'mode' | 'closed' | 'legs' | 'length'>>;
  events: Record<string, Pick<AtlasEvent, 'title' | 'date' | 'actor' | 'status' | 'area'> & { figures: MarksFigure[] }>;
  timeline: Atlas['timeline'];
  countryLabels: Atlas['countryLabels'];
}

const r1 = (v: number) => Math.round(v * 10) / 10;

/** SVG path data for a polyline (or a closed ring). */
export function pathData(points: readonly XY[], closed = false): string {
  return points.map(([x, y], i) => `${i === 0 ? 'M' : 'L'}${r1(x)},${r1(y)}`).join('') + (closed ? 'Z' : '');
}

/** Fraction (0…1) of one leg that is drawn when the whole route is drawn to `drawn` (0…1). */
export function legDrawn(leg: { start: number; length: number }, routeLength: number, drawn: number): number {
  if (leg.length <= 0) return drawn >= 1 ? 1 : 0;
  const along = drawn * routeLength - leg.start;
  return Math.min(1, Math.max(0, along / leg.length));
}

function routeMark(id: string, drawn: number, atlas: Pick<MarksAtlas, 'routes'>): RouteMark {
  const route = atlas.routes[id]!;
  let start = 0;
  const legs: RouteLegMark[] = [];
  const arrows: ArrowMark[] = [];
  const middles: { len: number; at: [number, number] }[] = [];
  for (const leg of route.legs) {
    let length = 0;
    for (let i = 1; i < leg.points.length; i++) {
      const [ax, ay] = leg.points[i - 1]!;
      const [bx, by] = leg.points[i]!;
      const seg = Math.hypot(bx - ax, by - ay);
      // One arrow in the middle of every segment long enough to carry it, pointing the way goods move.
      if (seg > 12 && route.length > 0) {
        arrows.push({
          x: r1((ax + bx) / 2),
          y: r1((ay + by) / 2),
          angle: Math.round((Math.atan2(by - ay, bx - ax) * 180) / Math.PI),
          at: Math.round(((start + length + seg / 2) / route.length) * 1000) / 1000,
        });
      }
      middles.push({ len: seg, at: [r1((ax + bx) / 2), r1((ay + by) / 2)] });
      length += seg;
    }
    legs.push({ d: pathData(leg.points), unverified: leg.unverified, length: r1(length), start: r1(start) });
    start += length;
  }
  const sorted = middles.sort((a, b) => b.len - a.len).map((m) => m.at);
  const [x = 0, y = 0] = sorted[0] ?? [];
  return { id, mode: route.mode, closed: route.closed, label: route.label, length: route.length, drawn, legs, arrows, labelAt: { x, y }, middles: sorted };
}

/** How a static figure is shown, for cullMarks. */
export interface StaticView {
  /** Width / height of the figure's box, lowest to highest (preserveAspectRatio "meet"); default STATIC_ASPECTS. */
  aspects?: readonly [number, number];
  /** Map units per CSS px the figure draws labels and dots at; default staticScale(view.w), as the static figures do. */
  k?: number;
}

/** Aspect ratios a static figure can have: a tall phone in portrait (1/3) to a phone in landscape (3). */
export const STATIC_ASPECTS: readonly [number, number] = [1 / 3, 3];

/**
 * Everything a figure showing `view` with preserveAspectRatio "meet" can reveal at any aspect ratio
 * in `aspects`: the view widened to the widest aspect and heightened to the tallest.
 */
export function revealedBox(view: Box, aspects: readonly [number, number] = STATIC_ASPECTS): Box {
  const w = Math.max(view.w, view.h * aspects[1]);
  const h = Math.max(view.h, view.w / aspects[0]);
  return { x: view.x + (view.w - w) / 2, y: view.y + (view.h - h) / 2, w, h };
}

const overlaps = (a: Box, b: Box) => a.x <= b.x + b.w && b.x <= a.x + a.w && a.y <= b.y + b.h && b.y <= a.y + a.h;

function boundsOf(points: readonly XY[]): Box {
  let [x0, y0, x1, y1] = [Infinity, Infinity, -Infinity, -Infinity];
  for (const [x, y] of points) [x0, y0, x1, y1] = [Math.min(x0, x), Math.min(y0, y), Math.max(x1, x), Math.max(y1, y)];
  return { x: x0, y: y0, w: x1 - x0, h: y1 - y0 };
}

/**
 * Generous bounds of a label's text in map units at `k` units per px: about 10 px per character
 * (wide enough for upper-case country names with their letter spacing), placed by its anchor.
 */
export function labelBounds(label: LabelMark, k: number): Box {
  const w = (label.text.length * 10 + 8) * k;
  const h = 20 * k;
  const x = label.anchor === 'start' ? label.x : label.anchor === 'end' ? label.x - w : label.x - w / 2;
  return { x, y: label.y - h, w, h: 2 * h };
}

/**
 * The marks of a static figure fixed on `view` (its viewBox, map units) without those it can never
 * show at any aspect ratio in `aspects`: labels, dots, areas, and routes whose every leg lies
 * outside. Only for static figures: the live figure's camera flies, so it draws sceneToMarks whole.
 * (A separate function so that the browser bundle, which never culls, does not carry it.)
 */
export function cullMarks(marks: Marks, view: Box, options: StaticView = {}): Marks {
  const seen = revealedBox(view, options.aspects);
  const k = options.k ?? staticScale(view.w);
  const dot = SIZES.dot * k;
  const routes = marks.routes.filter((r) => r.legs.some((leg) => overlaps(seen, boundsOf(pointsOf(leg.d)))));
  const kept = new Set(routes.map((r) => r.id));
  return {
    ...marks,
    areas: marks.areas.filter((a) => overlaps(seen, boundsOf(pointsOf(a.d)))),
    routes,
    points: marks.points.filter((p) => overlaps(seen, { x: p.x - dot, y: p.y - dot, w: 2 * dot, h: 2 * dot })),
    labels: marks.labels.filter((l) => (l.role === 'route' ? kept.has(l.id) : true) && overlaps(seen, labelBounds(l, k))),
  };
}

/** The points of path data written by pathData (M/L commands, absolute). */
function pointsOf(d: string): XY[] {
  return [...d.matchAll(/[ML](-?[\d.]+),(-?[\d.]+)/g)].map((m) => [Number(m[1]), Number(m[2])] as XY);
}

/**
 * What sceneToMarks reads of the Atlas to draw a scene: the full Atlas, or browserAtlas(atlas,
 * scenes) (src/lib/scene/atlas.ts), the smaller copy a page ships to the browser for its scenes.
 */
export type SceneAtlas = Pick<MarksAtlas, 'places' | 'routes' | 'countryLabels'> & {
  events: Record<string, Pick<AtlasEvent, 'title' | 'status' | 'area'>>;
};

/**
 * What the map draws for a scene, without the timeline and chart panels (those are drawn at build
 * time only, so the browser bundle does not carry their code). Labels sit left of their point when
 * it is in the right part of the view.
 */
export function sceneToMarks(scene: LiveScene, atlas: SceneAtlas): Marks {
  const cx = scene.camera.x + scene.camera.w * 0.62;
  const named = new Set(scene.named ?? scene.places);
  const routeEnds = new Set(
    scene.routes.flatMap((r) => {
      const legs = atlas.routes[r.id]!.legs;
      const a = legs[0]?.points[0];
      const b = legs.at(-1)?.points.at(-1);
      return Object.entries(atlas.places)
        .filter(([, p]) => (a && p.x === a[0] && p.y === a[1]) || (b && p.x === b[0] && p.y === b[1]))
        .map(([id]) => id);
    }),
  );
  const tierOf = (id: string) => (named.has(id) ? 0 : routeEnds.has(id) ? 1 : 2);
  const areas: AreaMark[] = [];
  const points: PointMark[] = [];
  const labels: LabelMark[] = [];
  for (const id of scene.events) {
    const e = atlas.events[id]!;
    if (e.area) areas.push({ id, d: pathData(e.area, true), role: 'event', name: e.title, status: e.status });
  }
  for (const id of scene.places) {
    const p = atlas.places[id]!;
    // A territory is named, never outlined: no invented polygon (e.g. the Golan Heights).
    if (p.kind === 'territory') {
      labels.push({ id, x: p.x, y: p.y, text: p.label, anchor: 'middle', role: 'place', tier: tierOf(id) });
      continue;
    }
    if (p.r > 0) {
      const ring: XY[] = [];
      for (let i = 0; i < 32; i++) ring.push([p.x + p.r * Math.cos((i * Math.PI) / 16), p.y + p.r * Math.sin((i * Math.PI) / 16)]);
      areas.push({ id, d: pathData(ring, true), role: 'place', name: p.name, status: null });
    } else {
      points.push({ id, name: p.name, x: p.x, y: p.y, role: 'place' });
    }
    labels.push({ id, x: p.x, y: p.y, text: p.label, anchor: p.x > cx ? 'end' : 'start', role: 'place', tier: tierOf(id), r: p.r, dot: 'place' });
  }
  for (const id of scene.waypoints) {
    const p = atlas.places[id]!;
    points.push({ id, name: p.name, x: p.x, y: p.y, role: 'waypoint' });
  }
  const routes = scene.routes.map((r) => routeMark(r.id, r.drawn, atlas));
  for (const r of routes) labels.push({ id: r.id, x: r.labelAt.x, y: r.labelAt.y, text: r.label, anchor: 'middle', role: 'route', tier: 1, along: r.middles });
  for (const c of atlas.countryLabels)
    labels.push({ id: `country-${c.name.toLowerCase().replace(/[^a-z]+/g, '-')}`, x: c.x, y: c.y, text: c.name, anchor: 'middle', role: 'country', tier: 3 });
  return {
    step: scene.step,
    areas,
    routes,
    points,
    labels,
  };
}
