import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { checkContent } from '../../../src/lib/content/load.ts';
import {
  BACK_MATTER_IDS,
  contentsGroups,
  decodePartMap,
  encodePartMap,
  MAX_STEPS_PER_PAGE,
  linkTo,
  pagePath,
  pageUrl,
  partMap,
  partUrlFor,
  stepAcrossPages,
  splitIntoPages,
  type PageableChapter,
} from '../../../src/lib/content/pages.ts';
import { generateChapters, generateEvents, parseChapter, TEN_TIMES } from '../../../src/scripts/bench/story-generator.ts';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));

/** Chapters of `sizes` steps each, named c1…cn with steps c1-s1…. */
const chapters = (...sizes: number[]): PageableChapter[] =>
  sizes.map((n, i) => ({ id: `c${i + 1}`, steps: Array.from({ length: n }, (_, j) => `c${i + 1}-s${j + 1}`) }));

/** The real story's chapters, as the checker reads them. */
function realStory(): PageableChapter[] {
  const checked = checkContent(join(ROOT, 'content'));
  return [...checked.chapters].sort((a, b) => a.meta.order - b.meta.order).map((c) => ({ id: c.slug, steps: c.steps.map((s) => s.props.id) }));
}

/** The benchmark's generated story ten times the real one, in memory. */
function tenTimes(): PageableChapter[] {
  const dir = join(ROOT, 'content');
  const real = readdirSync(join(dir, 'chapters'))
    .filter((n) => n.endsWith('.mdx'))
    .map((n) => parseChapter(n, readFileSync(join(dir, 'chapters', n), 'utf8')))
    .sort((a, b) => a.order - b.order);
  const events = generateEvents(JSON.parse(readFileSync(join(dir, 'events.json'), 'utf8')) as { id: string; title: string }[], TEN_TIMES.events);
  const generated = generateChapters(real, TEN_TIMES, new Set(events.map((e) => e.id)));
  return [...generated]
    .map(([name, text]) => parseChapter(name, text))
    .sort((a, b) => a.order - b.order)
    .map((c) => ({ id: c.name.replace(/\.mdx$/, ''), steps: c.steps.map((s) => s.id) }));
}

describe('splitting a story into pages of whole chapters', () => {
  it('the real story stays one page at the site root', () => {
    const story = realStory();
    const steps = story.flatMap((c) => c.steps);
    expect(steps.length).toBeGreaterThan(10);
    expect(steps.length).toBeLessThanOrEqual(MAX_STEPS_PER_PAGE);
    const pages = splitIntoPages(story);
    expect(pages).toEqual([{ number: 1, chapters: story.map((c) => c.id), steps }]);
    expect(pagePath(pages[0]!.number)).toBe('');
  });

  it('the 10× story becomes several pages, each within the limit, in chapter order, no chapter split', () => {
    const story = tenTimes();
    expect(story.flatMap((c) => c.steps).length).toBe(TEN_TIMES.chapters * TEN_TIMES.stepsPerChapter);
    const pages = splitIntoPages(story);
    expect(pages.length).toBeGreaterThan(2);
    expect(pages.map((p) => p.number)).toEqual(pages.map((_, i) => i + 1));
    for (const p of pages) {
      expect(p.steps.length).toBeGreaterThan(0);
      expect(p.steps.length).toBeLessThanOrEqual(MAX_STEPS_PER_PAGE);
      // A page's steps are exactly its chapters' steps, whole.
      expect(p.steps).toEqual(p.chapters.flatMap((id) => story.find((c) => c.id === id)!.steps));
    }
    expect(pages.flatMap((p) => p.chapters)).toEqual(story.map((c) => c.id));
    // Greedy: no page could have taken the next page's first chapter.
    for (const [i, p] of pages.slice(0, -1).entries()) {
      const next = story.find((c) => c.id === pages[i + 1]!.chapters[0])!;
      expect(p.steps.length + next.steps.length).toBeGreaterThan(MAX_STEPS_PER_PAGE);
    }
  });

  it('fills pages greedily and gives a chapter longer than the limit a page of its own', () => {
    const pages = splitIntoPages(chapters(3, 4, 2, 12, 1, 5), 10);
    expect(pages.map((p) => p.chapters)).toEqual([['c1', 'c2', 'c3'], ['c4'], ['c5', 'c6']]);
    expect(pages.map((p) => p.steps.length)).toEqual([9, 12, 6]);
    expect(splitIntoPages(chapters(12, 3), 10).map((p) => p.chapters)).toEqual([['c1'], ['c2']]);
    expect(splitIntoPages(chapters(5, 5, 5), 10).map((p) => p.chapters)).toEqual([['c1', 'c2'], ['c3']]);
  });

  it('an empty story is one empty page; a limit below one step is refused', () => {
    expect(splitIntoPages([])).toEqual([{ number: 1, chapters: [], steps: [] }]);
    expect(() => splitIntoPages(chapters(1), 0)).toThrow(/at least 1 step/);
  });
});

describe('page URLs and links between pages', () => {
  it('page 1 is the base; page n is part-n/ under it, with or without a sub-path', () => {
    expect(pageUrl('/', 1)).toBe('/');
    expect(pageUrl('/', 3)).toBe('/part-3/');
    expect(pageUrl('/explainer/', 1)).toBe('/explainer/');
    expect(pageUrl('/explainer', 2)).toBe('/explainer/part-2/');
    expect(() => pagePath(0)).toThrow();
  });

  it('a link stays a bare #fragment on its own page and names the other page otherwise', () => {
    expect(linkTo('/explainer/', 2, 2, 'chapter-a')).toBe('#chapter-a');
    expect(linkTo('/explainer/', 2, 1, 'chapter-a')).toBe('/explainer/#chapter-a');
    expect(linkTo('/', 1, 3, 'source-x')).toBe('/part-3/#source-x');
  });
});

describe('the contents of a story in parts', () => {
  // Five parts: chapters c1–c2 on part 1, c3 on part 2, c4–c5 on part 3, c6 on part 4, c7–c8 on part 5.
  const pages = splitIntoPages(chapters(5, 5, 10, 5, 5, 10, 5, 5), 10);
  const number = (id: string) => Number(id.slice(1));

  it('opens this part and closes the parts before it and after it, each side in one group, every part listed once in order', () => {
    expect(pages).toHaveLength(5);
    for (const current of [1, 2, 3, 4, 5]) {
      const groups = contentsGroups(pages, current, number);
      expect(groups.flatMap((g) => g.parts)).toEqual([1, 2, 3, 4, 5]);
      expect(groups.filter((g) => g.open).map((g) => g.parts)).toEqual([[current]]);
      expect(groups.filter((g) => !g.open)).toHaveLength(current === 1 || current === 5 ? 1 : 2);
    }
  });

  it('labels a closed group with its parts and chapters, and the back matter on the last part', () => {
    expect(contentsGroups(pages, 1, number).map((g) => g.label)).toEqual(['Part 1: chapters 1 to 2', 'Parts 2 to 5: chapters 3 to 8, sources and method']);
    expect(contentsGroups(pages, 4, number).filter((g) => !g.open).map((g) => g.label)).toEqual([
      'Parts 1 to 3: chapters 1 to 5',
      'Part 5: chapters 7 to 8, sources and method',
    ]);
    expect(contentsGroups(pages, 3, number)[0]!.label).toBe('Parts 1 to 2: chapters 1 to 3');
    expect(contentsGroups(pages, 1, number)[0]!.parts).toEqual([1]);
    expect(contentsGroups(splitIntoPages(chapters(10, 10), 10), 1, number)[1]!.label).toBe('Part 2: chapter 2, sources and method');
  });

  it('a one-page story is one open group', () => {
    expect(contentsGroups(splitIntoPages(chapters(3, 4)), 1, number)).toEqual([{ parts: [1], open: true, label: 'Part 1: chapters 1 to 2, sources and method' }]);
  });

  it("the generated 10× story's first page lays out its own chapters and one closed group", () => {
    const ten = splitIntoPages(tenTimes());
    const ids = ten.flatMap((p) => p.chapters);
    const groups = contentsGroups(ten, 1, (id) => ids.indexOf(id) + 1);
    expect(groups.map((g) => g.open)).toEqual([true, false]);
    expect(groups[1]!.label).toBe(`Parts 2 to ${ten.length}: chapters ${ten[0]!.chapters.length + 1} to ${ids.length}, sources and method`);
  });
});

describe('the deep-link map', () => {
  const pages = splitIntoPages(chapters(5, 5, 5, 5, 5), 10);

  it('lists the anchors of every other page, with the back matter on the last page', () => {
    const map = partMap('/explainer/', pages, 1);
    expect(map.urls).toEqual(['/explainer/', '/explainer/part-2/', '/explainer/part-3/']);
    expect(map.ids[0]).toEqual([]);
    expect(map.ids[1]).toEqual([...pages[1]!.steps, 'chapter-c3', 'chapter-c4']);
    expect(map.ids[2]).toEqual([...pages[2]!.steps, 'chapter-c5', ...BACK_MATTER_IDS]);
  });

  it('sends an anchor held by another page to that page, and nothing else anywhere', () => {
    const map = encodePartMap(partMap('/', pages, 2));
    expect(decodePartMap(map)).toEqual(partMap('/', pages, 2));
    expect(partUrlFor(map, 'c5-s3')).toBe('/part-3/#c5-s3');
    expect(partUrlFor(map, 'chapter-c1')).toBe('/#chapter-c1');
    expect(partUrlFor(map, 'sources')).toBe('/part-3/#sources');
    // On its own page (the map leaves its ids out), unknown, empty or a malformed map: stay.
    expect(partUrlFor(map, 'c3-s1')).toBeNull();
    expect(partUrlFor(map, 'nowhere')).toBeNull();
    expect(partUrlFor(map, '')).toBeNull();
    expect(partUrlFor('', 'c5-s3')).toBeNull();
    expect(partUrlFor('/|/part-2/ |', '/part-2/')).toBeNull();
  });

  it('leads step-through mode to the next part\'s first step and the previous part\'s last', () => {
    const middle = encodePartMap(partMap('/', pages, 2));
    expect(stepAcrossPages(middle, 1)).toBe(`/part-3/#${pages[2]!.steps[0]}`);
    expect(stepAcrossPages(middle, -1)).toBe(`/#${pages[0]!.steps.at(-1)}`);
    // Not past the first or the last page, and not without a map.
    expect(stepAcrossPages(encodePartMap(partMap('/', pages, 1)), -1)).toBeNull();
    expect(stepAcrossPages(encodePartMap(partMap('/', pages, 3)), 1)).toBeNull();
    expect(stepAcrossPages(encodePartMap(partMap('/', pages, 3)), -1)).toBe(`/part-2/#${pages[1]!.steps.at(-1)}`);
    expect(stepAcrossPages('', 1)).toBeNull();
  });
});
