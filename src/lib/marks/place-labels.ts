/**
 * placeLabels: where every label of a figure goes, for one camera (viewBox, map units) and one
 * drawing size (CSS px). Pure and deterministic; the build-time figures, the live figure and the
 * content check all call it, so a label sits where the check said it fits.
 *
 * Priority tiers (LabelMark.tier): 0 the places the step names (never dropped: when one cannot be
 * placed it is still drawn at its first position and reported in `unplaced`, which fails the
 * content check), 1 route labels and the ends of drawn routes, 2 other (context) places, 3 country
 * names at their interior points. Tiers are placed in order, and within a tier in the marks' order.
 *
 * Candidates: a fixed list of positions around each anchor, right or above first. A candidate
 * fails when its box (text width from the figure font, plus the halo) meets a label already
 * placed, a dot, a drawn route segment, an obstacle (e.g. the locator inset) or comes within
 * FRAME_MARGIN of the frame edge. A label shown in the previous placement tries its old side first.
 */
import type { Box } from '../scene/types.ts';
import type { FrameSize } from '../scene/layout.ts';
import type { LabelMark, Marks } from './scene-to-marks.ts';
import { SIZES } from './sizes.ts';
import { textWidth } from './text-metrics.ts';

export type Side = 'right' | 'above' | 'left' | 'below' | 'above-right' | 'below-right' | 'above-left' | 'below-left' | 'center';

/** A box in CSS px of the frame (x right, y down from its top-left corner). */
export interface PxBox {
  x: number;
  y: number;
  w: number;
  h: number;
}

export interface PlacedLabel {
  id: string;
  text: string;
  role: LabelMark['role'];
  tier: number;
  /** The label's anchor point in map units (the mark it names). */
  x: number;
  y: number;
  /** text-anchor and offset from the anchor in CSS px (scaled with the camera like dots). */
  anchor: 'start' | 'middle' | 'end';
  dx: number;
  dy: number;
  side: Side;
  /**
   * A territory's name stacked in lines (stackedLines); absent when the label is one line.
   * `text` is the whole name either way.
   */
  lines?: string[];
  /** The text's box in frame px, halo included. */
  box: PxBox;
}

export interface PlaceLabelsInput {
  marks: Pick<Marks, 'labels' | 'points' | 'routes'>;
  /** The viewBox shown, map units. */
  camera: Box;
  /** The drawing's size, CSS px (preserveAspectRatio "xMidYMid meet"). */
  frame: FrameSize;
  /** Boxes in frame px no label may cover. */
  obstacles?: readonly PxBox[];
  /** Sides of the labels shown before (e.g. the previous step's placement), by label id. */
  previous?: Readonly<Record<string, Side>>;
}

export interface Placement {
  placed: PlacedLabel[];
  /** Labels of tiers 1–3 left out for lack of room. */
  dropped: { id: string; text: string; tier: number }[];
  /** Tier-0 labels no candidate fits (drawn anyway at their first position). */
  unplaced: { id: string; text: string }[];
}

/** Distance kept from the frame edge, px. */
export const FRAME_MARGIN = 4;
/** Halo (stroke) half-width around label text, px. */
export const HALO = 1.5;
/** Gap between a dot's edge and its label, px. */
export const LABEL_GAP = 3;
/** Half the width kept clear around a route line, px. */
const ROUTE_CLEAR = SIZES.route / 2 + 1;

/** Font size, letter spacing (em) and case of a label role, as the CSS sets them (.label text). */
export function labelStyle(role: LabelMark['role']): { size: number; spacing: number; upper: boolean } {
  return role === 'country' ? { size: SIZES.country, spacing: 0.12, upper: true } : { size: SIZES.label, spacing: 0, upper: false };
}

/** Baseline to baseline of a stacked label's lines, px. */
export const LABEL_LINE = Math.round(SIZES.label * 1.15);

/**
 * A territory's name with a qualifier in brackets ("Golan Heights (Israeli-occupied)") is set in
 * two lines, the qualifier under the name, as an area's name on a printed map is: on one line it
 * ran across the borders and the water around a small area. Other names: null (one line).
 */
export function stackedLines(text: string): string[] | null {
  const at = text.indexOf(' (');
  return at > 0 && text.endsWith(')') ? [text.slice(0, at), text.slice(at + 1)] : null;
}

/**
 * Width and vertical extent (above / below the first line's baseline) of a label's text in px,
 * halo included; `lines` for a stacked label (the widest line, and the lines under the first).
 */
export function labelExtent(label: Pick<LabelMark, 'text' | 'role'>, lines: readonly string[] = [label.text]): { w: number; ascent: number; descent: number } {
  const { size, spacing, upper } = labelStyle(label.role);
  const w = Math.max(...lines.map((line) => textWidth(upper ? line.toUpperCase() : line, size, 400, spacing)));
  // Source Sans 3: cap height 0.66 em, ascenders 0.71 em, descenders 0.2 em (plus the halo).
  return { w: w + 2 * HALO, ascent: 0.74 * size + HALO, descent: 0.22 * size + HALO + (lines.length - 1) * LABEL_LINE };
}

interface Candidate {
  side: Side;
  anchor: PlacedLabel['anchor'];
  dx: number;
  dy: number;
}

/** The sides around a point, in the order tried (right or above first): anchor, and direction in x and y. */
const AROUND: [Side, PlacedLabel['anchor'], number, number][] = [
  ['right', 'start', 1, 0],
  ['above', 'middle', 0, -1],
  ['left', 'end', -1, 0],
  ['below', 'middle', 0, 1],
  ['above-right', 'start', 0.7, -0.7],
  ['below-right', 'start', 0.7, 0.7],
  ['above-left', 'end', -0.7, -0.7],
  ['below-left', 'end', -0.7, 0.7],
];

/** Candidate positions around a point cleared by `gap` px, right or above first. */
function pointCandidates(gap: number, ext: { ascent: number; descent: number }): Candidate[] {
  // Beside the point the text is centred on it; above it sits on its descent, below it hangs from its ascent.
  const mid = (ext.ascent - ext.descent) / 2;
  return AROUND.map(([side, anchor, fx, fy]) => ({ side, anchor, dx: fx * gap, dy: fy < 0 ? fy * gap - ext.descent : fy > 0 ? fy * gap + ext.ascent : mid }));
}

/** Candidates for a label centred on its anchor (countries, territories, routes). */
function centredCandidates(ext: { ascent: number; descent: number }, spread: number): Candidate[] {
  const mid = (ext.ascent - ext.descent) / 2;
  const h = ext.ascent + ext.descent;
  return [
    { side: 'center', anchor: 'middle', dx: 0, dy: mid },
    { side: 'above', anchor: 'middle', dx: 0, dy: mid - spread - h / 2 },
    { side: 'below', anchor: 'middle', dx: 0, dy: mid + spread + h / 2 },
  ];
}

const boxesMeet = (a: PxBox, b: PxBox) => a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;

/** Whether segment p–q comes within `r` px of box b. */
function segmentMeetsBox(p: [number, number], q: [number, number], b: PxBox, r: number): boolean {
  const x0 = b.x - r;
  const y0 = b.y - r;
  const x1 = b.x + b.w + r;
  const y1 = b.y + b.h + r;
  // Liang–Barsky clipping of the segment against the grown box.
  let t0 = 0;
  let t1 = 1;
  const dx = q[0] - p[0];
  const dy = q[1] - p[1];
  for (const [den, num] of [
    [-dx, p[0] - x0],
    [dx, x1 - p[0]],
    [-dy, p[1] - y0],
    [dy, y1 - p[1]],
  ] as const) {
    if (den === 0) {
      if (num < 0) return false;
    } else {
      const t = num / den;
      if (den < 0) t0 = Math.max(t0, t);
      else t1 = Math.min(t1, t);
      if (t0 > t1) return false;
    }
  }
  return true;
}

/** The points of path data written by pathData (M/L commands, absolute). */
function pathPoints(d: string): [number, number][] {
  return [...d.matchAll(/[ML](-?[\d.]+),(-?[\d.]+)/g)].map((m) => [Number(m[1]), Number(m[2])]);
}

/** The map-to-px transform of an SVG showing `camera` in `frame` with xMidYMid meet. */
export function frameTransform(camera: Box, frame: FrameSize): { s: number; toPx: (x: number, y: number) => [number, number] } {
  const s = Math.min(frame.width / camera.w, frame.height / camera.h);
  const ox = (frame.width - camera.w * s) / 2;
  const oy = (frame.height - camera.h * s) / 2;
  return { s, toPx: (x, y) => [(x - camera.x) * s + ox, (y - camera.y) * s + oy] };
}

/** The px box of a label's text at anchor point (px, py) for a candidate. */
function candidateBox(px: number, py: number, c: Candidate, ext: { w: number; ascent: number; descent: number }): PxBox {
  const left = c.anchor === 'start' ? px + c.dx - HALO : c.anchor === 'end' ? px + c.dx - ext.w + HALO : px + c.dx - ext.w / 2;
  return { x: left, y: py + c.dy - ext.ascent, w: ext.w, h: ext.ascent + ext.descent };
}

const round = (v: number) => Math.round(v * 10) / 10;

/**
 * Place every label of `marks` for one camera and frame size. When a named place finds no room,
 * the placement is run again with the named places that failed taken first (up to a few times),
 * so a long name is not boxed in by short ones placed before it.
 */
export function placeLabels(input: PlaceLabelsInput): Placement {
  let first: string[] = [];
  let result = placeOnce(input, first);
  for (let tries = 0; tries < 3 && result.unplaced.length > 0; tries++) {
    first = [...result.unplaced.map((u) => u.id), ...first.filter((id) => !result.unplaced.some((u) => u.id === id))];
    const next = placeOnce(input, first);
    if (next.unplaced.length >= result.unplaced.length) break;
    result = next;
  }
  return result;
}

function placeOnce(input: PlaceLabelsInput, first: readonly string[]): Placement {
  const { marks, camera, frame } = input;
  const { s, toPx } = frameTransform(camera, frame);
  const inner: PxBox = { x: FRAME_MARGIN, y: FRAME_MARGIN, w: frame.width - 2 * FRAME_MARGIN, h: frame.height - 2 * FRAME_MARGIN };
  const dots: PxBox[] = marks.points.map((p) => {
    const [x, y] = toPx(p.x, p.y);
    const r = (p.role === 'place' ? SIZES.dot : SIZES.waypoint) + 1;
    return { x: x - r, y: y - r, w: 2 * r, h: 2 * r };
  });
  const segments: [[number, number], [number, number]][] = [];
  for (const route of marks.routes) {
    for (const leg of route.legs) {
      const pts = pathPoints(leg.d).map(([x, y]) => toPx(x, y));
      for (let i = 1; i < pts.length; i++) segments.push([pts[i - 1]!, pts[i]!]);
    }
  }
  const taken: PxBox[] = [...(input.obstacles ?? [])];
  const fits = (b: PxBox) =>
    b.x >= inner.x &&
    b.y >= inner.y &&
    b.x + b.w <= inner.x + inner.w &&
    b.y + b.h <= inner.y + inner.h &&
    !taken.some((t) => boxesMeet(t, b)) &&
    !dots.some((d) => boxesMeet(d, b)) &&
    !segments.some(([p, q]) => segmentMeetsBox(p, q, b, ROUTE_CLEAR));

  const placed: PlacedLabel[] = [];
  const dropped: Placement['dropped'] = [];
  const unplaced: Placement['unplaced'] = [];
  const rank = (l: LabelMark, i: number) => (first.includes(l.id) ? first.indexOf(l.id) - first.length : i);
  const order = marks.labels.map((l, i) => ({ l, i: rank(l, i) })).sort((a, b) => (a.l.tier ?? 2) - (b.l.tier ?? 2) || a.i - b.i);
  for (const { l } of order) {
    const tier = l.tier ?? 2;
    const ext = labelExtent(l);
    const anchors: { x: number; y: number; cands: Candidate[]; lines?: string[]; ext?: typeof ext }[] = [];
    if (l.role === 'route' && l.along && l.along.length > 0) {
      // A route's name: centred just above or below the middle of one of its segments, longest first.
      for (const [x, y] of l.along) anchors.push({ x, y, cands: centredCandidates(ext, 4).slice(1) });
    } else if (l.role === 'country') {
      anchors.push({ x: l.x, y: l.y, cands: centredCandidates(ext, 8) });
    } else if (l.anchor === 'middle') {
      // A territory, named without a dot: on its point, else around it; a name with a qualifier
      // is stacked in two lines wherever it goes (so the phone and wide drawings, live and
      // static, set it alike).
      const lines = stackedLines(l.text) ?? undefined;
      const e = lines ? labelExtent(l, lines) : ext;
      anchors.push({ x: l.x, y: l.y, cands: [...centredCandidates(e, 6), ...pointCandidates(LABEL_GAP, e)], lines, ext: e });
    } else {
      const r = l.r ? l.r * s : l.dot === 'waypoint' ? SIZES.waypoint : SIZES.dot;
      // Rings a little farther out, tried after the first, for crowded points (a third for named places).
      const rings = tier === 0 ? [0, 8, 16] : [0, 8];
      anchors.push({ x: l.x, y: l.y, cands: rings.flatMap((extra) => pointCandidates(r + LABEL_GAP + extra, ext)) });
    }
    const prev = input.previous?.[l.id];
    type Choice = { x: number; y: number; c: Candidate; box: PxBox; lines?: string[] };
    let choice: Choice | null = null;
    let fallback: Choice | null = null;
    for (const a of anchors) {
      const [px, py] = toPx(a.x, a.y);
      const cands = prev ? [...a.cands.filter((c) => c.side === prev), ...a.cands.filter((c) => c.side !== prev)] : a.cands;
      for (const c of cands) {
        const box = candidateBox(px, py, c, a.ext ?? ext);
        fallback ??= { x: a.x, y: a.y, c, box, lines: a.lines };
        if (fits(box)) {
          choice = { x: a.x, y: a.y, c, box, lines: a.lines };
          break;
        }
      }
      if (choice) break;
    }
    if (!choice) {
      if (tier > 0 || !fallback) {
        dropped.push({ id: l.id, text: l.text, tier });
        continue;
      }
      unplaced.push({ id: l.id, text: l.text });
      choice = fallback;
    }
    taken.push(choice.box);
    const b = choice.box;
    placed.push({
      id: l.id,
      text: l.text,
      role: l.role,
      tier,
      x: choice.x,
      y: choice.y,
      anchor: choice.c.anchor,
      dx: round(choice.c.dx),
      dy: round(choice.c.dy),
      side: choice.c.side,
      ...(choice.lines ? { lines: choice.lines } : {}),
      box: b,
    });
  }
  return { placed, dropped, unplaced };
}

/** The sides of a placement, to pass as `previous` to the next one. */
export function sidesOf(placement: Placement): Record<string, Side> {
  return Object.fromEntries(placement.placed.map((p) => [p.id, p.side]));
}
