import { describe, expect, it } from 'vitest';
import { boxOf, cameraFor, clampBox, clampView, contains, pad, withMinSpan, type Box } from '../../../src/lib/geo/camera.ts';

const near = (a: number, b: number, tol = 1e-6) => Math.abs(a - b) <= tol;

describe('cameraFor', () => {
  const box: Box = { x: 100, y: 200, w: 80, h: 40 };

  it('keeps the whole box inside the view for wide and tall figures', () => {
    for (const aspect of [0.46, 0.8, 1, 1.6, 2.5]) {
      const v = cameraFor(box, aspect);
      expect(near(v.w / v.h, aspect)).toBe(true);
      expect(contains(v, [box.x, box.y], 1e-9)).toBe(true);
      expect(contains(v, [box.x + box.w, box.y + box.h], 1e-9)).toBe(true);
    }
  });

  it('centres the box in the free area left by insets (a phone card covering the bottom 44 %)', () => {
    const insets = { top: 0.14, right: 0.04, bottom: 0.44, left: 0.04 };
    const v = cameraFor(box, 390 / 800, insets);
    // The box must lie inside the free part of the view, not under the card.
    const freeTop = v.y + v.h * insets.top;
    const freeBottom = v.y + v.h * (1 - insets.bottom);
    expect(box.y).toBeGreaterThanOrEqual(freeTop - 1e-9);
    expect(box.y + box.h).toBeLessThanOrEqual(freeBottom + 1e-9);
    expect(near(v.w / v.h, 390 / 800)).toBe(true);
  });

  it('withMinSpan grows a single point to the minimum span, centred', () => {
    const b = withMinSpan(boxOf([[10, 10]]), 56);
    expect(b).toEqual({ x: -18, y: -18, w: 56, h: 56 });
    expect(withMinSpan({ x: 0, y: 0, w: 100, h: 10 }, 56)).toEqual({ x: 0, y: -23, w: 100, h: 56 });
  });

  it('pad adds a fraction on every side', () => {
    expect(pad({ x: 0, y: 0, w: 100, h: 50 }, 0.1)).toEqual({ x: -10, y: -5, w: 120, h: 60 });
  });

  it('boxOf refuses an empty list', () => {
    expect(() => boxOf([])).toThrow(/no points/);
  });
});

describe('clampBox', () => {
  const limits = { x: -60, y: -60, w: 1120, h: 712 };
  it('shifts a view back inside the drawn basemap without resizing it', () => {
    expect(clampBox({ x: -200, y: 10, w: 300, h: 200 }, limits)).toEqual({ x: -60, y: 10, w: 300, h: 200 });
    expect(clampBox({ x: 900, y: 600, w: 300, h: 200 }, limits)).toEqual({ x: 760, y: 452, w: 300, h: 200 });
  });
  it('leaves a view larger than the limits where it is along that axis (the subject keeps its place)', () => {
    expect(clampBox({ x: 900, y: 0, w: 300, h: 800 }, limits)).toEqual({ x: 760, y: 0, w: 300, h: 800 });
  });
});

describe('clampView', () => {
  const limits = { x: -60, y: -60, w: 1120, h: 712 };
  it('shifts toward the drawn basemap only as far as the subject stays in the free area', () => {
    const subject = { x: 900, y: 200, w: 100, h: 80 };
    const insets = { top: 0.1, right: 0.05, bottom: 0.4, left: 0.05 };
    const view = cameraFor(subject, 0.5, insets);
    const clamped = clampView(view, limits, subject, insets);
    // The subject is still inside the free part of the view.
    expect(subject.x).toBeGreaterThanOrEqual(clamped.x + clamped.w * insets.left - 1e-9);
    expect(subject.x + subject.w).toBeLessThanOrEqual(clamped.x + clamped.w * (1 - insets.right) + 1e-9);
    expect(subject.y).toBeGreaterThanOrEqual(clamped.y + clamped.h * insets.top - 1e-9);
    expect(subject.y + subject.h).toBeLessThanOrEqual(clamped.y + clamped.h * (1 - insets.bottom) + 1e-9);
  });
  it('moves a view that overhangs the basemap back inside when the subject allows it', () => {
    const subject = { x: 950, y: 300, w: 40, h: 40 };
    const view = { x: 800, y: 200, w: 400, h: 240 };
    expect(clampView(view, limits, subject).x).toBe(660);
  });
});
