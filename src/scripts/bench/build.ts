/** Runs the production build (src/scripts/build.ts) into a given folder and times it. */
import { spawnSync } from 'node:child_process';
import { rmSync } from 'node:fs';

export interface BuildResult {
  outDir: string;
  /** Wall-clock time of the whole build (content check, basemap, Astro), ms. */
  ms: number;
}

/**
 * Build the site into `outDir` from `contentDir` (default: the project's content/) with a fresh
 * Astro cache, so that two builds compare like with like. Throws when the build fails.
 */
export function buildSite(outDir: string, options: { contentDir?: string; cacheDir: string; quiet?: boolean }): BuildResult {
  rmSync(options.cacheDir, { recursive: true, force: true });
  const env: NodeJS.ProcessEnv = { ...process.env, OUT_DIR: outDir, ASTRO_CACHE_DIR: options.cacheDir, ASTRO_TELEMETRY_DISABLED: '1' };
  if (options.contentDir) env.CONTENT_DIR = options.contentDir;
  else delete env.CONTENT_DIR;
  const t0 = performance.now();
  const result = spawnSync(process.execPath, ['src/scripts/build.ts'], { env, encoding: 'utf8', stdio: options.quiet ? 'pipe' : 'inherit' });
  const ms = performance.now() - t0;
  if (result.status !== 0) {
    throw new Error(`build into ${outDir} failed (exit ${result.status}):\n${(result.stdout ?? '').slice(-3000)}${(result.stderr ?? '').slice(-3000)}`);
  }
  return { outDir, ms };
}
