import { existsSync } from 'node:fs';
import { chromium } from '@playwright/test';

/** Fail early, with instructions, when no Chromium can be found, and when dist/ was not built. */
export default async function globalSetup(): Promise<void> {
  const out = process.env.OUT_DIR ?? 'dist';
  if (!existsSync(`${out}/index.html`)) {
    throw new Error(`${out}/index.html is missing: run "npm run build" first (npm test does it for you).`);
  }
  const system = [process.env.CHROMIUM_PATH, '/usr/bin/chromium'].find((p) => p && existsSync(p));
  if (system) return;
  if (existsSync(chromium.executablePath())) return;
  throw new Error(
    'No Chromium found. Install one with "apt-get install -y chromium" (Debian) or point CHROMIUM_PATH at a Chromium binary; ' +
      'Playwright cannot download its own browser on this network.',
  );
}
