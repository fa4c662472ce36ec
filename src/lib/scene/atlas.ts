/**
 * Builds the Atlas: every place, route, event and timeline position of the content, projected
 * once at build time into map units, so the browser never projects or scales anything.
 */
import type { GeoProjection } from 'd3-geo';
import type { Catalog, Event, Route } from '../content/schemas.ts';
import { kmPerUnit, mapHeight, MAP_WIDTH, projectPoint } from '../geo/projection.ts';
import { drawnArea, type MapMargin } from '../geo/camera.ts';
import type { SceneAtlas } from '../marks/scene-to-marks.ts';
import type { Atlas, AtlasEvent, AtlasLeg, AtlasRoute, AtlasTimeline, Scene, XY } from './types.ts';

const round1 = (v: number) => Math.round(v * 10) / 10;

/** Split a route into legs where sourced and unverified stretches meet. */
export function routeLegs(route: Route, position: (id: string) => XY): AtlasLeg[] {
  const n = route.waypoints.length;
  const unverified = new Array<boolean>(n - 1).fill(false);
  for (const leg of route.unverifiedLegs) {
    const from = route.waypoints.indexOf(leg.from);
    const to = route.waypoints.indexOf(leg.to);
    if (from < 0 || to <= from) throw new Error(`route "${route.id}": unverified leg ${leg.from} → ${leg.to} is not a forward stretch of its waypoints`);
    for (let i = from; i < to; i++) unverified[i] = true;
  }
  const legs: AtlasLeg[] = [];
  for (let i = 0; i < n - 1; i++) {
    const a = position(route.waypoints[i]!);
    const b = position(route.waypoints[i + 1]!);
    const last = legs[legs.length - 1];
    if (last && last.unverified === unverified[i]) last.points.push(b);
    else legs.push({ points: [a, b], unverified: unverified[i]! });
  }
  return legs;
}

/** Length of a polyline in map units. */
export function polylineLength(points: readonly XY[]): number {
  let length = 0;
  for (let i = 1; i < points.length; i++) length += Math.hypot(points[i]![0] - points[i - 1]![0], points[i]![1] - points[i - 1]![1]);
  return length;
}

/** Convex hull (monotone chain) of points, counter-clockwise, without repeating the first point. */
export function convexHull(points: readonly XY[]): XY[] {
  const pts = [...points].sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  if (pts.length < 3) return pts;
  const cross = (o: XY, a: XY, b: XY) => (a[0] - o[0]) * (b[1] - o[1]) - (a[1] - o[1]) * (b[0] - o[0]);
  const lower: XY[] = [];
  for (const p of pts) {
    while (lower.length >= 2 && cross(lower[lower.length - 2]!, lower[lower.length - 1]!, p) <= 0) lower.pop();
    lower.push(p);
  }
  const upper: XY[] = [];
  for (let i = pts.length - 1; i >= 0; i--) {
    const p = pts[i]!;
    while (upper.length >= 2 && cross(upper[upper.length - 2]!, upper[upper.length - 1]!, p) <= 0) upper.pop();
    upper.push(p);
  }
  return lower.slice(0, -1).concat(upper.slice(0, -1));
}

/** The hull of circles of radius r around each point: an honest area, never invented pins. */
export function bufferedHull(points: readonly XY[], radius: number, segments = 24): XY[] {
  const samples: XY[] = [];
  for (const [x, y] of points) {
    for (let i = 0; i < segments; i++) {
      const a = (2 * Math.PI * i) / segments;
      samples.push([x + radius * Math.cos(a), y + radius * Math.sin(a)]);
    }
  }
  return convexHull(samples).map(([x, y]) => [round1(x), round1(y)] as XY);
}

/** Milliseconds since the epoch of the start of a partial date ("2013", "2017-01", "2021-01-13"). */
export function dateValue(date: string): number {
  const [y, m = '01', d = '01'] = date.split('-');
  return Date.UTC(Number(y), Number(m) - 1, Number(d));
}

/**
 * Timeline positions for events: the domain runs from 1 January of the earliest to 31 December
 * of the latest of `ids`; every event of the catalogue inside it gets a position and a lane.
 */
export function buildTimeline(events: readonly Event[], ids: readonly string[]): AtlasTimeline {
  const chosen = events.filter((e) => ids.includes(e.id));
  if (chosen.length === 0) return { start: '', end: '', ticks: [], items: [] };
  const years = chosen.map((e) => Number(e.date.slice(0, 4)));
  const first = Math.min(...years);
  const last = Math.max(...years);
  const t0 = Date.UTC(first, 0, 1);
  const t1 = Date.UTC(last + 1, 0, 1);
  const t = (date: string) => Math.round(((dateValue(date) - t0) / (t1 - t0)) * 10000) / 10000;
  const ticks = [];
  for (let y = first; y <= last; y++) ticks.push({ label: String(y), t: t(String(y)) });
  const inDomain = events
    .filter((e) => dateValue(e.date) >= t0 && dateValue(e.date) < t1)
    .sort((a, b) => dateValue(a.date) - dateValue(b.date) || a.id.localeCompare(b.id));
  const laneEnds: number[] = [];
  const minGap = 0.07;
  const items = inDomain.map((e) => {
    const pos = t(e.date);
    let lane = laneEnds.findIndex((end) => pos - end >= minGap);
    if (lane < 0) lane = laneEnds.length < 3 ? laneEnds.length : laneEnds.indexOf(Math.min(...laneEnds));
    laneEnds[lane] = pos;
    return { id: e.id, t: pos, lane };
  });
  return { start: `${first}`, end: `${last}`, ticks, items };
}

/** Everything the figures can show, projected. `timelineIds` are the events timeline steps name. */
export function buildAtlas(
  catalog: Catalog,
  projection: GeoProjection,
  options: { timelineIds?: readonly string[]; countryLabels?: { name: string; x: number; y: number }[]; margin?: MapMargin } = {},
): Atlas {
  const kpu = kmPerUnit(projection);
  const places: Atlas['places'] = {};
  for (const p of catalog.places) {
    const [x, y] = projectPoint(projection, p.lon, p.lat);
    places[p.id] = { name: p.name, label: p.mapLabel ?? p.name, kind: p.kind, x, y, r: round1(p.radiusKm / kpu) };
  }
  const position = (id: string): XY => {
    const p = places[id];
    if (!p) throw new Error(`unknown place id "${id}"`);
    return [p.x, p.y];
  };
  const routes: Record<string, AtlasRoute> = {};
  for (const r of catalog.routes) {
    const legs = routeLegs(r, position);
    routes[r.id] = {
      name: r.name,
      label: r.status === 'closed' ? `${r.label ?? r.name} (closed)` : (r.label ?? r.name),
      mode: r.mode,
      closed: r.status === 'closed',
      waypoints: [...r.waypoints],
      legs,
      length: round1(legs.reduce((sum, leg) => sum + polylineLength(leg.points), 0)),
    };
  }
  const events: Record<string, AtlasEvent> = {};
  for (const e of catalog.events) {
    const pts = e.places.map(position);
    events[e.id] = {
      title: e.title,
      date: e.date,
      endDate: e.endDate ?? null,
      kind: e.kind,
      actor: e.actor,
      status: e.status,
      attribution: e.attribution,
      places: [...e.places],
      area: e.areaKm && pts.length > 0 ? bufferedHull(pts, e.areaKm / kpu) : null,
      figures: e.figures.map((f) => ({
        measure: f.measure,
        qualifier: f.qualifier ?? null,
        value: f.value ?? null,
        range: f.range ?? null,
        reportedBy: f.reportedBy,
        date: f.date,
        note: f.note ?? null,
      })),
    };
  }
  return {
    width: MAP_WIDTH,
    height: mapHeight(projection),
    kmPerUnit: Math.round(kpu * 10000) / 10000,
    limits: drawnArea(MAP_WIDTH, mapHeight(projection), options.margin ?? { top: 0, right: 0, bottom: 0, left: 0 }),
    places,
    routes,
    events,
    timeline: buildTimeline(catalog.events, options.timelineIds ?? []),
    countryLabels: options.countryLabels ?? [],
  };
}

/** What the browser reads of the Atlas: what sceneToMarks draws from, and the map's size, scale and limits. */
export interface BrowserAtlas extends SceneAtlas {
  width: number;
  height: number;
  kmPerUnit: number;
  limits: Atlas['limits'];
}

/**
 * The Atlas as one page ships it to the browser, serialised once: only what sceneToMarks reads to
 * draw that page's scenes (their places, waypoints, routes and event areas, and the country
 * labels), and the map's size, scale and limits. Nothing the build alone uses (attributions,
 * figure notes, route waypoints, event dates and figures, the timeline: the timelines and charts
 * are drawn at build time), and nothing another page's steps need: a long story's pages each carry
 * the atlas of their own steps, so a page's atlas does not grow with the story.
 */
export function browserAtlas(atlas: Atlas, scenes: Iterable<Scene>): BrowserAtlas {
  const pick = <T extends object, K extends keyof T>(o: T, keys: readonly K[]): Pick<T, K> => Object.fromEntries(keys.map((k) => [k, o[k]])) as Pick<T, K>;
  const places = new Set<string>();
  const routes = new Set<string>();
  const events = new Set<string>();
  for (const scene of scenes) {
    for (const id of [...scene.places, ...scene.waypoints]) places.add(id);
    for (const r of scene.routes) routes.add(r.id);
    for (const id of scene.events) events.add(id);
  }
  // Sorted, so the page's JSON does not depend on the order of its steps' references.
  const only = <T, U>(r: Record<string, T>, ids: Set<string>, fn: (v: T) => U): Record<string, U> =>
    Object.fromEntries(
      [...ids].sort().map((id) => {
        const v = r[id];
        if (v === undefined) throw new Error(`browserAtlas: a scene refers to "${id}", which the Atlas lacks`);
        return [id, fn(v)];
      }),
    );
  return {
    width: atlas.width,
    height: atlas.height,
    kmPerUnit: atlas.kmPerUnit,
    limits: atlas.limits,
    places: only(atlas.places, places, (p) => pick(p, ['name', 'label', 'kind', 'x', 'y', 'r'] as const)),
    routes: only(atlas.routes, routes, (r) => pick(r, ['label', 'mode', 'closed', 'legs', 'length'] as const)),
    events: only(atlas.events, events, (e) => pick(e, ['title', 'status', 'area'] as const)),
    countryLabels: atlas.countryLabels,
  };
}
