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

/**
 * How many of the (page, bare) LCP pairs the page painted at least `byMs` after the bare page. At
 * 60 Hz paints come in whole frames, so with `byMs` half a frame this counts the pairs in which the
 * page painted a frame (or more) later: what moves the median ratio. When more than half of the
 * pairs are a frame later, the median is about one frame over 1: 1.08 to 1.10 for a first paint of
 * 170 to 200 ms, more for a faster one.
 */
export function laterPairs(pairs: readonly { page: number; bare: number }[], byMs: number): { later: number; pairs: number } {
  return { later: pairs.filter((p) => p.page - p.bare >= byMs).length, pairs: pairs.length };
}

/**
 * The order of the LCP pairs in a round, for one or more pages each paired with the bare page:
 * `pairs` pairs per page, the pages taking turns, so that a busy moment of the machine falls on all
 * of them alike rather than on one page's block. Within a page its pairs alternate which load goes
 * first (page, then bare first), and the pages' turns swap every second pair, so that no page is
 * always the one after another page's loads.
 */
export function pairSchedule<T>(pages: readonly T[], pairs: number): { page: T; bareFirst: boolean }[] {
  const out: { page: T; bareFirst: boolean }[] = [];
  for (let k = 0; k < pairs; k++) {
    const turn = Math.floor(k / 2) % 2 === 0 ? pages : [...pages].reverse();
    for (const page of turn) out.push({ page, bareFirst: k % 2 === 1 });
  }
  return out;
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

/** A seeded pseudo-random generator (mulberry32) in [0, 1): the same seed gives the same numbers, so a report can be reproduced. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * How far the median of these values could move by chance: a percentile bootstrap interval. The
 * values are resampled with replacement `resamples` times, and the interval is the central `level`
 * share of those resamples' medians (0.9: from the 5th to the 95th percentile). Seeded, so the same
 * values give the same interval. Null for an empty list. A budget whose limit lies inside the
 * interval is not decided by the measurement, whichever side the median falls on.
 */
export function medianInterval(values: readonly number[], level = 0.9, resamples = 2000, seed = 1): [number, number] | null {
  const xs = values.filter((v) => Number.isFinite(v));
  if (xs.length === 0) return null;
  const random = seededRandom(seed);
  const medians: number[] = [];
  const sample = new Array<number>(xs.length);
  for (let r = 0; r < resamples; r++) {
    for (let i = 0; i < xs.length; i++) sample[i] = xs[Math.floor(random() * xs.length)]!;
    medians.push(median(sample)!);
  }
  const tail = (1 - level) / 2;
  return [quantile(medians, tail)!, quantile(medians, 1 - tail)!];
}
