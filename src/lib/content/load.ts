/** Reads the content directory from disk and checks it, returning the catalog and chapters or every problem with file:line:column. */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { dataFiles, type Catalog } from './schemas.ts';
import { countryLocator } from './countries.ts';
import { checkTexts, type CheckResult, type ContentTexts, type DataName } from './checker.ts';
import { formatDiagnostic, type Diagnostic } from './diagnostics.ts';
import { checkLabels } from './check-labels.ts';
import { resolveContentDir } from './content-dir.ts';
import type { ChapterDoc } from './chapters.ts';

export type { Diagnostic } from './diagnostics.ts';
export type { ChapterDoc, StepDoc } from './chapters.ts';
export type { CheckResult } from './checker.ts';
export { formatDiagnostic };

export { resolveContentDir } from './content-dir.ts';

/** A path as diagnostics show it: relative to the working directory, or absolute when that is shorter (a directory outside the project). */
function displayPath(abs: string): string {
  const rel = path.relative(process.cwd(), abs);
  return rel && rel.length <= abs.length ? rel.split(path.sep).join('/') : abs;
}

function readText(abs: string): string | null {
  try {
    return readFileSync(abs, 'utf8');
  } catch {
    return null;
  }
}

function chapterFileNames(chaptersDir: string, mdx = true): string[] | null {
  try {
    return readdirSync(chaptersDir, { withFileTypes: true })
      .filter((d) => d.isFile() && d.name.endsWith('.mdx') === mdx)
      .map((d) => d.name);
  } catch {
    return null;
  }
}

/** Reads every data file and chapter of `dir` (missing files become nulls for the checker to report). */
function readContent(dir: string): ContentTexts {
  const data = {} as ContentTexts['data'];
  for (const name of Object.keys(dataFiles) as DataName[]) {
    const abs = path.join(dir, dataFiles[name].file);
    data[name] = { file: displayPath(abs), text: readText(abs) };
  }
  const chaptersAbs = path.join(dir, 'chapters');
  const names = chapterFileNames(chaptersAbs);
  return {
    data,
    chaptersDir: displayPath(chaptersAbs),
    chapters:
      names?.map((name) => {
        const abs = path.join(chaptersAbs, name);
        return { file: displayPath(abs), name, text: readText(abs) ?? '' };
      }) ?? null,
    otherChapterFiles: (chapterFileNames(chaptersAbs, false) ?? []).map((name) => displayPath(path.join(chaptersAbs, name))),
  };
}

/**
 * Checks the content directory `dir`: every data file and chapter, with each problem located at
 * file:line:column. Pure apart from reading files; never throws for bad content.
 */
export function checkContent(dir: string): CheckResult {
  const abs = path.resolve(dir);
  if (!existsSync(abs) || !statSync(abs).isDirectory()) {
    return {
      catalog: null,
      chapters: [],
      diagnostics: [
        {
          severity: 'error',
          file: displayPath(abs),
          line: 1,
          column: 1,
          field: 'content directory',
          message: 'the content directory does not exist',
          expected: 'a directory with the data files and chapters/',
          suggestion: 'run from the project root, or set CONTENT_DIR to the content directory',
        },
      ],
    };
  }
  return withLabelCheck(checkTexts(readContent(abs), { countries: countryLocator() }));
}

/** Content with no other error also gets the label check (check-labels.ts), which needs every id to resolve. */
function withLabelCheck(result: CheckResult): CheckResult {
  if (!result.catalog || result.diagnostics.some((d) => d.severity === 'error')) return result;
  const diagnostics = [...result.diagnostics, ...checkLabels(result.catalog, result.chapters)];
  diagnostics.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : a.line - b.line || a.column - b.column));
  return { ...result, diagnostics };
}

/** Modification times and sizes of the content files, to notice edits (e.g. under `astro dev`). */
function fingerprint(dir: string): string {
  const parts: string[] = [];
  const add = (p: string): void => {
    try {
      const s = statSync(p);
      parts.push(`${p}:${s.mtimeMs}:${s.size}`);
    } catch {
      parts.push(`${p}:-`);
    }
  };
  for (const { file } of Object.values(dataFiles)) add(path.join(dir, file));
  const chapters = path.join(dir, 'chapters');
  add(chapters);
  for (const name of chapterFileNames(chapters) ?? []) add(path.join(chapters, name));
  return parts.join('|');
}

/**
 * The error `loadStory` throws for content with errors: its message is the command line's output
 * (one `file:line:column` line per error), and `loc` points at the first error, so Astro's dev
 * overlay shows that file, line and column with a code frame instead of a place in this module.
 */
export class ContentError extends Error {
  /** Every error, in the checker's order. */
  readonly diagnostics: Diagnostic[];
  /**
   * The first error's file (relative to the working directory: Astro's overlay resolves it against
   * the project root, and would misplace an absolute path outside it), line and column.
   */
  readonly loc: { file: string; line: number; column: number } | undefined;
  /** Heading of Astro's error overlay. */
  readonly title: string;
  /** Shown under the message in Astro's error overlay. */
  readonly hint: string;

  constructor(errors: Diagnostic[]) {
    const n = errors.length;
    super(`content has ${n} error${n === 1 ? '' : 's'}:\n${errors.map(formatDiagnostic).join('\n')}`);
    this.name = 'ContentError';
    this.title = `The content has ${n} error${n === 1 ? '' : 's'}`;
    this.diagnostics = errors;
    const first = errors[0];
    this.loc = first ? { file: path.relative(process.cwd(), path.resolve(first.file)), line: first.line, column: first.column } : undefined;
    this.hint = 'Each line is file:line:column, the field, what is wrong, what was expected and the fix (see content/README.md, "Errors and warnings"). Save the fix and the page reloads; npm run check:content prints the same list.';
  }
}

const memo = new Map<string, { key: string; story: { catalog: Catalog; chapters: ChapterDoc[] } }>();

/**
 * The checked story: the catalog and the chapters sorted by `order`. Throws a {@link ContentError}
 * listing every error diagnostic (one formatted line each) when the content has errors. Memoised per directory
 * (re-checked when a content file changes).
 */
export function loadStory(dir: string = resolveContentDir()): { catalog: Catalog; chapters: ChapterDoc[] } {
  const abs = path.resolve(dir);
  const key = fingerprint(abs);
  const cached = memo.get(abs);
  if (cached && cached.key === key) return cached.story;
  const result = checkContent(abs);
  const errors = result.diagnostics.filter((d) => d.severity === 'error');
  if (errors.length || !result.catalog) throw new ContentError(errors);
  const story = { catalog: result.catalog, chapters: result.chapters };
  memo.set(abs, { key, story });
  return story;
}
