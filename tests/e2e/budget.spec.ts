/**
 * Byte budgets of the story page, from the production build (OUT_DIR, default dist/): all its
 * JavaScript ≤ 16 KiB gzipped, and the first load ≤ 100 KiB transferred in ≤ 8 requests. Sizes are
 * gzip (zlib's default level) of the built files, so the test is deterministic; the requests are
 * those of a real page load in Chromium at phone size (tests/e2e/first-load.ts; parts.spec.ts
 * holds every part of a story in parts to the same budget). The basemap's own budget (≤ 16 KiB gzipped)
 * is checked where the geometry is built: tests/unit/geo/basemap.test.ts. Timing figures live in
 * the benchmark (npm run bench), not here.
 */
import { readFileSync } from 'node:fs';
import { BUDGETS } from '../../src/scripts/bench/budgets.ts';
import { kib, pageAssets } from '../../src/scripts/bench/assets.ts';
import { expect, test } from './fixtures.ts';
import { expectWithinBudget, measureFirstLoad, table } from './first-load.ts';

const outDir = process.env.OUT_DIR ?? 'dist';
const base = (process.env.BASE_PATH ?? '/').replace(/\/?$/, '/');

test.describe('byte budgets of the story page', () => {
  test(`all JavaScript on the story page is at most ${BUDGETS.jsGzip / 1024} KiB gzipped`, () => {
    const { scripts } = pageAssets(outDir, '/', base);
    const total = scripts.reduce((n, s) => n + s.gzip, 0);
    const report = `JavaScript on the story page: ${kib(total)} gzipped in ${scripts.length} chunk(s) (budget ${kib(BUDGETS.jsGzip)}):\n${table(scripts)}`;
    test.info().annotations.push({ type: 'js', description: report });
    expect(scripts.length, 'the story page loads its scroll controller').toBeGreaterThan(0);
    expect(total, report).toBeLessThanOrEqual(BUDGETS.jsGzip);
  });

  // Chromium compiles the functions of a file with this hint on the thread that streams it, not
  // lazily on the main thread when they are first called (the start's task and first frames).
  test("the story page's scripts open with the compile hint, which minification must not strip", () => {
    const code = pageAssets(outDir, '/', base)
      .scripts.filter((s) => s.file !== null)
      .map((s) => ({ path: s.path, text: readFileSync(s.file!, 'utf8') }))
      .filter(({ text }) => /\bfunction\b|=>/.test(text)); // files with code, not comments only
    expect(code.length, 'the story page loads its scroll controller').toBeGreaterThan(0);
    for (const { path, text } of code) expect(text.split('\n', 1)[0], path).toBe('//# allFunctionsCalledOnLoad');
  });

  test.describe('first load at phone size', () => {
    test.use({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true });

    test(`first load is at most ${BUDGETS.firstLoadBytes / 1024} KiB transferred (gzip) in at most ${BUDGETS.firstLoadRequests} requests`, async ({
      page,
      problems: _problems,
      baseURL,
    }) => {
      const load = await measureFirstLoad(page, { outDir, base, origin: new URL(baseURL!).origin, pagePath: '/' });
      test.info().annotations.push({ type: 'first load', description: load.report });
      expectWithinBudget(load);
    });
  });
});
