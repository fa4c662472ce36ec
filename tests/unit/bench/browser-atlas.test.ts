/**
 * browserAtlas (src/lib/scene/atlas.ts): the smaller Atlas a page ships draws every scene of that
 * page exactly as the full Atlas does, after a JSON round trip, carries nothing the browser does
 * not read, and nothing only another page's scenes need.
 */
import { existsSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { sceneToMarks } from '../../../src/lib/marks/scene-to-marks.ts';
import { browserAtlas } from '../../../src/lib/scene/atlas.ts';
import { buildStory, BASEMAP_PATH } from '../../../src/lib/story.ts';
import { fixtureScenes } from '../scene/catalog-fixture.ts';

const { atlas, scenes } = fixtureScenes();
const roundTrip = (a: ReturnType<typeof browserAtlas>) => JSON.parse(JSON.stringify(a)) as ReturnType<typeof browserAtlas>;

describe('browserAtlas', () => {
  it('draws the fixture scenes exactly as the full Atlas does, after a JSON round trip', () => {
    const slim = roundTrip(browserAtlas(atlas, scenes));
    for (const scene of scenes) expect(sceneToMarks(scene, slim), scene.step).toEqual(sceneToMarks(scene, atlas));
    expect(slim).toMatchObject({ width: atlas.width, height: atlas.height, kmPerUnit: atlas.kmPerUnit, limits: JSON.parse(JSON.stringify(atlas.limits)) });
    const json = JSON.stringify(slim);
    expect(json).not.toContain('attribution');
    // The timelines and charts are drawn at build time: no timeline, no event dates or figures.
    expect(slim).not.toHaveProperty('timeline');
    expect(Object.values(slim.events).every((e) => Object.keys(e).sort().join() === 'area,status,title')).toBe(true);
  });

  it("carries only the places, routes and events of the page's own scenes", () => {
    const [s1, s2, , s4] = scenes;
    const slim = browserAtlas(atlas, [s4!]);
    expect(Object.keys(slim.places).sort()).toEqual([...s4!.places, ...s4!.waypoints].sort());
    expect(slim.routes).toEqual({});
    expect(slim.events).toEqual({});
    expect(sceneToMarks(s4!, roundTrip(slim))).toEqual(sceneToMarks(s4!, atlas));
    const routed = browserAtlas(atlas, [s1!, s2!]);
    expect(Object.keys(routed.routes)).toEqual(['qaim-corridor']);
    expect(Object.keys(routed.events)).toEqual(['strikes']);
    expect(Object.keys(routed.places).length).toBeLessThan(Object.keys(atlas.places).length);
  });

  it('refuses a scene that names what the Atlas lacks', () => {
    expect(() => browserAtlas(atlas, [{ ...scenes[0]!, places: ['atlantis'] }])).toThrow(/"atlantis"/);
  });

  it.skipIf(!existsSync('content/story.json') || !existsSync(BASEMAP_PATH))(
    "draws every step of the story from its page's atlas as from the full Atlas, with at least half less gzip",
    () => {
      const story = buildStory();
      for (const page of story.pages) {
        const own = page.steps.map((id) => story.scenes.get(id)!);
        const slim = roundTrip(browserAtlas(story.atlas, own));
        for (const scene of own) expect(sceneToMarks(scene, slim), scene.step).toEqual(sceneToMarks(scene, story.atlas));
        const full = gzipSync(JSON.stringify(story.atlas)).length;
        const small = gzipSync(JSON.stringify(slim)).length;
        expect(small).toBeLessThan(full * 0.5);
      }
    },
  );
});
