import { describe, expect, it } from 'vitest';
import { cornersSpanKm, frameEntry, LAYOUT, previewView, subjectOf, viewToCorners, zoomAround } from '../../../src/client/debug/frame-math.ts';
import { checkContent } from '../../../src/lib/content/load.ts';
import { frameSchema } from '../../../src/lib/content/schemas.ts';
import { cameraFor, type Box } from '../../../src/lib/geo/camera.ts';
import { createProjection } from '../../../src/lib/geo/projection.ts';
import { DEFAULT_BASEMAP_OPTIONS } from '../../../src/lib/geo/basemap.ts';
import { buildAtlas } from '../../../src/lib/scene/atlas.ts';
import { VALID_DIR } from './corpus.ts';
import { TRIGGER, triggerShare } from '../../e2e/trigger.ts';

const projection = createProjection();
const atlas = buildAtlas(checkContent(VALID_DIR).catalog!, projection, { margin: DEFAULT_BASEMAP_OPTIONS.margin });

/** The views an editor might pick: around the Euphrates valley, and the Lebanon–Syria border. */
const subjects: Box[] = [
  { x: 470, y: 250, w: 140, h: 110 },
  { x: 190, y: 300, w: 120, h: 160 },
];

function near(a: Box, b: Box, tolerance: number): void {
  for (const k of ['x', 'y', 'w', 'h'] as const) expect(Math.abs(a[k] - b[k]), `${k}: ${a[k]} vs ${b[k]}`).toBeLessThan(tolerance * b.w);
}

describe('frame picker (src/client/debug/frame-math.ts)', () => {
  it.each([
    ['wide', 1280 * 0.58, 800 - 90, LAYOUT.insets.wide],
    ['phone', 390, 390, LAYOUT.insets.phone],
  ] as const)('viewToCorners gives a frame that shows the picked %s view again', (_name, width, height, insets) => {
    for (const subject of subjects) {
      const aspect = width / height;
      const view = cameraFor(subject, aspect, insets);
      const corners = viewToCorners(view, atlas, projection, insets);
      // The frame is a valid frames.json entry, and the page would show (almost) the same view.
      expect(frameSchema.safeParse(JSON.parse(frameEntry('picked', 'x', { corners }, { corners }))).success).toBe(true);
      near(previewView(corners, atlas, projection, aspect, insets), view, 0.02);
    }
  });

  it('subjectOf removes the insets and the camera padding', () => {
    const s = subjectOf({ x: 0, y: 0, w: 100, h: 100 }, { top: 0.1, right: 0, bottom: 0.3, left: 0 }, 0.1);
    expect(s.w).toBeCloseTo(100 / 1.2);
    expect(s.h).toBeCloseTo(60 / 1.2);
    expect(s.y).toBeCloseTo(10 + (60 / 1.2) * 0.1);
  });

  it('cornersSpanKm measures the minimum-span rule the checker applies', () => {
    const { width, height } = cornersSpanKm([
      [39.8, 34.0],
      [41.6, 35.6],
    ]);
    expect(width).toBeGreaterThan(160);
    expect(width).toBeLessThan(170);
    expect(height).toBeGreaterThan(175);
    expect(
      cornersSpanKm([
        [40.8, 34.3],
        [41.2, 34.6],
      ]).width,
    ).toBeLessThan(120);
  });

  it('zoomAround keeps the point under the pointer in place', () => {
    const v = zoomAround({ x: 0, y: 0, w: 100, h: 50 }, 0.5, [80, 40]);
    expect(v).toEqual({ x: 40, y: 20, w: 50, h: 25 });
  });

  it('the e2e specs expect the trigger line the shared LAYOUT sets (no copied numbers)', () => {
    // The scroll controller reads LAYOUT.trigger; the e2e specs check the active step against TRIGGER,
    // so a copy there that drifts from LAYOUT would test the wrong line.
    for (const [width, wide] of [
      [1023, false],
      [1024, true],
      [390, false],
      [1280, true],
    ] as const) {
      expect(matchesMinWidth(LAYOUT.wideQuery, width), `${LAYOUT.wideQuery} at ${width}px`).toBe(wide);
      expect(triggerShare(width), `trigger share at ${width}px`).toBe(wide ? LAYOUT.trigger.wide : LAYOUT.trigger.narrow);
    }
    expect(TRIGGER.wide).toBe(LAYOUT.trigger.wide);
    expect(TRIGGER.narrow).toBe(LAYOUT.trigger.narrow);
  });
});

/** Whether a `(min-width: Nrem)` media query matches a viewport `width` px wide (1rem = 16px). */
function matchesMinWidth(query: string, width: number): boolean {
  const m = /min-width:\s*([\d.]+)rem/.exec(query);
  if (!m) throw new Error(`unexpected query ${query}`);
  return width >= Number(m[1]) * 16;
}
