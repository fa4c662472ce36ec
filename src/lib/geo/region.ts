/** The story's map region and the smallest framing: geographic limits the projection, the basemap, the scene and the content checker share. */

/** Map region (lon/lat) every place and frame must fall in: Iran to the eastern Mediterranean. */
export const REGION = { west: 32, south: 28, east: 54, north: 39 } as const;

/** Smallest span a framing may have, in km (narrower views leave a reader without bearings). */
export const MIN_FRAME_SPAN_KM = 120;

/** Whether a lon/lat point lies inside {@link REGION}. */
export function inRegion(lon: number, lat: number): boolean {
  return lon >= REGION.west && lon <= REGION.east && lat >= REGION.south && lat <= REGION.north;
}
