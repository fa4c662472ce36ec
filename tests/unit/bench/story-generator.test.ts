import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { checkContent } from '../../../src/lib/content/load.ts';
import { copyId, copyStep, generateChapters, generateEvents, parseChapter } from '../../../src/scripts/bench/story-generator.ts';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'bench-story-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const chapter = `---
title: "The night"
order: 2
summary: What happened.
---

<Step id="one" frame="f" events={["e1", "e2"]} alt="A.">

Text one.

</Step>

<Step id="two" frame="f" alt="B.">

Text two.

</Step>
`;

describe('story generator', () => {
  it('parseChapter reads the frontmatter and every step with its id', () => {
    const c = parseChapter('night.mdx', chapter);
    expect(c.title).toBe('The night');
    expect(c.order).toBe(2);
    expect(c.summary).toBe('What happened.');
    expect(c.steps.map((s) => s.id)).toEqual(['one', 'two']);
  });

  it('generateEvents keeps the real events and adds numbered copies up to the total', () => {
    const events = generateEvents(
      [
        { id: 'a', title: 'A' },
        { id: 'b', title: 'B' },
      ],
      5,
    );
    expect(events.map((e) => e.id)).toEqual(['a', 'b', 'a-copy-1', 'b-copy-1', 'a-copy-2']);
    expect(events[2]!.title).toBe('A (copy 1)');
  });

  it('copyStep renames the step and the events that have copies; copy 0 is the real step', () => {
    const [step] = parseChapter('night.mdx', chapter).steps;
    expect(copyStep(step!, 0, new Set())).toBe(step!.text);
    const copied = copyStep(step!, 2, new Set([copyId('e1', 2)]));
    expect(copied).toContain('id="one-copy-2"');
    expect(copied).toContain('events={["e1-copy-2", "e2"]}');
  });

  it('generateChapters cycles through the real steps, each real id appearing once', () => {
    const files = generateChapters([parseChapter('night.mdx', chapter)], { chapters: 3, stepsPerChapter: 3, events: 0 }, new Set());
    expect([...files.keys()]).toEqual(['chapter-1.mdx', 'chapter-2.mdx', 'chapter-3.mdx']);
    const ids = [...files.values()].flatMap((t) => [...t.matchAll(/<Step id="([^"]+)"/g)].map((m) => m[1]));
    expect(ids).toEqual(['one', 'two', 'one-copy-1', 'two-copy-1', 'one-copy-2', 'two-copy-2', 'one-copy-3', 'two-copy-3', 'one-copy-4']);
    expect(files.get('chapter-2.mdx')).toMatch(/^---\ntitle: "The night \(part 2\)"\norder: 2\n/);
  });

  it('generate-story writes a 10× story from content/ that the content checker accepts', () => {
    const out = join(dir, 'story');
    const r = spawnSync(process.execPath, ['src/scripts/generate-story.ts', out], { cwd: ROOT, encoding: 'utf8' });
    expect(r.status, r.stderr).toBe(0);
    expect(readdirSync(join(out, 'chapters'))).toHaveLength(50);
    expect(JSON.parse(readFileSync(join(out, 'events.json'), 'utf8'))).toHaveLength(100);
    const result = checkContent(out);
    const errors = result.diagnostics.filter((d) => d.severity === 'error');
    expect(errors, errors.map((d) => `${d.file}:${d.line} ${d.message}`).join('\n')).toEqual([]);
    expect(result.chapters.reduce((n, c) => n + c.steps.length, 0)).toBeGreaterThanOrEqual(300);
  });
});
