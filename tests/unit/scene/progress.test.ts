import { describe, expect, it } from 'vitest';
import { DRAW_RAMP, drawnAt, progressiveRoutes } from '../../../src/lib/scene/progress.ts';
import type { Scene } from '../../../src/lib/scene/types.ts';

const scene = (routes: string[]): Scene => ({
  step: 's',
  camera: { x: 0, y: 0, w: 1, h: 1 },
  phoneCamera: { x: 0, y: 0, w: 1, h: 1 },
  routes: routes.map((id) => ({ id, drawn: 1 })),
  places: [],
  waypoints: [],
  events: [],
  timeline: null,
  chart: null,
  legend: [],
  alt: '',
});

describe('progressiveRoutes', () => {
  it('draws only routes new to the figure when scrolling on from the previous step', () => {
    expect(progressiveRoutes(scene(['a', 'b']), scene(['a']), { fromPrevious: true, motion: true })).toEqual(['b']);
  });
  it('shows the end state at once after a jump, when scrolling up, or under reduced motion', () => {
    expect(progressiveRoutes(scene(['b']), scene([]), { fromPrevious: false, motion: true })).toEqual([]);
    expect(progressiveRoutes(scene(['b']), scene([]), { fromPrevious: true, motion: false })).toEqual([]);
    expect(progressiveRoutes(scene(['b']), null, { fromPrevious: true, motion: true })).toEqual([]);
  });
});

describe('drawnAt', () => {
  it('ramps from 0 to the end state over the first part of the step and stays there', () => {
    expect(drawnAt(0)).toBe(0);
    expect(drawnAt(DRAW_RAMP / 2)).toBeCloseTo(0.5);
    expect(drawnAt(DRAW_RAMP)).toBe(1);
    expect(drawnAt(0.9)).toBe(1);
    expect(drawnAt(Number.NaN)).toBe(1);
  });
});
