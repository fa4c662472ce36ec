/**
 * The frame picker's arithmetic, pure so it can be unit-tested: from the view an editor panned and
 * zoomed to (a viewBox in map units) back to the lon/lat corners of a `content/frames.json` entry
 * that reproduces it, and forward again to preview what a frame will show. Dev only: it inverts the
 * projection, which production never does in the browser.
 */
import type { GeoProjection } from 'd3-geo';
import { boxOf, cameraFor, clampBox, type Box, type Insets } from '../../lib/geo/camera.ts';
import { distanceKm } from '../../lib/geo/projection.ts';
import { boundsPoints, CAMERA_PADDING, focusBox } from '../../lib/scene/resolve-scene.ts';
import type { Bounds } from '../../lib/content/schemas.ts';
import type { BrowserAtlas } from '../../lib/scene/atlas.ts';

/** What the frame picker reads of the page's atlas: its places, scale and limits. */
export type PickerAtlas = Pick<BrowserAtlas, 'places' | 'kmPerUnit' | 'limits'>;

/** The page layout the scroll controller uses, from the one shared definition. */
export { LAYOUT } from '../../lib/scene/layout.ts';

/** `[[west, south], [east, north]]` in decimal degrees. */
export type Corners = [[number, number], [number, number]];

/** The part of `view` left free by `insets`, shrunk by the camera padding: the subject the frame must hold. */
export function subjectOf(view: Box, insets: Insets, padding = CAMERA_PADDING): Box {
  const free = {
    x: view.x + view.w * insets.left,
    y: view.y + view.h * insets.top,
    w: view.w * (1 - insets.left - insets.right),
    h: view.h * (1 - insets.top - insets.bottom),
  };
  const w = free.w / (1 + 2 * padding);
  const h = free.h / (1 + 2 * padding);
  return { x: free.x + w * padding, y: free.y + h * padding, w, h };
}

/** Rounds outward to 0.01° (about 1 km), so the rectangle never shrinks below what was picked. */
const down = (v: number) => Math.floor(v * 100 + 1e-9) / 100;
const up = (v: number) => Math.ceil(v * 100 - 1e-9) / 100;

/** The projected box of a corners frame, sampled along its edges as the scene does (parallels curve). */
function cornersBox(corners: Corners, atlas: PickerAtlas, projection: GeoProjection): Box {
  return boxOf(boundsPoints({ corners }, atlas, projection, 'frame picker'));
}

/**
 * The lon/lat corners whose frame shows `view` in a figure with these insets. The subject box is
 * inverted through the projection, then the corners are corrected a few times until their projected
 * box (edges sampled as the scene samples them) matches the subject: a lon/lat rectangle is not a
 * rectangle in this projection, so one inversion would frame too much.
 */
export function viewToCorners(view: Box, atlas: PickerAtlas, projection: GeoProjection, insets: Insets): Corners {
  const target = subjectOf(view, insets);
  const invert = projection.invert;
  if (!invert) throw new Error('the projection cannot be inverted');
  const ll = (x: number, y: number): [number, number] => invert([x, y]) ?? [0, 0];
  const [w0, n0] = ll(target.x, target.y);
  const [e0, s0] = ll(target.x + target.w, target.y + target.h);
  let c: Corners = [
    [w0, s0],
    [e0, n0],
  ];
  for (let i = 0; i < 12; i++) {
    const got = cornersBox(c, atlas, projection);
    const [[w, s], [e, n]] = c;
    const lon = (e - w) * (target.w / got.w);
    const lat = (n - s) * (target.h / got.h);
    // Move the centre by the projected offset, converted at the current scale (degrees per unit).
    const cx = (w + e) / 2 + ((target.x + target.w / 2 - (got.x + got.w / 2)) * (e - w)) / got.w;
    const cy = (s + n) / 2 - ((target.y + target.h / 2 - (got.y + got.h / 2)) * (n - s)) / got.h;
    c = [
      [cx - lon / 2, cy - lat / 2],
      [cx + lon / 2, cy + lat / 2],
    ];
  }
  const [[w, s], [e, n]] = c;
  return [
    [down(w), down(s)],
    [up(e), up(n)],
  ];
}

/** East–west (at the middle latitude) and north–south extent of corners, in km. */
export function cornersSpanKm([[w, s], [e, n]]: Corners): { width: number; height: number } {
  const midLat = (s + n) / 2;
  const midLon = (w + e) / 2;
  return { width: distanceKm([w, midLat], [e, midLat]), height: distanceKm([midLon, s], [midLon, n]) };
}

/** The viewBox a frame with these corners gets in a figure of `aspect` (width / height): what the page will show. */
export function previewView(corners: Corners, atlas: PickerAtlas, projection: GeoProjection, aspect: number, insets: Insets): Box {
  const subject = focusBox(boundsPoints({ corners }, atlas, projection, 'frame preview'), atlas);
  return clampBox(cameraFor(subject, aspect, insets), atlas.limits);
}

/** A ready `content/frames.json` entry, formatted like the file (two-space JSON); `phone` only when given. */
export function frameEntry(id: string, description: string, bounds: Bounds, phone?: Bounds): string {
  const entry: Record<string, unknown> = { id, description, bounds };
  if (phone) entry.phone = phone;
  return JSON.stringify(entry, null, 2);
}

/** Zooms `view` by `factor` (> 1 zooms out) around the map point `at`, which stays under the pointer. */
export function zoomAround(view: Box, factor: number, at: [number, number]): Box {
  return { x: at[0] - (at[0] - view.x) * factor, y: at[1] - (at[1] - view.y) * factor, w: view.w * factor, h: view.h * factor };
}
