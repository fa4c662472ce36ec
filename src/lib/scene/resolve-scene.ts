/**
 * resolveScene: the whole picture one step declares — camera, routes, places, events, timeline,
 * chart, legend and alt text — as a plain serialisable value in map units.
 */
import type { GeoProjection } from 'd3-geo';
import type { Bounds, Catalog, StepProps } from '../content/schemas.ts';
import { MIN_FRAME_SPAN_KM } from '../geo/region.ts';
import { boxOf, cameraFor, contains, pad, roundBox, withMinSpan, type Box } from '../geo/camera.ts';
import { projectPoint } from '../geo/projection.ts';
import { actorGroup } from './actors.ts';
import { ACTOR_GROUP_LABELS } from '../marks/symbols.ts';
import type { Atlas, LegendEntry, Scene, XY } from './types.ts';
import { LAYOUT } from './layout.ts';
import { SIZES } from '../marks/sizes.ts';

/** Radius in px below which a place's area is no bigger than a dot: the key does not explain it as an area. */
const AREA_MIN_PX = 1.5 * SIZES.dot;

/** Fraction of the box of interest added on each side, so focused places never touch the edge. */
export const CAMERA_PADDING = 0.08;

/** Where Natural Earth draws the Golan Heights (label point from facts.md §2), to add its legend note. */
export const GOLAN_POINT: [number, number] = [35.7494, 32.9817];

function lookup<T>(table: Record<string, T>, id: string, what: string, step: string): T {
  const value = table[id];
  if (value === undefined) throw new Error(`step "${step}": unknown ${what} id "${id}"`);
  return value;
}

/** Projected points that a frame's bounds must keep in view. */
export function boundsPoints(bounds: Bounds, atlas: { places: Record<string, { x: number; y: number }> }, projection: GeoProjection, step: string): XY[] {
  if ('places' in bounds) {
    return bounds.places.map((id) => {
      const p = lookup(atlas.places, id, 'place', step);
      return [p.x, p.y] as XY;
    });
  }
  const [[w, s], [e, n]] = bounds.corners;
  const pts: XY[] = [];
  // Sample the edges: parallels curve in this projection.
  for (let i = 0; i <= 4; i++) {
    const lon = w + ((e - w) * i) / 4;
    const lat = s + ((n - s) * i) / 4;
    pts.push(projectPoint(projection, lon, s), projectPoint(projection, lon, n), projectPoint(projection, w, lat), projectPoint(projection, e, lat));
  }
  return pts;
}

/** Unique values in first-seen order. */
function unique(ids: readonly string[]): string[] {
  return [...new Set(ids)];
}

/** The box of interest for given bounds plus the step's own focus points, with minimum span and padding. */
export function focusBox(points: readonly XY[], atlas: Pick<Atlas, 'kmPerUnit'>): Box {
  const minSpan = MIN_FRAME_SPAN_KM / atlas.kmPerUnit;
  return roundBox(pad(withMinSpan(boxOf(points), minSpan), CAMERA_PADDING));
}

/** Resolve a step's declared props into its Scene. Throws naming the step and the id for unknown ids. */
export function resolveScene(step: StepProps, catalog: Catalog, atlas: Atlas, projection: GeoProjection): Scene {
  const frame = catalog.frames.find((f) => f.id === step.frame);
  if (!frame) throw new Error(`step "${step.id}": unknown frame id "${step.frame}"`);

  const routes = step.routes.map((id) => {
    lookup(atlas.routes, id, 'route', step.id);
    return { id, drawn: 1 };
  });
  const events = step.events.map((id) => {
    lookup(atlas.events, id, 'event', step.id);
    return id;
  });
  if (step.chart) lookup(atlas.events, step.chart, 'event', step.id);

  const framePlaces = 'places' in frame.bounds ? frame.bounds.places : [];
  const eventPlaces = events.flatMap((id) => atlas.events[id]!.places);
  const places = unique([...framePlaces, ...step.places, ...eventPlaces]);
  for (const id of places) lookup(atlas.places, id, 'place', step.id);
  const waypoints = unique(routes.flatMap((r) => atlas.routes[r.id]!.waypoints)).filter((id) => !places.includes(id));

  // Everything the step is about must be in view: the frame, the step's places, the events' places and areas.
  const focus: XY[] = [
    ...step.places.map((id) => [atlas.places[id]!.x, atlas.places[id]!.y] as XY),
    ...eventPlaces.map((id) => [atlas.places[id]!.x, atlas.places[id]!.y] as XY),
    ...events.flatMap((id) => atlas.events[id]!.area ?? []),
  ];
  const camera = focusBox([...boundsPoints(frame.bounds, atlas, projection, step.id), ...focus], atlas);
  const phoneCamera = frame.phone ? focusBox([...boundsPoints(frame.phone, atlas, projection, step.id), ...focus], atlas) : camera;

  return {
    step: step.id,
    camera,
    phoneCamera,
    routes,
    places,
    named: unique([...step.places, ...eventPlaces]),
    waypoints,
    events,
    timeline: step.timeline ? events : null,
    chart: step.chart ?? null,
    // The map's key only: a timeline's shapes are explained beside the timeline, in the step's text.
    legend: legendFor({ routes: routes.map((r) => r.id), places, events, camera, phoneCamera }, atlas, projection),
    alt: step.alt,
  };
}

/** Key of the inline timeline: one shape per actor group present, and how fills encode status. */
export function timelineLegend(atlas: Atlas): LegendEntry[] {
  const groups = new Set(atlas.timeline.items.map((i) => actorGroup(atlas.events[i.id]!.actor)));
  const entries: LegendEntry[] = (['israel', 'us', 'iran-allies', 'other'] as const)
    .filter((g) => groups.has(g))
    .map((g) => ({ key: `timeline-${g}` as LegendEntry['key'], label: ACTOR_GROUP_LABELS[g] }));
  entries.push({ key: 'timeline-status', label: 'Filled: confirmed · hollow: attributed · dashed: alleged · faint: disputed' });
  return entries;
}

/**
 * The map's key: entries for what the scene actually draws, in a fixed order, worded short so
 * that a phone's key strip holds them in two lines (a labelled dot needs no entry).
 */
export function legendFor(
  scene: { routes: string[]; places: string[]; events: string[]; camera: Box; phoneCamera?: Box },
  atlas: Atlas,
  projection: GeoProjection,
): LegendEntry[] {
  const entries: LegendEntry[] = [];
  const routes = scene.routes.map((id) => atlas.routes[id]!);
  if (routes.some((r) => r.mode === 'land')) entries.push({ key: 'route-land', label: 'Land route (schematic)' });
  if (routes.some((r) => r.mode === 'air')) entries.push({ key: 'route-air', label: 'Air route (schematic)' });
  if (routes.some((r) => r.mode === 'sea')) entries.push({ key: 'route-sea', label: 'Sea route (schematic)' });
  // Both kinds of faded leg: one entry, so a 320 px phone's key still holds the step in two lines.
  const unverified = routes.some((r) => r.legs.some((l) => l.unverified));
  const closed = routes.some((r) => r.closed);
  if (unverified && closed) entries.push({ key: 'route-unverified', label: 'Faded: no source or closed' });
  else if (unverified) entries.push({ key: 'route-unverified', label: 'Faded: no source traced' });
  else if (closed) entries.push({ key: 'route-closed', label: 'Faded: reported closed' });
  const shown = scene.places.map((id) => atlas.places[id]!);
  // An area reads as one only where it is drawn larger than a place's dot, on the phone or the wide frame.
  const radiusPx = (r: number) =>
    Math.max(
      (r * LAYOUT.frames.wide.width) / Math.max(scene.camera.w, scene.camera.h),
      (r * LAYOUT.frames.phone.width) / Math.max((scene.phoneCamera ?? scene.camera).w, (scene.phoneCamera ?? scene.camera).h),
    );
  if (shown.some((p) => p.r > 0 && p.kind !== 'territory' && radiusPx(p.r) >= AREA_MIN_PX)) entries.push({ key: 'area', label: 'Approximate area' });
  if (scene.events.some((id) => atlas.events[id]!.area)) entries.push({ key: 'event-area', label: 'Reported strikes' });
  const golan = projectPoint(projection, GOLAN_POINT[0], GOLAN_POINT[1]);
  // Whether the Golan line is in what a reader sees: the subject box widened to the figure's shape
  // (the square phone map; the desktop figure column, about square to a little wider than tall).
  const views = [
    cameraFor(scene.phoneCamera ?? scene.camera, 1, LAYOUT.insets.phone),
    cameraFor(scene.camera, 1, LAYOUT.insets.wide),
    cameraFor(scene.camera, 1.2, LAYOUT.insets.wide),
  ];
  if (views.some((v) => contains(v, golan))) entries.push({ key: 'golan', label: 'Dashed: not an agreed border' });
  return entries;
}
