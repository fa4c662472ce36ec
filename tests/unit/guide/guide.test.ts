/**
 * content/README.md cannot rot: every example in it is checked.
 * - ```json example <file>: parses against its schema; all of them, added in order to a copy of the
 *   valid fixture, check with no error and no warning.
 * - ```mdx example [chapters/<file>]: on top of that, checks with no error and no warning (a fragment
 *   of steps is wrapped in a chapter; a whole chapter is written as the file named).
 * - ```mdx broken chapters/<file> / ```json broken <file>, each followed by ```text output: laid
 *   over the story all the examples make, the checker prints exactly the lines shown (a broken
 *   JSON example goes first in its file, a broken chapter replaces the file it names).
 * - ```text messages: the catalogue of errors and warnings, verbatim from the broken-input corpus,
 *   and complete: every line the corpus prints is in it.
 * - Every field of every schema and every <Step> prop is documented.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { keysAt } from '../../../src/lib/content/issues.ts';
import {
  chapterSchema,
  claimSchema,
  dataFiles,
  eventSchema,
  figureSchema,
  frameSchema,
  placeSchema,
  routeSchema,
  sourceSchema,
  stepPropsSchema,
  storySchema,
  unverifiedLegSchema,
} from '../../../src/lib/content/schemas.ts';
import { brokenCases, caseMessages, messagesOf, ROOT, VALID_DIR } from './corpus.ts';

const GUIDE = path.join(ROOT, 'content/README.md');
const guide = readFileSync(GUIDE, 'utf8');

interface Block {
  lang: string;
  kind: string;
  target: string;
  text: string;
  /** 1-based line of the opening fence in the guide. */
  line: number;
}

/** Every fenced block of the guide with its info string split into language, kind and target. */
function blocks(markdown: string): Block[] {
  const out: Block[] = [];
  const lines = markdown.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const open = /^```(\w+)?(?:\s+(\w+))?(?:\s+(\S+))?\s*$/.exec(lines[i] ?? '');
    if (!open) continue;
    const start = i;
    const body: string[] = [];
    for (i++; i < lines.length && !/^```\s*$/.test(lines[i] ?? ''); i++) body.push(lines[i] ?? '');
    out.push({ lang: open[1] ?? '', kind: open[2] ?? '', target: open[3] ?? '', text: `${body.join('\n')}\n`, line: start + 1 });
  }
  return out;
}

const all = blocks(guide);
const of = (lang: string, kind: string) => all.filter((b) => b.lang === lang && b.kind === kind);
const jsonExamples = of('json', 'example');
const mdxExamples = of('mdx', 'example');
const broken = all.flatMap((b, i) => (b.kind === 'broken' ? [{ block: b, output: all[i + 1] }] : []));
const catalogue = new Set(of('text', 'messages').flatMap((b) => b.text.split('\n').filter((l) => l.trim() !== '')));

type DataName = keyof typeof dataFiles;
const nameOf = (file: string): DataName => {
  const hit = (Object.keys(dataFiles) as DataName[]).find((n) => dataFiles[n].file === file);
  if (!hit) throw new Error(`unknown data file ${file}`);
  return hit;
};

const made: string[] = [];
function copyOf(dir: string): string {
  const out = mkdtempSync(path.join(tmpdir(), 'guide-example-'));
  made.push(out);
  cpSync(dir, out, { recursive: true });
  return out;
}

/** Adds a JSON example to its file in `dir`: list entries at the end (or, `first`, at the start); story.json replaced. */
function addJson(dir: string, file: string, text: string, first = false): void {
  const name = nameOf(file);
  const abs = path.join(dir, file);
  const value: unknown = JSON.parse(text);
  if (!dataFiles[name].list) {
    writeFileSync(abs, text);
    return;
  }
  const added = Array.isArray(value) ? value : [value];
  const existing = JSON.parse(readFileSync(abs, 'utf8')) as unknown[];
  if (!first) {
    writeFileSync(abs, `${JSON.stringify([...existing, ...added], null, 2)}\n`);
    return;
  }
  // The example's own lines come first, exactly as shown, so the printed line:column match the guide.
  const shown = Array.isArray(value) ? text.trimEnd().replace(/\]$/, '') : `[\n${text.trimEnd()}`;
  const rest = JSON.stringify(existing, null, 2).replace(/^\[/, '');
  writeFileSync(abs, `${shown.trimEnd()},${rest}\n`);
}

const FRAGMENT_HEAD = '---\ntitle: An example from content/README.md\norder: 99\nsummary: A step from the guide.\n---\n\n';

/** The fixture plus every JSON example, in the guide's order. */
let base = '';
/** That plus every MDX example: the whole chapter as its file, the fragments in chapters/guide-example.mdx. */
let full = '';

beforeAll(() => {
  base = copyOf(VALID_DIR);
  for (const b of jsonExamples) addJson(base, b.target, b.text);
  full = copyOf(base);
  for (const b of mdxExamples.filter((x) => x.text.startsWith('---'))) writeFileSync(path.join(full, b.target), b.text);
  const fragments = mdxExamples.filter((b) => !b.text.startsWith('---'));
  writeFileSync(path.join(full, 'chapters/guide-example.mdx'), FRAGMENT_HEAD + fragments.map((b) => b.text).join('\n'));
});

afterAll(() => {
  for (const dir of made) rmSync(dir, { recursive: true, force: true });
});

describe('content/README.md examples', () => {
  it('the guide has examples of every kind', () => {
    expect(jsonExamples.length).toBeGreaterThanOrEqual(5);
    expect(mdxExamples.length).toBeGreaterThanOrEqual(8);
    expect(broken.length).toBeGreaterThanOrEqual(3);
    expect(catalogue.size).toBeGreaterThanOrEqual(60);
  });

  it.each(jsonExamples.map((b) => [`${b.target} (README.md:${b.line})`, b] as const))('JSON example %s parses against its schema', (_label, b) => {
    const name = nameOf(b.target);
    const value: unknown = JSON.parse(b.text);
    const entries = dataFiles[name].list && Array.isArray(value) ? value : [value];
    for (const entry of entries) {
      const result = dataFiles[name].schema.safeParse(entry);
      expect(result.success, JSON.stringify(result.error?.issues)).toBe(true);
    }
  });

  /** Until a step cites a new source or shows a new place, the checker warns about it: expected while adding things. */
  const notYetUsed = (w: string) => / is not cited by | is not shown by /.test(w);

  it('the JSON examples, added to the valid fixture in order, check with no error', () => {
    const { errors, warnings } = messagesOf(base);
    expect([...errors, ...warnings.filter((w) => !notYetUsed(w))]).toEqual([]);
  });

  it.each(mdxExamples.map((b) => [`README.md:${b.line}`, b] as const))('MDX example at %s checks with no error', (_label, b) => {
    const dir = copyOf(base);
    const whole = b.text.startsWith('---');
    if (whole) expect(b.target, 'a whole chapter names its file: ```mdx example chapters/<name>.mdx').toMatch(/^chapters\/[a-z0-9-]+\.mdx$/);
    writeFileSync(path.join(dir, whole ? b.target : 'chapters/guide-example.mdx'), whole ? b.text : FRAGMENT_HEAD + b.text);
    const { errors, warnings } = messagesOf(dir);
    expect([...errors, ...warnings.filter((w) => !notYetUsed(w))]).toEqual([]);
  });

  it('all the examples together make a story with no error and no warning', () => {
    const { errors, warnings } = messagesOf(full);
    expect([...errors, ...warnings]).toEqual([]);
  });

  it.each(broken.map(({ block, output }) => [`README.md:${block.line}`, block, output] as const))(
    'broken example at %s prints exactly the lines shown after it',
    (_label, block, output) => {
      expect(output?.lang === 'text' && output.kind === 'output', 'a broken example is followed by a ```text output block').toBe(true);
      const dir = copyOf(full);
      if (block.lang === 'mdx') writeFileSync(path.join(dir, block.target), block.text);
      else addJson(dir, block.target, block.text, true);
      const { errors, warnings } = messagesOf(dir);
      const shown = (output?.text ?? '').split('\n').filter((l) => l.trim() !== '');
      expect([...errors, ...warnings].sort()).toEqual([...shown].sort());
    },
  );
});

describe('content/README.md, "Errors and warnings"', () => {
  const corpus = brokenCases().map((c) => ({ name: c.name, ...caseMessages(c) }));

  it('every message of the broken-input corpus is in the catalogue, verbatim', () => {
    const missing = corpus.flatMap((c) => [...c.errors, ...c.warnings].filter((l) => !catalogue.has(l)).map((l) => `${c.name}: ${l}`));
    expect(missing, 'update content/README.md (node tests/unit/guide/corpus.ts prints every message)').toEqual([]);
  });

  it('every message in the catalogue is printed by some case of the corpus', () => {
    const printed = new Set(corpus.flatMap((c) => [...c.errors, ...c.warnings]));
    expect([...catalogue].filter((l) => !printed.has(l))).toEqual([]);
  });

  it('every case of the corpus is one mistake: it prints at least one message', () => {
    expect(corpus.filter((c) => c.errors.length + c.warnings.length === 0).map((c) => c.name)).toEqual([]);
  });
});

describe('content/README.md documents the content model', () => {
  /** The guide's text under the heading that names `title` (up to the next heading of the same or a higher level). */
  function section(title: string): string {
    const lines = guide.split('\n');
    const start = lines.findIndex((l) => /^#{2,4} /.test(l) && l.includes(title));
    expect(start, `a heading naming ${title}`).toBeGreaterThanOrEqual(0);
    const level = /^#+/.exec(lines[start] ?? '')?.[0].length ?? 2;
    const end = lines.findIndex((l, i) => i > start && new RegExp(`^#{1,${level}} `).test(l));
    return lines.slice(start, end < 0 ? undefined : end).join('\n');
  }

  it.each([
    ['`places.json`', [placeSchema]],
    ['`routes.json`', [routeSchema, unverifiedLegSchema]],
    ['`events.json`', [eventSchema, figureSchema]],
    ['`sources.json`', [sourceSchema]],
    ['`frames.json`', [frameSchema]],
    ['`story.json`', [storySchema]],
    ['`claims.json`', [claimSchema]],
    ['Frontmatter', [chapterSchema]],
    ['The `<Step>` component', [stepPropsSchema]],
  ] as const)('the section %s names every field of its schema', (title, schemas) => {
    const text = section(title);
    const keys = schemas.flatMap((s) => keysAt(s, []));
    if (title === '`frames.json`') keys.push('corners', 'places');
    if (title === '`story.json`') keys.push('role', 'name', 'change');
    expect(keys.filter((k) => !text.includes(`\`${k}\``))).toEqual([]);
  });

  it('every <Step> prop is used in at least one MDX example', () => {
    const used = keysAt(stepPropsSchema, []).filter((k) => !mdxExamples.some((b) => new RegExp(`<Step[^>]*\\s${k}=`).test(b.text)));
    expect(used).toEqual([]);
  });
});
