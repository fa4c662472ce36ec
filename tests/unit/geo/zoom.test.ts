import { describe, expect, it } from 'vitest';
import { interpolateZoom as d3Zoom } from 'd3-interpolate';
import { easeCubicInOut as d3Ease } from 'd3-ease';
import { easeCubicInOut, flightMap, flightMs, flightPlan, flightPoint, interpolateZoom, zoomPathLength } from '../../../src/lib/geo/zoom.ts';

const views: [[number, number, number], [number, number, number]][] = [
  [
    [100, 200, 300],
    [800, 500, 120],
  ],
  [
    [500, 500, 2000],
    [510, 490, 150],
  ],
  [
    [400, 300, 200],
    [400, 300, 900],
  ],
  [
    [0, 0, 50],
    [3000, -1200, 50],
  ],
];

describe('camera zoom interpolation', () => {
  it('follows the same path as d3-interpolate’s interpolateZoom', () => {
    for (const [a, b] of views) {
      const ours = interpolateZoom(a, b);
      const theirs = d3Zoom(a, b);
      for (let t = 0; t <= 1.0001; t += 0.125) {
        const [x, y, w] = ours(t);
        const [x2, y2, w2] = theirs(t);
        expect(x).toBeCloseTo(x2, 6);
        expect(y).toBeCloseTo(y2, 6);
        expect(w).toBeCloseTo(w2, 6);
      }
    }
  });

  it('starts and ends exactly on the two views', () => {
    const [a, b] = views[0]!;
    const z = interpolateZoom(a, b);
    expect(z(0).map((v) => Math.round(v * 1e6) / 1e6)).toEqual([...a]);
    expect(z(1).map((v) => Math.round(v * 1e6) / 1e6)).toEqual([...b]);
  });

  it('eases like d3-ease’s easeCubicInOut', () => {
    for (let t = 0; t <= 1.0001; t += 0.05) expect(easeCubicInOut(t)).toBeCloseTo(d3Ease(t), 9);
  });
});

describe('camera flight duration', () => {
  const box = (x: number, y: number, w: number) => ({ x, y, w, h: w * 0.9 });
  const [MIN, MAX] = [300, 800];

  it('measures the zoom path as d3-interpolate does (its duration is 1,000 ms per unit)', () => {
    for (const [a, b] of views) expect(zoomPathLength(a, b)).toBeCloseTo(Math.abs(d3Zoom(a, b).duration) / 1000, 6);
  });

  it('does not fly when the view does not change, or changes by less than a pixel on a phone’s map', () => {
    const from = box(100, 100, 390);
    expect(flightMs(from, from, MIN, MAX)).toBe(0);
    expect(flightMs(from, box(100.4, 100, 390), MIN, MAX)).toBe(0);
    expect(flightMs(from, box(100, 100.3, 390), MIN, MAX)).toBe(0);
    expect(flightMs(from, box(101, 100, 390), MIN, MAX)).toBe(MIN);
  });

  it('keeps a steady pace: twice the path takes twice as long, between the shortest and the longest move', () => {
    const from = box(0, 0, 100);
    const a = flightMs(from, box(25, 0, 100), MIN, MAX);
    const b = flightMs(from, box(50, 0, 100), MIN, MAX);
    expect(a).toBeGreaterThan(MIN);
    expect(b).toBeLessThan(MAX);
    expect(b / a).toBeCloseTo(zoomPathLength([50, 45, 100], [100, 45, 100]) / zoomPathLength([50, 45, 100], [75, 45, 100]), 2);
    expect(b / a).toBeGreaterThan(1.8);
  });

  it('flies a short move for the shortest time and caps a long one', () => {
    const from = box(0, 0, 100);
    expect(flightMs(from, box(5, 0, 100), MIN, MAX)).toBe(MIN);
    expect(flightMs(from, box(3000, -1200, 100), MIN, MAX)).toBe(MAX);
    expect(flightMs(from, box(0, 0, 10), MIN, MAX)).toBe(MAX);
  });

  it('plans the flight once: its time is flightMs, and it shows the start, the end and the zoom path between', () => {
    const from = box(0, 0, 400);
    const to = box(300, 200, 100);
    const plan = flightPlan(from, to, MIN, MAX);
    expect(plan.ms).toBe(flightMs(from, to, MIN, MAX));
    const round = (b: { x: number; y: number; w: number; h: number }) => [b.x, b.y, b.w, b.h].map((v) => Math.round(v * 1e6) / 1e6);
    expect(round(plan.at(0))).toEqual(round(from));
    expect(round(plan.at(1))).toEqual(round(to));
    // Mid-way, the box is the zoom path's view at the eased time, with the target's aspect.
    const [cx, cy, w] = interpolateZoom([200, 180, 400], [350, 245, 100])(easeCubicInOut(0.3));
    const mid = plan.at(0.3);
    expect(mid.x + mid.w / 2).toBeCloseTo(cx, 6);
    expect(mid.y + mid.h / 2).toBeCloseTo(cy, 6);
    expect(mid.w).toBeCloseTo(w, 6);
    expect(mid.w / mid.h).toBeCloseTo(to.w / to.h, 9);
  });

  it('jumps when no time is given, and never exceeds the time given', () => {
    const from = box(0, 0, 100);
    expect(flightMs(from, box(60, 0, 100), MIN, 0)).toBe(0);
    expect(flightMs(from, box(60, 0, 100), MIN, 200)).toBe(200);
  });
});

describe('camera flight transform', () => {
  /** Where a map point lands, in the fixed viewBox's units, under the transform. */
  const apply = (from: { x: number; y: number; w: number; h: number }, box: typeof from, p: [number, number]) => {
    const { transform, scale } = flightMap(from, box);
    const [tx, ty, s] = [...transform.matchAll(/-?[\d.]+/g)].map((m) => Number(m[0]));
    expect(transform).toMatch(/^translate\(-?[\d.]+px,-?[\d.]+px\) scale\([\d.]+\)$/);
    expect(s).toBeCloseTo(scale, 3);
    return [tx! + s! * p[0], ty! + s! * p[1]];
  };

  it('maps the box the camera shows now onto the viewBox it flies in', () => {
    const from = { x: 100, y: 50, w: 400, h: 300 };
    const box = { x: 300, y: 200, w: 100, h: 75 };
    const [x0, y0] = apply(from, box, [box.x, box.y]);
    const [x1, y1] = apply(from, box, [box.x + box.w, box.y + box.h]);
    expect(x0).toBeCloseTo(from.x, 1);
    expect(y0).toBeCloseTo(from.y, 1);
    expect(x1).toBeCloseTo(from.x + from.w, 1);
    expect(y1).toBeCloseTo(from.y + from.h, 1);
  });

  it('is the identity at the start of a flight', () => {
    const from = { x: 10, y: 20, w: 400, h: 300 };
    const [x, y] = apply(from, from, [123, 456]);
    expect(x).toBeCloseTo(123, 2);
    expect(y).toBeCloseTo(456, 2);
  });

  it('moves a pinned mark to the point the transform moves the map under it', () => {
    const from = { x: 100, y: 50, w: 400, h: 300 };
    for (const box of [from, { x: 300, y: 200, w: 100, h: 75 }, { x: -50, y: 0, w: 800, h: 600 }]) {
      for (const p of [
        [0, 0],
        [123.4, 456.7],
        [box.x + box.w / 2, box.y + box.h / 2],
      ] as [number, number][]) {
        const [x, y] = flightPoint(flightMap(from, box), p[0], p[1]);
        const [ex, ey] = apply(from, box, p);
        expect(x).toBeCloseTo(ex!, 1);
        expect(y).toBeCloseTo(ey!, 1);
      }
    }
    // The centre of the box shown is the centre of the viewBox.
    expect(flightPoint(flightMap(from, { x: 300, y: 200, w: 100, h: 75 }), 350, 237.5)).toEqual([300, 200]);
  });
});
