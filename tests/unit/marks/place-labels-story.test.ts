/**
 * placeLabels on the real story: every step × both frame shapes the static figures are drawn for
 * (phone 320×320 with the phone camera as the live figure frames it, wide 600×600 with the wide
 * camera) places every named place, with no two labels overlapping and none crossing a dot, a
 * route or the frame edge.
 */
import { describe, expect, it } from 'vitest';
import { buildStory } from '../../../src/lib/story.ts';
import { sceneToMarks } from '../../../src/lib/marks/scene-to-marks.ts';
import { placeLabels } from '../../../src/lib/marks/place-labels.ts';
import { frameCamera } from '../../../src/lib/marks/figure-labels.ts';
import { LAYOUT } from '../../../src/lib/scene/layout.ts';

const { scenes, atlas } = buildStory();

describe('label placement on the real story', () => {
  for (const shape of ['phone', 'wide'] as const) {
    it(`${shape} ${LAYOUT.frames[shape].width}×${LAYOUT.frames[shape].height}: every named place placed, 0 collisions`, () => {
      const problems: string[] = [];
      for (const scene of scenes.values()) {
        const frame = LAYOUT.frames[shape];
        const camera = frameCamera(scene, shape, atlas.limits);
        const marks = sceneToMarks(scene, atlas);
        const result = placeLabels({ marks, camera, frame });
        for (const u of result.unplaced) problems.push(`${scene.step}: "${u.text}" cannot be placed`);
        const boxes = result.placed.map((p) => p.box);
        for (let i = 0; i < boxes.length; i++) {
          for (let j = i + 1; j < boxes.length; j++) {
            const a = boxes[i]!;
            const b = boxes[j]!;
            if (a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h) {
              problems.push(`${scene.step}: "${result.placed[i]!.text}" overlaps "${result.placed[j]!.text}"`);
            }
          }
        }
        const named = new Set(scene.named ?? scene.places);
        for (const id of named) {
          if (!result.placed.some((p) => p.id === id)) problems.push(`${scene.step}: named place ${id} not labelled`);
        }
      }
      expect(problems).toEqual([]);
    });
  }
});

// The basemap is drawn only so far (atlas.limits): a view that reaches past it shows an empty band
// in the page's sea colour where there is land (the square phone views of the whole region did,
// above the Caucasus, before the north margin grew).
describe('the basemap covers every view of the real story', () => {
  const inside = (v: { x: number; y: number; w: number; h: number }) => {
    const l = atlas.limits;
    const out = [l.y - v.y, v.y + v.h - (l.y + l.h), l.x - v.x, v.x + v.w - (l.x + l.w)];
    return Math.max(...out) <= 0.5;
  };
  for (const shape of ['phone', 'wide'] as const) {
    it(`${shape} ${LAYOUT.frames[shape].width}×${LAYOUT.frames[shape].height}: no view reaches past the drawn map`, () => {
      const past = [...scenes.values()].filter((s) => !inside(frameCamera(s, shape, atlas.limits))).map((s) => s.step);
      expect(past).toEqual([]);
    });
  }
});
