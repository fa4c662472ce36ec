/**
 * Symbol shapes for the timeline: one shape per actor group, so the encoding never relies on colour alone.
 */
import type { ActorGroup } from './scene-to-marks.ts';

const r1 = (v: number) => Math.round(v * 10) / 10;

/** SVG path data of the symbol for an actor group, of half-size `s`, centred on x,y (0,0 unless given); coordinates to 0.1. */
export function symbolPath(group: ActorGroup, s: number, x = 0, y = 0): string {
  const X = (dx: number) => r1(x + dx);
  const Y = (dy: number) => r1(y + dy);
  switch (group) {
    case 'israel':
      return `M${X(-s)},${Y(0)}A${s},${s} 0 1,0 ${X(s)},${Y(0)}A${s},${s} 0 1,0 ${X(-s)},${Y(0)}Z`;
    case 'us':
      return `M${X(-s)},${Y(-s)}H${X(s)}V${Y(s)}H${X(-s)}Z`;
    case 'iran-allies':
      return `M${X(0)},${Y(-s * 1.15)}L${X(s * 1.1)},${Y(s * 0.85)}H${X(-s * 1.1)}Z`;
    default:
      return `M${X(0)},${Y(-s * 1.2)}L${X(s * 1.2)},${Y(0)}L${X(0)},${Y(s * 1.2)}L${X(-s * 1.2)},${Y(0)}Z`;
  }
}

/** How far below its centre the symbol of `group` at half-size `s` reaches (its lowest point). */
export function symbolBottom(group: ActorGroup, s: number): number {
  switch (group) {
    case 'israel':
    case 'us':
      return s;
    case 'iran-allies':
      return s * 0.85;
    default:
      return s * 1.2;
  }
}

/** Legend text for each actor group. */
export const ACTOR_GROUP_LABELS: Record<ActorGroup, string> = {
  israel: 'Israel (attributed or confirmed)',
  us: 'United States',
  'iran-allies': 'Iran, its allies or Syria',
  other: 'Other',
};
