/**
 * The one map projection of the story: an azimuthal equal-area projection centred on the
 * Syria–Iraq border, fitted to the story's region. It runs only at build time (Node); the
 * browser receives projected coordinates ("map units") and never projects anything.
 */
import { geoAzimuthalEqualArea, geoDistance, type GeoProjection } from 'd3-geo';
import { REGION } from './region.ts';

/** Width of the projected region in map units; the height follows from the region's shape. */
export const MAP_WIDTH = 1000;

/** Mean Earth radius in km, as used by d3-geo's great-circle distances. */
export const EARTH_RADIUS_KM = 6371;

/** A GeoJSON polygon tracing the region's lon/lat rectangle (counter-clockwise exterior ring per d3's spherical convention). */
export function regionPolygon(): GeoJSON.Polygon {
  const { west, south, east, north } = REGION;
  const ring: [number, number][] = [];
  // Densify the edges so the fitted extent follows the curved parallels.
  for (let lon = west; lon <= east; lon += 1) ring.push([lon, south]);
  for (let lat = south; lat <= north; lat += 1) ring.push([east, lat]);
  for (let lon = east; lon >= west; lon -= 1) ring.push([lon, north]);
  for (let lat = north; lat >= south; lat -= 1) ring.push([west, lat]);
  ring.push([west, south]);
  // d3-geo treats clockwise rings (in lon/lat screen orientation) as the small polygon; reverse to be safe.
  return { type: 'Polygon', coordinates: [ring.reverse()] };
}

/** The story's projection, fitted so the region spans MAP_WIDTH map units. Deterministic. */
export function createProjection(): GeoProjection {
  const centre: [number, number] = [(REGION.west + REGION.east) / 2, (REGION.south + REGION.north) / 2];
  return geoAzimuthalEqualArea().rotate([-centre[0], -centre[1]]).fitWidth(MAP_WIDTH, regionPolygon()).precision(0.1);
}

/** Height of the projected region in map units. */
export function mapHeight(projection: GeoProjection): number {
  const { south, north, west, east } = REGION;
  const pts = [
    [west, south],
    [east, south],
    [west, north],
    [east, north],
    [(west + east) / 2, south],
    [(west + east) / 2, north],
  ].map((p) => projection(p as [number, number]) ?? [0, 0]);
  return Math.ceil(Math.max(...pts.map((p) => p[1])));
}

/** Kilometres per map unit near the centre of the map (the projection is equal-area; near-conformal at this size). */
export function kmPerUnit(projection: GeoProjection): number {
  const centre = projection.invert?.([MAP_WIDTH / 2, mapHeight(projection) / 2]) ?? [0, 0];
  const east = projection.invert?.([MAP_WIDTH / 2 + 100, mapHeight(projection) / 2]) ?? [0, 0];
  return (geoDistance(centre, east) * EARTH_RADIUS_KM) / 100;
}

/** Great-circle distance in km between two [lon, lat] points. */
export function distanceKm(a: [number, number], b: [number, number]): number {
  return geoDistance(a, b) * EARTH_RADIUS_KM;
}

/** Project [lon, lat] to map units, rounded to 0.1 unit (the precision shipped to the browser). */
export function projectPoint(projection: GeoProjection, lon: number, lat: number): [number, number] {
  const p = projection([lon, lat]);
  if (!p) throw new Error(`cannot project ${lon}, ${lat}`);
  return [Math.round(p[0] * 10) / 10, Math.round(p[1] * 10) / 10];
}
