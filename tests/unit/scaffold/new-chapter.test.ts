import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { checkContent, formatDiagnostic } from '../../../src/lib/content/load.ts';
import { createProjection } from '../../../src/lib/geo/projection.ts';
import { buildAtlas } from '../../../src/lib/scene/atlas.ts';
import { resolveScene } from '../../../src/lib/scene/resolve-scene.ts';
import { parseArgs, scaffoldChapter, ScaffoldError, writeChapter } from '../../../src/scripts/new-chapter.ts';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const VALID = path.join(ROOT, 'tests/fixtures/content/valid');
const made: string[] = [];

/** A scratch copy of the valid fixture story (orders 1 and 2; steps route, border, strikes). */
function scratch(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'scaffold-'));
  made.push(dir);
  cpSync(VALID, dir, { recursive: true });
  return dir;
}

afterAll(() => {
  for (const dir of made) rmSync(dir, { recursive: true, force: true });
});

describe('new:chapter (scaffoldChapter / writeChapter)', () => {
  it('writeChapter creates <kebab-title>.mdx with the next order and one step that checks clean and resolves to a scene', () => {
    const dir = scratch();
    const plan = writeChapter(dir, 'The Corridor: Part Two');
    expect(plan).toMatchObject({
      slug: 'the-corridor-part-two',
      order: 3,
      stepId: 'the-corridor-part-two',
      frame: 'euphrates-valley',
      source: 'reuters-2021-01-13',
    });
    expect(plan.file).toBe(path.join(dir, 'chapters', 'the-corridor-part-two.mdx'));
    expect(readFileSync(plan.file, 'utf8')).toBe(plan.text);

    const result = checkContent(dir);
    expect(result.diagnostics.map(formatDiagnostic)).toEqual([]);
    const chapter = result.chapters.find((c) => c.slug === plan.slug);
    expect(chapter?.meta).toMatchObject({ title: 'The Corridor: Part Two', order: 3 });
    expect(chapter?.steps.map((s) => s.props)).toEqual([
      expect.objectContaining({ id: plan.stepId, frame: 'euphrates-valley', sources: ['reuters-2021-01-13'], alt: expect.stringMatching(/\S/) }),
    ]);
    // The same scene resolution the build runs for every step.
    const catalog = result.catalog!;
    const projection = createProjection();
    const atlas = buildAtlas(catalog, projection);
    const scene = resolveScene(chapter!.steps[0]!.props, catalog, atlas, projection);
    expect(scene).toMatchObject({ step: plan.stepId, routes: [], events: [] });
    expect(scene.camera.w).toBeGreaterThan(0);
  });

  it('writeChapter refuses to overwrite an existing chapter and leaves it as it was', () => {
    const dir = scratch();
    const file = path.join(dir, 'chapters', 'the-route.mdx');
    const before = readFileSync(file, 'utf8');
    expect(() => writeChapter(dir, 'The route')).toThrow(/the-route\.mdx already exists: it was left as it was/);
    expect(readFileSync(file, 'utf8')).toBe(before);
  });

  it('scaffoldChapter picks a step id no chapter uses, and never one of the page anchors', () => {
    const dir = scratch();
    expect(scaffoldChapter(dir, 'Route').stepId).toBe('route-2');
    expect(scaffoldChapter(dir, 'Sources').stepId).toBe('sources-step');
    writeFileSync(
      path.join(dir, 'chapters', 'x.mdx'),
      '---\ntitle: X\norder: 7\nsummary: S\n---\n\n<Step id="route-2" frame="whole-route" alt="A.">\n\nT.\n\n</Step>\n',
    );
    expect(scaffoldChapter(dir, 'Route')).toMatchObject({ stepId: 'route-3', order: 8 });
  });

  it('scaffoldChapter explains what to do for a missing title, an unusable title, a bad slug, a taken order and broken data', () => {
    const dir = scratch();
    expect(() => scaffoldChapter(dir, '   ')).toThrow(ScaffoldError);
    expect(() => scaffoldChapter(dir, '   ')).toThrow(/give the chapter a title/);
    expect(() => scaffoldChapter(dir, 'دمشق')).toThrow(/--slug=name/);
    expect(scaffoldChapter(dir, 'دمشق', { slug: 'damascus' }).slug).toBe('damascus');
    expect(() => scaffoldChapter(dir, 'X', { slug: 'Bad Slug' })).toThrow(/not a kebab-case name/);
    expect(() => scaffoldChapter(dir, 'X', { order: 2 })).toThrow(/order 2 is used by .*the-strikes\.mdx/);
    writeFileSync(path.join(dir, 'frames.json'), '[\n  { "id": "x", }\n]\n');
    expect(() => scaffoldChapter(dir, 'X')).toThrow(/the data files have errors; fix them first:\n.*frames\.json:2:\d+ error JSON syntax: trailing comma/);
  });

  it('parseArgs joins the words of the title and reads --slug and --order', () => {
    expect(parseArgs(['The', 'corridor', '--order=4', '--slug=corridor'])).toEqual({ title: 'The corridor', options: { order: 4, slug: 'corridor' } });
    expect(() => parseArgs(['T', '--force'])).toThrow(/unknown option --force/);
  });

  it('the new:chapter script writes into CONTENT_DIR, prints what it did, and exits 1 rather than overwrite', () => {
    const dir = scratch();
    const run = () =>
      spawnSync(process.execPath, ['src/scripts/new-chapter.ts', 'Since', 'then'], { cwd: ROOT, env: { ...process.env, CONTENT_DIR: dir }, encoding: 'utf8' });
    const first = run();
    expect(first.status).toBe(0);
    expect(first.stdout).toMatch(
      /new chapter: .*chapters\/since-then\.mdx \(order 3, step "since-then" on frame "euphrates-valley", citing "reuters-2021-01-13"\)/,
    );
    expect(existsSync(path.join(dir, 'chapters', 'since-then.mdx'))).toBe(true);
    const second = run();
    expect(second.status).toBe(1);
    expect(second.stderr).toMatch(/new:chapter: .*since-then\.mdx already exists/);
    expect(JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')).scripts['new:chapter']).toBe('node src/scripts/new-chapter.ts');
  });
});
