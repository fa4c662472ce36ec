/**
 * Rule family "geography": every place lies in the story's region and in (or near) the country it
 * names; swapped lat/lon are recognised and the fix spelled out.
 */
import { inRegion, REGION } from '../../geo/region.ts';
import type { CountryLocator } from '../countries.ts';
import { quoteList } from '../diagnostics.ts';
import type { Report, Tables } from './tables.ts';

/** How far outside the country it names a place may lie (borders and coasts at 1:50m are approximate). */
export const COUNTRY_TOLERANCE_KM = 15;

/** The region as an editor reads it, for diagnostics. */
export const REGION_TEXT = `lat ${REGION.south}–${REGION.north}, lon ${REGION.west}–${REGION.east} (Iran to the eastern Mediterranean)`;

/** Checks every place; returns the ids of places reported as misplaced (frames measured with them would only mislead). */
export function checkGeography(t: Tables, report: Report, countries?: CountryLocator): Set<string> {
  checkRegion(t, report);
  return countries ? checkCountries(t, report, countries) : new Set();
}

function checkRegion(t: Tables, report: Report): void {
  for (const e of t.places.entries) {
    const p = e.parsed;
    if (!p || inRegion(p.lon, p.lat)) continue;
    const swapped = inRegion(p.lat, p.lon);
    const latOut = p.lat < REGION.south || p.lat > REGION.north;
    report.at(
      t.places,
      [e.index, swapped || latOut ? 'lat' : 'lon'],
      swapped ? `lat ${p.lat}, lon ${p.lon} is outside the story's region; lat and lon look swapped` : `lat ${p.lat}, lon ${p.lon} is outside the story's region`,
      REGION_TEXT,
      swapped ? `swap them: "lat": ${p.lon}, "lon": ${p.lat}` : 'check the coordinate (decimal degrees, WGS84)',
    );
  }
}

/**
 * Inside the region but not in the country it names: swapped lat/lon in the west of the map stay
 * inside the region (Beirut swapped lands off Cyprus), so compare with the country as well.
 */
function checkCountries(t: Tables, report: Report, countries: CountryLocator): Set<string> {
  const misplaced = new Set<string>();
  for (const e of t.places.entries) {
    const p = e.parsed;
    if (!p || !inRegion(p.lon, p.lat)) continue;
    const named = countries.names.filter((n) => new RegExp(`\\b${n.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\b`, 'i').test(p.country));
    if (!named.length || named.some((n) => countries.near(n, p.lon, p.lat, COUNTRY_TOLERANCE_KM))) continue;
    const swapped = inRegion(p.lat, p.lon) && named.some((n) => countries.near(n, p.lat, p.lon, COUNTRY_TOLERANCE_KM));
    misplaced.add(p.id);
    const actual = countries.at(p.lon, p.lat);
    report.at(
      t.places,
      [e.index, 'lat'],
      `lat ${p.lat}, lon ${p.lon} is ${actual ? `in ${actual}` : 'at sea'}, not in ${quoteList(named)}${swapped ? '; lat and lon look swapped' : ''}`,
      `a point in ${named.join(' or ')} (or within ${COUNTRY_TOLERANCE_KM} km of it), as "country" says`,
      swapped ? `swap them: "lat": ${p.lon}, "lon": ${p.lat}` : 'check the coordinate (decimal degrees, WGS84, lat north–south), or correct "country"',
    );
  }
  return misplaced;
}
