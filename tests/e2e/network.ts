/**
 * An explicit "the page has finished loading" condition, instead of Playwright's `networkidle`
 * (500 ms without traffic, which a busy machine can stretch past any timeout): the load event has
 * fired and no request the page started is still in flight.
 */
import type { Page } from '@playwright/test';
import { expect } from './fixtures.ts';

export interface RequestTracker {
  /** Wait for the load event, then until no request is in flight. */
  settled(timeout?: number): Promise<void>;
}

/** Start counting the page's requests; call before `page.goto`. */
export function trackRequests(page: Page): RequestTracker {
  const inFlight = new Set<unknown>();
  page.on('request', (r) => inFlight.add(r));
  page.on('requestfinished', (r) => inFlight.delete(r));
  page.on('requestfailed', (r) => inFlight.delete(r));
  return {
    async settled(timeout = 15_000) {
      await page.waitForLoadState('load', { timeout });
      await expect.poll(() => inFlight.size, { timeout, message: 'requests still in flight' }).toBe(0);
    },
  };
}

/**
 * Wait (polling every frame) until the live figure has switched to the step labelled `alt`. The
 * camera may still be flying or, after a jump, already still: tests that act "during a move" act
 * at the first frame after the switch, which is as close to the middle of a move as a condition gets.
 */
export async function waitForStepSwitch(page: Page, alt: string): Promise<void> {
  await page.waitForFunction((label) => document.querySelector('[data-live-figure] svg.map')?.getAttribute('aria-label') === label, alt, {
    polling: 'raf',
    timeout: 5000,
  });
}
