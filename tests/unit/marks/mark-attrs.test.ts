/**
 * One drawing of a mark: the build-time figures (MapMarks.astro) write exactly the attributes that
 * src/lib/marks/mark-attrs.ts describes, which is also what the live renderer (draw-scene.ts) sets.
 * Read from the built page: every step's static phone and wide drawings carry each placed label,
 * dot and arrow as the description gives it: drawn inline (the first step) or in the lazy marks
 * file the build writes for it (every other step). Needs `npm run build` first (skipped without dist/).
 */
import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildStory } from '../../../src/lib/story.ts';
import { cullMarks, sceneToMarks } from '../../../src/lib/marks/scene-to-marks.ts';
import { frameCamera, frameScale, withPlacedLabels } from '../../../src/lib/marks/figure-labels.ts';
import { arrowAttrs, labelAttrs, labelLineAttrs, pointAttrs, type Attrs } from '../../../src/lib/marks/mark-attrs.ts';
import { LAYOUT } from '../../../src/lib/scene/layout.ts';

const PAGE = 'dist/index.html';
const esc = (v: string) => v.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
const attrs = (a: Attrs) =>
  Object.entries(a)
    .map(([k, v]) => `${k}="${esc(String(v))}"`)
    .join(' ');

/**
 * One frame shape's drawing in a step's static figure: the inline <svg>, or the text of its marks
 * file (the image layer that is not the shared basemap cropped by #svgView). '' when there is none.
 */
function drawingOf(figure: string, shape: 'phone' | 'wide'): string {
  const inline = figure.indexOf(`<svg class="map map--${shape}"`);
  if (inline >= 0) return figure.slice(inline, figure.indexOf('</svg>', inline));
  const open = figure.indexOf(`class="map map--${shape} static-map"`);
  if (open < 0) return '';
  const box = figure.slice(open, figure.indexOf('</div>', open));
  const src = [...box.matchAll(/src="([^"]+)"/g)].map((m) => m[1]!).find((u) => !u.includes('#svgView'));
  const file = src ? `dist/${src.replace(/^\//, '')}` : '';
  return file && existsSync(file) ? readFileSync(file, 'utf8') : '';
}

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
        const svg = drawingOf(figure, shape);
        expect(svg, `${scene.step} ${shape} drawing`).not.toBe('');
        const c = frameCamera(scene, shape, atlas.limits);
        const frame = LAYOUT.frames[shape];
        const k = frameScale(c, frame);
        const marks = withPlacedLabels(cullMarks(sceneToMarks(scene, atlas), c, { k }), c, frame);
        const want: string[] = [
          ...marks.labels.map((l) => {
            const a = labelAttrs(l, k);
            const lines = labelLineAttrs(l).map((line) => `<tspan ${attrs(line.attrs)}>${esc(line.text)}</tspan>`);
            return `<g ${attrs(a.g)}><text ${attrs(a.text)}>${lines.length > 0 ? lines.join('') : esc(l.text)}</text></g>`;
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
