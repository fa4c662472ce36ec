/**
 * The share image's SVG builder (src/lib/og/og-svg.ts) and its fonts (src/lib/og/fonts.ts): text
 * is outlines, the card is 1200×630, the route and strike area are drawn, ids fall back.
 */
import { describe, expect, it } from 'vitest';
import type { Basemap } from '../../../src/lib/geo/basemap.ts';
import { createProjection } from '../../../src/lib/geo/projection.ts';
import { loadOgFonts } from '../../../src/lib/og/fonts.ts';
import {
  OG_HEIGHT,
  OG_THEME,
  OG_WIDTH,
  buildOgSvg,
  firstSentence,
  selectOgCard,
  wrapLines,
  type OgCard,
  type OgFont,
  type OgFonts,
} from '../../../src/lib/og/og-svg.ts';
import { buildAtlas } from '../../../src/lib/scene/atlas.ts';
import { fixtureCatalog } from '../scene/catalog-fixture.ts';
import { countColour, raster } from './pixels.ts';

const catalog = fixtureCatalog();
const atlas = buildAtlas(catalog, createProjection());
const fonts = loadOgFonts();
const STORY = {
  title: 'The Pipeline',
  dek: 'In January 2021, air strikes hit forces in eastern Syria near the Iraqi border. A second sentence that the card leaves out.',
};

/** A small basemap in map units: two "countries" side by side under a sea. */
const BASEMAP: Basemap = {
  width: 1000,
  height: 592,
  countries: [
    { id: '760', name: 'Syria', kind: 'country', d: 'M-60 -60L500 -60L500 652L-60 652Z', label: [250, 300] },
    { id: '368', name: 'Iraq', kind: 'country', d: 'M500 -60L1060 -60L1060 652L500 652Z', label: [750, 300] },
  ],
  borders: 'M500 -60L500 652',
  coast: '',
  rivers: [{ id: 'euphrates', d: 'M300 100L700 400' }],
  lakes: '',
  golanLine: '',
  armisticeLines: '',
  credits: ['test'],
};

/** A stand-in font: every character is a 0.5 em square. */
const boxFont: OgFont = {
  path: (text, x, y, size) => Array.from(text, (_, i) => `M${x + i * size * 0.5} ${y}h${size * 0.4}v${-size * 0.6}h${-size * 0.4}Z`).join(''),
  width: (text, size) => text.length * size * 0.5,
};
const boxFonts: OgFonts = { title: boxFont, text: boxFont, label: boxFont };

describe('selectOgCard', () => {
  it('takes the named route, event area and places', () => {
    const card = selectOgCard(atlas, STORY, { routeId: 'qaim-corridor', eventId: 'strikes', placeIds: ['tehran', 'beirut', 'nowhere'] });
    expect(card.legs.length).toBe(atlas.routes['qaim-corridor'].legs.length);
    expect(card.legs.some((l) => l.unverified)).toBe(true);
    expect(card.area).toEqual(atlas.events.strikes.area);
    expect(card.areaLabel).toMatch(/^Strikes, \d{1,2} \w+ \d{4}$/);
    expect(card.places.map((p) => p.name)).toEqual(['Tehran', 'Beirut']);
    expect(card.places.every((p) => p.end)).toBe(true);
    expect(card.dek).toBe('In January 2021, air strikes hit forces in eastern Syria near the Iraqi border.');
  });

  it('falls back when the ids are absent: the longest route, no area, the route ends', () => {
    const card = selectOgCard(atlas, STORY, { routeId: 'missing', eventId: 'missing', placeIds: ['missing'] });
    const longest = Object.values(atlas.routes).sort((a, b) => b.length - a.length)[0];
    expect(card.legs.map((l) => l.points)).toEqual(longest.legs.map((l) => l.points));
    expect(card.area).toBeNull();
    expect(card.areaLabel).toBeNull();
    expect(card.places.map((p) => p.name).sort()).toEqual(
      [atlas.places[longest.waypoints[0]].name, atlas.places[longest.waypoints.at(-1) as string].name].sort(),
    );
  });

  it('draws a card with no routes at all', () => {
    const card = selectOgCard({ ...atlas, routes: {}, events: {} }, STORY);
    expect(card.legs).toEqual([]);
    expect(card.places.length).toBeGreaterThan(0); // the default place ids exist in the fixture
    const svg = buildOgSvg(BASEMAP, { ...card, places: [] }, boxFonts);
    expect(svg).not.toContain('og-route');
    expect(svg).toContain(`viewBox="0 0 ${OG_WIDTH} ${OG_HEIGHT}"`);
  });
});

describe('buildOgSvg', () => {
  const card = selectOgCard(atlas, STORY, { routeId: 'qaim-corridor', eventId: 'strikes', placeIds: ['tehran', 'baghdad', 'damascus', 'beirut'] });
  const svg = buildOgSvg(BASEMAP, card, fonts);

  it('renders to a 1200×630 card: map and route above, the title lettered in the band below', async () => {
    const card1 = await raster(svg, true);
    expect([card1.width, card1.height]).toEqual([OG_WIDTH, OG_HEIGHT]);
    const band = OG_HEIGHT * 0.65;
    expect(countColour(card1, OG_THEME.route, 0, band), 'route pixels above the band').toBeGreaterThan(400);
    expect(countColour(card1, OG_THEME.land, 0, band), 'land pixels above the band').toBeGreaterThan(20_000);
    expect(countColour(card1, OG_THEME.background, band, OG_HEIGHT, 4), 'band background').toBeGreaterThan(OG_WIDTH * 50);
    expect(countColour(card1, OG_THEME.title, band, OG_HEIGHT, 12), 'title pixels in the band').toBeGreaterThan(3000);
  });

  it('draws all lettering as paths: no <text>, <tspan> or font reference', () => {
    expect(svg).not.toMatch(/<text|<tspan|font-family|@font-face/);
    const title = /<path class="og-title" d="([^"]+)"/.exec(svg);
    expect(title?.[1].length).toBeGreaterThan(500);
    expect(svg).toMatch(/<path class="og-dek" d="M[^"]+"/);
    expect(svg).toMatch(/<path class="og-countries" d="M[^"]+"/);
  });

  it('draws the Golan line and the armistice lines dashed, never as borders', () => {
    const dashed = buildOgSvg({ ...BASEMAP, golanLine: 'M100 100L120 140', armisticeLines: 'M200 200L220 240' }, card, fonts);
    expect(dashed).toMatch(/class="og-dashed-line" d="M100 100L120 140"[^>]*stroke-dasharray=/);
    expect(dashed).toMatch(/class="og-dashed-line" d="M200 200L220 240"[^>]*stroke-dasharray=/);
  });

  it('includes the route, one path per leg, the unverified leg faded (not dashed, as on the live map), and the strike area', () => {
    const legs = [...svg.matchAll(/<path class="og-route( og-route--unverified)?" d="(M[^"]+)"/g)];
    expect(legs.length).toBe(card.legs.length);
    expect(legs.filter((m) => m[1]).length).toBe(card.legs.filter((l) => l.unverified).length);
    expect(svg).toMatch(/og-route--unverified" d="[^"]+" stroke-opacity="0\.55"/);
    expect(svg).not.toMatch(/og-route[^>]*stroke-dasharray/);
    expect(svg).toMatch(/<path class="og-area" d="M[^"]+Z"/);
  });

  it('keeps the route on the card, above the title band', () => {
    const legs = [...svg.matchAll(/<path class="og-route[^"]*" d="([^"]+)"/g)].map((m) => m[1]);
    const numbers = legs.flatMap((d) => d.split(/[ML ]/).filter(Boolean).map(Number));
    const xs = numbers.filter((_, i) => i % 2 === 0);
    const ys = numbers.filter((_, i) => i % 2 === 1);
    expect(Math.min(...xs)).toBeGreaterThan(0);
    expect(Math.max(...xs)).toBeLessThan(OG_WIDTH);
    expect(Math.min(...ys)).toBeGreaterThan(0);
    expect(Math.max(...ys)).toBeLessThan(OG_HEIGHT * 0.65);
  });

  it('writes no NaN or Infinity anywhere', () => {
    expect(svg).not.toMatch(/NaN|Infinity|undefined/);
  });

  it('shrinks a long title to one line and cuts a long dek to two lines', () => {
    const long: OgCard = { ...card, title: 'A title far too long to sit on one line of the card', dek: 'word '.repeat(200).trim() };
    const out = buildOgSvg(BASEMAP, long, boxFonts);
    const title = /<path class="og-title" d="([^"]+)"/.exec(out)?.[1] ?? '';
    const xs = [...title.matchAll(/M([\d.]+) /g)].map((m) => Number(m[1]));
    expect(Math.max(...xs)).toBeLessThan(OG_WIDTH - 60);
    const dek = /<path class="og-dek" d="([^"]+)"/.exec(out)?.[1] ?? '';
    const baselines = new Set([...dek.matchAll(/M[\d.]+ ([\d.]+)/g)].map((m) => m[1]));
    expect(baselines.size).toBe(2);
  });
});

describe('text helpers', () => {
  it('firstSentence keeps the first sentence only', () => {
    expect(firstSentence('One thing happened. Then another.')).toBe('One thing happened.');
    expect(firstSentence('  No full stop here ')).toBe('No full stop here');
    expect(firstSentence('In 2021, U.S. officials said so. More.')).toBe('In 2021, U.S. officials said so.');
  });

  it('wrapLines breaks on words and ends a cut text with an ellipsis', () => {
    expect(wrapLines('aa bb cc', boxFont, 10, 24, 3)).toEqual(['aa', 'bb', 'cc']);
    expect(wrapLines('aa bb cc', boxFont, 10, 39, 3)).toEqual(['aa bb', 'cc']);
    const cut = wrapLines('aa bb cc dd ee', boxFont, 10, 39, 2);
    expect(cut).toHaveLength(2);
    expect(cut).toEqual(['aa bb', 'cc dd…']);
  });
});

describe('fonts', () => {
  it('set text as outlines, without NaN (opentype.js toPathData rounds some fractions to NaN)', () => {
    for (const font of [fonts.title, fonts.text, fonts.label]) {
      const d = font.path('The Pipeline ee, 13 January 2021 — AV Wa', 10.3, 100.7, 84);
      expect(d).toMatch(/^M[\d.]+ [\d.]+/);
      expect(d).not.toMatch(/NaN|Infinity|undefined/);
      expect(font.width('The Pipeline', 84)).toBeGreaterThan(300);
      expect(font.width('AV', 84)).toBeLessThanOrEqual(font.width('A', 84) + font.width('V', 84) + 1e-9);
    }
    expect(fonts.label.width('IRAQ', 17, 0.16)).toBeCloseTo(fonts.label.width('IRAQ', 17) + 3 * 0.16 * 17, 5);
  });
});
