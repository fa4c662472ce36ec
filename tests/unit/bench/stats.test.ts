import { describe, expect, it } from 'vitest';
import {
  cumulativeLayoutShift,
  frameStats,
  laterPairs,
  median,
  medianInterval,
  pairSchedule,
  quantile,
  seededRandom,
  tasksWithin,
  totalBlockingTime,
} from '../../../src/scripts/bench/stats.ts';

describe('bench stats', () => {
  it('median takes the middle value, averages the middle two, and ignores missing figures', () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(median([null, 5, undefined, Number.NaN])).toBe(5);
    expect(median([])).toBeNull();
  });

  it('pairSchedule gives every page its pairs, half of them bare first, the pages taking turns', () => {
    const schedule = pairSchedule(['story', '10x'], 16);
    expect(schedule).toHaveLength(32);
    for (const page of ['story', '10x']) {
      const own = schedule.filter((p) => p.page === page);
      expect(own).toHaveLength(16);
      // A page's own pairs alternate which load goes first, as with one page alone.
      expect(own.map((p) => p.bareFirst)).toEqual(Array.from({ length: 16 }, (_, k) => k % 2 === 1));
    }
    // The pages alternate: no page has two pairs in a row but where the turns swap, and each goes first as often.
    expect(schedule.slice(0, 8).map((p) => p.page)).toEqual(['story', '10x', 'story', '10x', '10x', 'story', '10x', 'story']);
    const firsts = schedule.filter((_, i) => i % 2 === 0).map((p) => p.page);
    expect(firsts.filter((p) => p === 'story')).toHaveLength(8);
    // One page alone: its pairs alternate, page first then bare first.
    expect(pairSchedule(['story'], 4)).toEqual([
      { page: 'story', bareFirst: false },
      { page: 'story', bareFirst: true },
      { page: 'story', bareFirst: false },
      { page: 'story', bareFirst: true },
    ]);
  });

  it('laterPairs counts the pairs whose page painted at least the given time after the bare page', () => {
    const pairs = [
      { page: 170, bare: 170 },
      { page: 178, bare: 170 },
      { page: 187, bare: 170 },
      { page: 160, bare: 177 },
    ];
    // Half a frame at 60 Hz: the tie, the 8 ms lag and the earlier paint are not a frame later.
    expect(laterPairs(pairs, 1000 / 120)).toEqual({ later: 1, pairs: 4 });
    expect(laterPairs(pairs, 5)).toEqual({ later: 2, pairs: 4 });
    expect(laterPairs([], 8)).toEqual({ later: 0, pairs: 0 });
  });

  it('quantile interpolates between ranks', () => {
    expect(quantile([0, 10], 0.5)).toBe(5);
    expect(quantile([1, 2, 3, 4, 5], 0.95)).toBeCloseTo(4.8);
    expect(quantile([], 0.5)).toBeNull();
  });

  it('frameStats counts intervals over 33 ms as slow', () => {
    const t = [0, 16.7, 33.4, 83.4, 100.1];
    const s = frameStats(t);
    expect(s.frames).toBe(4);
    expect(s.slow).toBe(1);
    expect(s.slowShare).toBe(0.25);
    expect(s.max).toBeCloseTo(50);
    expect(frameStats([5]).slowShare).toBe(0);
  });

  it('cumulativeLayoutShift takes the largest session window and skips shifts after input', () => {
    const shifts = [
      { t: 100, value: 0.01, hadRecentInput: false },
      { t: 600, value: 0.02, hadRecentInput: false },
      { t: 5000, value: 0.025, hadRecentInput: false },
      { t: 5100, value: 0.5, hadRecentInput: true },
    ];
    expect(cumulativeLayoutShift(shifts)).toBeCloseTo(0.03);
    // A window closes 5 s after it opened even when shifts keep coming.
    const steady = Array.from({ length: 12 }, (_, i) => ({ t: i * 900, value: 0.01, hadRecentInput: false }));
    expect(cumulativeLayoutShift(steady)).toBeCloseTo(0.06);
    expect(cumulativeLayoutShift([])).toBe(0);
  });

  it('totalBlockingTime sums the part over 50 ms of tasks between FCP and the end of the load', () => {
    const tasks = [
      { t: 10, d: 300 },
      { t: 200, d: 80 },
      { t: 400, d: 45 },
      { t: 900, d: 120 },
    ];
    expect(totalBlockingTime(tasks, 100, 800)).toBe(30);
    expect(tasksWithin(tasks, 250, 500)).toEqual([tasks[0], tasks[1], tasks[2]]);
    expect(tasksWithin(tasks, 320, 500)).toEqual([tasks[2]]);
  });

  it('seededRandom repeats its numbers for a seed, differs between seeds, and stays in [0, 1)', () => {
    const a = Array.from({ length: 5 }, seededRandom(7));
    expect(Array.from({ length: 5 }, seededRandom(7))).toEqual(a);
    expect(Array.from({ length: 5 }, seededRandom(8))).not.toEqual(a);
    const many = Array.from({ length: 1000 }, seededRandom(1));
    expect(Math.min(...many)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...many)).toBeLessThan(1);
  });

  it('medianInterval brackets the median, narrows with more values, collapses for equal values, and is reproducible', () => {
    // 24 noisy pair ratios around 1.1, as the benchmark's LCP pairs are.
    const noise = seededRandom(3);
    const ratios = (n: number) => Array.from({ length: n }, () => 1.1 + (noise() - 0.5) * 0.8);
    const few = ratios(24);
    const [lo, hi] = medianInterval(few)!;
    expect(lo).toBeLessThanOrEqual(median(few)!);
    expect(hi).toBeGreaterThanOrEqual(median(few)!);
    expect(hi - lo).toBeGreaterThan(0.05);
    const many = ratios(600);
    const [lo2, hi2] = medianInterval(many)!;
    expect(hi2 - lo2).toBeLessThan((hi - lo) / 2);
    expect(lo2).toBeLessThan(1.1);
    expect(hi2).toBeGreaterThan(1.1);
    expect(medianInterval(few)).toEqual(medianInterval(few));
    expect(medianInterval([1.2, 1.2, 1.2])).toEqual([1.2, 1.2]);
    expect(medianInterval([])).toBeNull();
  });
});
