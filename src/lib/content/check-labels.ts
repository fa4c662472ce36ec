/**
 * The label checks, run by checkContent once the content has no other error (they need every id
 * to resolve):
 * - every place a step names (its `places` and its events' places) must get a label at phone size
 *   (LAYOUT.frames.phone, with the step's phone camera as the live figure frames it), by the same
 *   placement the figures use (src/lib/marks/place-labels.ts);
 * - every place a step's alt text names must be one its map labels: the alt text is the map's text
 *   equivalent, and a screen reader must not be told of a mark a sighted reader cannot find.
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
import { typeset } from './typeset.ts';

type NamedPlace = Pick<Catalog['places'][number], 'id' | 'name' | 'aliases' | 'mapLabel'>;

/**
 * The places a text names, by name, alias or map label, each once, in the order they first occur.
 * Longer names are matched first and take their words with them, so "Al-Qaim / Albu Kamal
 * crossing" names the crossing, not also Al-Qaim and Albu Kamal; a name counts only as whole words
 * (not "Beirut" in "Beiruti", nor "Damascus" in "Damascus airport" when that is a place too).
 * `routes` are the names of routes the map draws: a place in a route's name ("the Al-Qaim / Albu
 * Kamal corridor") names the route, which is on the map, not the place.
 */
export function placesNamedIn(text: string, places: readonly NamedPlace[], routes: readonly string[] = []): { id: string; name: string }[] {
  // The schemas typeset the alt text and map labels; aliases (never shown) are kept as typed: compare all typeset.
  const names = [
    ...routes.map((name) => ({ id: null, name })),
    ...places.flatMap((p) => [p.name, ...p.aliases, ...(p.mapLabel ? [p.mapLabel] : [])].map((name) => ({ id: p.id, name }))),
  ].sort((a, b) => b.name.length - a.name.length);
  const found: { id: string; name: string; at: number }[] = [];
  let rest = typeset(text);
  for (const { id, name } of names) {
    const escaped = typeset(name).replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    const re = new RegExp(`(?<![\\p{L}\\p{N}-])${escaped}(?![\\p{L}\\p{N}-])`, 'gu');
    rest = rest.replace(re, (match, at: number) => {
      if (id !== null) found.push({ id, name: text.slice(at, at + match.length), at });
      return ' '.repeat(match.length);
    });
  }
  const named: { id: string; name: string }[] = [];
  for (const { id, name } of found.sort((a, b) => a.at - b.at)) {
    if (!named.some((n) => n.id === id)) named.push({ id, name });
  }
  return named;
}

/** Diagnostics for named places no label position fits at phone size, and for alt texts that name a place the map does not label. */
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
    const routeNames = catalog.routes.filter((r) => step.props.routes.includes(r.id)).map((r) => r.name);
    for (const named of placesNamedIn(step.props.alt, catalog.places, routeNames)) {
      if (scene.places.includes(named.id)) continue;
      out.push({
        severity: 'error',
        file: step.file,
        line: step.line,
        column: step.column,
        field: `step "${step.props.id}" alt`,
        message: `the alt text names ${named.name} (place "${named.id}"), but the map does not label it`,
        expected: 'an alt text that names only places the map labels',
        suggestion: `add "${named.id}" to the step's places, or reword the alt text`,
      });
    }
  }
  return out;
}
