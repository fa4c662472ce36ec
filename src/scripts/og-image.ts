/**
 * Writes the share image `<out>/og.png` (1200×630) for Open Graph and Twitter cards: the region
 * map with the main route and the strike area, and the story's title and dek, all text drawn as
 * glyph outlines from fonts shipped in npm packages (see src/lib/og/fonts.ts for their licences).
 *
 *   node src/scripts/og-image.ts <out-dir>      (npm run build runs it on the built site)
 *
 * Needs src/generated/basemap.json (npm run basemap). Reads CONTENT_DIR like the rest of the build.
 */
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import sharp from 'sharp';
import { loadOgFonts } from '../lib/og/fonts.ts';
import { OG_HEIGHT, OG_WIDTH, buildOgSvg, selectOgCard } from '../lib/og/og-svg.ts';
import { DEFAULT_BASEMAP_OPTIONS } from '../lib/geo/basemap.ts';
import { buildStory } from '../lib/story.ts';

const outArg = process.argv[2];
if (!outArg) {
  console.error('usage: node src/scripts/og-image.ts <out-dir>');
  process.exit(2);
}
const outDir = resolve(outArg);
const file = resolve(outDir, 'og.png');

try {
  const { catalog, atlas, basemap } = buildStory();
  const card = selectOgCard(atlas, catalog.story);
  const svg = buildOgSvg(basemap, card, loadOgFonts(), undefined, DEFAULT_BASEMAP_OPTIONS.margin);
  mkdirSync(outDir, { recursive: true });
  const info = await sharp(Buffer.from(svg), { density: 72 }).resize(OG_WIDTH, OG_HEIGHT).png({ compressionLevel: 9, palette: false }).toFile(file);
  console.log(`og-image: wrote ${file} (${info.width}×${info.height}, ${Math.round(info.size / 1024)} KiB)`);
} catch (error) {
  console.error(`og-image: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}
