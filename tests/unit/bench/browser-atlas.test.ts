/**
 * browserAtlas (src/lib/scene/atlas.ts): the smaller Atlas a page ships draws every scene exactly
 * as the full Atlas does, after a JSON round trip, and carries nothing the browser does not read.
 */
import { existsSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { createProjection } from '../../../src/lib/geo/projection.ts';
import { sceneToMarks } from '../../../src/lib/marks/scene-to-marks.ts';
import { browserAtlas, buildAtlas } from '../../../src/lib/scene/atlas.ts';
import { resolveScene } from '../../../src/lib/scene/resolve-scene.ts';
import { buildStory, BASEMAP_PATH } from '../../../src/lib/story.ts';
import { fixtureCatalog, step } from '../scene/catalog-fixture.ts';

const projection = createProjection();

describe('browserAtlas', () => {
  it('draws the fixture scenes exactly as the full Atlas does, after a JSON round trip', () => {
    const catalog = fixtureCatalog();
    const atlas = buildAtlas(catalog, projection, { timelineIds: ['strikes', 'campaign-start'] });
    const slim = JSON.parse(JSON.stringify(browserAtlas(atlas))) as ReturnType<typeof browserAtlas>;
    for (const props of [
      { id: 's1', frame: 'valley', events: ['strikes'] },
      { id: 's2', frame: 'region', routes: ['qaim-corridor'], timeline: true, events: ['strikes'] },
      { id: 's3', frame: 'region', chart: 'rockets' },
      { id: 's4', frame: 'box', places: ['golan', 'bekaa'] },
    ]) {
      const scene = resolveScene(step(props), catalog, atlas, projection);
      expect(sceneToMarks(scene, slim), props.id).toEqual(sceneToMarks(scene, atlas));
    }
    expect(slim).toMatchObject({ width: atlas.width, height: atlas.height, kmPerUnit: atlas.kmPerUnit, limits: JSON.parse(JSON.stringify(atlas.limits)) });
    expect(JSON.stringify(slim)).not.toContain('attribution');
  });

  it.skipIf(!existsSync('content/story.json') || !existsSync(BASEMAP_PATH))(
    'draws every step of the story as the full Atlas does, with at least a quarter less gzip',
    () => {
      const { scenes, atlas } = buildStory();
      const slim = JSON.parse(JSON.stringify(browserAtlas(atlas))) as ReturnType<typeof browserAtlas>;
      for (const scene of scenes.values()) expect(sceneToMarks(scene, slim), scene.step).toEqual(sceneToMarks(scene, atlas));
      const full = gzipSync(JSON.stringify(atlas)).length;
      const small = gzipSync(JSON.stringify(slim)).length;
      expect(small).toBeLessThan(full * 0.75);
    },
  );
});
