import { describe, expect, it } from 'vitest';
import { symbolBottom, symbolPath } from '../../../src/lib/marks/symbols.ts';
import type { ActorGroup } from '../../../src/lib/marks/scene-to-marks.ts';

const GROUPS: ActorGroup[] = ['israel', 'us', 'iran-allies', 'other'];

/** The lowest point of a symbol's path: its vertices, and for the circle (two arcs) the radius. */
function lowest(d: string): number {
  const arc = /A([\d.]+),([\d.]+)/.exec(d);
  if (arc) return Number(arc[2]);
  // Absolute commands only (M, L, H, V, Z): track the pen.
  let y = 0;
  let low = -Infinity;
  for (const [, cmd, args] of d.matchAll(/([MLHVZ])([^MLHVZ]*)/g)) {
    const n = (args ?? '').split(/[ ,]+/).filter(Boolean).map(Number);
    if (cmd === 'M' || cmd === 'L') y = n[1]!;
    else if (cmd === 'V') y = n[0]!;
    low = Math.max(low, y);
  }
  return low;
}

describe('symbolBottom', () => {
  for (const group of GROUPS) {
    for (const s of [4, 6]) {
      it(`is where the ${group} symbol of half-size ${s} ends below its centre (timeline stems start there)`, () => {
        expect(symbolBottom(group, s)).toBeCloseTo(lowest(symbolPath(group, s)), 6);
      });
    }
  }
});
