/**
 * Checks the story's content, given as file texts, and returns the parsed catalog, chapters and
 * every diagnostic with its position. Each rule family lives in its own module under rules/ and
 * takes the loaded tables; this entry point only runs them in turn.
 */
import type { Catalog } from './schemas.ts';
import type { CountryLocator } from './countries.ts';
import type { ChapterDoc, ParsedChapter, RawStep, StepDoc } from './chapters.ts';
import { compareDiagnostics, type Diagnostic } from './diagnostics.ts';
import { checkDates } from './rules/dates.ts';
import { checkFrames } from './rules/frames.ts';
import { checkGeography } from './rules/geography.ts';
import { checkReferences } from './rules/references.ts';
import { checkRoutes } from './rules/routes.ts';
import { checkSteps, type CheckedChapters } from './rules/steps.ts';
import { allJsonRead, loadTables, Report, storyOf, validOf, type DataTexts, type Tables } from './rules/tables.ts';
import { checkWarnings } from './rules/warnings.ts';

export type { DataName } from './rules/tables.ts';
export { comparePartialDates, dateInId } from './rules/dates.ts';
export { COUNTRY_TOLERANCE_KM } from './rules/geography.ts';
export { PAGE_ANCHORS, PAGE_ANCHOR_PREFIXES, pageAnchorClash } from './rules/steps.ts';

/** The content to check, as texts: what `load.ts` reads from disk, or what a test writes inline. */
export interface ContentTexts {
  /** Every data file: its path relative to the working directory and its text (null when the file is missing). */
  data: DataTexts;
  /** The chapters directory, relative to the working directory (for "no chapters" errors). */
  chaptersDir: string;
  /** Chapter files (`name` is the file name, e.g. `the-corridor.mdx`), or null when the directory is missing. */
  chapters: { file: string; name: string; text: string }[] | null;
  /** Other files in the chapters directory (paths relative to the working directory); Markdown among them is ignored by the build. */
  otherChapterFiles?: string[];
}

/** Optional knowledge the pure checker can be given (load.ts gives it the countries of Natural Earth). */
export interface CheckOptions {
  /** When given, a place must lie in (or within `COUNTRY_TOLERANCE_KM` (rules/geography.ts) of) the countries its `country` names. */
  countries?: CountryLocator;
}

/** What the checker found: the catalog (null when a data file is unreadable), valid chapters and all diagnostics. */
export interface CheckResult {
  /**
   * Every data file parsed: lists hold the entries that passed their schema. Null when a data file
   * is missing, is not valid JSON, has the wrong top-level shape, or story.json is invalid.
   */
  catalog: Catalog | null;
  /** Chapters with valid frontmatter, sorted by `order` then slug; each holds its valid steps. */
  chapters: ChapterDoc[];
  /** Errors and warnings, sorted by file, line and column. */
  diagnostics: Diagnostic[];
}

/**
 * Checks all content given as texts: JSON syntax and schemas (with exact positions), unique ids,
 * cross-references with closest-id suggestions, geography, dates, frames, chapter frontmatter and
 * MDX, `<Step>` props, and the warnings (uncited sources, unused places, long steps). Never throws
 * for bad content.
 */
export function checkTexts(input: ContentTexts, options: CheckOptions = {}): CheckResult {
  const report = new Report();
  const tables = loadTables(input.data, report);
  checkReferences(tables, report);
  checkRoutes(tables, report);
  checkDates(tables, report);
  const misplaced = checkGeography(tables, report, options.countries);
  checkFrames(tables, report, misplaced);
  const chapters = checkSteps(input, tables, report);
  checkWarnings(tables, { list: chapters.steps, complete: chapters.complete }, report);
  report.diagnostics.sort(compareDiagnostics);
  return { catalog: catalogOf(tables), chapters: chapterDocs(chapters), diagnostics: report.diagnostics };
}

/** The catalog, when every data file was read and story.json is valid; lists hold the entries that passed their schema. */
function catalogOf(t: Tables): Catalog | null {
  const story = storyOf(t);
  if (!allJsonRead(t) || !t.complete || !story) return null;
  return { places: validOf(t.places), routes: validOf(t.routes), events: validOf(t.events), sources: validOf(t.sources), frames: validOf(t.frames), story, claims: validOf(t.claims) };
}

/** Chapters with valid frontmatter, sorted by order then slug, each with its valid steps. */
function chapterDocs(checked: CheckedChapters): ChapterDoc[] {
  return checked.parsed
    .filter((c): c is ParsedChapter & { meta: NonNullable<ParsedChapter['meta']> } => c.meta !== null)
    .map((c) => ({
      slug: c.slug,
      file: c.file,
      meta: c.meta,
      steps: c.steps
        .filter((s): s is RawStep & { props: NonNullable<RawStep['props']> } => s.props !== null)
        .map((s): StepDoc => ({ props: s.props, file: s.file, line: s.line, column: s.column, text: s.text, chapter: c.slug })),
    }))
    .sort((a, b) => a.meta.order - b.meta.order || (a.slug < b.slug ? -1 : 1));
}
