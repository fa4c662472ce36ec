/**
 * The benchmark's page run (src/scripts/bench/measure.ts) on the built story: a full run records
 * the page's requests, for the byte and request figures; the load-only run of an LCP pair records
 * none (no DevTools network recorder working on the page's main thread, which would cost the story
 * more than the bare page) and still reports the first screen's paint as LCP. Timings are the
 * benchmark's, not asserted here.
 */
import { measurePage } from '../../src/scripts/bench/measure.ts';
import { expect, test } from './fixtures.ts';

test("the benchmark's full run records the page's requests, and its LCP-pair run records none but still reports LCP", async ({ browser, baseURL }) => {
  const url = new URL('./', baseURL).href;
  const full = await measurePage(browser, url, { cpuThrottle: 1, settleMs: 150, scroll: null });
  expect(full.requests.map((r) => r.kind)).toEqual(expect.arrayContaining(['document', 'stylesheet', 'script']));
  expect(full.lcp).toBeGreaterThan(0);

  const pair = await measurePage(browser, url, { cpuThrottle: 1, settleMs: 150, scroll: null, network: false });
  expect(pair.requests).toEqual([]);
  expect(pair.lcp).toBeGreaterThan(0);
  expect(pair.lcpElement).toBe(full.lcpElement);
});
