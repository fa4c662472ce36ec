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

describe('symbolPath at a point', () => {
  /** Every coordinate pair of absolute path data, with H and V read against the pen. */
  const points = (d: string): [number, number][] => {
    const out: [number, number][] = [];
    let [x, y] = [0, 0];
    for (const [, cmd, args] of d.matchAll(/([MLHVAZ])([^MLHVAZ]*)/g)) {
      const n = (args ?? '').split(/[ ,]+/).filter(Boolean).map(Number);
      if (cmd === 'M' || cmd === 'L') [x, y] = [n[0]!, n[1]!];
      else if (cmd === 'H') x = n[0]!;
      else if (cmd === 'V') y = n[0]!;
      else if (cmd === 'A') [x, y] = [n[5]!, n[6]!];
      else continue;
      out.push([x, y]);
    }
    return out;
  };
  for (const group of GROUPS) {
    it(`draws the ${group} symbol moved to the point, to 0.1`, () => {
      const at = points(symbolPath(group, 6, 120.3, 45));
      const centred = points(symbolPath(group, 6));
      expect(at.length).toBe(centred.length);
      at.forEach(([x, y], i) => {
        expect(x).toBeCloseTo(centred[i]![0] + 120.3, 1);
        expect(y).toBeCloseTo(centred[i]![1] + 45, 1);
      });
    });
  }
});
