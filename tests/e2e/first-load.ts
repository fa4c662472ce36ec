/**
 * The first load of a page, as the byte budget counts it: every request a real page load in
 * Chromium makes until the page settles (plus the page's icon, which a browser fetches whenever it
 * likes), each sized as the gzip (zlib's default level) of the built file it names, so the figure
 * is deterministic. Used by budget.spec.ts for the story and by parts.spec.ts for every part.
 */
import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { BUDGETS } from '../../src/scripts/bench/budgets.ts';
import { fileFor, gzipSize, kib, pageAssets } from '../../src/scripts/bench/assets.ts';
import { expect } from './fixtures.ts';
import { trackRequests } from './network.ts';

export interface Row {
  path: string;
  bytes: number;
  gzip: number;
  missing?: boolean;
}

export interface FirstLoad {
  rows: Row[];
  /** Gzipped bytes of every request. */
  total: number;
  /** The rows as a table, with the total and the budget. */
  report: string;
}

export const table = (rows: readonly Row[]): string =>
  rows.map((r) => `  ${kib(r.gzip).padStart(10)} gzip  ${kib(r.bytes).padStart(10)} raw  ${r.path}`).join('\n');

/**
 * Load `pagePath` (a URL path under the base, e.g. "/" or "/part-2/") of the build in `outDir`,
 * served at `origin` + `base`, and measure its first load. Call on a fresh page.
 */
export async function measureFirstLoad(page: Page, opts: { outDir: string; base: string; origin: string; pagePath: string }): Promise<FirstLoad> {
  const { outDir, base, origin, pagePath } = opts;
  const requested: string[] = [];
  page.on('request', (req) => {
    if (!req.url().startsWith('data:')) requested.push(req.url());
  });
  const requests = trackRequests(page);
  await page.goto(new URL(`${base}${pagePath.replace(/^\//, '')}`, origin).href, { waitUntil: 'load' });
  await requests.settled();
  const { icons } = pageAssets(outDir, pagePath, base);
  const urls = [...new Set([...requested, ...icons.map((i) => new URL(i.path, origin).href)])];
  const rows = urls.map((url): Row => {
    const u = new URL(url);
    const file = u.origin === origin ? fileFor(outDir, u.pathname, base) : null;
    if (!file) return { path: url, bytes: 0, gzip: 0, missing: true };
    const data = readFileSync(file);
    return { path: u.pathname, bytes: data.length, gzip: gzipSize(data), missing: false };
  });
  const total = rows.reduce((n, r) => n + r.gzip, 0);
  const report = `first load of ${pagePath}: ${kib(total)} gzipped in ${rows.length} request(s) (budget ${kib(BUDGETS.firstLoadBytes)} in ${BUDGETS.firstLoadRequests}):\n${table(rows)}`;
  return { rows, total, report };
}

/** Every request went to a built file of this origin, and the load is within the byte and request budgets. */
export function expectWithinBudget(load: FirstLoad): void {
  expect(
    load.rows.filter((r) => r.missing).map((r) => r.path),
    `every request is to a built file of this origin\n${load.report}`,
  ).toEqual([]);
  expect(load.rows.length, load.report).toBeLessThanOrEqual(BUDGETS.firstLoadRequests);
  expect(load.total, load.report).toBeLessThanOrEqual(BUDGETS.firstLoadBytes);
}
