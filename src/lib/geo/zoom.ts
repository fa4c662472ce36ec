/**
 * Smooth zoom between two views (van Wijk and Nuij, "Smooth and efficient zooming and panning",
 * 2003): the same interpolation as d3-interpolate's `interpolateZoom` (ρ = √2), kept here because
 * d3-interpolate ships as one file whose colour interpolators pull d3-color into the browser
 * bundle. Adapted from d3-interpolate v3 (ISC licence, Copyright 2010-2026 Mike Bostock).
 * Views are [centre x, centre y, width]; the interpolator maps t in 0…1 to a view.
 */
import type { Box } from './camera.ts';

export type ZoomView = readonly [number, number, number];

const RHO = Math.SQRT2;
const RHO2 = 2;
const RHO4 = 4;
const EPSILON2 = 1e-12;

const cosh = (x: number) => ((x = Math.exp(x)) + 1 / x) / 2;
const sinh = (x: number) => ((x = Math.exp(x)) - 1 / x) / 2;
const tanh = (x: number) => ((x = Math.exp(2 * x)) - 1) / (x + 1);

/** The smooth zoom path between two views: its length S (in van Wijk and Nuij's units) and its view at t in 0…1. */
function zoomPath(p0: ZoomView, p1: ZoomView): { S: number; at: (t: number) => [number, number, number] } {
  const [ux0, uy0, w0] = p0;
  const [ux1, uy1, w1] = p1;
  const dx = ux1 - ux0;
  const dy = uy1 - uy0;
  const d2 = dx * dx + dy * dy;
  // Almost the same centre: zoom only.
  if (d2 < EPSILON2) {
    const S = Math.log(w1 / w0) / RHO;
    return { S, at: (t) => [ux0 + t * dx, uy0 + t * dy, w0 * Math.exp(RHO * t * S)] };
  }
  const d1 = Math.sqrt(d2);
  const b0 = (w1 * w1 - w0 * w0 + RHO4 * d2) / (2 * w0 * RHO2 * d1);
  const b1 = (w1 * w1 - w0 * w0 - RHO4 * d2) / (2 * w1 * RHO2 * d1);
  const r0 = Math.log(Math.sqrt(b0 * b0 + 1) - b0);
  const r1 = Math.log(Math.sqrt(b1 * b1 + 1) - b1);
  const S = (r1 - r0) / RHO;
  const coshr0 = cosh(r0);
  return {
    S,
    at: (t) => {
      const s = t * S;
      const u = (w0 / (RHO2 * d1)) * (coshr0 * tanh(RHO * s + r0) - sinh(r0));
      return [ux0 + u * dx, uy0 + u * dy, (w0 * coshr0) / cosh(RHO * s + r0)];
    },
  };
}

export function interpolateZoom(p0: ZoomView, p1: ZoomView): (t: number) => [number, number, number] {
  return zoomPath(p0, p1).at;
}

/**
 * How long the zoom path from one view to another is, in the units of d3's interpolateZoom,
 * whose recommended duration is 1,000 ms per unit: a steady pace, however far the camera goes.
 */
export function zoomPathLength(p0: ZoomView, p1: ZoomView): number {
  return Math.abs(zoomPath(p0, p1).S);
}

/**
 * A camera move shorter than this (in zoom path units: a pan of 0.14 % of the view's width, or a
 * zoom of 0.3 %) is not flown: nothing on a phone's map would move by a pixel.
 */
const STILL_PATH = 0.002;

/** The view [centre x, centre y, width] of a box. */
export const viewOf = (b: Box): ZoomView => [b.x + b.w / 2, b.y + b.h / 2, b.w];

/**
 * A camera flight from `from` to `to`, its zoom path worked out once:
 * - `ms`: how long it takes, at d3's steady pace (1,000 ms per unit of the zoom path), at least
 *   `minMs` so that a short move still reads as a move, at most `maxMs`; 0 when the view does not
 *   change (no flight at all) or `maxMs` is 0 (a jump);
 * - `at(t)`: the box it shows at t in 0…1 of its time (eased), with `to`'s aspect.
 */
export function flightPlan(from: Box, to: Box, minMs: number, maxMs: number): { ms: number; at: (t: number) => Box } {
  const path = zoomPath(viewOf(from), viewOf(to));
  const length = Math.abs(path.S);
  const ms = length < STILL_PATH || maxMs <= 0 ? 0 : Math.round(Math.min(maxMs, Math.max(minMs, length * 1000)));
  const aspect = to.w / to.h;
  return {
    ms,
    at: (t) => {
      const [cx, cy, w] = path.at(easeCubicInOut(t));
      const h = w / aspect;
      return { x: cx - w / 2, y: cy - h / 2, w, h };
    },
  };
}

/** How long the camera takes from `from` to `to`, ms (flightPlan's `ms`). */
export function flightMs(from: Box, to: Box, minMs: number, maxMs: number): number {
  return flightPlan(from, to, minMs, maxMs).ms;
}

/** Cubic in-out easing (d3-ease's easeCubicInOut). */
export function easeCubicInOut(t: number): number {
  return t < 0.5 ? 4 * t * t * t : 1 - (-2 * t + 2) ** 3 / 2;
}

/**
 * Where the camera's flight puts the map while the viewBox stays at `from` and the camera shows
 * `box` (same aspect): the map point p goes to scale·p + (dx, dy), so that `box`'s centre goes to
 * `from`'s centre and its width to `from`'s width. `transform` is that map as CSS, for the layers
 * that scale with the map.
 */
export interface FlightMap {
  scale: number;
  dx: number;
  dy: number;
  transform: string;
}

export function flightMap(from: Box, box: Box): FlightMap {
  const scale = from.w / box.w;
  const dx = from.x + from.w / 2 - scale * (box.x + box.w / 2);
  const dy = from.y + from.h / 2 - scale * (box.y + box.h / 2);
  const r = (v: number) => Math.round(v * 1000) / 1000;
  return { scale, dx, dy, transform: `translate(${r(dx)}px,${r(dy)}px) scale(${Math.round(scale * 1e6) / 1e6})` };
}

/** Where the map point (x, y) stands under a flight's map: for marks that move with the map without scaling. */
export function flightPoint(map: FlightMap, x: number, y: number): [number, number] {
  return [map.scale * x + map.dx, map.scale * y + map.dy];
}
