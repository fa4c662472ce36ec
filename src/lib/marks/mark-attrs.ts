/**
 * The one description of the SVG attributes of every map mark (area, route leg, arrow, point,
 * label): classes, data attributes, transforms, radii, offsets, the arrow's path. MapMarks.astro
 * (build time) spreads these records and src/render/draw-scene.ts (browser) sets them, so neither
 * renderer decides anything about a mark's drawing on its own.
 */
import type { ArrowMark, AreaMark, PointMark, RouteLegMark, RouteMark } from './scene-to-marks.ts';
import { LABEL_LINE, type PlacedLabel } from './place-labels.ts';
import { SIZES, scaleAttr } from './sizes.ts';

export type Attrs = Record<string, string | number>;

const cls = (...names: (string | false | null | undefined)[]) => names.filter(Boolean).join(' ');

/** The arrowhead, centred on its point, pointing east (rotated by the arrow's angle), in px. */
export const ARROW_PATH = `M${-SIZES.arrow},${-SIZES.arrow}L${SIZES.arrow},0L${-SIZES.arrow},${SIZES.arrow}`;

export function areaAttrs(a: AreaMark): Attrs {
  return { class: cls('area', `area--${a.role}`, a.status && `status-${a.status}`), 'data-area': a.id, d: a.d };
}

export function routeAttrs(r: RouteMark): Attrs {
  return { class: cls('route', `route--${r.mode}`, r.closed && 'route--closed'), 'data-route': r.id, 'data-length': r.length };
}

/** A leg's attributes (its dash offset, which depends on how far the route is drawn, is set apart). */
export function legAttrs(leg: RouteLegMark, k: number): Attrs {
  return {
    class: cls('route-leg', leg.unverified && 'route-leg--unverified'),
    d: leg.d,
    'data-start': leg.start,
    'data-length': leg.length,
    'stroke-width': SIZES.route * k,
    'stroke-dasharray': `${leg.length} ${leg.length}`,
  };
}

/** An arrow's group (its visibility, which depends on how far the route is drawn, is set apart) and its path. */
export function arrowAttrs(a: ArrowMark, k: number): { g: Attrs; path: Attrs } {
  return {
    g: { class: 'route-arrow', 'data-at': a.at, transform: `translate(${a.x},${a.y}) rotate(${a.angle})` },
    path: { class: 'px', transform: scaleAttr(k), d: ARROW_PATH },
  };
}

export function pointAttrs(p: PointMark, k: number): { g: Attrs; circle: Attrs } {
  return {
    g: { class: cls('point', `point--${p.role}`), 'data-place': p.id, transform: `translate(${p.x},${p.y})` },
    circle: { class: 'px', transform: scaleAttr(k), r: p.role === 'place' ? SIZES.dot : SIZES.waypoint },
  };
}

/** A placed label (place-labels.ts): its group at the mark, its text offset in px by the placement. */
export function labelAttrs(l: PlacedLabel, k: number): { g: Attrs; text: Attrs } {
  return {
    g: { class: cls('label', `label--${l.role}`), 'data-label': l.id, transform: `translate(${l.x},${l.y})` },
    // A stacked label's lines carry its dx (labelLineAttrs): on the text it would move the first line only.
    text: { class: 'px', transform: scaleAttr(k), 'text-anchor': l.anchor, dx: l.lines ? 0 : l.dx, dy: l.dy },
  };
}

/**
 * A stacked label's lines (PlacedLabel.lines), each a tspan starting again at the label's offset
 * dx (the text's dy places the first baseline), the next LABEL_LINE px lower. Empty for a label of
 * one line, whose text is the text element's own.
 */
export function labelLineAttrs(l: PlacedLabel): { text: string; attrs: Attrs }[] {
  return (l.lines ?? []).map((text, i): { text: string; attrs: Attrs } => ({ text, attrs: i === 0 ? { x: l.dx } : { x: l.dx, dy: LABEL_LINE } }));
}
