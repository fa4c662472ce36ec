/**
 * The label check: every place a step names (its `places` and its events' places) must get a
 * label at phone size (LAYOUT.frames.phone, with the step's phone camera as the live figure frames
 * it), by the same placement the figures use (src/lib/marks/place-labels.ts). Run by checkContent
 * once the content has no other error (it needs every id to resolve).
 */
import { createProjection } from '../geo/projection.ts';
import { frameCamera } from '../marks/figure-labels.ts';
import { placeLabels } from '../marks/place-labels.ts';
import { sceneToMarks } from '../marks/scene-to-marks.ts';
import { buildAtlas } from '../scene/atlas.ts';
import { LAYOUT } from '../scene/layout.ts';
import { resolveScene } from '../scene/resolve-scene.ts';
import type { ChapterDoc } from './chapters.ts';
import type { Diagnostic } from './diagnostics.ts';
import type { Catalog } from './schemas.ts';

/** Diagnostics for named places no label position fits at phone size. */
export function checkLabels(catalog: Catalog, chapters: readonly ChapterDoc[]): Diagnostic[] {
  const projection = createProjection();
  const steps = chapters.flatMap((c) => c.steps);
  const timelineIds = [...new Set(steps.filter((s) => s.props.timeline).flatMap((s) => s.props.events))];
  // Country names are the lowest tier, placed after every named place: they cannot change the outcome.
  const atlas = buildAtlas(catalog, projection, { timelineIds, countryLabels: [] });
  const frame = LAYOUT.frames.phone;
  const out: Diagnostic[] = [];
  for (const step of steps) {
    const scene = resolveScene(step.props, catalog, atlas, projection);
    const camera = frameCamera(scene, 'phone', atlas.limits);
    const { unplaced } = placeLabels({ marks: sceneToMarks(scene, atlas), camera, frame });
    for (const u of unplaced) {
      out.push({
        severity: 'error',
        file: step.file,
        line: step.line,
        column: step.column,
        field: `step "${step.props.id}" places`,
        message: `the label "${u.text}" (place "${u.id}") does not fit at phone size (${frame.width}×${frame.height} px) without covering another label, a dot or a route`,
        expected: 'every place a step names labelled at phone size',
        suggestion: `a tighter frame, a \`phone\` frame in frames.json (for frame "${step.props.frame}"), or fewer places (or a shorter \`mapLabel\`)`,
      });
    }
  }
  return out;
}
