/**
 * cullMarks (src/lib/marks/scene-to-marks.ts): a static figure carries no marks it can never show,
 * and keeps every mark it can show at any aspect ratio it may be given.
 */
import { describe, expect, it } from 'vitest';
import { createProjection } from '../../../src/lib/geo/projection.ts';
import { cullMarks, labelBounds, revealedBox, sceneToMarks, STATIC_ASPECTS } from '../../../src/lib/marks/scene-to-marks.ts';
import { staticScale } from '../../../src/lib/marks/sizes.ts';
import { buildAtlas } from '../../../src/lib/scene/atlas.ts';
import { resolveScene } from '../../../src/lib/scene/resolve-scene.ts';
import type { Box } from '../../../src/lib/scene/types.ts';
import { fixtureCatalog, step } from '../scene/catalog-fixture.ts';

const projection = createProjection();
const catalog = fixtureCatalog();
const countryLabels = [
  { name: 'Far West', x: 5, y: 5 },
  { name: 'Syria', x: 0, y: 0 },
  { name: 'Iran', x: 900, y: 300 },
];
const atlas = buildAtlas(catalog, projection, { timelineIds: ['strikes'], countryLabels });
const sceneOf = (props: Parameters<typeof step>[0]) => resolveScene(step(props), catalog, atlas, projection);

/** What a figure of aspect `a` shows of `view` with preserveAspectRatio "meet". */
function meet(view: Box, a: number): Box {
  const w = Math.max(view.w, view.h * a);
  const h = w / a;
  return { x: view.x + (view.w - w) / 2, y: view.y + (view.h - h) / 2, w, h };
}
const inside = (b: Box, x: number, y: number) => x >= b.x && x <= b.x + b.w && y >= b.y && y <= b.y + b.h;

describe('cullMarks', () => {
  it('revealedBox widens a view to the widest aspect and heightens it to the tallest', () => {
    expect(revealedBox({ x: 0, y: 0, w: 100, h: 100 }, [0.5, 2])).toEqual({ x: -50, y: -50, w: 200, h: 200 });
    expect(revealedBox({ x: 0, y: 0, w: 400, h: 100 }, STATIC_ASPECTS)).toMatchObject({ w: 400, h: 1200 });
  });

  it('labelBounds places the text by its anchor and grows with the text', () => {
    const at = { id: 'x', x: 100, y: 50, text: 'abcd', role: 'place' as const };
    const end = labelBounds({ ...at, anchor: 'end' }, 0.5);
    const start = labelBounds({ ...at, anchor: 'start' }, 0.5);
    const middle = labelBounds({ ...at, anchor: 'middle' }, 0.5);
    expect(end.x + end.w).toBeCloseTo(100, 6);
    expect(start.x).toBeCloseTo(100, 6);
    expect(middle.x + middle.w / 2).toBeCloseTo(100, 6);
    expect(start.y).toBeLessThan(50); // the text stands above its baseline
    expect(labelBounds({ ...at, text: 'abcdabcd', anchor: 'start' }, 0.5).w).toBeGreaterThan(start.w);
  });

  it('keeps a label whose anchor is just off the figure but whose text runs into it, and drops one far away', () => {
    const scene = sceneOf({ id: 's', frame: 'valley', events: ['strikes'] });
    const all = sceneToMarks(scene, atlas);
    const seen = revealedBox(scene.camera, STATIC_ASPECTS);
    const px = staticScale(scene.camera.w); // map units per figure px
    const text = 'A place with a long name';
    const midY = seen.y + seen.h / 2;
    const edge = [
      { id: 'off-right', x: seen.x + seen.w + 4 * px, y: midY, text, anchor: 'end' as const, role: 'place' as const },
      { id: 'off-left', x: seen.x - 4 * px, y: midY, text, anchor: 'start' as const, role: 'place' as const },
      { id: 'off-bottom', x: seen.x + seen.w / 2, y: seen.y + seen.h + 2 * px, text, anchor: 'middle' as const, role: 'place' as const },
    ];
    const far = { id: 'far', x: seen.x + seen.w + 3000 * px, y: midY, text, anchor: 'end' as const, role: 'place' as const };
    const kept = cullMarks({ ...all, labels: [...all.labels, ...edge, far] }, scene.camera).labels.map((l) => l.id);
    for (const l of edge) expect(kept, l.id).toContain(l.id);
    expect(kept).not.toContain('far');
  });

  it('a zoomed-in static figure drops far country labels and keeps the places it is about', () => {
    const scene = sceneOf({ id: 's', frame: 'valley', events: ['strikes'] });
    const all = sceneToMarks(scene, atlas);
    const culled = cullMarks(all, scene.camera);
    expect(all.labels.filter((l) => l.role === 'country')).toHaveLength(3);
    expect(culled.labels.filter((l) => l.role === 'country').map((l) => l.text)).not.toContain('Far West');
    expect(culled.points.map((p) => p.id).sort()).toEqual(all.points.map((p) => p.id).sort());
    expect(culled.areas).toEqual(all.areas);
  });

  it('keeps every mark whose anchor a static figure of any allowed aspect shows', () => {
    for (const props of [
      { id: 's1', frame: 'valley', events: ['strikes'] },
      { id: 's2', frame: 'region', routes: ['qaim-corridor'] },
      { id: 's3', frame: 'box', places: ['golan'] },
    ]) {
      const scene = sceneOf(props);
      const all = sceneToMarks(scene, atlas);
      const culled = cullMarks(all, scene.camera);
      for (const a of [STATIC_ASPECTS[0], 0.5, 0.75, 1, 1.6, 2.4, STATIC_ASPECTS[1]]) {
        const shown = meet(scene.camera, a);
        for (const l of all.labels) if (inside(shown, l.x, l.y)) expect(culled.labels, `${props.id} at aspect ${a}: label ${l.id}`).toContain(l);
        for (const p of all.points) if (inside(shown, p.x, p.y)) expect(culled.points, `${props.id} at aspect ${a}: point ${p.id}`).toContain(p);
      }
      expect(culled.routes.map((r) => r.id)).toEqual(all.routes.map((r) => r.id));
    }
  });

  it('sceneToMarks itself never culls (the live figure flies its camera)', () => {
    const scene = sceneOf({ id: 's', frame: 'valley', events: ['strikes'] });
    expect(sceneToMarks(scene, atlas).labels.filter((l) => l.role === 'country')).toHaveLength(3);
  });
});
