/**
 * The production build: check the content, project the basemap, then build with Astro into a
 * scratch folder that replaces the output folder only when everything succeeded — so a failed
 * build never leaves a half-built dist/ that could be deployed.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { resolve } from 'node:path';

const outDir = resolve(process.env.OUT_DIR || 'dist');
const scratch = `${outDir}.building`;
// Astro writes .astro/ in the project root whatever the output folder, so two builds at once (a
// test building a variant while another builds) would clobber each other: take turns.
const lock = resolve('node_modules/.build-lock');
const LOCK_STALE_MS = 10 * 60_000;

function acquireLock(): void {
  const deadline = Date.now() + LOCK_STALE_MS;
  for (;;) {
    try {
      mkdirSync(lock);
      return;
    } catch {
      try {
        if (Date.now() - statSync(lock).mtimeMs > LOCK_STALE_MS) rmSync(lock, { recursive: true, force: true });
      } catch {
        /* the other build just released it */
      }
      if (Date.now() > deadline) throw new Error(`build: ${lock} is held by another build`);
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 250);
    }
  }
}

function releaseLock(): void {
  rmSync(lock, { recursive: true, force: true });
}

function run(label: string, args: string[], env: Record<string, string> = {}): void {
  const result = spawnSync(process.execPath, args, { stdio: 'inherit', env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', ...env } });
  if (result.status !== 0) {
    rmSync(scratch, { recursive: true, force: true });
    releaseLock();
    console.error(`build: ${label} failed; ${outDir} was left as it was.`);
    process.exit(result.status ?? 1);
  }
}

acquireLock();
rmSync(scratch, { recursive: true, force: true });
run('content check', ['src/scripts/check-content.ts']);
run('basemap', ['src/scripts/build-basemap.ts']);
run('astro build', ['node_modules/astro/bin/astro.mjs', 'build'], { OUT_DIR: scratch });
if (!existsSync(resolve(scratch, 'index.html'))) {
  rmSync(scratch, { recursive: true, force: true });
  releaseLock();
  console.error(`build: astro build produced no index.html; ${outDir} was left as it was.`);
  process.exit(1);
}
run('share image', ['src/scripts/og-image.ts', scratch]);
rmSync(outDir, { recursive: true, force: true });
renameSync(scratch, outDir);
releaseLock();
console.log(`build: wrote ${outDir}`);
