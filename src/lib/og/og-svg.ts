/**
 * The share image (Open Graph / Twitter card, 1200×630) as an SVG string: the region's basemap
 * full-bleed, the main route and the strike area drawn over it, and the story's title and dek in
 * a band along the bottom. Every piece of text is drawn as glyph outlines (paths) from the fonts
 * passed in, so rasterising the SVG never depends on the fonts installed on the machine.
 * Pure: depends on its arguments only (fonts are loaded by ./fonts.ts, rasterised by
 * src/scripts/og-image.ts).
 */
import { DEFAULT_BASEMAP_OPTIONS, type Basemap } from '../geo/basemap.ts';
import { drawnArea, type MapMargin } from '../geo/camera.ts';
import { formatDate } from '../format.ts';
import { insideRings } from '../geo/planar.ts';
import { parsePath } from '../geo/svg-path.ts';
import type { Atlas, XY } from '../scene/types.ts';

export const OG_WIDTH = 1200;
export const OG_HEIGHT = 630;

/** A font that can set one line of text as an SVG outline. */
export interface OgFont {
  /** SVG path data of `text` with its baseline starting at (x, y), `size` px to the em; `letterSpacing` in em. */
  path(text: string, x: number, y: number, size: number, letterSpacing?: number): string;
  /** Width of the set line in px, from the first glyph's origin to the last glyph's advance. */
  width(text: string, size: number, letterSpacing?: number): number;
}

export interface OgFonts {
  /** The title (a bold serif). */
  title: OgFont;
  /** The dek (a regular sans). */
  text: OgFont;
  /** Map labels (a semibold sans). */
  label: OgFont;
}

/** A stretch of the route in map units; unverified stretches are drawn faded, as on the live map. */
export interface OgLeg {
  points: XY[];
  unverified: boolean;
}

/** A labelled place in map units (`name`: its map label); `end` marks the route's ends (a larger dot). */
export interface OgPlace {
  name: string;
  x: number;
  y: number;
  end: boolean;
}

/** What the card shows, in map units: chosen from the Atlas by selectOgCard. */
export interface OgCard {
  title: string;
  dek: string;
  legs: OgLeg[];
  area: XY[] | null;
  areaLabel: string | null;
  places: OgPlace[];
}

/** Colours of the card: the site's dark theme (src/styles/tokens.css), which reads well as a thumbnail. */
export interface OgTheme {
  background: string;
  sea: string;
  land: string;
  border: string;
  coast: string;
  river: string;
  countryLabel: string;
  route: string;
  area: string;
  areaStroke: string;
  label: string;
  title: string;
  dek: string;
}

export const OG_THEME: OgTheme = {
  background: '#121519',
  sea: '#142230',
  land: '#2d3239',
  border: '#9aa3ad',
  coast: '#7d8d99',
  river: '#6fa8d6',
  countryLabel: '#99a1ab',
  route: '#ff8a7a',
  area: 'rgba(251, 191, 36, 0.34)',
  areaStroke: '#fbbf24',
  label: '#f1eee8',
  title: '#f4f1ea',
  dek: '#d3cec5',
};

/** Which route, event and places the card shows; ids missing from the Atlas fall back (see selectOgCard). */
export interface OgSelection {
  routeId: string;
  eventId: string;
  placeIds: readonly string[];
}

export const OG_SELECTION: OgSelection = {
  routeId: 'qaim-corridor',
  eventId: 'strikes-2021-01-13',
  placeIds: ['tehran', 'baghdad', 'albu-kamal', 'damascus', 'beirut'],
};

/** The first sentence of a paragraph (the whole text when it has one sentence). */
export function firstSentence(text: string): string {
  const trimmed = text.trim().replace(/\s+/g, ' ');
  const match = /^(.+?[.!?])\s+(?=[A-Z0-9“"‘'(])/.exec(trimmed);
  return match ? match[1] : trimmed;
}

/**
 * Choose what the card shows. The route is `routeId`, or else the longest route, or none; the
 * area is that of `eventId`, or none; labelled places are those of `placeIds` that exist, or else
 * the route's two ends. Nothing here throws on missing ids.
 */
export function selectOgCard(atlas: Atlas, story: { title: string; dek: string }, selection: OgSelection = OG_SELECTION): OgCard {
  const routes = Object.values(atlas.routes).filter((r) => r.legs.some((l) => l.points.length >= 2));
  const route = atlas.routes[selection.routeId] ?? routes.sort((a, b) => b.length - a.length)[0] ?? null;
  const event = atlas.events[selection.eventId] ?? null;
  const ends = route ? [route.waypoints[0], route.waypoints[route.waypoints.length - 1]] : [];
  let ids = selection.placeIds.filter((id) => atlas.places[id]);
  if (ids.length === 0) ids = ends.filter((id): id is string => id !== undefined && atlas.places[id] !== undefined);
  const places = ids.map((id) => {
    const p = atlas.places[id];
    return { name: p.label, x: p.x, y: p.y, end: ends.includes(id) };
  });
  const area = event?.area && event.area.length >= 3 ? event.area : null;
  return {
    title: story.title,
    dek: firstSentence(story.dek),
    legs: route ? route.legs.filter((l) => l.points.length >= 2).map((l) => ({ points: l.points, unverified: l.unverified })) : [],
    area,
    areaLabel: area && event ? `${event.kind === 'strike' ? 'Strikes, ' : ''}${formatDate(event.date)}` : null,
    places,
  };
}

interface Rect {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

const overlaps = (a: Rect, b: Rect) => a.x0 < b.x1 && a.x1 > b.x0 && a.y0 < b.y1 && a.y1 > b.y0;
const inside = (a: Rect, b: Rect) => a.x0 >= b.x0 && a.x1 <= b.x1 && a.y0 >= b.y0 && a.y1 <= b.y1;
const f = (n: number) => String(Math.round(n * 100) / 100);

/** Break `text` into at most `maxLines` lines no wider than `width`; an ellipsis ends a cut text. */
export function wrapLines(text: string, font: OgFont, size: number, width: number, maxLines: number): string[] {
  const words = text.split(' ').filter(Boolean);
  const lines: string[] = [];
  let line = '';
  for (let i = 0; i < words.length; i++) {
    const next = line ? `${line} ${words[i]}` : words[i];
    if (!line || font.width(next, size) <= width) {
      line = next;
      continue;
    }
    if (lines.length === maxLines - 1) {
      let cut = line;
      while (cut.includes(' ') && font.width(`${cut}…`, size) > width) cut = cut.slice(0, cut.lastIndexOf(' '));
      lines.push(`${cut.replace(/[\s,;:]+$/, '')}…`);
      return lines;
    }
    lines.push(line);
    line = words[i];
  }
  if (line) lines.push(line);
  return lines;
}

/** Layout of the card, in px. */
const PAD_X = 60;
const TITLE_SIZE = 84;
const DEK_SIZE = 29;
const DEK_LEADING = 38;
const LABEL_SIZE = 23;
const AREA_LABEL_SIZE = 21;
const COUNTRY_SIZE = 17;
const COUNTRY_SPACING = 0.16;
const CAP = 0.7;
const DESC = 0.24;

/** The bottom band: the title on one line (shrunk to fit), the dek on at most two lines under it, in px. */
interface Band {
  titleSize: number;
  titleBaseline: number;
  dekLines: string[];
  /** Baseline of the dek's first line. */
  firstDek: number;
  bandTop: number;
  /** Where the fade from map to band begins. */
  fadeTop: number;
}

function layoutBand(card: OgCard, fonts: OgFonts): Band {
  const textWidth = OG_WIDTH - 2 * PAD_X;
  const titleSize = Math.min(TITLE_SIZE, (TITLE_SIZE * textWidth) / Math.max(1, fonts.title.width(card.title, TITLE_SIZE)));
  const dekLines = card.dek ? wrapLines(card.dek, fonts.text, DEK_SIZE, textWidth, 2) : [];
  const lastBaseline = OG_HEIGHT - 46;
  const firstDek = lastBaseline - (dekLines.length - 1) * DEK_LEADING;
  const titleBaseline = dekLines.length > 0 ? firstDek - DEK_SIZE * 1.75 : lastBaseline;
  const bandTop = titleBaseline - titleSize * CAP - 44;
  return { titleSize, titleBaseline, dekLines, firstDek, bandTop, fadeTop: bandTop - 64 };
}

/** Map units → card px: scale `k`, then translate (tx, ty). */
interface CardCamera {
  k: number;
  tx: number;
  ty: number;
}

/** The smallest box holding every point, or null for none. */
function boundsOf(points: readonly XY[]): Rect | null {
  if (points.length === 0) return null;
  return {
    x0: Math.min(...points.map((p) => p[0])),
    y0: Math.min(...points.map((p) => p[1])),
    x1: Math.max(...points.map((p) => p[0])),
    y1: Math.max(...points.map((p) => p[1])),
  };
}

/** The camera: what the card is about, fitted above the band, never showing past the basemap. */
function fitCamera(basemap: Basemap, card: OgCard, fadeTop: number, margin: MapMargin): CardCamera {
  const W = OG_WIDTH;
  const H = OG_HEIGHT;
  const focus: XY[] = [...card.legs.flatMap((l) => l.points), ...(card.area ?? []), ...card.places.map((p): XY => [p.x, p.y])];
  const box: Rect = boundsOf(focus) ?? { x0: 0, y0: 0, x1: basemap.width, y1: basemap.height };
  const view: Rect = { x0: PAD_X + 40, y0: 64, x1: W - PAD_X - 40, y1: fadeTop + 8 };
  const drawn = drawnArea(basemap.width, basemap.height, margin);
  const extent: Rect = { x0: drawn.x, y0: drawn.y, x1: drawn.x + drawn.w, y1: drawn.y + drawn.h };
  const cover = Math.max(W / (extent.x1 - extent.x0), H / (extent.y1 - extent.y0));
  const fit = Math.min((view.x1 - view.x0) / Math.max(1, box.x1 - box.x0), (view.y1 - view.y0) / Math.max(1, box.y1 - box.y0));
  const k = Math.max(cover, Math.min(fit, 4));
  const clampT = (t: number, lo: number, hi: number, size: number) => {
    // Keep [−t/k, (size − t)/k] inside [lo, hi] when it fits, else centre it.
    const min = size - hi * k;
    const max = -lo * k;
    return min > max ? (min + max) / 2 : Math.min(max, Math.max(min, t));
  };
  const tx = clampT((view.x0 + view.x1) / 2 - ((box.x0 + box.x1) / 2) * k, extent.x0, extent.x1, W);
  const ty = clampT((view.y0 + view.y1) / 2 - ((box.y0 + box.y1) / 2) * k, extent.y0, extent.y1, H);
  return { k, tx, ty };
}

/** A place's dot on the card, in px. */
interface Dot {
  p: OgPlace;
  at: XY;
  r: number;
}

/** A set lettering: outline path data, its fill and its halo width. */
interface LabelPath {
  d: string;
  colour: string;
  halo: number;
}

/**
 * Labels placed one after the other, each clear of the obstacles (route, dots) and of the labels
 * placed before it, inside `bounds`.
 */
class LabelPlacer {
  readonly obstacles: Rect[] = [];
  readonly bounds: Rect;
  constructor(bounds: Rect) {
    this.bounds = bounds;
  }

  /** Block a box for every later label. */
  block(r: Rect): void {
    this.obstacles.push(r);
  }

  /** Whether `r` is inside the bounds and clear of every obstacle. */
  fits(r: Rect): boolean {
    return inside(r, this.bounds) && !this.obstacles.some((o) => overlaps(o, r));
  }

  /** Place a label of width w at the first free candidate (x = left edge, y = baseline); else the least crowded. */
  place(candidates: XY[], w: number, size: number, extraObstacles: Rect[] = []): XY | null {
    const all = [...this.obstacles, ...extraObstacles];
    let fallback: { at: XY; hits: number } | null = null;
    for (const [x, y] of candidates) {
      const r: Rect = { x0: x - 3, y0: y - size * CAP - 3, x1: x + w + 3, y1: y + size * DESC + 3 };
      if (!inside(r, this.bounds)) continue;
      const hits = all.filter((o) => overlaps(o, r)).length;
      if (hits === 0) {
        this.block(r);
        return [x, y];
      }
      if (!fallback || hits < fallback.hits) fallback = { at: [x, y], hits };
    }
    return fallback ? fallback.at : null;
  }
}

/** Obstacles for labels along the route: a small box every few px. */
function blockRoute(placer: LabelPlacer, legs: readonly OgLeg[], px: (p: XY) => XY): void {
  for (const leg of legs) {
    for (let i = 1; i < leg.points.length; i++) {
      const [ax, ay] = px(leg.points[i - 1]);
      const [bx, by] = px(leg.points[i]);
      const n = Math.max(1, Math.ceil(Math.hypot(bx - ax, by - ay) / 6));
      for (let j = 0; j <= n; j++) {
        const x = ax + ((bx - ax) * j) / n;
        const y = ay + ((by - ay) * j) / n;
        placer.block({ x0: x - 5, y0: y - 5, x1: x + 5, y1: y + 5 });
      }
    }
  }
}

/** Place labels, around each dot: east, west, north, south, then the diagonals. */
function placeNames(placer: LabelPlacer, dots: readonly Dot[], fonts: OgFonts, theme: OgTheme): LabelPath[] {
  const out: LabelPath[] = [];
  for (const { p, at, r } of dots) {
    const w = fonts.label.width(p.name, LABEL_SIZE);
    const [x, y] = at;
    const g = r + 7;
    const c = LABEL_SIZE * CAP;
    const spot = placer.place(
      [
        [x + g, y + c / 2],
        [x - g - w, y + c / 2],
        [x - w / 2, y - g],
        [x - w / 2, y + g + c],
        [x + g * 0.7, y - g * 0.7],
        [x + g * 0.7, y + g * 0.7 + c],
        [x - g * 0.7 - w, y - g * 0.7],
        [x - g * 0.7 - w, y + g * 0.7 + c],
      ],
      w,
      LABEL_SIZE,
    );
    if (spot) out.push({ d: fonts.label.path(p.name, spot[0], spot[1], LABEL_SIZE), colour: theme.label, halo: 5 });
  }
  return out;
}

/** The area's label: beside the area's box (below, above, right, left). */
function placeAreaLabel(placer: LabelPlacer, area: readonly XY[], label: string, fonts: OgFonts, theme: OgTheme): LabelPath | null {
  const a = boundsOf(area)!;
  const w = fonts.label.width(label, AREA_LABEL_SIZE);
  const c = AREA_LABEL_SIZE * CAP;
  const cx = (a.x0 + a.x1) / 2;
  const spot = placer.place(
    [
      [cx - w / 2, a.y1 + 10 + c],
      [cx - w / 2, a.y0 - 10],
      [a.x0 - 4, a.y1 + 10 + c],
      [a.x1 + 4 - w, a.y1 + 10 + c],
      [a.x1 + 10, (a.y0 + a.y1) / 2 + c / 2],
      [a.x0 - 10 - w, (a.y0 + a.y1) / 2 + c / 2],
      [cx - w / 2, a.y1 + 34 + c],
    ],
    w,
    AREA_LABEL_SIZE,
    [a],
  );
  return spot ? { d: fonts.label.path(label, spot[0], spot[1], AREA_LABEL_SIZE), colour: theme.areaStroke, halo: 5 } : null;
}

/**
 * Country names, spaced capitals, near each country's label point: wholly inside the country
 * (corners and centre of the label's box), on the visible map and clear of everything else.
 */
function placeCountryNames(placer: LabelPlacer, basemap: Basemap, camera: CardCamera, font: OgFont): string[] {
  const { k, tx, ty } = camera;
  const out: string[] = [];
  const unpx = ([x, y]: XY): XY => [(x - tx) / k, (y - ty) / k];
  const shifts: XY[] = [];
  for (const dy of [0, -24, 24, -48, 48, -72, 72]) for (const dx of [0, -40, 40, -80, 80]) shifts.push([dx, dy]);
  shifts.sort((a, b) => Math.hypot(a[0], a[1] * 1.5) - Math.hypot(b[0], b[1] * 1.5));
  for (const country of basemap.countries) {
    if (!country.label) continue;
    const name = country.name.toUpperCase();
    const w = font.width(name, COUNTRY_SIZE, COUNTRY_SPACING);
    const [x, y] = [country.label[0] * k + tx, country.label[1] * k + ty];
    const c = COUNTRY_SIZE * CAP;
    const rings = parsePath(country.d).map((sub) => sub.points);
    const box = (at: XY): Rect => ({ x0: at[0] - 6, y0: at[1] - c - 6, x1: at[0] + w + 6, y1: at[1] + COUNTRY_SIZE * DESC + 6 });
    const fits = (r: Rect) =>
      placer.fits(r) &&
      (
        [
          [r.x0, r.y0],
          [r.x1, r.y0],
          [r.x0, r.y1],
          [r.x1, r.y1],
          [(r.x0 + r.x1) / 2, (r.y0 + r.y1) / 2],
        ] as XY[]
      ).every((p) => insideRings(unpx(p), rings));
    const free = shifts.map(([dx, dy]): XY => [x - w / 2 + dx, y + c / 2 + dy]).find((at) => fits(box(at)));
    if (!free) continue;
    placer.block(box(free));
    out.push(font.path(name, free[0], free[1], COUNTRY_SIZE, COUNTRY_SPACING));
  }
  return out;
}

/** The basemap's layers, in map units under one transform; strokes divided by the scale to stay in px. */
function basemapLayers(basemap: Basemap, camera: CardCamera, theme: OgTheme): string[] {
  const { k, tx, ty } = camera;
  const sw = (n: number) => f(n / k);
  const countries = basemap.countries.map((c) => `<path d="${c.d}"/>`).join('');
  const rivers = basemap.rivers.map((r) => `<path d="${r.d}"/>`).join('');
  return [
    `<g class="og-basemap" transform="matrix(${f(k)} 0 0 ${f(k)} ${f(tx)} ${f(ty)})">`,
    `<g fill="${theme.land}">${countries}</g>`,
    basemap.lakes ? `<path d="${basemap.lakes}" fill="${theme.sea}"/>` : '',
    `<g fill="none" stroke="${theme.river}" stroke-width="${sw(1.4)}" stroke-opacity="0.75" stroke-linejoin="round">${rivers}</g>`,
    `<path d="${basemap.borders}" fill="none" stroke="${theme.border}" stroke-width="${sw(1.3)}" stroke-opacity="0.8" stroke-linejoin="round"/>`,
    `<path d="${basemap.coast}" fill="none" stroke="${theme.coast}" stroke-width="${sw(1)}" stroke-linejoin="round"/>`,
    // Lines that are not international borders (the Golan line, the 1949 armistice lines, the Cyprus buffer zone): dashed.
    ...[basemap.golanLine, basemap.armisticeLines].map((d) =>
      d ? `<path class="og-dashed-line" d="${d}" fill="none" stroke="${theme.border}" stroke-width="${sw(1.3)}" stroke-dasharray="${sw(5)} ${sw(4)}"/>` : '',
    ),
    `</g>`,
  ];
}

/** The route (with its dark casing), the area, the dots and the labels over the basemap, in px. */
function cardMarks(
  card: OgCard,
  dots: readonly Dot[],
  labels: readonly LabelPath[],
  countryPaths: readonly string[],
  pathOf: (points: readonly XY[], closed?: boolean) => string,
  theme: OgTheme,
): string[] {
  const legs = card.legs
    .map((leg) =>
      leg.unverified
        ? `<path class="og-route og-route--unverified" d="${pathOf(leg.points)}" stroke-opacity="0.55"/>`
        : `<path class="og-route" d="${pathOf(leg.points)}"/>`,
    )
    .join('');
  const casing = card.legs.map((leg) => pathOf(leg.points)).join('');
  const dotMarks = dots
    .map(({ at, r }) => `<circle cx="${f(at[0])}" cy="${f(at[1])}" r="${r}" fill="${theme.label}" stroke="${theme.background}" stroke-width="3"/>`)
    .join('');
  const labelMarks = labels
    .map(
      (l) =>
        `<path d="${l.d}" fill="none" stroke="${theme.background}" stroke-width="${l.halo}" stroke-linejoin="round" stroke-opacity="0.9"/><path d="${l.d}" fill="${l.colour}"/>`,
    )
    .join('');
  return [
    countryPaths.length > 0 ? `<path class="og-countries" d="${countryPaths.join('')}" fill="${theme.countryLabel}"/>` : '',
    casing
      ? `<path d="${casing}" fill="none" stroke="${theme.background}" stroke-width="12" stroke-linecap="round" stroke-linejoin="round" stroke-opacity="0.85"/>`
      : '',
    card.area
      ? `<path class="og-area" d="${pathOf(card.area, true)}" fill="${theme.area}" stroke="${theme.areaStroke}" stroke-width="2.5" stroke-linejoin="round"/>`
      : '',
    legs ? `<g fill="none" stroke="${theme.route}" stroke-width="6" stroke-linecap="round" stroke-linejoin="round">${legs}</g>` : '',
    dotMarks,
    labelMarks,
  ];
}

/** The band's fade, background, accent rule, title and dek. */
function bandMarks(card: OgCard, band: Band, fonts: OgFonts, theme: OgTheme): string[] {
  const W = OG_WIDTH;
  const H = OG_HEIGHT;
  const dekPaths = band.dekLines.map((line, i) => fonts.text.path(line, PAD_X, band.firstDek + i * DEK_LEADING, DEK_SIZE)).join('');
  return [
    `<rect y="${f(band.fadeTop)}" width="${W}" height="${f(band.bandTop - band.fadeTop)}" fill="url(#og-fade)"/>`,
    `<rect y="${f(band.bandTop)}" width="${W}" height="${f(H - band.bandTop)}" fill="${theme.background}"/>`,
    `<rect x="${PAD_X}" y="${f(band.bandTop - 2)}" width="72" height="6" fill="${theme.route}"/>`,
    `<path class="og-title" d="${fonts.title.path(card.title, PAD_X, band.titleBaseline, band.titleSize)}" fill="${theme.title}"/>`,
    dekPaths ? `<path class="og-dek" d="${dekPaths}" fill="${theme.dek}"/>` : '',
  ];
}

/** Build the card's SVG (1200×630, no <text>: all lettering is outlines). */
export function buildOgSvg(
  basemap: Basemap,
  card: OgCard,
  fonts: OgFonts,
  theme: OgTheme = OG_THEME,
  margin: MapMargin = DEFAULT_BASEMAP_OPTIONS.margin,
): string {
  const W = OG_WIDTH;
  const H = OG_HEIGHT;
  const band = layoutBand(card, fonts);
  const camera = fitCamera(basemap, card, band.fadeTop, margin);
  const { k, tx, ty } = camera;
  const px = ([x, y]: XY): XY => [x * k + tx, y * k + ty];
  const pathOf = (points: readonly XY[], closed = false) =>
    points.map((p, i) => `${i === 0 ? 'M' : 'L'}${f(px(p)[0])} ${f(px(p)[1])}`).join('') + (closed ? 'Z' : '');

  // Labels, in order: place names, the area's label, country names; each clear of what came before.
  const placer = new LabelPlacer({ x0: 14, y0: 14, x1: W - 14, y1: band.fadeTop + 12 });
  blockRoute(placer, card.legs, px);
  const dots: Dot[] = card.places.map((p) => ({ p, at: px([p.x, p.y]), r: p.end ? 7.5 : 5.5 }));
  for (const d of dots) placer.block({ x0: d.at[0] - d.r - 2, y0: d.at[1] - d.r - 2, x1: d.at[0] + d.r + 2, y1: d.at[1] + d.r + 2 });
  const labels = placeNames(placer, dots, fonts, theme);
  const areaLabel = card.area && card.areaLabel ? placeAreaLabel(placer, card.area.map(px), card.areaLabel, fonts, theme) : null;
  if (areaLabel) labels.push(areaLabel);
  const countryPaths = placeCountryNames(placer, basemap, camera, fonts.label);

  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}" viewBox="0 0 ${W} ${H}">`,
    `<defs><linearGradient id="og-fade" x1="0" y1="0" x2="0" y2="1"><stop offset="0" stop-color="${theme.background}" stop-opacity="0"/><stop offset="1" stop-color="${theme.background}" stop-opacity="1"/></linearGradient></defs>`,
    `<rect width="${W}" height="${H}" fill="${theme.sea}"/>`,
    ...basemapLayers(basemap, camera, theme),
    ...cardMarks(card, dots, labels, countryPaths, pathOf, theme),
    ...bandMarks(card, band, fonts, theme),
    `</svg>`,
  ].join('');
}
