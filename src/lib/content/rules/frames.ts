/**
 * Rule family "frames": a frame's corners are ordered and inside the region, its places exist, and
 * what it shows spans at least MIN_FRAME_SPAN_KM in each direction (for the phone framing too).
 */
import { distanceKm } from '../../geo/projection.ts';
import { inRegion, MIN_FRAME_SPAN_KM } from '../../geo/region.ts';
import type { ValuePath } from '../issues.ts';
import type { Bounds, Frame, Place } from '../schemas.ts';
import { REGION_TEXT } from './geography.ts';
import { byId, type Entry, type Report, type Tables } from './tables.ts';

interface LonLatBox {
  w: number;
  s: number;
  e: number;
  n: number;
}

export function checkFrames(t: Tables, report: Report, misplaced: Set<string>): void {
  const places = byId(t.places);
  for (const e of t.frames.entries) {
    report.jsonRefs(t.frames, e, ['bounds', 'places'], t.places);
    report.jsonRefs(t.frames, e, ['phone', 'places'], t.places);
    if (!e.parsed) continue;
    checkBounds(t, report, e, 'bounds', e.parsed.bounds, places, misplaced);
    if (e.parsed.phone) checkBounds(t, report, e, 'phone', e.parsed.phone, places, misplaced);
  }
}

function checkBounds(t: Tables, report: Report, e: Entry<Frame>, key: 'bounds' | 'phone', bounds: Bounds, places: Map<string, Place>, misplaced: Set<string>): void {
  const path: ValuePath = [e.index, key];
  const measured = 'corners' in bounds ? cornersBox(t, report, [...path, 'corners'], bounds.corners) : placesBox(bounds.places, places, misplaced);
  if (!measured) return;
  const { box, suggestion } = measured;
  const midLat = (box.s + box.n) / 2;
  const midLon = (box.w + box.e) / 2;
  const width = distanceKm([box.w, midLat], [box.e, midLat]);
  const height = distanceKm([midLon, box.s], [midLon, box.n]);
  if (width >= MIN_FRAME_SPAN_KM && height >= MIN_FRAME_SPAN_KM) return;
  const narrow = [width < MIN_FRAME_SPAN_KM ? `${Math.round(width)} km east–west` : '', height < MIN_FRAME_SPAN_KM ? `${Math.round(height)} km north–south` : ''].filter(Boolean);
  report.at(t.frames, path, `frame "${e.parsed?.id ?? ''}" spans only ${narrow.join(' and ')}`, `at least ${MIN_FRAME_SPAN_KM} km in each direction`, suggestion);
}

/** The box of [[west, south], [east, north]] corners, or null (and an error) when they are out of order or outside the region. */
function cornersBox(t: Tables, report: Report, path: ValuePath, corners: [[number, number], [number, number]]): { box: LonLatBox; suggestion: string } | null {
  const [[w, s], [east, n]] = corners;
  if (w >= east || s >= n) {
    const message = `corners [[${w}, ${s}], [${east}, ${n}]] are not west-south then east-north`;
    report.at(t.frames, path, message, '[[west, south], [east, north]] in lon/lat', 'put the smaller longitude and latitude in the first corner');
    return null;
  }
  if (!inRegion(w, s) || !inRegion(east, n)) {
    const swapped = inRegion(s, w) && inRegion(n, east);
    report.at(
      t.frames,
      path,
      swapped ? "corners are outside the story's region; they look like [lat, lon] instead of [lon, lat]" : "corners are outside the story's region",
      `corners within ${REGION_TEXT}`,
      swapped ? `write [[${s}, ${w}], [${n}, ${east}]]` : 'move the corners inside the region',
    );
    return null;
  }
  return { box: { w, s, e: east, n }, suggestion: `move the corners at least ${MIN_FRAME_SPAN_KM} km apart in both directions` };
}

/** The box around a frame's places (each with its radius), or null when one is unknown, invalid or misplaced (reported where it is written). */
function placesBox(ids: readonly string[], places: Map<string, Place>, misplaced: Set<string>): { box: LonLatBox; suggestion: string } | null {
  const found = ids.map((id) => places.get(id));
  if (found.some((p) => p === undefined || !inRegion(p.lon, p.lat) || misplaced.has(p.id))) return null;
  let box: LonLatBox = { w: Infinity, s: Infinity, e: -Infinity, n: -Infinity };
  for (const p of found as Place[]) {
    // An area place keeps its whole radius in view.
    const dLat = p.radiusKm / 111.2;
    const dLon = p.radiusKm / (111.2 * Math.cos((p.lat * Math.PI) / 180));
    box = { w: Math.min(box.w, p.lon - dLon), s: Math.min(box.s, p.lat - dLat), e: Math.max(box.e, p.lon + dLon), n: Math.max(box.n, p.lat + dLat) };
  }
  return { box, suggestion: `add a place farther out to "places", or use "corners" at least ${MIN_FRAME_SPAN_KM} km apart` };
}
