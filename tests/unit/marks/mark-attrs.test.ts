/**
 * One drawing of a mark: the build-time figures (MapMarks.astro) write exactly the attributes that
 * src/lib/marks/mark-attrs.ts describes, which is also what the live renderer (draw-scene.ts) sets.
 * Read from the built page: every step's static phone and wide drawings carry each placed label,
 * dot and arrow as the description gives it. Needs `npm run build` first (skipped without dist/).
 */
import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildStory } from '../../../src/lib/story.ts';
import { cullMarks, sceneToMarks } from '../../../src/lib/marks/scene-to-marks.ts';
import { frameCamera, frameScale, withPlacedLabels } from '../../../src/lib/marks/figure-labels.ts';
import { arrowAttrs, labelAttrs, pointAttrs, type Attrs } from '../../../src/lib/marks/mark-attrs.ts';
import { LAYOUT } from '../../../src/lib/scene/layout.ts';

const PAGE = 'dist/index.html';
const esc = (v: string) => v.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
const attrs = (a: Attrs) =>
  Object.entries(a)
    .map(([k, v]) => `${k}="${esc(String(v))}"`)
    .join(' ');

describe.skipIf(!existsSync(PAGE))('static figures draw the marks as mark-attrs.ts describes', () => {
  const html = existsSync(PAGE) ? readFileSync(PAGE, 'utf8') : '';
  const { scenes, atlas } = buildStory();

  it('every placed label, dot and arrow of every step, in both frame shapes', () => {
    const missing: string[] = [];
    let checked = 0;
    for (const scene of scenes.values()) {
      const start = html.indexOf(`data-static-figure="${scene.step}"`);
      expect(start, `static figure of ${scene.step}`).toBeGreaterThan(0);
      const figure = html.slice(start, html.indexOf('data-static-figure=', start + 20) >>> 0);
      for (const shape of ['phone', 'wide'] as const) {
        const open = figure.indexOf(`<svg class="map map--${shape}"`);
        expect(open, `${scene.step} ${shape} drawing`).toBeGreaterThanOrEqual(0);
        const svg = figure.slice(open, figure.indexOf('</svg>', open));
        const c = frameCamera(scene, shape, atlas.limits);
        const frame = LAYOUT.frames[shape];
        const k = frameScale(c, frame);
        const marks = withPlacedLabels(cullMarks(sceneToMarks(scene, atlas), c, { k }), c, frame);
        const want: string[] = [
          ...marks.labels.map((l) => {
            const a = labelAttrs(l, k);
            return `<g ${attrs(a.g)}><text ${attrs(a.text)}>${esc(l.text)}</text></g>`;
          }),
          ...marks.points.map((p) => {
            const a = pointAttrs(p, k);
            return `<g ${attrs(a.g)}><circle ${attrs(a.circle)}>`;
          }),
          ...marks.routes.flatMap((r) => r.arrows.map((ar) => `<path ${attrs(arrowAttrs(ar, k).path)}>`)),
        ];
        for (const w of want) if (!svg.includes(w)) missing.push(`${scene.step} ${shape}: ${w}`);
        // And nothing more: as many labels as placed.
        const drawn = svg.match(/<g class="label /g)?.length ?? 0;
        if (drawn !== marks.labels.length) missing.push(`${scene.step} ${shape}: ${drawn} labels drawn, ${marks.labels.length} placed`);
        checked += want.length;
      }
    }
    expect(missing.slice(0, 10)).toEqual([]);
    expect(checked).toBeGreaterThan(100);
  });
});
