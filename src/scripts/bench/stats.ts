/**
 * Pure statistics for the benchmark: medians, the share of long frames, cumulative layout shift
 * (session windows, as Core Web Vitals define it) and total blocking time.
 */

/** Median of finite numbers; null for an empty list (a figure that was not measured). */
export function median(values: readonly (number | null | undefined)[]): number | null {
  const xs = values.filter((v): v is number => typeof v === 'number' && Number.isFinite(v)).sort((a, b) => a - b);
  if (xs.length === 0) return null;
  const mid = Math.floor(xs.length / 2);
  return xs.length % 2 === 1 ? xs[mid]! : (xs[mid - 1]! + xs[mid]!) / 2;
}

/** The q-quantile (0…1) of values by linear interpolation; null for an empty list. */
export function quantile(values: readonly number[], q: number): number | null {
  const xs = [...values].sort((a, b) => a - b);
  if (xs.length === 0) return null;
  const pos = Math.min(1, Math.max(0, q)) * (xs.length - 1);
  const lo = Math.floor(pos);
  const hi = Math.ceil(pos);
  return xs[lo]! + (xs[hi]! - xs[lo]!) * (pos - lo);
}

/** Differences between consecutive timestamps (ms). */
export function intervals(timestamps: readonly number[]): number[] {
  const out: number[] = [];
  for (let i = 1; i < timestamps.length; i++) out.push(timestamps[i]! - timestamps[i - 1]!);
  return out;
}

export interface FrameStats {
  frames: number;
  /** Share (0…1) of frame intervals longer than `slowMs`. */
  slowShare: number;
  slow: number;
  p50: number | null;
  p95: number | null;
  max: number | null;
}

/** Distribution of requestAnimationFrame intervals; a frame is slow when its interval exceeds `slowMs` (33 ms: under 30 fps). */
export function frameStats(timestamps: readonly number[], slowMs = 33): FrameStats {
  const gaps = intervals(timestamps);
  const slow = gaps.filter((g) => g > slowMs).length;
  return {
    frames: gaps.length,
    slowShare: gaps.length ? slow / gaps.length : 0,
    slow,
    p50: quantile(gaps, 0.5),
    p95: quantile(gaps, 0.95),
    max: gaps.length ? Math.max(...gaps) : null,
  };
}

export interface Shift {
  /** startTime, ms. */
  t: number;
  value: number;
  hadRecentInput: boolean;
}

/**
 * Cumulative layout shift as Core Web Vitals report it: the largest session window of shifts
 * (shifts less than 1 s apart, a window at most 5 s long), ignoring shifts right after input.
 * https://web.dev/articles/cls#what-is-cls
 */
export function cumulativeLayoutShift(shifts: readonly Shift[]): number {
  let best = 0;
  let windowValue = 0;
  let windowStart = -Infinity;
  let last = -Infinity;
  for (const s of [...shifts].filter((x) => !x.hadRecentInput).sort((a, b) => a.t - b.t)) {
    if (s.t - last > 1000 || s.t - windowStart > 5000) {
      windowValue = 0;
      windowStart = s.t;
    }
    windowValue += s.value;
    last = s.t;
    best = Math.max(best, windowValue);
  }
  return best;
}

export interface Task {
  /** startTime, ms. */
  t: number;
  /** duration, ms. */
  d: number;
}

/**
 * Total blocking time: the part over 50 ms of every long task that starts between `from` (first
 * contentful paint) and `to` (the end of the load phase), as Lighthouse sums it.
 */
export function totalBlockingTime(tasks: readonly Task[], from: number, to: number): number {
  let sum = 0;
  for (const task of tasks) if (task.t >= from && task.t <= to) sum += Math.max(0, task.d - 50);
  return sum;
}

/** Tasks overlapping [from, to] (ms). */
export function tasksWithin(tasks: readonly Task[], from: number, to: number): Task[] {
  return tasks.filter((task) => task.t + task.d >= from && task.t <= to);
}
