/**
 * `npm run new:chapter -- "Title"`: writes `chapters/<kebab-title>.mdx` in the content directory
 * (CONTENT_DIR or content/) with the next free order and one example step that builds as is: a
 * unique step id, the first frame of frames.json, the first source of sources.json and an alt.
 * Refuses to overwrite a file. Options: `--slug=name` (file name), `--order=N`.
 */
import { existsSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { checkContent, formatDiagnostic, resolveContentDir } from '../lib/content/load.ts';
import { pageAnchorClash } from '../lib/content/checker.ts';
import { toKebabId } from '../lib/content/diagnostics.ts';

/** What {@link scaffoldChapter} decided and the text it would write. */
export interface Scaffold {
  /** Absolute path of the new chapter file. */
  file: string;
  slug: string;
  order: number;
  stepId: string;
  frame: string;
  source: string;
  text: string;
}

/** Options of {@link scaffoldChapter}. */
export interface ScaffoldOptions {
  /** File name without `.mdx` (default: the title in kebab case). */
  slug?: string;
  /** Position in the story (default: one more than the highest order in use). */
  order?: number;
}

/** Thrown for anything the editor must fix before a chapter can be created; the message says how. */
export class ScaffoldError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ScaffoldError';
  }
}

/** Frontmatter values go in double quotes, so a title with ": " or "#" stays one YAML string. */
function yamlString(text: string): string {
  return JSON.stringify(text);
}

/**
 * Plans a new chapter titled `title` in the content directory `dir` (pure apart from reading the
 * content): the slug, the next free order, a step id used nowhere else, the first frame and source.
 */
export function scaffoldChapter(dir: string, title: string, options: ScaffoldOptions = {}): Scaffold {
  const clean = title.replace(/\s+/g, ' ').trim();
  if (!clean) throw new ScaffoldError('give the chapter a title: npm run new:chapter -- "The corridor"');
  const slug = options.slug ?? toKebabId(clean);
  if (!/^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(slug)) {
    throw new ScaffoldError(
      options.slug === undefined
        ? `cannot make a file name from "${clean}": add one with --slug=name (lower-case letters, digits and hyphens)`
        : `--slug=${slug} is not a kebab-case name: use lower-case letters, digits and single hyphens, e.g. --slug=the-corridor`,
    );
  }
  const file = path.join(path.resolve(dir), 'chapters', `${slug}.mdx`);
  if (existsSync(file)) throw new ScaffoldError(`${displayPath(file)} already exists: it was left as it was. Choose another title or --slug=name.`);

  const result = checkContent(dir);
  if (!result.catalog) {
    const errors = result.diagnostics.filter((d) => d.severity === 'error').map(formatDiagnostic);
    throw new ScaffoldError(`the data files have errors; fix them first:\n${errors.join('\n')}`);
  }
  const { frames, sources } = result.catalog;
  const frame = frames[0]?.id;
  const source = sources[0]?.id;
  if (!frame) throw new ScaffoldError('frames.json has no frame: add one first (see content/README.md, "Add a frame")');
  if (!source) throw new ScaffoldError('sources.json has no source: add one first (see content/README.md, "Add a source")');

  const orders = result.chapters.map((c) => c.meta.order);
  const order = options.order ?? (orders.length ? Math.max(...orders) + 1 : 1);
  if (!Number.isInteger(order) || order < 0) throw new ScaffoldError(`--order must be a whole number ≥ 0, not ${order}`);
  const taken = result.chapters.find((c) => c.meta.order === order);
  if (taken) throw new ScaffoldError(`order ${order} is used by ${taken.file}; choose another with --order=N`);

  // Step ids are unique across the story, including steps of chapters that have errors right now.
  const used = new Set(result.chapters.flatMap((c) => c.steps.map((s) => s.props.id)));
  for (const d of result.diagnostics) {
    const m = /^step "([^"]+)"/.exec(d.field);
    if (m?.[1]) used.add(m[1]);
  }
  const base = pageAnchorClash(slug) ? `${slug}-step` : slug;
  let stepId = base;
  for (let n = 2; used.has(stepId); n++) stepId = `${base}-${n}`;

  const text = [
    '---',
    `title: ${yamlString(clean)}`,
    `order: ${order}`,
    'summary: "One or two sentences for the table of contents: what this chapter tells, in the past tense."',
    '---',
    '',
    '{/* Each <Step> is one text card and one state of the map. Name a frame from frames.json and, as',
    '    needed, routes, events and places by id; list in sources the ids of sources.json that the text',
    '    relies on; write alt as one sentence saying what the map shows. See content/README.md. */}',
    '',
    `<Step id="${stepId}" frame="${frame}" sources={["${source}"]}`,
    '  alt="One sentence saying what the map shows at this step.">',
    '',
    'Write what the reader reads at this step: in the past tense, saying who reported each fact.',
    '',
    '</Step>',
    '',
  ].join('\n');
  return { file, slug, order, stepId, frame, source, text };
}

/** Writes the planned chapter (never over an existing file) and returns the plan. */
export function writeChapter(dir: string, title: string, options: ScaffoldOptions = {}): Scaffold {
  const plan = scaffoldChapter(dir, title, options);
  writeFileSync(plan.file, plan.text, { flag: 'wx' });
  return plan;
}

/** Parses `"Title" --slug=name --order=N` (the title may be split over several arguments). */
export function parseArgs(argv: readonly string[]): { title: string; options: ScaffoldOptions } {
  const words: string[] = [];
  const options: ScaffoldOptions = {};
  for (const arg of argv) {
    const m = /^--(slug|order)=(.*)$/.exec(arg);
    if (m?.[1] === 'slug') options.slug = m[2] ?? '';
    else if (m?.[1] === 'order') options.order = Number(m[2]);
    else if (arg.startsWith('--')) throw new ScaffoldError(`unknown option ${arg}: use --slug=name or --order=N`);
    else words.push(arg);
  }
  return { title: words.join(' '), options };
}

/** A path as the other scripts print it: relative to the working directory, or absolute when that is shorter. */
function displayPath(abs: string): string {
  const rel = path.relative(process.cwd(), abs);
  return rel && rel.length <= abs.length ? rel : abs;
}

function main(): void {
  const dir = resolveContentDir(process.env);
  try {
    const { title, options } = parseArgs(process.argv.slice(2));
    const plan = writeChapter(dir, title, options);
    const rel = displayPath(plan.file);
    console.log(`new chapter: ${rel} (order ${plan.order}, step "${plan.stepId}" on frame "${plan.frame}", citing "${plan.source}")`);
    const after = checkContent(dir).diagnostics.filter((d) => path.resolve(d.file) === plan.file);
    for (const d of after) console.log(formatDiagnostic(d));
    console.log('Next: write the summary, the step text and alt; preview with npm run dev (content/README.md, "Writing a chapter").');
  } catch (error) {
    if (!(error instanceof ScaffoldError)) throw error;
    console.error(`new:chapter: ${error.message}`);
    process.exitCode = 1;
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(new URL(import.meta.url).pathname)) main();
