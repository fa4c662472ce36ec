import { describe, expect, it } from 'vitest';
import { contains } from '../../../src/lib/geo/camera.ts';
import { createProjection, projectPoint } from '../../../src/lib/geo/projection.ts';
import { buildAtlas } from '../../../src/lib/scene/atlas.ts';
import { GOLAN_POINT, legendFor, resolveScene, timelineLegend } from '../../../src/lib/scene/resolve-scene.ts';
import { fixtureCatalog, step } from './catalog-fixture.ts';

const projection = createProjection();
const catalog = fixtureCatalog();
const atlas = buildAtlas(catalog, projection, { timelineIds: ['strikes', 'campaign-start'] });

describe('resolveScene', () => {
  it('puts every focused place inside the camera, with the minimum span', () => {
    const scene = resolveScene(step({ id: 's', frame: 'valley', events: ['strikes'], places: ['mayadin'] }), catalog, atlas, projection);
    for (const id of ['deir-ezzor', 'mayadin', 'albu-kamal']) {
      const p = atlas.places[id]!;
      expect(contains(scene.camera, [p.x, p.y])).toBe(true);
    }
    const minSpan = 120 / atlas.kmPerUnit;
    expect(scene.camera.w).toBeGreaterThanOrEqual(minSpan);
    expect(scene.camera.h).toBeGreaterThanOrEqual(minSpan);
  });

  it('a one-place frame still spans at least 120 km', () => {
    const scene = resolveScene(step({ id: 's', frame: 'beirut-only' }), catalog, atlas, projection);
    expect(scene.camera.w * atlas.kmPerUnit).toBeGreaterThanOrEqual(120);
    expect(scene.camera.h * atlas.kmPerUnit).toBeGreaterThanOrEqual(120);
  });

  it('a corners frame contains its projected corners', () => {
    const scene = resolveScene(step({ id: 's', frame: 'box' }), catalog, atlas, projection);
    for (const [lon, lat] of [
      [35, 33],
      [37, 34.5],
      [35, 34.5],
      [37, 33],
    ] as const) {
      expect(contains(scene.camera, projectPoint(projection, lon, lat), 0.01)).toBe(true);
    }
  });

  it('declares the end state: routes fully drawn, labelled places, unlabelled waypoints', () => {
    const scene = resolveScene(step({ id: 's', frame: 'region', routes: ['qaim-corridor'] }), catalog, atlas, projection);
    expect(scene.routes).toEqual([{ id: 'qaim-corridor', drawn: 1 }]);
    expect(scene.places).toEqual(['tehran', 'beirut']);
    expect(scene.waypoints).toEqual(['baghdad', 'albu-kamal', 'mayadin', 'deir-ezzor', 'damascus']);
    // A labelled dot needs no key entry: the phone's key strip keeps its two lines for what needs one.
    // (The square map of Tehran–Beirut reaches south of Beirut: the dashed Golan line is in view.)
    expect(scene.legend.map((l) => l.key)).toEqual(['route-land', 'route-unverified', 'golan']);
  });

  it('a route a source called closed is labelled "(closed)", marked closed for the renderers, and explained in the key', () => {
    const closedCatalog = fixtureCatalog();
    closedCatalog.routes = closedCatalog.routes.map((r) => (r.id === 'air' ? { ...r, label: 'By air', status: 'closed' as const } : r));
    const closedAtlas = buildAtlas(closedCatalog, projection, { timelineIds: ['strikes'] });
    expect(closedAtlas.routes['air']).toMatchObject({ label: 'By air (closed)', closed: true });
    expect(closedAtlas.routes['qaim-corridor']).toMatchObject({ closed: false });
    const open = resolveScene(step({ id: 's', frame: 'region', routes: ['qaim-corridor'] }), closedCatalog, closedAtlas, projection);
    expect(open.legend.map((l) => l.key)).not.toContain('route-closed');
    const shut = resolveScene(step({ id: 's', frame: 'region', routes: ['air'] }), closedCatalog, closedAtlas, projection);
    expect(shut.legend.find((l) => l.key === 'route-closed')?.label).toMatch(/closed/);
    // A closed route beside one with an untraced stretch: both are faded, so the key says so once.
    const both = resolveScene(step({ id: 's', frame: 'region', routes: ['qaim-corridor', 'air'] }), closedCatalog, closedAtlas, projection);
    const faded = both.legend.filter((l) => l.label.startsWith('Faded'));
    expect(faded).toHaveLength(1);
    expect(faded[0]!.label).toMatch(/no source/);
    expect(faded[0]!.label).toMatch(/closed/);
  });

  it('describes unverified stretches as faded in the key, as the map draws them', () => {
    const scene = resolveScene(step({ id: 's', frame: 'region', routes: ['qaim-corridor'] }), catalog, atlas, projection);
    expect(scene.legend.find((l) => l.key === 'route-unverified')?.label).toMatch(/^Faded/);
  });

  it('adds the Golan note to the legend only when the Golan is in view', () => {
    expect(resolveScene(step({ id: 's', frame: 'box' }), catalog, atlas, projection).legend.map((l) => l.key)).toContain('golan');
    expect(resolveScene(step({ id: 's', frame: 'valley' }), catalog, atlas, projection).legend.map((l) => l.key)).not.toContain('golan');
  });

  it('omitted props fall back to nothing shown (no leftovers from other steps)', () => {
    const scene = resolveScene(step({ id: 's', frame: 'region' }), catalog, atlas, projection);
    expect(scene.routes).toEqual([]);
    expect(scene.events).toEqual([]);
    expect(scene.timeline).toBeNull();
    expect(scene.chart).toBeNull();
  });

  it('uses the phone framing when the frame has one', () => {
    const scene = resolveScene(step({ id: 's', frame: 'valley' }), catalog, atlas, projection);
    const mayadin = atlas.places.mayadin!;
    expect(contains(scene.phoneCamera, [mayadin.x, mayadin.y])).toBe(true);
    expect(scene.phoneCamera).not.toEqual(scene.camera);
  });

  it('timeline steps highlight their events; chart steps name their event', () => {
    const scene = resolveScene(step({ id: 's', frame: 'region', events: ['strikes'], timeline: true, chart: 'rockets' }), catalog, atlas, projection);
    expect(scene.timeline).toEqual(['strikes']);
    expect(scene.chart).toBe('rockets');
    expect(scene.legend.map((l) => l.key)).toContain('event-area');
    // The map's key explains the map only; the timeline's shapes are explained beside the timeline.
    expect(scene.legend.map((l) => l.key).filter((k) => k.startsWith('timeline-'))).toEqual([]);
    expect(timelineLegend(atlas).map((l) => l.key)).toEqual(expect.arrayContaining(['timeline-israel', 'timeline-status']));
  });

  it('explains an area in the key only where it is drawn larger than a dot', () => {
    const bekaa = atlas.places.bekaa!;
    const around = (km: number) => ({
      x: bekaa.x - km / atlas.kmPerUnit / 2,
      y: bekaa.y - km / atlas.kmPerUnit / 2,
      w: km / atlas.kmPerUnit,
      h: km / atlas.kmPerUnit,
    });
    const keys = (km: number) =>
      legendFor({ routes: [], places: ['bekaa'], events: [], camera: around(km), phoneCamera: around(km) }, atlas, projection).map((l) => l.key);
    // A 20 km radius: 60 px on a 600 px figure showing 400 km; under 3 px on one showing 8,000 km.
    expect(keys(400)).toContain('area');
    expect(keys(8000)).not.toContain('area');
  });

  it('explains the dashed Golan line when the figure shows it, even outside the subject box', () => {
    const [gx, gy] = projectPoint(projection, GOLAN_POINT[0], GOLAN_POINT[1]);
    const d = 100 / atlas.kmPerUnit;
    // A wide, flat subject 100 km north of the Golan: the square map around it reaches 500 km south.
    const flat = { x: gx - 5 * d, y: gy - d - 1, w: 10 * d, h: 1 };
    expect(contains(flat, [gx, gy])).toBe(false);
    const keys = (camera: typeof flat) => legendFor({ routes: [], places: [], events: [], camera, phoneCamera: camera }, atlas, projection).map((l) => l.key);
    expect(keys(flat)).toContain('golan');
    // Far north, a square map of the same subject stays clear of it.
    expect(keys({ ...flat, y: gy - 20 * d })).not.toContain('golan');
  });

  it('throws naming the step and the unknown id', () => {
    expect(() => resolveScene(step({ id: 'bad', frame: 'nowhere' }), catalog, atlas, projection)).toThrow('step "bad": unknown frame id "nowhere"');
    expect(() => resolveScene(step({ id: 'bad', frame: 'region', routes: ['nope'] }), catalog, atlas, projection)).toThrow('unknown route id "nope"');
    expect(() => resolveScene(step({ id: 'bad', frame: 'region', places: ['atlantis'] }), catalog, atlas, projection)).toThrow('unknown place id "atlantis"');
  });

  it('is serialisable: JSON round trip gives the same value', () => {
    const scene = resolveScene(step({ id: 's', frame: 'valley', routes: ['qaim-corridor'], events: ['strikes'] }), catalog, atlas, projection);
    expect(JSON.parse(JSON.stringify(scene))).toEqual(scene);
  });
});

describe('buildAtlas', () => {
  it('splits routes into sourced and unverified legs that join end to end', () => {
    const route = atlas.routes['qaim-corridor']!;
    expect(route.legs.map((l) => l.unverified)).toEqual([false, true, false]);
    for (let i = 1; i < route.legs.length; i++) expect(route.legs[i]!.points[0]).toEqual(route.legs[i - 1]!.points.at(-1));
  });

  it('draws an event with areaKm as an area around all its places', () => {
    const area = atlas.events.strikes!.area!;
    expect(area.length).toBeGreaterThan(8);
    const xs = area.map((p) => p[0]);
    const ys = area.map((p) => p[1]);
    const box = { x: Math.min(...xs), y: Math.min(...ys), w: Math.max(...xs) - Math.min(...xs), h: Math.max(...ys) - Math.min(...ys) };
    for (const id of ['deir-ezzor', 'mayadin', 'albu-kamal']) expect(contains(box, [atlas.places[id]!.x, atlas.places[id]!.y])).toBe(true);
  });

  it('places region-sized places as areas with a radius in map units', () => {
    expect(atlas.places.bekaa!.r).toBeCloseTo(20 / atlas.kmPerUnit, 1);
    expect(atlas.places.beirut!.r).toBe(0);
  });

  it('lays the timeline from the first to the last year of the timeline events', () => {
    expect(atlas.timeline.start).toBe('2013');
    expect(atlas.timeline.end).toBe('2021');
    const strikes = atlas.timeline.items.find((i) => i.id === 'strikes')!;
    expect(strikes.t).toBeGreaterThan(0.99 - 1 / 9);
    expect(strikes.t).toBeLessThan(1);
  });
});
