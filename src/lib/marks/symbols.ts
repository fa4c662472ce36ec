/**
 * Symbol shapes for the timeline: one shape per actor group, so the encoding never relies on colour alone.
 */
import type { ActorGroup } from './scene-to-marks.ts';

/** SVG path data of the symbol for an actor group, centred on 0,0, of half-size `s`. */
export function symbolPath(group: ActorGroup, s: number): string {
  switch (group) {
    case 'israel':
      return `M${-s},0A${s},${s} 0 1,0 ${s},0A${s},${s} 0 1,0 ${-s},0Z`;
    case 'us':
      return `M${-s},${-s}H${s}V${s}H${-s}Z`;
    case 'iran-allies':
      return `M0,${-s * 1.15}L${s * 1.1},${s * 0.85}H${-s * 1.1}Z`;
    default:
      return `M0,${-s * 1.2}L${s * 1.2},0L0,${s * 1.2}L${-s * 1.2},0Z`;
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
