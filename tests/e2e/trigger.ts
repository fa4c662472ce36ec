/**
 * The trigger line the e2e specs expect, read from the one shared LAYOUT (src/lib/scene/layout.ts)
 * that the scroll controller uses: no copied numbers, so changing the layout moves both together.
 */
import { LAYOUT } from '../../src/lib/scene/layout.ts';

/** The smallest viewport width (CSS px) that matches LAYOUT.wideQuery, e.g. "(min-width: 64rem)" → 1024. */
function minWidePx(query: string): number {
  const m = /min-width:\s*([\d.]+)(rem|em|px)/.exec(query);
  if (!m) throw new Error(`LAYOUT.wideQuery "${query}" is not a min-width query`);
  return m[2] === 'px' ? Number(m[1]) : Number(m[1]) * 16;
}

/** Trigger line as a share of the viewport height: `wide` from `minWide` px, `narrow` below. */
export const TRIGGER = { wide: LAYOUT.trigger.wide, narrow: LAYOUT.trigger.narrow, minWide: minWidePx(LAYOUT.wideQuery) } as const;

/** The trigger line's share of the viewport height at a given viewport width. */
export function triggerShare(width: number): number {
  return width >= TRIGGER.minWide ? TRIGGER.wide : TRIGGER.narrow;
}
