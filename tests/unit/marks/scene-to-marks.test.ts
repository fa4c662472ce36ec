import { describe, expect, it } from 'vitest';
import { createProjection } from '../../../src/lib/geo/projection.ts';
import { actorGroup, figureText, legDrawn, niceMax, pathData, sceneToMarks } from '../../../src/lib/marks/scene-to-marks.ts';
import { scaleBar, thousands } from '../../../src/lib/marks/sizes.ts';
import { buildAtlas } from '../../../src/lib/scene/atlas.ts';
import { resolveScene } from '../../../src/lib/scene/resolve-scene.ts';
import { fixtureCatalog, step } from '../scene/catalog-fixture.ts';

const projection = createProjection();
const catalog = fixtureCatalog();
const atlas = buildAtlas(catalog, projection, { timelineIds: ['strikes', 'campaign-start'] });
const marks = (props: Parameters<typeof step>[0]) => sceneToMarks(resolveScene(step(props), catalog, atlas, projection), atlas);

describe('sceneToMarks', () => {
  it('draws a route as legs whose lengths add up, with arrows pointing the way goods move', () => {
    const m = marks({ id: 's', frame: 'region', routes: ['qaim-corridor'] });
    const route = m.routes[0]!;
    const sum = route.legs.reduce((s, l) => s + l.length, 0);
    expect(Math.abs(sum - route.length)).toBeLessThan(0.5);
    expect(route.legs.map((l) => l.unverified)).toEqual([false, true, false]);
    // Tehran → Baghdad runs west: the first arrow points roughly west (angle near ±180°).
    expect(Math.abs(Math.abs(route.arrows[0]!.angle) - 180)).toBeLessThan(45);
    const ats = route.arrows.map((a) => a.at);
    expect([...ats].sort((a, b) => a - b)).toEqual(ats);
  });

  it('shows the expected markers and no others', () => {
    const m = marks({ id: 's', frame: 'valley', events: ['strikes'] });
    expect(m.points.map((p) => p.id).sort()).toEqual(['albu-kamal', 'deir-ezzor', 'mayadin']);
    expect(m.areas.map((a) => [a.id, a.role])).toEqual([['strikes', 'event']]);
    expect(m.routes).toEqual([]);
  });

  it('draws region places as areas, never pins', () => {
    const m = marks({ id: 's', frame: 'region', places: ['bekaa'] });
    expect(m.points.find((p) => p.id === 'bekaa')).toBeUndefined();
    expect(m.areas.find((a) => a.id === 'bekaa')?.role).toBe('place');
    expect(m.labels.find((l) => l.id === 'bekaa')?.text).toBe('Bekaa valley');
  });

  it('names a territory with its map label and draws no outline or pin for it', () => {
    const m = marks({ id: 's', frame: 'box', places: ['golan'] });
    expect(m.areas.find((a) => a.id === 'golan')).toBeUndefined();
    expect(m.points.find((p) => p.id === 'golan')).toBeUndefined();
    expect(m.labels.find((l) => l.id === 'golan')?.text).toBe('Golan Heights (Israeli-occupied)');
  });

  it('describes the map only: a chart or timeline is an inline figure built elsewhere (./panels.ts)', () => {
    const m = marks({ id: 's', frame: 'region', events: ['strikes'], timeline: true, chart: 'rockets' });
    expect(Object.keys(m).sort()).toEqual(['areas', 'labels', 'points', 'routes', 'step']);
  });
});

describe('mark helpers', () => {
  it('legDrawn splits a route fraction across consecutive legs', () => {
    expect(legDrawn({ start: 0, length: 50 }, 100, 0.25)).toBe(0.5);
    expect(legDrawn({ start: 50, length: 50 }, 100, 0.25)).toBe(0);
    expect(legDrawn({ start: 50, length: 50 }, 100, 1)).toBe(1);
  });
  it('pathData writes compact absolute paths', () => {
    expect(
      pathData([
        [1, 2],
        [3.14159, 4],
      ]),
    ).toBe('M1,2L3.1,4');
    expect(
      pathData(
        [
          [0, 0],
          [1, 0],
          [1, 1],
        ],
        true,
      ),
    ).toBe('M0,0L1,0L1,1Z');
  });
  it('actorGroup, figureText and niceMax', () => {
    expect(actorGroup('Israel (attributed)')).toBe('israel');
    expect(actorGroup('United States')).toBe('us');
    expect(actorGroup('Hezbollah')).toBe('iran-allies');
    expect(figureText({ measure: 'killed', qualifier: 'at least', value: 57, range: null, reportedBy: 'x', date: '2021', note: null })).toBe('at least 57');
    expect(niceMax(57)).toBe(60);
    expect(niceMax(200000)).toBe(200000);
    expect(niceMax(210000)).toBe(250000);
  });
  it('scaleBar picks a round distance no longer than the maximum width', () => {
    const bar = scaleBar(2.1566, 0.5, 110);
    expect([1, 2, 5, 10, 20, 50, 100, 200, 500]).toContain(bar.km);
    expect(bar.px).toBeLessThanOrEqual(110);
    expect(bar.px).toBeGreaterThan(40);
    expect(bar.label).toBe(`${bar.km} km`);
    // The whole region on a phone: a four-digit distance is written as en-GB writes it.
    expect(scaleBar(2.1566, 5, 110).label).toBe('1,000 km');
  });
  it('thousands writes distances as en-GB does, without Intl', () => {
    for (const n of [0, 5, 50, 999, 1000, 2000, 10000, 250000, 1234567, 0.5, 1500.25])
      expect(thousands(n)).toBe(n.toLocaleString('en-GB', { maximumFractionDigits: 20 }));
  });
});
