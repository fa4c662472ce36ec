/** A tiny, valid catalogue built through the real schemas, for scene and marks tests. */
import { z } from 'astro/zod';
import {
  eventSchema,
  frameSchema,
  placeSchema,
  routeSchema,
  sourceSchema,
  stepPropsSchema,
  storySchema,
  type Catalog,
  type StepProps,
} from '../../../src/lib/content/schemas.ts';
import { createProjection } from '../../../src/lib/geo/projection.ts';
import { buildAtlas } from '../../../src/lib/scene/atlas.ts';
import { resolveScene } from '../../../src/lib/scene/resolve-scene.ts';

const src = ['geonames'];

export function fixtureCatalog(): Catalog {
  return {
    places: z.array(placeSchema).parse([
      { id: 'tehran', name: 'Tehran', lat: 35.6944, lon: 51.4215, country: 'Iran', kind: 'city', radiusKm: 0, sources: src },
      { id: 'baghdad', name: 'Baghdad', lat: 33.3406, lon: 44.4009, country: 'Iraq', kind: 'city', radiusKm: 0, sources: src },
      { id: 'albu-kamal', name: 'Albu Kamal', lat: 34.4523, lon: 40.9185, country: 'Syria', kind: 'town', radiusKm: 0, sources: src },
      { id: 'mayadin', name: 'Mayadin', lat: 35.0198, lon: 40.4515, country: 'Syria', kind: 'town', radiusKm: 0, sources: src },
      { id: 'deir-ezzor', name: 'Deir Ezzor', lat: 35.3359, lon: 40.1408, country: 'Syria', kind: 'city', radiusKm: 0, sources: src },
      { id: 'damascus', name: 'Damascus', lat: 33.5102, lon: 36.2913, country: 'Syria', kind: 'city', radiusKm: 0, sources: src },
      { id: 'beirut', name: 'Beirut', lat: 33.8933, lon: 35.5016, country: 'Lebanon', kind: 'city', radiusKm: 0, sources: src },
      {
        id: 'golan',
        name: 'Golan Heights',
        mapLabel: 'Golan Heights (Israeli-occupied)',
        lat: 32.9817,
        lon: 35.7494,
        country: 'Occupied',
        kind: 'territory',
        radiusKm: 20,
        sources: src,
      },
      { id: 'bekaa', name: 'Bekaa valley', lat: 34.0089, lon: 36.1453, country: 'Lebanon', kind: 'region', radiusKm: 20, sources: src },
    ]),
    routes: z.array(routeSchema).parse([
      {
        id: 'qaim-corridor',
        name: 'Al-Qaim / Albu Kamal corridor',
        mode: 'land',
        waypoints: ['tehran', 'baghdad', 'albu-kamal', 'mayadin', 'deir-ezzor', 'damascus', 'beirut'],
        unverifiedLegs: [{ from: 'baghdad', to: 'albu-kamal' }],
        sources: src,
      },
      { id: 'air', name: 'Air route to Damascus', mode: 'air', waypoints: ['tehran', 'damascus'], sources: src },
    ]),
    events: z.array(eventSchema).parse([
      {
        id: 'strikes',
        title: 'Strikes near Albu Kamal',
        date: '2021-01-13',
        places: ['deir-ezzor', 'mayadin', 'albu-kamal'],
        areaKm: 15,
        kind: 'strike',
        actor: 'Israel (attributed)',
        attribution: 'Attributed to Israel by SANA and SOHR; Israel did not comment.',
        status: 'attributed',
        figures: [{ measure: 'killed', qualifier: 'at least', value: 57, reportedBy: 'SOHR', date: '2021-01-13', sources: src }],
        sources: src,
      },
      {
        id: 'campaign-start',
        title: 'First reported strike',
        date: '2013-01',
        places: ['damascus'],
        kind: 'strike',
        actor: 'Israel (attributed)',
        attribution: 'Attributed to Israel by a US official; Israel did not confirm.',
        status: 'attributed',
        sources: src,
      },
      {
        id: 'rockets',
        title: 'Estimates of rockets',
        date: '2015-05',
        kind: 'estimate',
        actor: 'Israeli officials',
        attribution: 'Estimates by Israeli officials.',
        status: 'alleged',
        figures: [
          { measure: 'rockets', value: 100000, reportedBy: 'An Israeli official', date: '2015-05', sources: src },
          { measure: 'rockets', qualifier: 'about', value: 150000, reportedBy: 'Israeli officials', date: '2015-11', sources: src },
          { measure: 'rockets', range: [40000, 65000], reportedBy: 'Lebanese media', date: '2024', sources: src },
        ],
        sources: src,
      },
    ]),
    sources: z.array(sourceSchema).parse([{ id: 'geonames', publisher: 'GeoNames', date: '2024', description: 'Gazetteer.' }]),
    frames: z.array(frameSchema).parse([
      { id: 'region', bounds: { places: ['tehran', 'beirut'] } },
      {
        id: 'valley',
        bounds: { places: ['deir-ezzor', 'albu-kamal'] },
        phone: {
          corners: [
            [39.8, 33.6],
            [41.3, 35.8],
          ],
        },
      },
      {
        id: 'box',
        bounds: {
          corners: [
            [35, 33],
            [37, 34.5],
          ],
        },
      },
      { id: 'beirut-only', bounds: { places: ['beirut'] } },
    ]),
    story: storySchema.parse({ title: 'T', dek: 'D', published: '2026-11-26', updated: '2026-11-26', asOf: '2026-06', byline: 'Team' }),
    claims: [],
  };
}

export function step(props: Partial<StepProps> & { id: string; frame: string }): StepProps {
  return stepPropsSchema.parse({ alt: 'A map.', ...props });
}

/**
 * The fixture's Atlas and the Scenes of four steps that between them draw every kind of mark: an
 * event's area, a route with a timeline, a range chart, and named places in a box frame.
 */
export function fixtureScenes() {
  const projection = createProjection();
  const catalog = fixtureCatalog();
  const atlas = buildAtlas(catalog, projection, { timelineIds: ['strikes', 'campaign-start'] });
  const scenes = [
    { id: 's1', frame: 'valley', events: ['strikes'] },
    { id: 's2', frame: 'region', routes: ['qaim-corridor'], timeline: true, events: ['strikes'] },
    { id: 's3', frame: 'region', chart: 'rockets' },
    { id: 's4', frame: 'box', places: ['golan', 'bekaa'] },
  ].map((props) => resolveScene(step(props), catalog, atlas, projection));
  return { projection, catalog, atlas, scenes };
}
