/**
 * Shared e2e fixtures: every test fails on a console error, a page error, a CSP violation, a
 * failed request or a request to any host but the preview server's.
 */
import { test as base, expect, type Page } from '@playwright/test';

export interface PageProblems {
  problems: string[];
}

export const test = base.extend<PageProblems>({
  // auto: every test is guarded, whether or not it names `problems`.
  problems: [
    async ({ page, baseURL }, use) => {
      const problems: string[] = [];
      const origin = new URL(baseURL ?? 'http://127.0.0.1').origin;
      page.on('console', (msg) => {
        if (msg.type() === 'error') problems.push(`console error: ${msg.text()}`);
      });
      page.on('pageerror', (err) => problems.push(`page error: ${err.message}`));
      page.on('request', (req) => {
        const url = req.url();
        if (!url.startsWith(origin) && !url.startsWith('data:')) problems.push(`off-site request: ${url}`);
      });
      page.on('requestfailed', (req) => {
        // A navigation (reload, goto) aborts requests still in flight: not a broken resource.
        if (req.failure()?.errorText === 'net::ERR_ABORTED') return;
        problems.push(`failed request: ${req.url()} ${req.failure()?.errorText ?? ''}`);
      });
      page.on('response', (res) => {
        if (res.status() >= 400) problems.push(`HTTP ${res.status()}: ${res.url()}`);
      });
      await page.addInitScript(() => {
        document.addEventListener('securitypolicyviolation', (e) => {
          console.error(`CSP violation: ${e.violatedDirective} ${e.blockedURI}`);
        });
      });
      await use(problems);
      expect(problems, 'no console errors, failed or off-site requests').toEqual([]);
    },
    { auto: true },
  ],
});

export { expect };

/**
 * Wait until the live figure has taken a step (when `step` is given) and its camera move has
 * ended (the renderer marks the map data-camera="still"). Synchronisation only: assertions are
 * made on what the reader sees.
 */
export async function waitForSettled(page: Page, step?: string): Promise<void> {
  await page.waitForFunction(
    (id) =>
      (!id || document.documentElement.dataset.activeStep === id) &&
      document.querySelector('[data-live-figure] svg.map')?.getAttribute('data-camera') === 'still',
    step,
    { timeout: 5000 },
  );
}

/**
 * Wait until the page has not scrolled for `frames` animation frames in a row. A page opened at a
 * link holds its anchor in view for at most 60 frames while the chapters around it are laid out
 * (holdInView in src/client/scroll-controller.ts), and a reader's first key lets go of it: a test
 * that reads the scroll position and then presses a key waits here first, so the position it
 * compares with is the one the page came to rest at. Synchronisation only, on a condition.
 */
export async function waitForScrollStill(page: Page, frames = 70): Promise<void> {
  await page.evaluate(
    (n) =>
      new Promise<void>((done) => {
        let last = scrollY;
        let still = 0;
        const tick = () => {
          still = scrollY === last ? still + 1 : 0;
          last = scrollY;
          if (still >= n) done();
          else requestAnimationFrame(tick);
        };
        requestAnimationFrame(tick);
      }),
    frames,
  );
}
