/**
 * How scroll progress animates the approach to a step's declared end state: which routes draw
 * with progress, and how far. Pure, so the rules are unit-tested apart from the browser.
 */
import type { LiveScene } from './types.ts';

/** Share of a step's scroll progress over which a newly shown route draws itself. */
export const DRAW_RAMP = 0.25;

/** How a step became active. */
export interface Arrival {
  /** The reader scrolled into it from the step just before it. */
  fromPrevious: boolean;
  /** Animation allowed (no reduced-motion preference, motion switch on). */
  motion: boolean;
}

/**
 * Routes that draw with scroll progress in this step: only routes new to the figure, and only
 * when the reader arrived by scrolling down from the previous step with motion allowed. Jumps,
 * deep links, scrolling up and reduced motion show the end state at once.
 */
export function progressiveRoutes(scene: LiveScene, previous: LiveScene | null, arrival: Arrival): string[] {
  if (!arrival.motion || !arrival.fromPrevious || !previous) return [];
  const before = new Set(previous.routes.map((r) => r.id));
  return scene.routes.filter((r) => !before.has(r.id)).map((r) => r.id);
}

/** Fraction of a progressive route drawn at a given step progress (0…1); 1 once the ramp is passed. */
export function drawnAt(progress: number, end = 1): number {
  if (!Number.isFinite(progress)) return end;
  return Math.min(end, Math.max(0, progress / DRAW_RAMP) * end);
}
