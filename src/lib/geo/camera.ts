/**
 * Camera framing: turns a box of interest (map units) into the viewBox a figure shows, with
 * padding, a minimum span, and the figure's aspect ratio. Pure; also runs in the browser.
 */

/** An axis-aligned box in map units: x, y of the top-left corner, width w and height h. */
export interface Box {
  x: number;
  y: number;
  w: number;
  h: number;
}

/** Fractions of the figure kept free of the subject on each side (e.g. where a text card sits). */
export interface Insets {
  top: number;
  right: number;
  bottom: number;
  left: number;
}

export const NO_INSETS: Insets = { top: 0, right: 0, bottom: 0, left: 0 };

/** The smallest box containing all points; throws on an empty list. */
export function boxOf(points: readonly (readonly [number, number])[]): Box {
  if (points.length === 0) throw new Error('boxOf: no points');
  let x0 = Infinity;
  let y0 = Infinity;
  let x1 = -Infinity;
  let y1 = -Infinity;
  for (const [x, y] of points) {
    x0 = Math.min(x0, x);
    y0 = Math.min(y0, y);
    x1 = Math.max(x1, x);
    y1 = Math.max(y1, y);
  }
  return { x: x0, y: y0, w: x1 - x0, h: y1 - y0 };
}

/** Grow a box symmetrically so that neither side is shorter than `minSpan`. */
export function withMinSpan(box: Box, minSpan: number): Box {
  const w = Math.max(box.w, minSpan);
  const h = Math.max(box.h, minSpan);
  return { x: box.x - (w - box.w) / 2, y: box.y - (h - box.h) / 2, w, h };
}

/** Grow a box by a fraction of its size on every side. */
export function pad(box: Box, fraction: number): Box {
  return { x: box.x - box.w * fraction, y: box.y - box.h * fraction, w: box.w * (1 + 2 * fraction), h: box.h * (1 + 2 * fraction) };
}

/**
 * The viewBox that shows `box` whole inside a figure of the given aspect (width / height),
 * leaving the `insets` fractions of the figure free: the subject is centred in the free area.
 */
export function cameraFor(box: Box, aspect: number, insets: Insets = NO_INSETS): Box {
  const freeW = 1 - insets.left - insets.right;
  const freeH = 1 - insets.top - insets.bottom;
  // Scale so the box fits the free area; the full view is then box / free fraction.
  let w = box.w / freeW;
  let h = box.h / freeH;
  if (w / h < aspect) w = h * aspect;
  else h = w / aspect;
  const cx = box.x + box.w / 2;
  const cy = box.y + box.h / 2;
  // Centre of the free area, in fractions of the view.
  const fx = insets.left + freeW / 2;
  const fy = insets.top + freeH / 2;
  return { x: cx - w * fx, y: cy - h * fy, w, h };
}

/** Whether a point lies inside a box, with a tolerance in map units. */
export function contains(box: Box, [x, y]: readonly [number, number], tolerance = 0): boolean {
  return x >= box.x - tolerance && x <= box.x + box.w + tolerance && y >= box.y - tolerance && y <= box.y + box.h + tolerance;
}

/** Round a box to 0.1 map unit (what is shipped to the browser). */
export function roundBox(box: Box): Box {
  const r = (v: number) => Math.round(v * 10) / 10;
  return { x: r(box.x), y: r(box.y), w: r(box.w), h: r(box.h) };
}

/**
 * Shift a view so it stays inside `limits` where it fits (the basemap is drawn only that far);
 * along an axis where the view is larger than the limits it is left where it is, so the subject
 * keeps its place in the free part of the figure. Size is never changed.
 */
export function clampBox(view: Box, limits: Box): Box {
  const axis = (pos: number, size: number, lo: number, span: number) => (size >= span ? pos : Math.min(Math.max(pos, lo), lo + span - size));
  return { x: axis(view.x, view.w, limits.x, limits.w), y: axis(view.y, view.h, limits.y, limits.h), w: view.w, h: view.h };
}

/**
 * Keep a view inside the drawn basemap (`limits`) as far as possible without pushing the box of
 * interest out of the free part of the figure (the view minus `insets`). The subject wins.
 */
export function clampView(view: Box, limits: Box, subject: Box, insets: Insets = NO_INSETS): Box {
  const wanted = clampBox(view, limits);
  const axis = (pos: number, size: number, lo: number, hi: number, start: number, length: number) => {
    // Positions of the view that keep [start, start + length] inside [pos + lo*size, pos + (1 - hi)*size].
    const min = start + length - (1 - hi) * size;
    const max = start - lo * size;
    return min > max ? pos : Math.min(Math.max(pos, min), max);
  };
  return {
    x: axis(wanted.x, view.w, insets.left, insets.right, subject.x, subject.w),
    y: axis(wanted.y, view.h, insets.top, insets.bottom, subject.y, subject.h),
    w: view.w,
    h: view.h,
  };
}

/** Map units on each side of the map box (top: north). */
export interface MapMargin {
  top: number;
  right: number;
  bottom: number;
  left: number;
}

/** The area a basemap drawn with `margin` covers, in map units: where views are kept (clampView). */
export function drawnArea(width: number, height: number, margin: MapMargin): Box {
  return { x: -margin.left, y: -margin.top, w: width + margin.left + margin.right, h: height + margin.top + margin.bottom };
}
