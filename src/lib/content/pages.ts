/**
 * A long story is published as several pages ("parts") of whole chapters, so that the first load
 * does not grow with the story: every page carries at most MAX_STEPS_PER_PAGE steps. Page 1 is the
 * site root; page n ≥ 2 is `part-n/` under the base path. A story within the limit is one page,
 * exactly as before. Pure functions, no I/O: the page template (src/components/story/StoryPage.astro), the step
 * component (its source links) and the client's deep-link redirect all use them.
 */

/**
 * The most steps one page carries (the real story has 45, so it stays one page). The real story's
 * HTML costs about 1.4 KiB gzipped per step; 50 steps (about 70 KiB) plus the script, stylesheet
 * and font (about 23 KiB) keep a page's first load under the 100 KiB budget.
 */
export const MAX_STEPS_PER_PAGE = 50;

/** What the split needs of a chapter: its id and its step ids, in reading order. */
export interface PageableChapter {
  id: string;
  steps: readonly string[];
}

/** One page of the story. */
export interface StoryPage {
  /** 1-based page number. */
  number: number;
  /** The page's chapter ids, in order. */
  chapters: string[];
  /** The page's step ids, in order. */
  steps: string[];
}

/**
 * Split ordered chapters into pages of whole chapters, greedily: a chapter joins the current page
 * while the page stays within `max` steps, else it starts the next page. A chapter longer than
 * `max` is never split: it gets a page of its own. An empty story is one empty page.
 */
export function splitIntoPages(chapters: readonly PageableChapter[], max: number = MAX_STEPS_PER_PAGE): StoryPage[] {
  if (!(max >= 1)) throw new Error(`splitIntoPages: the page limit must be at least 1 step (got ${max})`);
  const pages: StoryPage[] = [];
  let current: StoryPage | null = null;
  for (const chapter of chapters) {
    if (!current || (current.steps.length > 0 && current.steps.length + chapter.steps.length > max)) {
      current = { number: pages.length + 1, chapters: [], steps: [] };
      pages.push(current);
    }
    current.chapters.push(chapter.id);
    current.steps.push(...chapter.steps);
  }
  return pages.length > 0 ? pages : [{ number: 1, chapters: [], steps: [] }];
}

/** A page's path under the base: "" for page 1 (the site root), `part-n/` for page n ≥ 2. */
export function pagePath(n: number): string {
  if (!Number.isInteger(n) || n < 1) throw new Error(`pagePath: no page ${n}`);
  return n === 1 ? '' : `part-${n}/`;
}

/** A page's URL path: the base (normalised to end in "/") followed by its path. */
export function pageUrl(base: string, n: number): string {
  return `${base.replace(/\/?$/, '/')}${pagePath(n)}`;
}

/**
 * A link from page `from` to `#fragment` on page `to`: the bare fragment on the same page, else
 * the other page's URL path with the fragment.
 */
export function linkTo(base: string, from: number, to: number, fragment: string): string {
  return from === to ? `#${fragment}` : `${pageUrl(base, to)}#${fragment}`;
}

/**
 * The deep-link map a page carries when the story has several pages: the URL of every page and,
 * for every other page, the ids of the anchors it holds (its steps, its chapters as
 * `chapter-<id>`, and on the last page the back matter). The page's own ids are left out: they
 * are in its document. Kept small: ids only, grouped by page.
 */
export interface PartMap {
  /** URL path of each page, by page number - 1. */
  urls: string[];
  /** The anchor ids of each page, by page number - 1 (empty for the page that carries the map). */
  ids: string[][];
}

/** Ids on the last page that are not steps or chapters. */
export const BACK_MATTER_IDS = ['sources', 'about'] as const;

/** The deep-link map for page `current` (see PartMap). */
export function partMap(base: string, pages: readonly StoryPage[], current: number): PartMap {
  return {
    urls: pages.map((p) => pageUrl(base, p.number)),
    ids: pages.map((p) =>
      p.number === current
        ? []
        : [...p.steps, ...p.chapters.map((c) => `chapter-${c}`), ...(p.number === pages.length ? BACK_MATTER_IDS : [])],
    ),
  };
}

/**
 * The map as the page carries it, in a data attribute: one group per page, groups joined by "|",
 * each the page's URL then its ids, space-separated (ids are kebab-case, so need no quoting; a
 * JSON object would be written with an escaped quote around every id).
 */
export function encodePartMap(map: PartMap): string {
  return map.urls.map((url, i) => [encodeURI(url), ...(map.ids[i] ?? [])].join(' ')).join('|');
}

/** Read an encoded map back. */
export function decodePartMap(text: string): PartMap {
  const groups = text.split('|').map((g) => g.trim().split(/\s+/));
  return { urls: groups.map((g) => decodeURI(g[0] ?? '')), ids: groups.map((g) => g.slice(1)) };
}

/**
 * Where a reader who opened `#id` on a page that has no such anchor should go: the URL of the page
 * that holds it (from the page's encoded map), with the fragment, or null when no page does.
 */
export function partUrlFor(encoded: string, id: string): string | null {
  if (!id || !encoded) return null;
  const { urls, ids } = decodePartMap(encoded);
  const i = ids.findIndex((list) => list.includes(id));
  const url = urls[i];
  return i >= 0 && url ? `${url}#${encodeURIComponent(id)}` : null;
}

/**
 * Step-through mode across parts: the URL of the first step of the next page (`direction` 1) or
 * of the last step of the previous page (-1), read from the page's encoded map (see PartMap; the
 * page that carries the map is the one listed with no ids), or null on the first or last page, or
 * without a map. A page's ids list its steps before its chapters and back matter.
 */
export function stepAcrossPages(encoded: string, direction: 1 | -1): string | null {
  if (!encoded) return null;
  const { urls, ids } = decodePartMap(encoded);
  const own = ids.findIndex((list) => list.length === 0);
  if (own < 0) return null;
  const url = urls[own + direction];
  const other = ids[own + direction] ?? [];
  const firstNonStep = other.findIndex((id) => id.startsWith('chapter-') || (BACK_MATTER_IDS as readonly string[]).includes(id));
  const steps = firstNonStep < 0 ? other : other.slice(0, firstNonStep);
  const id = direction === 1 ? steps[0] : steps.at(-1);
  return url && id ? `${url}#${encodeURIComponent(id)}` : null;
}

/** One group of the contents of a story in parts: the parts it lists, and whether it starts open. */
export interface ContentsGroup {
  /** Page numbers, in order. */
  parts: number[];
  /** The group of this page is open; the parts before it and the parts after it are each one closed group. */
  open: boolean;
  /** The closed group's summary: which parts and chapters it holds ("Parts 2 to 8: chapters 8 to 50, sources and method"). */
  label: string;
}

/** "chapter 8" or "chapters 8 to 14", "Part 2" or "Parts 2 to 8". */
const span = (one: string, many: string, from: number, to: number) => (from === to ? `${one} ${from}` : `${many} ${from} to ${to}`);

/**
 * The contents of a story in parts, grouped for the page `current`: this page's part open, the
 * parts before it and the parts after it each in one closed group. Every chapter of the story
 * stays listed and linked, but the first screen lays out only this part's chapters and two
 * summary lines, however long the story (a closed group's contents are not laid out), so the
 * masthead of a long story paints as soon as a short one's. `chapterNumber` gives a chapter's
 * 1-based number in the whole story. A one-page story is one open group.
 */
export function contentsGroups(pages: readonly StoryPage[], current: number, chapterNumber: (id: string) => number): ContentsGroup[] {
  const last = pages.length;
  const group = (parts: StoryPage[], open: boolean): ContentsGroup => {
    const chapters = parts.flatMap((p) => p.chapters).map(chapterNumber);
    const holds = chapters.length > 0 ? [span('chapter', 'chapters', chapters[0]!, chapters.at(-1)!)] : [];
    if (parts.at(-1)!.number === last) holds.push('sources and method');
    const label = `${span('Part', 'Parts', parts[0]!.number, parts.at(-1)!.number)}${holds.length > 0 ? `: ${holds.join(', ')}` : ''}`;
    return { parts: parts.map((p) => p.number), open, label };
  };
  const before = pages.filter((p) => p.number < current);
  const here = pages.filter((p) => p.number === current);
  const after = pages.filter((p) => p.number > current);
  return [before.length > 0 ? group(before, false) : null, group(here, true), after.length > 0 ? group(after, false) : null].filter(
    (g): g is ContentsGroup => g !== null,
  );
}
