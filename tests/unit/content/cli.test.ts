import { spawnSync } from 'node:child_process';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { brokenDir, cleanUp, VALID_DIR } from './helpers.ts';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));

function run(contentDir: string, cwd = ROOT): { status: number | null; output: string } {
  const r = spawnSync(process.execPath, [`${ROOT}src/scripts/check-content.ts`], {
    cwd,
    env: { ...process.env, CONTENT_DIR: contentDir },
    encoding: 'utf8',
  });
  return { status: r.status, output: `${r.stdout}${r.stderr}` };
}

afterAll(cleanUp);

describe('check-content script', () => {
  it('check-content exits 1 and prints file:line:col for a broken fixture', () => {
    const dir = brokenDir('step-unknown-place');
    const { status, output } = run(dir);
    expect(status).toBe(1);
    expect(output).toMatch(/chapters\/the-route\.mdx:10:22 error step "route" places\[1\]: unknown place id "beiruit"/);
    expect(output).toContain(dir.split('/').pop());
    expect(output).toMatch(/content: 2 chapters, 3 steps, 1 error, 0 warnings/);
  });

  it('check-content exits 0 with a summary for the valid fixture (CONTENT_DIR relative to the working directory)', () => {
    // Run from the fixtures folder, not the project root: "valid" only exists relative to this cwd.
    const { status, output } = run('valid', dirname(VALID_DIR));
    expect(output.trim()).toBe('content: 2 chapters, 3 steps, 0 errors, 0 warnings');
    expect(status).toBe(0);
  });

  it('check-content prints warnings but still exits 0', () => {
    const { status, output } = run(brokenDir('warning-uncited-source'));
    expect(status).toBe(0);
    expect(output).toMatch(/sources\.json:23:11 warning sources\[3\]: source "sana-2021-01-13" is not cited/);
  });
});
