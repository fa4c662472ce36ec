/**
 * Which country a point is in, from Natural Earth's 1:50m countries (world-atlas): lets the checker
 * catch a place whose lat and lon were swapped but still fall inside the map's region (Beirut
 * swapped lands off Cyprus). Node only; the countries file is read once per process.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { geoContains } from 'd3-geo';
import { feature } from 'topojson-client';
import type { Topology, GeometryCollection } from 'topojson-specification';

/** Answers "is this point in (or near) that country?" for the checker. */
export interface CountryLocator {
  /** Country names as Natural Earth spells them ("Syria", "Lebanon", "N. Cyprus"…). */
  names: readonly string[];
  /** Whether [lon, lat] is inside `name`, or within `km` of it (tested on a ring of eight points). */
  near(name: string, lon: number, lat: number, km: number): boolean;
  /** The country containing [lon, lat], or null at sea. Only countries within `among`, when given. */
  at(lon: number, lat: number, among?: readonly string[]): string | null;
}

type Countries = Topology<{ countries: GeometryCollection<{ name: string }> }>;

let cached: CountryLocator | null = null;

const nameOf = (g: { properties?: unknown }): string => (g.properties as { name?: string } | undefined)?.name ?? '';

/** The locator over world-atlas's countries-50m.json (cached). */
export function countryLocator(): CountryLocator {
  if (cached) return cached;
  const file = createRequire(import.meta.url).resolve('world-atlas/countries-50m.json');
  const topo = JSON.parse(readFileSync(file, 'utf8')) as Countries;
  const geometries = topo.objects.countries.geometries;
  const features = new Map<string, GeoJSON.Feature | null>();
  const shape = (name: string): GeoJSON.Feature | null => {
    if (!features.has(name)) {
      const g = geometries.find((x) => nameOf(x) === name);
      features.set(name, g ? (feature(topo, g) as GeoJSON.Feature) : null);
    }
    return features.get(name) ?? null;
  };
  const names = geometries.map(nameOf).filter(Boolean);
  const contains = (name: string, p: [number, number]): boolean => {
    const f = shape(name);
    return f !== null && geoContains(f, p);
  };
  cached = {
    names,
    near(name, lon, lat, km) {
      if (contains(name, [lon, lat])) return true;
      const dLat = km / 111.2;
      const dLon = km / (111.2 * Math.cos((lat * Math.PI) / 180));
      for (let i = 0; i < 8; i++) {
        const a = (i * Math.PI) / 4;
        if (contains(name, [lon + dLon * Math.cos(a), lat + dLat * Math.sin(a)])) return true;
      }
      return false;
    },
    at(lon, lat, among = names) {
      return among.find((n) => contains(n, [lon, lat])) ?? null;
    },
  };
  return cached;
}
