import { describe, expect, it } from 'vitest';
import { BUDGETS, formatTable, judge, lcpLaterText, lcpRatioText, type PageSummary } from '../../../src/scripts/bench/budgets.ts';

const page = (over: Partial<PageSummary> = {}): PageSummary => ({
  label: 'story',
  runs: 3,
  steps: 39,
  story: { steps: 39, pages: 1 },
  buildMs: 4000,
  html: { bytes: 500_000, gzip: 60_000 },
  js: { gzip: 12_000, bytes: 40_000, chunks: [{ path: '/_astro/a.js', bytes: 40_000, gzip: 12_000 }] },
  basemapGzip: 15_000,
  requests: 4,
  offsite: [],
  bytes: { document: { count: 1, transferred: 60_000, decoded: 500_000 } },
  total: { count: 4, transferred: 90_000, decoded: 600_000 },
  fcp: 300,
  lcp: 300,
  lcpElement: 'p.dek',
  lcpRatio: 1,
  cls: 0,
  shiftSources: [],
  tbt: 0,
  scroll: { distance: 70_000, ms: 35_000, longTasks: 0, longestTask: 0, slowShare: 0.005, p50: 16.7, p95: 17, activations: 39, requests: 0 },
  ...over,
});

describe('bench budgets', () => {
  it('judge passes a page within every budget and flags each figure over it', () => {
    const ok = judge(page(), null, { lcp: 300 });
    expect(ok.filter((r) => r.ok === false)).toEqual([]);
    const over = judge(page({ js: { gzip: BUDGETS.jsGzip + 1, bytes: 0, chunks: [] }, tbt: 51, cls: 0.02 }), null, null);
    expect(over.filter((r) => r.ok === false).map((r) => r.figure)).toEqual(['JavaScript, gzip (same-origin)', 'CLS', 'total blocking time']);
  });

  it('judge holds the large story to no JavaScript growth and at most linear build growth', () => {
    // The 10× story is published in parts: 49 steps on its first page, 350 in all.
    const large = page({ steps: 49, story: { steps: 350, pages: 8 }, buildMs: 4000 * 12, js: { gzip: 12_001, bytes: 0, chunks: [] } });
    const rows = judge(page(), large, null);
    expect(rows.find((r) => r.figure === 'build time')!.largeOk).toBe(false);
    expect(rows.find((r) => r.figure === 'steps in the story')!.large).toBe('350 in 8 pages');
    // Build time is judged against the whole story's steps, not the first page's.
    const linear = judge(page(), { ...large, buildMs: 4000 * 8 }, null);
    expect(linear.find((r) => r.figure === 'build time')!.largeOk).toBe(true);
    expect(rows.find((r) => r.figure.startsWith('JavaScript'))!.largeOk).toBe(false);
    // The large story's first load is held to the same budget (page() transfers 90,000 bytes).
    expect(rows.find((r) => r.figure === 'transferred, first load')!.largeOk).toBe(true);
    const heavy = judge(page(), { ...large, total: { count: 4, transferred: BUDGETS.firstLoadBytes + 1, decoded: 0 } }, null);
    expect(heavy.find((r) => r.figure === 'transferred, first load')!.largeOk).toBe(false);
  });

  it('the LCP ratio row shows the median with its interval and pairs, and is judged on the median', () => {
    const row = (p: PageSummary) => judge(p, null, { lcp: 300 }).find((r) => r.figure === 'LCP ratio story / bare')!;
    const measured = page({ lcpRatio: 1.08, lcpPairs: 48, lcpRatioInterval: [1.02, 1.149] });
    expect(row(measured).story).toBe('1.08 (90 %: 1.02–1.15, 48 pairs)');
    expect(row(measured).ok).toBe(true);
    expect(row(page({ lcpRatio: 1.12, lcpPairs: 48, lcpRatioInterval: [1.05, 1.2] })).ok).toBe(false);
    // The 10× story is held to the same ratio, and to a TBT of at most 50 ms in all.
    const rows = judge(page(), page({ lcpRatio: 1.2, tbt: 51 }), { lcp: 300 });
    expect(rows.find((r) => r.figure === 'LCP ratio story / bare')!.largeOk).toBe(false);
    expect(rows.find((r) => r.figure === 'total blocking time')!.largeOk).toBe(false);
    const fine = judge(page(), page({ lcpRatio: 1.05, tbt: 10 }), { lcp: 300 });
    expect(fine.find((r) => r.figure === 'LCP ratio story / bare')!.largeOk).toBe(true);
    expect(fine.find((r) => r.figure === 'total blocking time')!.largeOk).toBe(true);
    // A summary from before the interval was measured still reads as the bare median.
    expect(lcpRatioText(page({ lcpRatio: 1.2 }))).toBe('1.20');
    expect(lcpRatioText(page({ lcpRatio: null }))).toBe('–');
  });

  it('under the LCP ratio, a row reports (not judges) the pairs in which the page painted a frame later', () => {
    const row = (p: PageSummary) => judge(p, null, { lcp: 300 }).find((r) => r.figure.trim() === 'pairs it painted a frame later')!;
    expect(row(page({ lcpLater: { later: 22, pairs: 48 } })).story).toBe('22 of 48 (46 %)');
    expect(row(page({ lcpLater: { later: 22, pairs: 48 } })).ok).toBeNull();
    expect(lcpLaterText(page({ lcpLater: null }))).toBe('–');
    expect(lcpLaterText(page({ lcpLater: { later: 0, pairs: 0 } }))).toBe('–');
  });

  it('formatTable prints an aligned Markdown table with verdicts', () => {
    const table = formatTable(judge(page(), null, null));
    const lines = table.split('\n');
    expect(lines[0]).toMatch(/^\| figure +\| story +\| 10× story +\| budget +\| story \| 10× \|$/);
    expect(new Set(lines.map((l) => l.length)).size).toBe(1);
    expect(table).toMatch(/\| total blocking time +\| 0 ms +\| – +\| ≤ 50 ms +\| ok +\| +\|/);
  });

  it('with a script-less page measured, TBT and long tasks are judged on what the script adds', () => {
    const rows = judge(page({ tbt: 120, overScriptless: { tbt: 30, longTasks: 0, slowShare: 0 }, scroll: { ...page().scroll!, longTasks: 4 } }), null, null);
    expect(rows.filter((r) => r.ok === false)).toEqual([]);
    const over = judge(page({ tbt: 120, overScriptless: { tbt: 51, longTasks: 1, slowShare: 0 } }), null, null);
    expect(over.filter((r) => r.ok === false).map((r) => r.figure.trim())).toEqual(['TBT the script adds (vs script-less)', 'long tasks the script adds']);
  });
});
