/**
 * Planar geometry on projected coordinates for the build-time basemap: simplification with a
 * tolerance that varies along the line, clipping to a rectangle, areas and a label point.
 * Pure; the units are whatever the caller projects into.
 */

/** A projected point [x, y] (y grows downwards, as in SVG). */
export type Pt = [number, number];

/** An axis-aligned rectangle: x0 ≤ x ≤ x1, y0 ≤ y ≤ y1. */
export interface Rect {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

/** Distance from p to the segment a–b (to the point a when a = b). */
export function segmentDistance(p: Pt, a: Pt, b: Pt): number {
  const dx = b[0] - a[0];
  const dy = b[1] - a[1];
  const len2 = dx * dx + dy * dy;
  let t = len2 === 0 ? 0 : ((p[0] - a[0]) * dx + (p[1] - a[1]) * dy) / len2;
  t = Math.max(0, Math.min(1, t));
  return Math.hypot(p[0] - (a[0] + t * dx), p[1] - (a[1] + t * dy));
}

/**
 * Douglas–Peucker with a tolerance per point: every dropped point lies within its own
 * tolerance of the simplified line. The first and last points are always kept, so lines that
 * share end points (topology arcs) still meet after simplification. `tolerances` must be > 0.
 */
export function simplifyLine(points: readonly Pt[], tolerances: readonly number[]): Pt[] {
  const n = points.length;
  if (n <= 2) return points.slice();
  const keep = new Uint8Array(n);
  keep[0] = 1;
  keep[n - 1] = 1;
  const stack: number[] = [0, n - 1];
  while (stack.length > 0) {
    const j = stack.pop() as number;
    const i = stack.pop() as number;
    let best = -1;
    let bestRatio = 1;
    for (let k = i + 1; k < j; k++) {
      const ratio = segmentDistance(points[k], points[i], points[j]) / tolerances[k];
      if (ratio > bestRatio) {
        bestRatio = ratio;
        best = k;
      }
    }
    if (best >= 0) {
      keep[best] = 1;
      stack.push(i, best, best, j);
    }
  }
  return points.filter((_, k) => keep[k] === 1);
}

/**
 * Chaikin corner cutting, `iterations` times, keeping the first and last points: rounds off
 * the corners of coarse lines (each cut moves a corner by at most a quarter of its edges).
 */
export function smoothLine(points: readonly Pt[], iterations: number): Pt[] {
  let line = points.slice();
  for (let k = 0; k < iterations && line.length > 2; k++) {
    const next: Pt[] = [line[0]];
    for (let i = 0; i < line.length - 1; i++) {
      const [a, b] = [line[i], line[i + 1]];
      if (i > 0) next.push([0.75 * a[0] + 0.25 * b[0], 0.75 * a[1] + 0.25 * b[1]]);
      if (i < line.length - 2) next.push([0.25 * a[0] + 0.75 * b[0], 0.25 * a[1] + 0.75 * b[1]]);
    }
    next.push(line[line.length - 1]);
    line = next;
  }
  return line;
}

/** Twice the signed area of a ring (shoelace; positive when clockwise on a y-down screen). */
export function ringArea2(ring: readonly Pt[]): number {
  let sum = 0;
  for (let i = 0, n = ring.length, j = n - 1; i < n; j = i++) {
    sum += ring[j][0] * ring[i][1] - ring[i][0] * ring[j][1];
  }
  return sum;
}

/** Area enclosed by a polygon's rings under the even-odd rule, assuming holes lie inside the first ring. */
export function polygonArea(rings: readonly (readonly Pt[])[]): number {
  if (rings.length === 0) return 0;
  return Math.abs(ringArea2(rings[0])) / 2 - rings.slice(1).reduce((s, r) => s + Math.abs(ringArea2(r)) / 2, 0);
}

/** Sutherland–Hodgman clip of a closed ring (no repeated closing point) to a rectangle. */
export function clipRing(ring: readonly Pt[], rect: Rect): Pt[] {
  type Edge = { inside: (p: Pt) => boolean; cut: (a: Pt, b: Pt) => Pt };
  const atX =
    (x: number) =>
    (a: Pt, b: Pt): Pt => [x, a[1] + ((b[1] - a[1]) * (x - a[0])) / (b[0] - a[0])];
  const atY =
    (y: number) =>
    (a: Pt, b: Pt): Pt => [a[0] + ((b[0] - a[0]) * (y - a[1])) / (b[1] - a[1]), y];
  const edges: Edge[] = [
    { inside: (p) => p[0] >= rect.x0, cut: atX(rect.x0) },
    { inside: (p) => p[0] <= rect.x1, cut: atX(rect.x1) },
    { inside: (p) => p[1] >= rect.y0, cut: atY(rect.y0) },
    { inside: (p) => p[1] <= rect.y1, cut: atY(rect.y1) },
  ];
  let out: Pt[] = ring.slice();
  for (const edge of edges) {
    if (out.length === 0) break;
    const input = out;
    out = [];
    let prev = input[input.length - 1];
    let prevIn = edge.inside(prev);
    for (const cur of input) {
      const curIn = edge.inside(cur);
      if (curIn) {
        if (!prevIn) out.push(edge.cut(prev, cur));
        out.push(cur);
      } else if (prevIn) {
        out.push(edge.cut(prev, cur));
      }
      prev = cur;
      prevIn = curIn;
    }
  }
  return out;
}

/** Liang–Barsky clip of a polyline to a rectangle; returns the pieces inside, in order. */
export function clipLine(line: readonly Pt[], rect: Rect): Pt[][] {
  const pieces: Pt[][] = [];
  let current: Pt[] | null = null;
  for (let i = 1; i < line.length; i++) {
    const a = line[i - 1];
    const b = line[i];
    const dx = b[0] - a[0];
    const dy = b[1] - a[1];
    let t0 = 0;
    let t1 = 1;
    const p = [-dx, dx, -dy, dy];
    const q = [a[0] - rect.x0, rect.x1 - a[0], a[1] - rect.y0, rect.y1 - a[1]];
    let visible = true;
    for (let k = 0; k < 4 && visible; k++) {
      if (p[k] === 0) {
        if (q[k] < 0) visible = false;
      } else {
        const t = q[k] / p[k];
        if (p[k] < 0) t0 = Math.max(t0, t);
        else t1 = Math.min(t1, t);
        if (t0 > t1) visible = false;
      }
    }
    if (!visible) {
      current = null;
      continue;
    }
    const start: Pt = t0 === 0 ? a : [a[0] + t0 * dx, a[1] + t0 * dy];
    const end: Pt = t1 === 1 ? b : [a[0] + t1 * dx, a[1] + t1 * dy];
    if (current === null || t0 > 0) {
      current = [start];
      pieces.push(current);
    }
    current.push(end);
    if (t1 < 1) current = null;
  }
  return pieces;
}

/** Whether p lies inside the rings under the even-odd rule. */
export function insideRings(p: Pt, rings: readonly (readonly Pt[])[]): boolean {
  let inside = false;
  for (const ring of rings) {
    for (let i = 0, n = ring.length, j = n - 1; i < n; j = i++) {
      const a = ring[i];
      const b = ring[j];
      if (a[1] > p[1] !== b[1] > p[1] && p[0] < ((b[0] - a[0]) * (p[1] - a[1])) / (b[1] - a[1]) + a[0]) inside = !inside;
    }
  }
  return inside;
}

/** Distance from p to the nearest edge of the rings. */
export function distanceToRings(p: Pt, rings: readonly (readonly Pt[])[]): number {
  let best = Infinity;
  for (const ring of rings) {
    for (let i = 0, n = ring.length, j = n - 1; i < n; j = i++) best = Math.min(best, segmentDistance(p, ring[j], ring[i]));
  }
  return best;
}

/**
 * A point well inside a polygon, far from its edges (an approximate pole of inaccessibility):
 * a grid search over the bounding box, refined around the best cell a few times. Deterministic.
 * Returns null for an empty polygon.
 */
export function labelPoint(rings: readonly (readonly Pt[])[]): Pt | null {
  const outer = rings[0];
  if (!outer || outer.length < 3) return null;
  let x0 = Infinity;
  let y0 = Infinity;
  let x1 = -Infinity;
  let y1 = -Infinity;
  for (const [x, y] of outer) {
    x0 = Math.min(x0, x);
    y0 = Math.min(y0, y);
    x1 = Math.max(x1, x);
    y1 = Math.max(y1, y);
  }
  const steps = 24;
  let best: Pt | null = null;
  let bestDistance = -Infinity;
  for (let round = 0; round < 6; round++) {
    const w = x1 - x0;
    const h = y1 - y0;
    for (let i = 0; i <= steps; i++) {
      for (let j = 0; j <= steps; j++) {
        const p: Pt = [x0 + (w * i) / steps, y0 + (h * j) / steps];
        if (!insideRings(p, rings)) continue;
        const d = distanceToRings(p, rings);
        if (d > bestDistance) {
          bestDistance = d;
          best = p;
        }
      }
    }
    if (best === null) return null;
    // Zoom into a window of two cells either side of the best point.
    const cw = (2 * w) / steps;
    const ch = (2 * h) / steps;
    [x0, x1, y0, y1] = [best[0] - cw, best[0] + cw, best[1] - ch, best[1] + ch];
  }
  return best;
}
