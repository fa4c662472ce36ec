/**
 * Rule family "steps": the chapters parse, their file names and orders are unique, step ids are
 * unique and clear of the page's own anchors, every id a step cites exists (a charted event has
 * figures), and the steps that claims name exist.
 */
import { parseChapter, type ParsedChapter, type RawStep } from '../chapters.ts';
import { didYouMean, quoteList, type Position } from '../diagnostics.ts';
import { byId, type Report, type Table, type Tables } from './tables.ts';

/** The chapters as the checker read them. */
export interface CheckedChapters {
  /** Every chapter file, parsed (meta null when its frontmatter is invalid). */
  parsed: ParsedChapter[];
  /** Every step of every chapter, in file order. */
  steps: RawStep[];
  /** The first step with each id. */
  stepById: Map<string, RawStep>;
  /** False when the chapters directory is missing or a chapter could not be parsed (steps may be missing). */
  complete: boolean;
}

/** The chapters to check: files in the chapters directory (null when it is missing), and its other files. */
export interface ChapterTexts {
  chaptersDir: string;
  chapters: { file: string; name: string; text: string }[] | null;
  otherChapterFiles?: string[];
}

/**
 * Ids the story page gives its own elements (components/story/StoryPage.astro, components/chrome): a step with
 * one of them would make two elements share an id and break that #anchor. Keep in sync with the page.
 */
export const PAGE_ANCHORS = ['story', 'contents', 'sources', 'sources-title', 'about', 'about-title', 'basemap'] as const;
/** Prefixes of the page's generated ids: `chapter-<slug>`, `source-<id>`. */
export const PAGE_ANCHOR_PREFIXES = ['chapter-', 'source-'] as const;

/** Why a step id clashes with the page's own anchors, or null. */
export function pageAnchorClash(id: string): string | null {
  if ((PAGE_ANCHORS as readonly string[]).includes(id)) return `the page's #${id}`;
  const prefix = PAGE_ANCHOR_PREFIXES.find((p) => id.startsWith(p));
  return prefix ? `ids beginning "${prefix}" are the page's ${prefix === 'chapter-' ? 'chapter' : 'source'} anchors` : null;
}

export function checkSteps(input: ChapterTexts, t: Tables, report: Report): CheckedChapters {
  const { parsed, complete } = parseChapters(input, report);
  checkOrders(parsed, report);
  const steps = parsed.flatMap((c) => c.steps);
  const stepById = checkStepIds(steps, report);
  checkStepRefs(steps, t, report);
  if (complete) checkClaimSteps(t, stepById, report);
  return { parsed, steps, stepById, complete };
}

/** Parses every chapter file; checks that there are chapters and that their file names make unique slugs. */
function parseChapters(input: ChapterTexts, report: Report): { parsed: ParsedChapter[]; complete: boolean } {
  let complete = input.chapters !== null;
  if (input.chapters === null || input.chapters.length === 0) {
    const message = input.chapters === null ? 'the chapters directory is missing' : 'there are no chapters';
    report.error(input.chaptersDir, { line: 1, column: 1 }, 'chapters', message, 'one or more .mdx files', `add chapters as ${input.chaptersDir}/<slug>.mdx`);
  }
  for (const other of input.otherChapterFiles ?? []) {
    if (!/\.(md|markdown|mdown)$/i.test(other) || /(^|\/)readme\.[^/]+$/i.test(other)) continue;
    report.warn(other, { line: 1, column: 1 }, 'chapter file', 'is not a chapter: only .mdx files are read', `rename it to ${other.replace(/\.[^.]+$/, '.mdx')}`);
  }
  const files = [...(input.chapters ?? [])].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  const parsed: ParsedChapter[] = [];
  const slugOwners = new Map<string, string>();
  for (const f of files) {
    const slug = f.name.replace(/\.mdx$/, '');
    const before = report.diagnostics.length;
    parsed.push(parseChapter(f.file, slug, f.text, report.diagnostics));
    if (report.diagnostics.slice(before).some((d) => d.field === 'MDX syntax' || (d.field === 'frontmatter' && /not closed/.test(d.message)))) complete = false;
    const other = slugOwners.get(slug.toLowerCase());
    if (other) {
      const message = `the slug "${slug}" clashes with ${other}: file names that differ only in case name the same chapter`;
      report.error(f.file, { line: 1, column: 1 }, 'slug', message, 'a unique lower-case file name per chapter', 'rename one of the two files');
      continue;
    }
    slugOwners.set(slug.toLowerCase(), f.file);
    if (!/^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(slug)) {
      const kebab = slug.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');
      report.warn(f.file, { line: 1, column: 1 }, 'slug', `the file name "${f.name}" is not a kebab-case id (the chapter's slug)`, `rename it to ${kebab}.mdx`);
    }
  }
  return { parsed, complete };
}

function checkOrders(parsed: ParsedChapter[], report: Report): void {
  const owners = new Map<number, ParsedChapter>();
  for (const c of parsed) {
    if (!c.meta) continue;
    const first = owners.get(c.meta.order);
    if (!first) {
      owners.set(c.meta.order, c);
      continue;
    }
    const free = Math.max(...parsed.map((x) => x.meta?.order ?? 0)) + 1;
    const was = first.valuePositions.get('order') ?? { line: 1, column: 1 };
    report.error(
      c.file,
      c.valuePositions.get('order') ?? { line: 1, column: 1 },
      'frontmatter.order',
      `order ${c.meta.order} is also used by ${first.file}:${was.line}:${was.column}`,
      'an order unique across chapters',
      `give one of the two chapters another order, e.g. ${free}`,
    );
  }
}

function checkStepIds(steps: RawStep[], report: Report): Map<string, RawStep> {
  const stepById = new Map<string, RawStep>();
  for (const s of steps) {
    if (s.id === undefined) continue;
    const pos: Position = s.positions.get('id') ?? s;
    const first = stepById.get(s.id);
    if (first) {
      const at = first.file === s.file ? `line ${first.line}` : `${first.file}:${first.line}:${first.column}`;
      const message = `duplicate step id "${s.id}", also used by the step at ${at}`;
      report.error(s.file, pos, `${s.label} id`, message, 'step ids unique across the story (they are the #anchors)', `rename one of them, e.g. "${s.id}-2"`);
    } else stepById.set(s.id, s);
    const clash = pageAnchorClash(s.id);
    if (clash) {
      const rename = `rename it, e.g. "${s.id.replace(/^(chapter|source)-/, '')}-step"`;
      report.error(s.file, pos, `${s.label} id`, `"${s.id}" is already an anchor of the page (${clash})`, 'a step id the page does not use itself', rename);
    }
  }
  return stepById;
}

/** Every id a step's props cite exists; a charted event has figures. */
function checkStepRefs(steps: RawStep[], t: Tables, report: Report): void {
  const events = byId(t.events);
  const targets: [string, Table<unknown>][] = [
    ['frame', t.frames],
    ['routes', t.routes],
    ['events', t.events],
    ['places', t.places],
    ['sources', t.sources],
    ['chart', t.events],
  ];
  for (const s of steps) {
    for (const [key, target] of targets) {
      const v = s.values[key];
      const single = typeof v === 'string';
      const ids = single ? [v] : Array.isArray(v) ? v : [];
      ids.forEach((id, j) => {
        const pos = (single ? s.positions.get(key) : s.positions.get(`${key}[${j}]`)) ?? s.positions.get(key) ?? s;
        const field = `${s.label} ${single ? key : `${key}[${j}]`}`;
        if (!report.ref(target, id, s.file, pos, field) || key !== 'chart' || typeof id !== 'string') return;
        const ev = events.get(id);
        if (!ev || ev.figures.length > 0) return;
        const withFigures = [...events.values()].filter((x) => x.figures.length > 0).map((x) => x.id);
        const fix = withFigures.length ? `chart one of ${quoteList(withFigures.slice(0, 5))}, or add figures to "${id}"` : `add figures to "${id}" in ${t.events.file}, or remove chart`;
        report.error(s.file, pos, field, `event "${id}" has no figures to chart`, 'an event with figures in events.json', didYouMean(id, withFigures, fix));
      });
    }
  }
}

/** The steps claims name exist (only when every chapter was read: otherwise a step may just be unread). */
function checkClaimSteps(t: Tables, stepById: Map<string, RawStep>, report: Report): void {
  for (const e of t.claims.entries) {
    const steps = (e.raw as { steps?: unknown })?.steps;
    if (!Array.isArray(steps) || !t.claims.json) continue;
    steps.forEach((id, j) => {
      if (typeof id !== 'string' || stepById.has(id)) return;
      const fix = didYouMean(id, stepById.keys(), 'use the id of the step that carries the claim');
      report.at(t.claims, [e.index, 'steps', j], `unknown step id "${id}"`, 'the id of a <Step> in content/chapters', fix);
    });
  }
}
