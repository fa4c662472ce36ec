/**
 * The production build: check the content, project the basemap, then build with Astro into a
 * scratch folder that replaces the output folder only when everything succeeded — so a failed
 * build never leaves a half-built dist/ that could be deployed.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, renameSync, rmSync } from 'node:fs';
import { resolve } from 'node:path';

const outDir = resolve(process.env.OUT_DIR || 'dist');
const scratch = `${outDir}.building`;

function run(label: string, args: string[], env: Record<string, string> = {}): void {
  const result = spawnSync(process.execPath, args, { stdio: 'inherit', env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', ...env } });
  if (result.status !== 0) {
    rmSync(scratch, { recursive: true, force: true });
    console.error(`build: ${label} failed; ${outDir} was left as it was.`);
    process.exit(result.status ?? 1);
  }
}

rmSync(scratch, { recursive: true, force: true });
run('content check', ['src/scripts/check-content.ts']);
run('basemap', ['src/scripts/build-basemap.ts']);
run('astro build', ['node_modules/astro/bin/astro.mjs', 'build'], { OUT_DIR: scratch });
if (!existsSync(resolve(scratch, 'index.html'))) {
  rmSync(scratch, { recursive: true, force: true });
  console.error(`build: astro build produced no index.html; ${outDir} was left as it was.`);
  process.exit(1);
}
run('share image', ['src/scripts/og-image.ts', scratch]);
rmSync(outDir, { recursive: true, force: true });
renameSync(scratch, outDir);
console.log(`build: wrote ${outDir}`);
