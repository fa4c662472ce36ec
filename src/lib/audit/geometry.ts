/**
 * Pure box geometry for the figure-craft audit (tests/e2e/craft.ts, `npm run shots --audit`):
 * overlap, clipping and the phone map region's stability. Plain values, no DOM, so the same
 * functions run in Node (unit tests, the contact sheet) and, serialised, inside the page.
 */

/** A screen box in CSS px. */
export interface Rect {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

/** The common part of two boxes, or null when they do not meet by more than `tol` px on both axes. */
export function intersect(a: Rect, b: Rect, tol = 0): Rect | null {
  const left = Math.max(a.left, b.left);
  const right = Math.min(a.right, b.right);
  const top = Math.max(a.top, b.top);
  const bottom = Math.min(a.bottom, b.bottom);
  return right - left > tol && bottom - top > tol ? { left, top, right, bottom } : null;
}

/** True when `inner` sticks out of `outer` by more than `tol` px on any side. */
export function clipped(inner: Rect, outer: Rect, tol = 1): boolean {
  return inner.left < outer.left - tol || inner.top < outer.top - tol || inner.right > outer.right + tol || inner.bottom > outer.bottom + tol;
}

/** Which sides of `outer` cut `inner` (for a readable report). */
export function clipSides(inner: Rect, outer: Rect, tol = 1): string[] {
  const sides: string[] = [];
  if (inner.left < outer.left - tol) sides.push('left');
  if (inner.top < outer.top - tol) sides.push('top');
  if (inner.right > outer.right + tol) sides.push('right');
  if (inner.bottom > outer.bottom + tol) sides.push('bottom');
  return sides;
}

/** Pairs (i < j) of boxes that overlap by more than `tol` px on both axes. */
export function overlappingPairs(boxes: Rect[], tol = 1): [number, number][] {
  const pairs: [number, number][] = [];
  for (let i = 0; i < boxes.length; i++) {
    for (let j = i + 1; j < boxes.length; j++) {
      if (intersect(boxes[i]!, boxes[j]!, tol)) pairs.push([i, j]);
    }
  }
  return pairs;
}

/**
 * Steps at which the phone map region changed size (by more than `tol` px in width or height)
 * compared with the first step measured at that viewport.
 */
export function regionChanges(regions: { step: string; width: number; height: number }[], tol = 1): { step: string; detail: string }[] {
  const first = regions[0];
  if (!first) return [];
  return regions
    .filter((r) => Math.abs(r.width - first.width) > tol || Math.abs(r.height - first.height) > tol)
    .map((r) => ({
      step: r.step,
      detail: `map region ${Math.round(r.width)}×${Math.round(r.height)} px, ${Math.round(first.width)}×${Math.round(first.height)} px at ${first.step}`,
    }));
}

/**
 * Cumulative Layout Shift as Chrome reports it: the largest session window of layout shifts
 * (shifts less than 1 s apart, a window at most 5 s long). `entries` are {time ms, value}.
 */
export function clsOf(entries: { time: number; value: number }[]): number {
  let best = 0;
  let sum = 0;
  let start = -Infinity;
  let last = -Infinity;
  for (const e of [...entries].sort((a, b) => a.time - b.time)) {
    if (e.time - last > 1000 || e.time - start > 5000) {
      sum = 0;
      start = e.time;
    }
    sum += e.value;
    last = e.time;
    best = Math.max(best, sum);
  }
  return best;
}
