/**
 * src/scripts/og-image.ts writes <out>/og.png at 1200×630. It runs on the real content with a
 * stand-in basemap (src/generated/ is a build product, absent from a fresh clone when the unit
 * tests run), from a scratch working directory.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import sharp from 'sharp';
import { afterAll, describe, expect, it } from 'vitest';
import type { Basemap } from '../../../src/lib/geo/basemap.ts';
import { OG_THEME } from '../../../src/lib/og/og-svg.ts';
import { countColour, raster } from './pixels.ts';

const root = resolve(import.meta.dirname, '../../..');
const work = mkdtempSync(join(tmpdir(), 'og-image-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const basemap: Basemap = {
  width: 1000,
  height: 592,
  countries: [{ id: '760', name: 'Syria', kind: 'country', d: 'M-60 -60L1060 -60L1060 652L-60 652Z', label: [500, 300] }],
  borders: '',
  coast: '',
  rivers: [],
  lakes: '',
  golanLine: '',
  armisticeLines: '',
  credits: [],
};

describe('og-image script', () => {
  it('writes a 1200×630 PNG into the directory it is given', async () => {
    mkdirSync(join(work, 'src/generated'), { recursive: true });
    writeFileSync(join(work, 'src/generated/basemap.json'), JSON.stringify(basemap));
    const out = join(work, 'site');
    const result = spawnSync(process.execPath, [join(root, 'src/scripts/og-image.ts'), out], {
      cwd: work,
      env: { ...process.env, CONTENT_DIR: join(root, 'content') },
      encoding: 'utf8',
    });
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    const meta = await sharp(join(out, 'og.png')).metadata();
    expect(meta.format).toBe('png');
    expect([meta.width, meta.height]).toEqual([1200, 630]);
    // What a reader sees: the route drawn on the map (upper part) and the title lettered in the band (lower part).
    const png = await raster(join(out, 'og.png'));
    expect(countColour(png, OG_THEME.route, 0, 630 * 0.65), 'route pixels on the map').toBeGreaterThan(400);
    expect(countColour(png, OG_THEME.title, 630 * 0.6, 630, 12), 'title pixels in the band').toBeGreaterThan(3000);
    expect(countColour(png, OG_THEME.land, 0, 630 * 0.5), 'land pixels on the map').toBeGreaterThan(20_000);
  });

  it('fails with a usage line and no file when given no directory', () => {
    const result = spawnSync(process.execPath, [join(root, 'src/scripts/og-image.ts')], { cwd: work, encoding: 'utf8' });
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/usage: node src\/scripts\/og-image\.ts <out-dir>/);
  });
});
