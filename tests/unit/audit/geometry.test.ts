import { describe, expect, it } from 'vitest';
import { clipSides, clipped, clsOf, intersect, overlappingPairs, regionChanges } from '../../../src/lib/audit/geometry.ts';

const box = (left: number, top: number, w: number, h: number) => ({ left, top, right: left + w, bottom: top + h });

describe('audit geometry', () => {
  it('counts boxes that overlap by more than the tolerance, not boxes that touch', () => {
    const a = box(0, 0, 50, 14);
    expect(overlappingPairs([a, box(50, 0, 40, 14)])).toEqual([]); // touching
    expect(overlappingPairs([a, box(49.2, 0, 40, 14)])).toEqual([]); // 0.8 px: within 1 px
    expect(overlappingPairs([a, box(45, 5, 40, 14), box(200, 0, 10, 10)])).toEqual([[0, 1]]);
    expect(intersect(a, box(45, 5, 40, 14))).toEqual({ left: 45, top: 5, right: 50, bottom: 14 });
  });

  it('finds the sides where a text runs out of its container', () => {
    const frame = box(0, 0, 390, 390);
    expect(clipped(box(10, 10, 100, 14), frame)).toBe(false);
    expect(clipped(box(-0.5, 10, 100, 14), frame)).toBe(false);
    expect(clipSides(box(330, -4, 100, 14), frame)).toEqual(['top', 'right']);
  });

  it('reports steps where the phone map region changes size', () => {
    const r = [
      { step: 'a', width: 390, height: 430 },
      { step: 'b', width: 390, height: 430.6 },
      { step: 'c', width: 390, height: 470 },
    ];
    expect(regionChanges(r).map((x) => x.step)).toEqual(['c']);
  });

  it('computes CLS as the largest session window', () => {
    expect(clsOf([])).toBe(0);
    // two windows: 0.004 + 0.004 (500 ms apart), then a gap over 1 s, then 0.006
    expect(
      clsOf([
        { time: 0, value: 0.004 },
        { time: 500, value: 0.004 },
        { time: 3000, value: 0.006 },
      ]),
    ).toBeCloseTo(0.008);
  });
});
