import { existsSync } from 'node:fs';
import { defineConfig, devices } from '@playwright/test';
import { CHROMIUM_ARGS } from './src/scripts/chromium.ts';

/**
 * End-to-end tests run against the production build (dist/, built by `npm test` before this runs),
 * served by `astro preview` on 127.0.0.1, in the system Chromium: Playwright cannot download
 * browsers here. CHROMIUM_PATH overrides; else /usr/bin/chromium; else Playwright's own browser.
 */
const PORT = Number(process.env.E2E_PORT ?? 4329);
const base = (process.env.BASE_PATH ?? '/').replace(/\/?$/, '/');

/**
 * The sub-path project: a second production build with BASE_PATH=/explainer/ (`npm run
 * build:subpath`, into SUBPATH_OUT_DIR, default dist-explainer/) served at /explainer/ by its own
 * preview server (port E2E_SUBPATH_PORT, default E2E_PORT + 1), runs the base-agnostic publish
 * spec and the nginx spec (deploy/nginx.conf serves /explainer/). It is on whenever that build
 * exists (npm test makes it first); the root project's publish spec fails if it is missing, unless
 * E2E_SUBPATH=0.
 */
const SUBPATH_BASE = '/explainer/';
const SUBPATH_OUT_DIR = process.env.SUBPATH_OUT_DIR ?? 'dist-explainer';
const SUBPATH_PORT = Number(process.env.E2E_SUBPATH_PORT ?? PORT + 1);
const subpath = process.env.E2E_SUBPATH !== '0' && existsSync(`${SUBPATH_OUT_DIR}/index.html`);
const preview = (port: number) => `node node_modules/astro/bin/astro.mjs preview --host 127.0.0.1 --port ${port} --ignore-lock`;

function chromiumPath(): string | undefined {
  const candidates = [process.env.CHROMIUM_PATH, '/usr/bin/chromium'].filter((p): p is string => !!p);
  const found = candidates.find((p) => existsSync(p));
  if (found) return found;
  return undefined; // fall back to Playwright's own browser; if it is missing too, tests/e2e/global-setup.ts says how to install one
}

export default defineConfig({
  testDir: 'tests/e2e',
  globalSetup: './tests/e2e/global-setup.ts',
  fullyParallel: true,
  workers: 2,
  retries: 0,
  reporter: [['line']],
  timeout: 60_000,
  use: {
    baseURL: `http://127.0.0.1:${PORT}${base}`,
    ...devices['Desktop Chrome'],
    viewport: { width: 1280, height: 800 },
    launchOptions: {
      executablePath: chromiumPath(),
      args: CHROMIUM_ARGS,
    },
  },
  projects: [
    { name: 'root', testIgnore: /publish-(subpath|nginx)\.spec\.ts$/ },
    ...(subpath
      ? [
          {
            name: 'subpath',
            testMatch: /publish(-subpath|-nginx)?\.spec\.ts$/,
            use: { baseURL: `http://127.0.0.1:${SUBPATH_PORT}${SUBPATH_BASE}` },
          },
        ]
      : []),
  ],
  webServer: [
    {
      command: preview(PORT),
      url: `http://127.0.0.1:${PORT}${base}`,
      reuseExistingServer: false,
      timeout: 60_000,
      env: { ASTRO_TELEMETRY_DISABLED: '1' },
    },
    ...(subpath
      ? [
          {
            command: preview(SUBPATH_PORT),
            url: `http://127.0.0.1:${SUBPATH_PORT}${SUBPATH_BASE}`,
            reuseExistingServer: false,
            timeout: 60_000,
            env: { ASTRO_TELEMETRY_DISABLED: '1', OUT_DIR: SUBPATH_OUT_DIR, BASE_PATH: SUBPATH_BASE },
          },
        ]
      : []),
  ],
});
