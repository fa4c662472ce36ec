/**
 * placeLabels (src/lib/marks/place-labels.ts) on small hand-made scenes: a 100×100 camera shown in
 * a 400×400 frame (4 px per map unit), so positions are easy to reason about in px.
 */
import { describe, expect, it } from 'vitest';
import { FRAME_MARGIN, LABEL_LINE, labelExtent, placeLabels, sidesOf, stackedLines, type PxBox } from '../../../src/lib/marks/place-labels.ts';
import type { LabelMark, PointMark, RouteMark } from '../../../src/lib/marks/scene-to-marks.ts';
import { labelAttrs, labelLineAttrs } from '../../../src/lib/marks/mark-attrs.ts';

const camera = { x: 0, y: 0, w: 100, h: 100 };
const frame = { width: 400, height: 400 };
const place = (id: string, x: number, y: number, tier = 0, text = id): { label: LabelMark; point: PointMark } => ({
  label: { id, x, y, text, anchor: 'start', role: 'place', tier, dot: 'place' },
  point: { id, name: text, x, y, role: 'place' },
});
const marksOf = (items: { label: LabelMark; point: PointMark }[], routes: RouteMark[] = [], extra: LabelMark[] = []) => ({
  labels: [...items.map((i) => i.label), ...extra],
  points: items.map((i) => i.point),
  routes,
});
const route = (d: string): RouteMark => ({
  id: 'r',
  mode: 'land',
  closed: false,
  label: 'Via somewhere',
  length: 100,
  drawn: 1,
  legs: [{ d, unverified: false, length: 100, start: 0 }],
  arrows: [],
  labelAt: { x: 50, y: 50 },
  middles: [[50, 50]],
});
const meet = (a: PxBox, b: PxBox) => a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;
const toPx = (x: number, y: number) => [x * 4, y * 4] as const;
const dotBox = (x: number, y: number): PxBox => {
  const [px, py] = toPx(x, y);
  return { x: px - 4.5, y: py - 4.5, w: 9, h: 9 };
};

describe('placeLabels', () => {
  it('puts a lone label right of its dot, clear of the dot, with its side, anchor and offset in px', () => {
    const { placed, dropped, unplaced } = placeLabels({ marks: marksOf([place('a', 50, 50, 0, 'Damascus')]), camera, frame });
    expect(dropped).toEqual([]);
    expect(unplaced).toEqual([]);
    expect(placed).toHaveLength(1);
    const [p] = placed;
    expect(p).toMatchObject({ id: 'a', x: 50, y: 50, side: 'right', anchor: 'start' });
    expect(p!.dx).toBeGreaterThan(4.5);
    expect(meet(p!.box, dotBox(50, 50))).toBe(false);
    // 13 px text: the box is at least as tall as the type.
    expect(p!.box.h).toBeGreaterThanOrEqual(13);
  });

  it('never lets two labels overlap: a second point just right of the first pushes its label to another side', () => {
    const items = [place('a', 50, 50, 0, 'Albu Kamal'), place('b', 58, 50, 0, 'Al-Qaim')];
    const { placed, unplaced } = placeLabels({ marks: marksOf(items), camera, frame });
    expect(unplaced).toEqual([]);
    expect(placed).toHaveLength(2);
    expect(meet(placed[0]!.box, placed[1]!.box)).toBe(false);
    for (const p of placed) for (const i of items) expect(meet(p.box, dotBox(i.point.x, i.point.y))).toBe(false);
    expect(placed.find((p) => p.id === 'a')!.side).not.toBe('right');
  });

  it('keeps labels off route lines: a line leaving a point eastward sends its label elsewhere', () => {
    const { placed } = placeLabels({ marks: marksOf([place('a', 50, 50)], [route('M50,50L95,50')]), camera, frame });
    expect(placed[0]!.side).not.toBe('right');
    expect(placed[0]!.box.y + placed[0]!.box.h <= 200 - 2 || placed[0]!.box.y >= 200 + 2 || placed[0]!.box.x + placed[0]!.box.w <= 200).toBe(true);
  });

  it('keeps labels inside the frame with a margin: a point near the right edge is labelled on its left', () => {
    const { placed } = placeLabels({ marks: marksOf([place('a', 97, 50, 0, 'Deir Ezzor')]), camera, frame });
    const b = placed[0]!.box;
    expect(['left', 'above-left', 'below-left']).toContain(placed[0]!.side);
    expect(b.x).toBeGreaterThanOrEqual(FRAME_MARGIN);
    expect(b.x + b.w).toBeLessThanOrEqual(400 - FRAME_MARGIN);
  });

  it('drops lower tiers when there is no room, never a named place', () => {
    // A country name centred on the named place's label position cannot go anywhere else nearby.
    const named = place('a', 50, 50, 0, 'Palmyra');
    const crowd = [0, 1, 2, 3, 4, 5, 6, 7].map((i) => place(`c${i}`, 44 + (i % 4) * 4, 46 + Math.floor(i / 4) * 8, 2, `Context ${i}`));
    const country: LabelMark = { id: 'country-syria', x: 50, y: 50, text: 'Syria', anchor: 'middle', role: 'country', tier: 3 };
    const { placed, dropped, unplaced } = placeLabels({ marks: marksOf([...crowd, named], [], [country]), camera, frame });
    expect(unplaced).toEqual([]);
    expect(placed.map((p) => p.id)).toContain('a');
    expect(dropped.length).toBeGreaterThan(0);
    expect(dropped.every((d) => d.tier > 0)).toBe(true);
    // The named place was placed first, whatever its order in the marks.
    expect(placed[0]!.id).toBe('a');
  });

  it('reports a named place that fits nowhere as unplaced, and still draws it', () => {
    const long = place('a', 50, 50, 0, 'A name far too long to fit anywhere inside this small square frame, whatever side it takes');
    const { placed, unplaced } = placeLabels({ marks: marksOf([long]), camera, frame });
    expect(unplaced).toEqual([{ id: 'a', text: long.label.text }]);
    expect(placed.map((p) => p.id)).toEqual(['a']);
  });

  it('keeps a label on the side it had before when it still fits there', () => {
    const marks = marksOf([place('a', 50, 50, 0, 'Mayadin')]);
    const first = placeLabels({ marks, camera, frame });
    expect(first.placed[0]!.side).toBe('right');
    const again = placeLabels({ marks, camera, frame, previous: { a: 'below' } });
    expect(again.placed[0]!.side).toBe('below');
    expect(sidesOf(again)).toEqual({ a: 'below' });
    // When the old side no longer fits (now at the bottom edge), it moves.
    const edge = placeLabels({ marks: marksOf([place('a', 50, 99, 0, 'Mayadin')]), camera, frame, previous: { a: 'below' } });
    expect(edge.placed[0]!.side).not.toBe('below');
  });

  it('avoids obstacles given in px (e.g. the locator inset)', () => {
    const obstacle: PxBox = { x: 205, y: 150, w: 195, h: 100 };
    const { placed } = placeLabels({ marks: marksOf([place('a', 50, 50, 0, 'Tehran')]), camera, frame, obstacles: [obstacle] });
    expect(meet(placed[0]!.box, obstacle)).toBe(false);
  });

  describe('a territory named with a qualifier in brackets', () => {
    const territory = (text: string, x = 50, y = 50): LabelMark => ({ id: 't', x, y, text, anchor: 'middle', role: 'place', tier: 0 });

    it('splits before the bracket, and leaves other names whole', () => {
      expect(stackedLines('Golan Heights (Israeli-occupied)')).toEqual(['Golan Heights', '(Israeli-occupied)']);
      expect(stackedLines('Damascus')).toBeNull();
      expect(stackedLines('Al-Qaim (crossing')).toBeNull();
      expect(stackedLines('(Israeli-occupied)')).toBeNull();
    });

    it('is set in two lines centred on its point: as wide as its longer line, two lines tall', () => {
      const text = 'Golan Heights (Israeli-occupied)';
      const { placed, unplaced } = placeLabels({ marks: marksOf([], [], [territory(text)]), camera, frame });
      expect(unplaced).toEqual([]);
      const [p] = placed;
      expect(p).toMatchObject({ side: 'center', anchor: 'middle', dx: 0, lines: ['Golan Heights', '(Israeli-occupied)'] });
      const oneLine = labelExtent({ text, role: 'place' }).w;
      const longer = labelExtent({ text: '(Israeli-occupied)', role: 'place' }).w;
      expect(p!.box.w).toBeCloseTo(longer, 5);
      expect(p!.box.w).toBeLessThan(oneLine * 0.65);
      expect(p!.box.h).toBeGreaterThanOrEqual(13 + LABEL_LINE);
      // Centred on the point (200, 200 px) both ways.
      expect(p!.box.x + p!.box.w / 2).toBeCloseTo(200, 5);
      expect(p!.box.y + p!.box.h / 2).toBeCloseTo(200, 0);
    });

    it('stays in two lines where it must move off its point', () => {
      // Near the frame's top edge: no room centred on the point or above it, so it goes below, stacked.
      const { placed, unplaced } = placeLabels({ marks: marksOf([], [], [territory('Golan Heights (Israeli-occupied)', 50, 2)]), camera, frame });
      expect(unplaced).toEqual([]);
      const [p] = placed;
      expect(p).toMatchObject({ side: 'below', lines: ['Golan Heights', '(Israeli-occupied)'] });
      expect(p!.box.y).toBeGreaterThan(8);
      expect(p!.box.h).toBeGreaterThanOrEqual(13 + LABEL_LINE);
    });

    it('starts every line at the label offset, and only the lines carry it', () => {
      const beside = {
        id: 't',
        text: 'A (b)',
        role: 'place',
        tier: 0,
        x: 1,
        y: 2,
        anchor: 'start',
        dx: 7,
        dy: -4,
        side: 'right',
        lines: ['A', '(b)'],
      } as const;
      const p = { ...beside, lines: [...beside.lines], box: { x: 0, y: 0, w: 10, h: 30 } };
      expect(labelLineAttrs(p)).toEqual([
        { text: 'A', attrs: { x: 7 } },
        { text: '(b)', attrs: { x: 7, dy: LABEL_LINE } },
      ]);
      expect(labelAttrs(p, 1).text).toMatchObject({ dx: 0, dy: -4 });
      expect(labelAttrs({ ...p, lines: undefined }, 1).text).toMatchObject({ dx: 7, dy: -4 });
      expect(labelLineAttrs({ ...p, lines: undefined })).toEqual([]);
    });
  });
});
