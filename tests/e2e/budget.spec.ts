/**
 * Byte budgets of the story page, from the production build (OUT_DIR, default dist/): all its
 * JavaScript ≤ 16 KiB gzipped, and the first load ≤ 100 KiB transferred in ≤ 8 requests. Sizes are
 * gzip (zlib's default level) of the built files, so the test is deterministic; the requests are
 * those of a real page load in Chromium at phone size. The basemap's own budget (≤ 16 KiB gzipped)
 * is checked where the geometry is built: tests/unit/geo/basemap.test.ts. Timing figures live in
 * the benchmark (npm run bench), not here.
 */
import { BUDGETS } from '../../src/scripts/bench/budgets.ts';
import { fileFor, gzipSize, kib, pageAssets } from '../../src/scripts/bench/assets.ts';
import { readFileSync } from 'node:fs';
import { expect, test } from './fixtures.ts';
import { trackRequests } from './network.ts';

const outDir = process.env.OUT_DIR ?? 'dist';
const base = (process.env.BASE_PATH ?? '/').replace(/\/?$/, '/');

const table = (rows: { path: string; bytes: number; gzip: number }[]): string =>
  rows.map((r) => `  ${kib(r.gzip).padStart(10)} gzip  ${kib(r.bytes).padStart(10)} raw  ${r.path}`).join('\n');

test.describe('byte budgets of the story page', () => {
  test(`all JavaScript on the story page is at most ${BUDGETS.jsGzip / 1024} KiB gzipped`, () => {
    const { scripts } = pageAssets(outDir, '/', base);
    const total = scripts.reduce((n, s) => n + s.gzip, 0);
    const report = `JavaScript on the story page: ${kib(total)} gzipped in ${scripts.length} chunk(s) (budget ${kib(BUDGETS.jsGzip)}):\n${table(scripts)}`;
    test.info().annotations.push({ type: 'js', description: report });
    expect(scripts.length, 'the story page loads its scroll controller').toBeGreaterThan(0);
    expect(total, report).toBeLessThanOrEqual(BUDGETS.jsGzip);
  });

  test.describe('first load at phone size', () => {
    test.use({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true });

    test(`first load is at most ${BUDGETS.firstLoadBytes / 1024} KiB transferred (gzip) in at most ${BUDGETS.firstLoadRequests} requests`, async ({
      page,
      problems: _problems,
      baseURL,
    }) => {
      const origin = new URL(baseURL!).origin;
      const requested: string[] = [];
      page.on('request', (req) => {
        if (!req.url().startsWith('data:')) requested.push(req.url());
      });
      const requests = trackRequests(page);
      await page.goto('./', { waitUntil: 'load' });
      await requests.settled();
      // A browser also fetches the page's icon, whenever it likes: count it whether or not it came yet.
      const { icons } = pageAssets(outDir, '/', base);
      const urls = [...new Set([...requested, ...icons.map((i) => new URL(i.path, origin).href)])];
      const rows = urls.map((url) => {
        const u = new URL(url);
        const file = u.origin === origin ? fileFor(outDir, u.pathname, base) : null;
        if (!file) return { path: url, bytes: 0, gzip: 0, missing: true };
        const data = readFileSync(file);
        return { path: u.pathname, bytes: data.length, gzip: gzipSize(data), missing: false };
      });
      const total = rows.reduce((n, r) => n + r.gzip, 0);
      const report = `first load: ${kib(total)} gzipped in ${rows.length} request(s) (budget ${kib(BUDGETS.firstLoadBytes)} in ${BUDGETS.firstLoadRequests}):\n${table(rows)}`;
      test.info().annotations.push({ type: 'first load', description: report });
      expect(
        rows.filter((r) => r.missing).map((r) => r.path),
        `every request is to a built file of this origin\n${report}`,
      ).toEqual([]);
      expect(rows.length, report).toBeLessThanOrEqual(BUDGETS.firstLoadRequests);
      expect(total, report).toBeLessThanOrEqual(BUDGETS.firstLoadBytes);
    });
  });
});
