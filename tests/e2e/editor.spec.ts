/**
 * Editors, end to end: a copy of content/ gets a chapter from the scaffold (npm run new:chapter)
 * plus a new source, place, event and frame written into the data files only, and a second step
 * that uses them; a real production build of that folder (its own OUT_DIR and cache) is served by
 * a small static server, and the reader finds the chapter in the table of contents and each step
 * showing what it declares. Then broken inputs through real builds: the build exits non-zero with
 * the file:line:column message and leaves the previous output untouched.
 */
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import type { Server } from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { freshCacheDir, run, serve } from './scratch-site.ts';

const ROOT = process.cwd();
/** A path as a regular-expression literal. */
const re = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const made: string[] = [];

/** A temp copy of the story's content/. */
/** A folder as diagnostics show it (relative to the project, or absolute when shorter), as a RegExp source. */
function shown(dir: string): string {
  return `(?:${re(dir)}|${re(path.relative(ROOT, dir))})`;
}

function scratchContent(): string {
  // Inside the project (a gitignored folder): Astro resolves content modules by a path relative to
  // the project root, and a folder outside it (e.g. when the project itself sits in /tmp) can fail to resolve.
  mkdirSync(path.join(ROOT, '.scratch'), { recursive: true });
  const dir = mkdtempSync(path.join(ROOT, '.scratch', 'editor-e2e-'));
  made.push(dir);
  cpSync(path.join(ROOT, 'content'), dir, { recursive: true });
  rmSync(path.join(dir, 'README.md'), { force: true });
  return dir;
}

/** Appends entries to a data file's list, as an editor would. */
function append(dir: string, file: string, ...entries: unknown[]): void {
  const abs = path.join(dir, file);
  const list = JSON.parse(readFileSync(abs, 'utf8')) as unknown[];
  writeFileSync(abs, `${JSON.stringify([...list, ...entries], null, 2)}\n`);
}

/** Fails the test on console errors, page errors and failed or off-site requests. */
function watch(page: Page, origin: string): string[] {
  const problems: string[] = [];
  page.on('console', (m) => m.type() === 'error' && problems.push(`console: ${m.text()}`));
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  page.on('request', (r) => !r.url().startsWith(origin) && !r.url().startsWith('data:') && problems.push(`off-site: ${r.url()}`));
  page.on('response', (r) => r.status() >= 400 && problems.push(`HTTP ${r.status()}: ${r.url()}`));
  return problems;
}

test.afterAll(() => {
  for (const dir of made) rmSync(dir, { recursive: true, force: true });
});

test.describe('editor: a new chapter through the scaffold and the data files', () => {
  test.describe.configure({ mode: 'serial', timeout: 180_000 });

  const OUT = path.join(ROOT, 'dist-editor-e2e');
  const TITLE = 'Editor test: Raqqa';
  const SLUG = 'editor-test-raqqa';
  const NEW_ALT = 'Map of Raqqa on the Euphrates, for the editor end-to-end test.';
  let site: { server: Server; url: string } | null = null;
  let scaffoldStep = '';
  let scaffoldAlt = '';

  test.beforeAll(async () => {
    const dir = scratchContent();
    const scaffold = await run('src/scripts/new-chapter.ts', [TITLE], { CONTENT_DIR: dir });
    expect(scaffold.code, scaffold.output).toBe(0);
    const file = path.join(dir, 'chapters', `${SLUG}.mdx`);
    const text = readFileSync(file, 'utf8');
    scaffoldStep = /<Step id="([^"]+)"/.exec(text)?.[1] ?? '';
    scaffoldAlt = /alt="([^"]+)"/.exec(text)?.[1] ?? '';

    // New entries, through the data files only (test data, clearly named as such).
    append(dir, 'sources.json', {
      id: 'editor-test-desk-2021-01',
      publisher: 'Editor test desk',
      date: '2021-01',
      description: 'A source added by the editor end-to-end test.',
    });
    append(dir, 'places.json', {
      id: 'editor-test-raqqa',
      name: 'Raqqa (test)',
      lat: 35.95,
      lon: 39.01,
      country: 'Syria',
      kind: 'city',
      radiusKm: 0,
      sources: ['editor-test-desk-2021-01'],
    });
    append(dir, 'events.json', {
      id: 'editor-test-report-2021-01',
      title: 'Editor test report',
      date: '2021-01',
      places: ['editor-test-raqqa'],
      kind: 'report',
      actor: 'Editor test desk',
      attribution: 'Reported by the editor test desk for this test only.',
      status: 'alleged',
      sources: ['editor-test-desk-2021-01'],
    });
    append(dir, 'frames.json', {
      id: 'editor-test-raqqa',
      description: 'Around Raqqa, for the editor test.',
      bounds: {
        corners: [
          [38.2, 35.3],
          [39.8, 36.6],
        ],
      },
    });
    writeFileSync(
      file,
      `${text}\n<Step id="editor-test-raqqa-place" frame="editor-test-raqqa" events={["editor-test-report-2021-01"]}\n  places={["editor-test-raqqa"]} sources={["editor-test-desk-2021-01"]}\n  alt="${NEW_ALT}">\n\nThe editor test desk reported something about Raqqa, for this test only.\n\n</Step>\n`,
    );

    const check = await run('src/scripts/check-content.ts', [], { CONTENT_DIR: dir });
    expect(check.output).toMatch(/content: \d+ chapters, \d+ steps, 0 errors, 0 warnings/);
    const build = await run('src/scripts/build.ts', [], { CONTENT_DIR: dir, OUT_DIR: OUT, ASTRO_CACHE_DIR: freshCacheDir() });
    expect(build.code, build.output.slice(-3000)).toBe(0);
    site = await serve(OUT);
  });

  test.afterAll(async () => {
    await new Promise((resolve) => (site ? site.server.close(resolve) : resolve(undefined)));
    rmSync(OUT, { recursive: true, force: true });
  });

  test('the chapter is in the table of contents, and its steps show their declared scenes', async ({ page }) => {
    const problems = watch(page, site!.url);
    await page.setViewportSize({ width: 1280, height: 800 });
    await page.goto(site!.url);
    await expect(page.locator('html')).toHaveClass(/\blive\b/);

    const entry = page.locator(`nav.contents a[href="#chapter-${SLUG}"]`);
    await expect(entry).toHaveText(TITLE);
    // No two elements share an id (a step id that clashed with a page anchor would break both).
    expect(
      await page.evaluate(() => {
        const ids = [...document.querySelectorAll('[id]')].map((e) => e.id);
        return ids.filter((id, i) => ids.indexOf(id) !== i);
      }),
    ).toEqual([]);

    const figure = page.locator('[data-live-figure] svg.map');
    for (const [id, alt] of [
      [scaffoldStep, scaffoldAlt],
      ['editor-test-raqqa-place', NEW_ALT],
    ] as const) {
      await page.locator(`#${id}`).evaluate((el) => el.scrollIntoView({ block: 'start' }));
      await expect(figure).toHaveAttribute('aria-label', alt);
      await expect(page).toHaveURL(new RegExp(`#${id}$`));
      await expect(figure).toHaveAttribute('data-camera', 'still');
    }
    // The new place's marker is drawn, and inside the visible figure.
    const marker = figure.locator('[data-place="editor-test-raqqa"]');
    await expect(marker).toBeVisible();
    const [m, f] = [await marker.boundingBox(), await figure.boundingBox()];
    expect(m && f).toBeTruthy();
    const cx = m!.x + m!.width / 2;
    const cy = m!.y + m!.height / 2;
    expect(cx > f!.x && cx < f!.x + f!.width && cy > f!.y && cy < f!.y + f!.height, `marker at ${cx},${cy} inside ${JSON.stringify(f)}`).toBe(true);
    // The step's sources list the new source.
    await expect(page.locator('#editor-test-raqqa-place .step-sources')).toContainText('Editor test desk');
    expect(problems).toEqual([]);
  });
});

test.describe('editor: a broken input stops a real build', () => {
  test.describe.configure({ timeout: 90_000 });

  const cases: { name: string; breakIt: (dir: string) => void; message: (dir: string) => RegExp }[] = [
    {
      name: 'a misspelt frame id',
      breakIt: (dir) => {
        const f = path.join(dir, 'chapters/the-night.mdx');
        writeFileSync(
          f,
          readFileSync(f, 'utf8').replace('<Step id="strikes-overnight" frame="euphrates-valley"', '<Step id="strikes-overnight" frame="euphrates-vally"'),
        );
      },
      message: (dir) =>
        new RegExp(
          `${shown(dir)}/chapters/the-night\\.mdx:\\d+:\\d+ error step "strikes-overnight" frame: unknown frame id "euphrates-vally" .*Did you mean "euphrates-valley"`,
        ),
    },
    {
      name: 'a place with lat and lon swapped',
      breakIt: (dir) => {
        const f = path.join(dir, 'places.json');
        const places = JSON.parse(readFileSync(f, 'utf8')) as { id: string; lat: number; lon: number }[];
        const beirut = places.find((p) => p.id === 'beirut')!;
        [beirut.lat, beirut.lon] = [beirut.lon, beirut.lat];
        writeFileSync(f, `${JSON.stringify(places, null, 2)}\n`);
      },
      message: (dir) => new RegExp(`${shown(dir)}/places\\.json:\\d+:\\d+ error places\\[\\d+\\]\\.lat: .*not in "Lebanon"; lat and lon look swapped`),
    },
    {
      name: 'an unclosed <Step>',
      breakIt: (dir) => {
        const f = path.join(dir, 'chapters/the-toll.mdx');
        writeFileSync(f, readFileSync(f, 'utf8').replace(/<\/Step>\s*$/, '\n'));
      },
      message: (dir) => new RegExp(`${shown(dir)}/chapters/the-toll\\.mdx:\\d+:\\d+ error MDX syntax: <Step> is not closed`),
    },
  ];

  for (const c of cases) {
    test(`${c.name}: the build exits non-zero with file:line:col and leaves OUT_DIR untouched`, async () => {
      const dir = scratchContent();
      c.breakIt(dir);
      const out = mkdtempSync(path.join(tmpdir(), 'editor-e2e-out-'));
      made.push(out);
      mkdirSync(path.join(out, 'previous'), { recursive: true });
      writeFileSync(path.join(out, 'index.html'), 'the previous build');
      const build = await run('src/scripts/build.ts', [], { CONTENT_DIR: dir, OUT_DIR: out, ASTRO_CACHE_DIR: freshCacheDir() });
      expect(build.code).not.toBe(0);
      expect(build.output).toMatch(c.message(dir));
      expect(build.output).toContain(`${out} was left as it was`);
      expect(readFileSync(path.join(out, 'index.html'), 'utf8')).toBe('the previous build');
      expect(existsSync(path.join(out, 'previous'))).toBe(true);
      expect(existsSync(`${out}.building`)).toBe(false);
    });
  }
});
