/** Parses one MDX chapter (YAML frontmatter plus `<Step>` elements) into positioned steps, reporting syntax and schema problems. */
import { createProcessor } from '@mdx-js/mdx';
import { isMap, isScalar, LineCounter, parseDocument } from 'yaml';
import { chapterSchema, stepPropsSchema, type ChapterMeta, type StepProps } from './schemas.ts';
import { createLineIndex, didYouMean, type Diagnostic, type Position } from './diagnostics.ts';
import { keysAt, validate, type SchemaProblem } from './issues.ts';
import { formatField } from './json-file.ts';

/** One `<Step>` of a chapter, validated, with where it is written and its plain text. */
export interface StepDoc {
  /** The step's props with defaults filled in. */
  props: StepProps;
  /** Chapter file, relative to the working directory. */
  file: string;
  /** 1-based line of the `<Step` tag. */
  line: number;
  /** 1-based column of the `<Step` tag. */
  column: number;
  /** Plain text of the step body (Markdown markup removed), paragraphs separated by blank lines. */
  text: string;
  /** Slug of the chapter the step belongs to. */
  chapter: string;
}

/** One chapter whose frontmatter is valid; `steps` holds the steps whose props are valid. */
export interface ChapterDoc {
  /** File name without `.mdx`; the chapter's id. */
  slug: string;
  /** Path relative to the working directory. */
  file: string;
  meta: ChapterMeta;
  steps: StepDoc[];
}

/** A `<Step>` as written, before cross-references are checked. */
export interface RawStep {
  /** 1-based position among the chapter's steps. */
  index: number;
  /** How diagnostics name the step: `step "depots"`, or `step 2` when it has no id. */
  label: string;
  /** The `id` attribute when it is a string. */
  id?: string;
  file: string;
  line: number;
  column: number;
  text: string;
  /** The step's MDX source as written, from `<Step` to `</Step>` (the story generator copies it). */
  source: string;
  words: number;
  /** Attribute values as written (strings, booleans, lists of strings). */
  values: Record<string, unknown>;
  /** Positions: `name` → the value, `@name` → the attribute, `name[i]` → the i-th list item. */
  positions: Map<string, Position>;
  /** Validated props, or null when the props have schema errors. */
  props: StepProps | null;
}

/** Everything the checker needs from one chapter file. */
export interface ParsedChapter {
  slug: string;
  file: string;
  /** Valid frontmatter, or null. */
  meta: ChapterMeta | null;
  /** Position of each frontmatter key (file lines). */
  keyPositions: Map<string, Position>;
  /** Position of each frontmatter value (file lines). */
  valuePositions: Map<string, Position>;
  steps: RawStep[];
}

/** Longest step text, in words, that still fits a phone card. */
export const MAX_STEP_WORDS = 90;

/** Components the page passes to `<Content components>`; editors import nothing. */
export const ALLOWED_COMPONENTS = ['Step'] as const;

interface Point {
  line: number;
  column: number;
  offset?: number;
}

interface EsNode {
  type: string;
  value?: unknown;
  elements?: (EsNode | null)[];
  expression?: EsNode;
  loc?: { start: { line: number; column: number } };
}

interface EsProgram {
  body: EsNode[];
}

interface MdAttribute {
  type: string;
  name?: string;
  value?: string | null | { type: string; value: string; data?: { estree?: EsProgram | null } };
  position?: { start: Point; end: Point };
}

interface MdNode {
  type: string;
  name?: string | null;
  value?: unknown;
  children?: MdNode[];
  attributes?: MdAttribute[];
  position?: { start: Point; end: Point };
  data?: { estree?: EsProgram | null };
}

const PHRASING_PARENTS = new Set(['paragraph', 'heading', 'emphasis', 'strong', 'delete', 'link', 'linkReference', 'mdxJsxTextElement', 'tableCell']);

/** Plain text of a node: text and inline code values, paragraphs separated by blank lines. */
function plainText(node: MdNode): string {
  if (node.type === 'text' || node.type === 'inlineCode') return typeof node.value === 'string' ? node.value : '';
  if (node.type === 'break') return ' ';
  if (node.type === 'mdxFlowExpression' || node.type === 'mdxTextExpression') return '';
  if (!node.children) return '';
  const sep = PHRASING_PARENTS.has(node.type) ? '' : '\n\n';
  return node.children
    .map(plainText)
    .filter((t) => t.trim() !== '')
    .join(sep);
}

/** Counts words the way a reader would: runs of non-space characters. */
export function countWords(text: string): number {
  return text.split(/\s+/).filter(Boolean).length;
}

const processor = createProcessor({ format: 'mdx' });

/** Extracts `(12:3` or `(12:3-12:9)` from a parser message. */
function positionInMessage(message: string): Position | null {
  const m = /\((\d+):(\d+)(?:-\d+:\d+)?\)/.exec(message);
  return m ? { line: Number(m[1]), column: Number(m[2]) } : null;
}

function mdxSyntaxDiagnostic(err: unknown, file: string): Diagnostic {
  const e = (err ?? {}) as { reason?: string; message?: string; ruleId?: string; place?: unknown; line?: number; column?: number };
  const raw = e.reason ?? e.message ?? String(err);
  let pos: Position | null = null;
  const place = e.place as { line?: number; column?: number; start?: { line: number; column: number } } | undefined;
  if (place?.start) pos = { line: place.start.line, column: place.start.column };
  else if (place?.line !== undefined && place.column !== undefined) pos = { line: place.line, column: place.column };
  else if (e.line !== undefined && e.column !== undefined && e.line !== null) pos = { line: e.line, column: e.column };
  pos ??= positionInMessage(raw) ?? { line: 1, column: 1 };

  const reason = raw.replace(/\s*\(note:[^)]*\)/, '');
  const unclosed = /^Expected a closing tag for `<([^>]*)>`/.exec(reason);
  let message = reason;
  let suggestion = 'check the tags and braces at this point';
  if (unclosed) {
    message = `<${unclosed[1]}> is not closed`;
    suggestion = `add </${unclosed[1]}> after the step's text, on its own line after a blank line`;
  } else if (e.ruleId === 'end-tag-mismatch') {
    suggestion = 'close each <Step> with </Step>, and do not nest steps';
  } else if (/comment in MDX/.test(raw)) {
    message = 'HTML comments are not allowed in MDX';
    suggestion = 'write comments as {/* … */}';
  } else if (/before attribute value/.test(reason)) {
    suggestion = 'write attribute values in double quotes (frame="name") or, for lists and true/false, in braces (routes={["a", "b"]}, timeline={true})';
  } else if (/before name/.test(reason)) {
    suggestion = 'a "<" in the text starts a tag: write "less than" or &lt; instead';
  } else if (e.ruleId === 'acorn' || /acorn/.test(reason)) {
    message = 'a "{" starts an expression in MDX, and what follows it is not one';
    suggestion = 'lists are written {["a", "b"]}; a literal "{" in the text must be written \\{';
  } else if (/closing brace/.test(reason)) {
    suggestion = 'a "{" in the text starts an expression: write \\{ for a literal brace, or close it with }';
  } else if (/end of file/i.test(reason)) {
    suggestion = 'close the tag or brace opened before this point';
  }
  return { severity: 'error', file, ...pos, field: 'MDX syntax', message: message.replace(/\s*\(\d+:\d+(?:-\d+:\d+)?\)\s*$/, ''), expected: 'valid MDX', suggestion };
}

/** Splits the frontmatter off, keeping line numbers: the body keeps one empty line per frontmatter line. */
function splitFrontmatter(text: string): { yaml: string; body: string; closed: boolean } | null {
  const lines = text.split('\n');
  if ((lines[0] ?? '').trimEnd() !== '---') return null;
  const close = lines.findIndex((l, i) => i > 0 && l.trimEnd() === '---');
  if (close < 0) return { yaml: lines.slice(1).join('\n'), body: '', closed: false };
  return { yaml: lines.slice(1, close).join('\n'), body: '\n'.repeat(close + 1) + lines.slice(close + 1).join('\n'), closed: true };
}

function yamlSuggestion(code: string): string {
  switch (code) {
    case 'DUPLICATE_KEY':
      return 'keep only one of the repeated keys';
    case 'MISSING_CHAR':
      return 'add the missing closing quote or bracket';
    case 'BAD_INDENT':
    case 'BLOCK_AS_IMPLICIT_KEY':
    case 'MULTILINE_IMPLICIT_KEY':
      return 'start each key at the beginning of its line, and put values containing ": " or "#" in double quotes';
    default:
      return 'write one "key: value" per line; put values containing ":" or "#" in double quotes';
  }
}

function parseFrontmatter(chapter: ParsedChapter, yamlText: string, diagnostics: Diagnostic[]): void {
  const { file } = chapter;
  const lineCounter = new LineCounter();
  const doc = parseDocument(yamlText, { lineCounter, prettyErrors: true, uniqueKeys: true });
  const toFile = (p: { line: number; col: number }): Position => ({ line: p.line + 1, column: p.col });
  if (doc.errors.length) {
    for (const err of doc.errors) {
      const at = err.linePos?.[0];
      diagnostics.push({
        severity: 'error',
        file,
        ...(at ? toFile(at) : { line: 2, column: 1 }),
        field: 'frontmatter',
        message: `YAML: ${(err.message.split('\n')[0] ?? '').replace(/ at line \d+, column \d+:?$/, '')}`,
        expected: 'title, order and summary as "key: value" lines',
        suggestion: yamlSuggestion(err.code),
      });
    }
    return;
  }
  if (isMap(doc.contents)) {
    for (const pair of doc.contents.items) {
      const key = isScalar(pair.key) ? String(pair.key.value) : String(pair.key);
      const keyRange = (pair.key as { range?: [number, number, number] } | null)?.range;
      const valueRange = (pair.value as { range?: [number, number, number] } | null)?.range;
      if (keyRange) chapter.keyPositions.set(key, toFile(lineCounter.linePos(keyRange[0])));
      if (valueRange) chapter.valuePositions.set(key, toFile(lineCounter.linePos(valueRange[0])));
    }
  }
  const data: unknown = doc.toJS();
  if (data === null || typeof data !== 'object' || Array.isArray(data)) {
    diagnostics.push({
      severity: 'error',
      file,
      line: 1,
      column: 1,
      field: 'frontmatter',
      message: data == null ? 'is empty' : 'is not a list of "key: value" lines',
      expected: 'title, order and summary',
      suggestion: 'write title: …, order: N and summary: … between the --- lines',
    });
    return;
  }
  const result = validate(chapterSchema, data, 'yaml');
  if (result.ok) {
    chapter.meta = result.data;
    return;
  }
  for (const p of result.problems) {
    const key = String(p.path[0] ?? '');
    const pos =
      p.at === 'parent' ? { line: 1, column: 1 } : (p.at === 'key' ? chapter.keyPositions.get(key) : chapter.valuePositions.get(key)) ?? chapter.keyPositions.get(key) ?? { line: 1, column: 1 };
    const d: Diagnostic = { severity: 'error', file, ...pos, field: formatField('frontmatter', p.path), message: p.message, expected: p.expected, suggestion: p.suggestion };
    if (p.at === 'key' && key === 'slug') {
      d.message = 'unknown key "slug": a chapter\'s slug is its file name';
      d.suggestion = `remove "slug" (this chapter's slug is "${chapter.slug}"); rename the file to change it`;
    }
    diagnostics.push(d);
  }
}

/** Evaluates an attribute expression that must be a literal: a boolean, a string, or a list of strings. */
function evaluateLiteral(expr: EsNode | undefined, toPos: (n: EsNode) => Position | undefined): { ok: true; value: unknown; items: (Position | undefined)[] } | { ok: false } {
  if (!expr) return { ok: false };
  if (expr.type === 'Literal' && (typeof expr.value === 'boolean' || typeof expr.value === 'string')) return { ok: true, value: expr.value, items: [] };
  if (expr.type === 'ArrayExpression') {
    const values: string[] = [];
    const items: (Position | undefined)[] = [];
    for (const el of expr.elements ?? []) {
      if (!el || el.type !== 'Literal' || typeof el.value !== 'string') return { ok: false };
      values.push(el.value);
      items.push(toPos(el));
    }
    return { ok: true, value: values, items };
  }
  return { ok: false };
}

/** A schema problem of a step's props as a diagnostic, at the prop it concerns, in the editor's terms for the common cases. */
function propDiagnostic(p: SchemaProblem, step: RawStep, stepPos: Position): Diagnostic {
  const { label, positions, file } = step;
  const name = String(p.path[0] ?? '');
  const field = `${label} ${formatField('', p.path).replace(/^\./, '')}`.trim();
  let pos: Position;
  if (p.at === 'parent') pos = stepPos;
  else if (p.at === 'key') pos = positions.get(`@${name}`) ?? stepPos;
  else pos = positions.get(p.path.length > 1 ? `${name}[${String(p.path[1])}]` : name) ?? positions.get(name) ?? stepPos;
  const d: Diagnostic = { severity: 'error', file, ...pos, field, message: p.message, expected: p.expected, suggestion: p.suggestion };
  if (p.at === 'key') {
    const validProps = keysAt(stepPropsSchema, []);
    d.message = `unknown prop "${name}"`;
    d.expected = `one of ${validProps.join(', ')}`;
    d.suggestion = ['class', 'className', 'style'].includes(name) ? `remove ${name}: steps are styled by the page` : didYouMean(name, validProps, `remove ${name}=…`);
  } else if (p.at === 'parent' && name === 'alt') {
    d.message = 'has no alt text';
    d.expected = 'alt="…": one sentence saying what the figure shows';
    d.suggestion = 'add alt="…" describing what the map shows at this step';
  } else if (p.at === 'parent' && name === 'frame') {
    d.message = 'has no frame';
    d.expected = 'frame="…": a frame id from frames.json';
    d.suggestion = 'add frame="…" naming the camera framing for this step';
  } else if (p.at === 'parent' && name === 'id') {
    d.message = 'has no id';
    d.expected = 'id="…": a kebab-case id, unique across the story';
    d.suggestion = 'add id="…" (it becomes the step\'s #anchor)';
  }
  return d;
}

function readStep(el: MdNode, index: number, chapter: ParsedChapter, body: string, bodyPos: (offset: number) => Position, diagnostics: Diagnostic[]): RawStep {
  const { file } = chapter;
  const start = el.position?.start ?? { line: 1, column: 1 };
  const values: Record<string, unknown> = {};
  const positions = new Map<string, Position>();
  const stepPos = { line: start.line, column: start.column };
  const idAttr = el.attributes?.find((a) => a.type === 'mdxJsxAttribute' && a.name === 'id');
  const id = typeof idAttr?.value === 'string' ? idAttr.value : undefined;
  const label = id !== undefined ? `step "${id}"` : `step ${index}`;
  const esPos = (n: EsNode): Position | undefined => (n.loc ? { line: n.loc.start.line, column: n.loc.start.column + 1 } : undefined);
  const error = (pos: Position, field: string, message: string, expected?: string, suggestion?: string): void => {
    diagnostics.push({ severity: 'error', file, ...pos, field, message, expected, suggestion });
  };

  for (const attr of el.attributes ?? []) {
    const attrPos = attr.position ? { line: attr.position.start.line, column: attr.position.start.column } : stepPos;
    if (attr.type !== 'mdxJsxAttribute' || !attr.name) {
      error(attrPos, label, 'spread or expression attributes are not allowed', 'name="value" attributes', 'write each prop out, e.g. frame="name"');
      continue;
    }
    const name = attr.name;
    if (name in values) {
      error(attrPos, `${label} ${name}`, `"${name}" is given twice`, 'each prop once', `remove one of the two ${name}=…`);
      continue;
    }
    positions.set(`@${name}`, attrPos);
    const v = attr.value;
    if (v === null || v === undefined) {
      values[name] = true;
      positions.set(name, attrPos);
    } else if (typeof v === 'string') {
      values[name] = v;
      let valuePos = attrPos;
      const s = attr.position?.start.offset;
      const e = attr.position?.end.offset;
      if (s !== undefined && e !== undefined) {
        const quote = body.slice(s, e).search(/["']/);
        if (quote >= 0) valuePos = bodyPos(s + quote);
      }
      positions.set(name, valuePos);
    } else {
      const expr = v.data?.estree?.body[0]?.expression;
      const result = evaluateLiteral(v.data?.estree?.body[0]?.type === 'ExpressionStatement' ? expr : undefined, esPos);
      const exprPos = (expr && esPos(expr)) ?? attrPos;
      positions.set(name, exprPos);
      if (!result.ok) {
        error(
          exprPos,
          `${label} ${name}`,
          `{${v.value.trim()}} is not a literal value`,
          'a text in quotes ("…"), a list of texts ({["a", "b"]}) or true/false ({true})',
          name === 'timeline' ? 'write timeline={true} or leave it out' : `write ${name}="…" or ${name}={["…", "…"]} with ids spelt out`,
        );
        values[name] = undefined;
        continue;
      }
      values[name] = result.value;
      result.items.forEach((p, i) => p && positions.set(`${name}[${i}]`, p));
    }
  }

  const text = plainText(el).trim();
  const source = el.position?.start.offset !== undefined && el.position.end.offset !== undefined ? body.slice(el.position.start.offset, el.position.end.offset) : '';
  const step: RawStep = { index, label, id, file, ...stepPos, text, source, words: countWords(text), values, positions, props: null };

  const problems: SchemaProblem[] = [];
  const result = validate(stepPropsSchema, Object.fromEntries(Object.entries(values).filter(([, v]) => v !== undefined)), 'jsx');
  if (result.ok) step.props = result.data;
  else problems.push(...result.problems);
  for (const p of problems) {
    const name = String(p.path[0] ?? '');
    if (values[name] === undefined && name in values) continue; // already reported as a non-literal
    diagnostics.push(propDiagnostic(p, step, stepPos));
  }

  if (!text) {
    diagnostics.push({
      severity: 'error',
      file,
      ...stepPos,
      field: `${label} text`,
      message: 'has no text',
      expected: 'one or more paragraphs between <Step …> and </Step>',
      suggestion: 'write what the reader reads at this step, with a blank line after the opening tag',
    });
  } else if (step.words > MAX_STEP_WORDS) {
    diagnostics.push({
      severity: 'warning',
      file,
      ...stepPos,
      field: `${label} text`,
      message: `has ${step.words} words, too long for a phone card`,
      expected: `at most ${MAX_STEP_WORDS} words`,
      suggestion: 'cut it, or split it into two steps',
    });
  }
  return step;
}

function walk(node: MdNode, inStep: boolean, chapter: ParsedChapter, body: string, bodyPos: (o: number) => Position, diagnostics: Diagnostic[]): void {
  const { file } = chapter;
  const pos = node.position ? { line: node.position.start.line, column: node.position.start.column } : { line: 1, column: 1 };
  if (node.type === 'mdxjsEsm') {
    diagnostics.push({
      severity: 'error',
      file,
      ...pos,
      field: 'import/export',
      message: 'import and export statements are not allowed in chapters',
      expected: 'only text and <Step> elements',
      suggestion: 'remove it: the page provides <Step>, editors import nothing',
    });
    return;
  }
  if ((node.type === 'mdxFlowExpression' || node.type === 'mdxTextExpression') && (node.data?.estree?.body.length ?? 1) > 0) {
    diagnostics.push({
      severity: 'error',
      file,
      ...pos,
      field: 'expression',
      message: `JavaScript expression {${String(node.value ?? '').trim().slice(0, 40)}} in the text`,
      expected: 'plain text; comments as {/* … */}',
      suggestion: 'remove the braces, or write a literal brace as \\{',
    });
    return;
  }
  if (node.type === 'mdxJsxFlowElement' || node.type === 'mdxJsxTextElement') {
    const name = node.name ?? '';
    if (name === 'Step') {
      if (inStep) {
        diagnostics.push({
          severity: 'error',
          file,
          ...pos,
          field: 'Step',
          message: '<Step> inside another <Step>',
          expected: 'steps one after another, each closed with </Step>',
          suggestion: 'close the previous step with </Step> before opening the next',
        });
      }
      chapter.steps.push(readStep(node, chapter.steps.length + 1, chapter, body, bodyPos, diagnostics));
      for (const child of node.children ?? []) walk(child, true, chapter, body, bodyPos, diagnostics);
      return;
    }
    const isHtml = /^[a-z]/.test(name);
    const lower = name.toLowerCase();
    diagnostics.push({
      severity: 'error',
      file,
      ...pos,
      field: name ? `<${name}>` : '<>',
      message: name ? (isHtml ? `HTML element <${name}> is not allowed in chapters` : `unknown component <${name}>`) : 'fragments <>…</> are not allowed',
      expected: 'only <Step> (editors import nothing)',
      suggestion:
        (name ? didYouMean(name, ALLOWED_COMPONENTS) : 'remove <> and </>, keeping the text between them') ??
        (['chart', 'timeline'].includes(lower)
          ? `use the ${lower} prop on <Step> instead (${lower === 'chart' ? 'chart="event-id"' : 'timeline={true}'})`
          : isHtml
            ? 'use Markdown instead: **bold**, *italic*, [link](https://…), blank lines between paragraphs'
            : 'remove it: figures are declared on <Step> with frame, routes, events, places and chart'),
    });
  }
  for (const child of node.children ?? []) walk(child, inStep, chapter, body, bodyPos, diagnostics);
}

/**
 * Parses one chapter: frontmatter (YAML, validated against the chapter schema), then the MDX body
 * with every `<Step>`'s props evaluated and validated. Problems are appended to `diagnostics`;
 * cross-references (ids in other files) are left to the checker.
 */
export function parseChapter(file: string, slug: string, source: string, diagnostics: Diagnostic[]): ParsedChapter {
  const text = source.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  const chapter: ParsedChapter = { slug, file, meta: null, keyPositions: new Map(), valuePositions: new Map(), steps: [] };
  const split = splitFrontmatter(text);
  let body = text;
  if (!split) {
    diagnostics.push({
      severity: 'error',
      file,
      line: 1,
      column: 1,
      field: 'frontmatter',
      message: 'the chapter has no frontmatter',
      expected: 'a first line "---", then title, order and summary, then "---"',
      suggestion: 'start the file with ---, title: …, order: N, summary: …, ---',
    });
  } else if (!split.closed) {
    diagnostics.push({
      severity: 'error',
      file,
      line: 1,
      column: 1,
      field: 'frontmatter',
      message: 'the frontmatter is not closed',
      expected: 'a line "---" after the summary',
      suggestion: 'add a line with --- after the last frontmatter key',
    });
    return chapter;
  } else {
    parseFrontmatter(chapter, split.yaml, diagnostics);
    body = split.body;
  }

  let tree: MdNode;
  try {
    tree = processor.parse(body) as unknown as MdNode;
  } catch (err) {
    diagnostics.push(mdxSyntaxDiagnostic(err, file));
    return chapter;
  }
  walk(tree, false, chapter, body, createLineIndex(body), diagnostics);
  if (!chapter.steps.length) {
    diagnostics.push({
      severity: 'error',
      file,
      line: 1,
      column: 1,
      field: 'chapter',
      message: 'the chapter has no <Step>',
      expected: 'at least one <Step id="…" frame="…" alt="…"> … </Step>',
      suggestion: 'wrap the paragraphs the reader scrolls through in <Step> elements',
    });
  }
  return chapter;
}
