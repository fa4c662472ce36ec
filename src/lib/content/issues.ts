/** Turns zod validation issues into editor-facing problems: what is wrong, what was expected and the fix, at a value path. */
import type { z } from 'astro/zod';
import { closestMatches, didYouMean, preview, quoteList, toKebabId } from './diagnostics.ts';

/** A path into a parsed value: object keys and array indices. */
export type ValuePath = (string | number)[];

/** One schema problem, before it is given a file position. */
export interface SchemaProblem {
  /** Path of the offending value (for an unknown or missing key: the path including that key). */
  path: ValuePath;
  /** Where to point: at the value, at the key itself (unknown keys) or at the enclosing object (missing keys). */
  at: 'value' | 'key' | 'parent';
  message: string;
  expected?: string;
  suggestion?: string;
}

/** How the editor writes values in the file at hand, so fixes can show the right syntax. */
export type Syntax = 'json' | 'yaml' | 'jsx';

/** Result of {@link validate}: the parsed value or the problems. */
export type Validation<T> = { ok: true; data: T } | { ok: false; problems: SchemaProblem[] };

/** Marks messages zod generated itself, so messages written in the schema can be told apart. */
const GENERATED = '\u0000generated';

interface LooseIssue {
  code: string;
  path: PropertyKey[];
  message: string;
  expected?: string;
  keys?: string[];
  errors?: LooseIssue[][];
  origin?: string;
  minimum?: number | bigint;
  maximum?: number | bigint;
  inclusive?: boolean;
  values?: unknown[];
  format?: string;
  /** Set by a schema refinement through {@link problemTag}. */
  params?: { problem?: CustomProblem };
}

/** The refinements schemas.ts writes itself; each tags its issues so the diagnostic never depends on the message's wording. */
export type CustomProblem = 'partial-date' | 'value-or-range' | 'range-order';

/** Refinement options: the editor-facing message, and the tag {@link validate} recognises the issue by. */
export function problemTag(problem: CustomProblem, message: string): { message: string; params: { problem: CustomProblem } } {
  return { message, params: { problem } };
}

interface LooseDef {
  type: string;
  shape?: Record<string, unknown>;
  innerType?: unknown;
  element?: unknown;
  items?: unknown[];
  options?: unknown[];
  in?: unknown;
}

const defOf = (schema: unknown): LooseDef => (schema as { def: LooseDef }).def;

const WRAPPERS = new Set(['optional', 'default', 'nullable', 'readonly', 'nonoptional', 'prefault', 'catch']);

function unwrap(schema: unknown): unknown {
  let s = schema;
  for (let i = 0; i < 20; i++) {
    const def = defOf(s);
    if (WRAPPERS.has(def.type) && def.innerType) s = def.innerType;
    else if (def.type === 'pipe' && def.in) s = def.in;
    else break;
  }
  return s;
}

/** The (unwrapped) schemas that may describe the value at `path`; several where a union is crossed. */
function schemasAt(schema: unknown, path: ValuePath): unknown[] {
  let current = [unwrap(schema)];
  for (const step of path) {
    const next: unknown[] = [];
    const visit = (s: unknown): void => {
      const def = defOf(s);
      if (def.type === 'union') for (const o of def.options ?? []) visit(unwrap(o));
      else if (def.type === 'object' && typeof step === 'string' && def.shape?.[step]) next.push(unwrap(def.shape[step]));
      else if (def.type === 'array' && typeof step === 'number' && def.element) next.push(unwrap(def.element));
      else if (def.type === 'tuple' && typeof step === 'number' && def.items?.[step]) next.push(unwrap(def.items[step]));
    };
    current.forEach(visit);
    current = next;
  }
  const flat: unknown[] = [];
  const flatten = (s: unknown): void => {
    const def = defOf(s);
    if (def.type === 'union') (def.options ?? []).forEach((o) => flatten(unwrap(o)));
    else flat.push(s);
  };
  current.forEach(flatten);
  return flat;
}

/** The keys an object at `path` may have, according to `schema` (union branches merged). */
export function keysAt(schema: unknown, path: ValuePath): string[] {
  const keys = new Set<string>();
  for (const s of schemasAt(schema, path)) {
    const def = defOf(s);
    if (def.type === 'object') Object.keys(def.shape ?? {}).forEach((k) => keys.add(k));
  }
  return [...keys];
}

/** True when the key at the end of `path` may be left out. */
function isOptional(schema: unknown, path: ValuePath): boolean {
  const key = path[path.length - 1];
  if (typeof key !== 'string') return false;
  return schemasAt(schema, path.slice(0, -1)).some((s) => {
    const field = defOf(s).shape?.[key];
    return field !== undefined && ['optional', 'default'].includes(defOf(field).type);
  });
}

/** Reads the value at `path` inside `root` (undefined when absent). */
export function valueAt(root: unknown, path: ValuePath): unknown {
  let v = root;
  for (const step of path) {
    if (v === null || typeof v !== 'object') return undefined;
    v = (v as Record<string | number, unknown>)[step];
  }
  return v;
}

/** Describes a value's kind for "is …" messages. */
export function describeValue(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return v.length ? `a list (${preview(v)})` : 'an empty list';
  switch (typeof v) {
    case 'string':
      return v.trim() ? `the text ${preview(v)}` : 'an empty text';
    case 'number':
      return `the number ${v}`;
    case 'boolean':
      return `${v}`;
    case 'object':
      return 'an object';
    default:
      return typeof v;
  }
}

const TYPE_PHRASES: Record<string, string> = {
  number: 'a number',
  string: 'a text in quotes',
  array: 'a list',
  tuple: 'a list',
  object: 'an object',
  boolean: 'true or false',
};

function typeFix(expected: string, value: unknown, key: string, syntax: Syntax): string | undefined {
  if (expected === 'number' && typeof value === 'string' && value.trim() !== '' && Number.isFinite(Number(value))) {
    return `write ${value.trim()} without quotes`;
  }
  if (expected === 'boolean' && (value === 'true' || value === 'false')) {
    return syntax === 'jsx' ? `write ${key}={${value}}` : `write ${value} without quotes`;
  }
  if ((expected === 'array' || expected === 'tuple') && typeof value === 'string') {
    return syntax === 'jsx' ? `write ${key}={["${value}"]}` : `write it as a list: ["${value}"]`;
  }
  if (expected === 'string' && (typeof value === 'number' || typeof value === 'boolean')) return `write it in quotes: "${String(value)}"`;
  if (expected === 'string' && Array.isArray(value) && value.length === 1 && typeof value[0] === 'string') {
    return syntax === 'jsx' ? `write ${key}="${value[0]}"` : `write it as one text: "${value[0]}"`;
  }
  return undefined;
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

/** Rewrites common date mistakes into the one accepted form. */
function dateFix(value: unknown): string {
  const generic = 'write the date as YYYY, YYYY-MM or YYYY-MM-DD with the precision that is known';
  if (typeof value !== 'string') return generic;
  const dmy = /^(\d{1,2})[./](\d{1,2})[./](\d{4})$/.exec(value.trim());
  if (dmy) return `write it as "${dmy[3]}-${dmy[2]?.padStart(2, '0')}-${dmy[1]?.padStart(2, '0')}"`;
  const ymd = /^(\d{4})[./ ](\d{1,2})(?:[./ ](\d{1,2}))?$/.exec(value.trim());
  if (ymd) return `write it as "${ymd[1]}-${ymd[2]?.padStart(2, '0')}${ymd[3] ? `-${ymd[3].padStart(2, '0')}` : ''}"`;
  const iso = /^(\d{4})-(\d{2})(?:-(\d{2}))?/.exec(value);
  if (iso) {
    if (Number(iso[2]) < 1 || Number(iso[2]) > 12) return `there is no month ${iso[2]}; ${generic}`;
    if (iso[3] !== undefined && value.length === 10) return `${value} is not in the calendar; check the day`;
    return `drop the time and anything after the day: "${iso[0]}"`;
  }
  return generic;
}

function isRule(message: string): boolean {
  return /\b(must|needs?)\b|^give\b/i.test(message);
}

function capitalise(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

/** Picks the union branch the editor most likely meant: the one with fewest problems (earlier branch on ties). */
function pickBranch(errors: LooseIssue[][]): LooseIssue[] {
  let best: LooseIssue[] = errors[0] ?? [];
  for (const e of errors) if (e.length < best.length) best = e;
  return best;
}

function flatten(issues: LooseIssue[], prefix: PropertyKey[] = []): LooseIssue[] {
  const out: LooseIssue[] = [];
  for (const issue of issues) {
    const path = [...prefix, ...issue.path];
    if (issue.code === 'invalid_union' && issue.errors?.length) out.push(...flatten(pickBranch(issue.errors), path));
    else out.push({ ...issue, path });
  }
  return out;
}

/** What a handler knows about one issue: where it is, the value there, and any message the schema wrote itself. */
interface IssueContext {
  schema: unknown;
  syntax: Syntax;
  path: ValuePath;
  value: unknown;
  /** The key the value sits under (or the nearest key above an array index). */
  key: string;
  /** A message written in the schema (not generated by zod). */
  custom?: string;
  /** A custom message that describes the expected value (not a rule). */
  customExpected?: string;
  /** Appends a custom rule ("must …", "give …") to a message. */
  withRule: (message: string) => string;
  /** Missing keys that an unknown key in the same object most likely spells (reported once, as the unknown key). */
  meantKeys: Set<string>;
}

type Handler = (issue: LooseIssue, c: IssueContext) => SchemaProblem[];

function unknownKeys(issue: LooseIssue, c: IssueContext): SchemaProblem[] {
  const valid = keysAt(c.schema, c.path);
  return (issue.keys ?? []).map((k) => ({
    path: [...c.path, k],
    at: 'key' as const,
    message: `unknown key "${k}"`,
    expected: valid.length ? `one of ${quoteList(valid)}` : undefined,
    suggestion: didYouMean(k, valid, `remove "${k}"`),
  }));
}

function wrongType(issue: LooseIssue, c: IssueContext): SchemaProblem[] {
  const expected = issue.expected ?? 'value';
  const { path, value, key } = c;
  if (value === undefined) {
    if (c.meantKeys.has(JSON.stringify(path))) return [];
    const phrase = c.customExpected ?? TYPE_PHRASES[expected] ?? expected;
    return [{ path, at: 'parent', message: c.withRule(`"${key}" is missing`), expected: phrase, suggestion: `add "${key}"` }];
  }
  if (value === null && expected === 'string') {
    // YAML reads `title:` with nothing after it as null: to an editor, that is an empty field.
    return [{ path, at: 'value', message: c.withRule('is empty'), expected: c.customExpected ?? TYPE_PHRASES[expected], suggestion: `write the ${key}` }];
  }
  const phrase = c.customExpected ?? TYPE_PHRASES[expected] ?? expected;
  const suggestion = typeFix(expected, value, key, c.syntax) ?? `replace it with ${phrase}`;
  return [{ path, at: 'value', message: c.withRule(`is ${describeValue(value)}`), expected: phrase, suggestion }];
}

/** too_small / too_big, for text lengths, list lengths and numbers. */
function outOfRange(issue: LooseIssue, c: IssueContext): SchemaProblem[] {
  const small = issue.code === 'too_small';
  const limit = Number(small ? issue.minimum : issue.maximum);
  const { value, key } = c;
  let message: string;
  let expected: string;
  let suggestion: string | undefined;
  if (issue.origin === 'string') {
    const len = typeof value === 'string' ? value.trim().length : 0;
    message = len === 0 ? 'is empty' : `is ${plural(len, 'character')} long`;
    expected = small ? `at least ${plural(limit, 'character')}` : `at most ${plural(limit, 'character')}`;
    if (small) suggestion = isOptional(c.schema, c.path) ? `write the ${key}, or remove "${key}" if it is not known` : `write the ${key}`;
    else suggestion = `shorten it by ${plural(len - limit, 'character')}`;
  } else if (issue.origin === 'array') {
    const n = Array.isArray(value) ? value.length : 0;
    message = n === 0 ? 'is an empty list' : `has ${small ? 'only ' : ''}${plural(n, 'item')}`;
    expected = `${small ? 'at least' : 'at most'} ${plural(limit, 'item')}`;
    if (!small) suggestion = `remove ${plural(n - limit, 'item')}`;
    else suggestion = n === 0 ? `add at least ${plural(limit, 'item')}` : `add ${plural(limit - n, 'more item')}`;
  } else {
    const inclusive = issue.inclusive !== false;
    const sign = small ? (inclusive ? '≥' : '>') : inclusive ? '≤' : '<';
    message = inclusive ? `${preview(value)} is ${small ? 'below' : 'above'} ${limit}` : `${preview(value)} is not ${small ? 'above' : 'below'} ${limit}`;
    expected = `a number ${sign} ${limit}`;
    if (key === 'lat' || key === 'lon') suggestion = 'lat is north–south, lon east–west, in decimal degrees; check they are not swapped';
    else suggestion = `use a number ${sign} ${limit}`;
  }
  return [{ path: c.path, at: 'value', message: c.withRule(message), expected: c.customExpected ?? expected, suggestion }];
}

function badFormat(issue: LooseIssue, c: IssueContext): SchemaProblem[] {
  const { path, value, key, customExpected } = c;
  if (issue.format === 'url') {
    return [
      {
        path,
        at: 'value',
        message: `${preview(value)} is not a full URL`,
        expected: customExpected ?? 'a full URL beginning with https://',
        suggestion: `give the exact URL beginning with https://, or remove "${key}" if it is not known verbatim`,
      },
    ];
  }
  const kebab = typeof value === 'string' ? toKebabId(value) : '';
  return [
    {
      path,
      at: 'value',
      message: c.withRule(`${preview(value)} is not valid`),
      expected: customExpected ?? `format ${issue.format ?? 'unknown'}`,
      suggestion: kebab && kebab !== value && /id/.test(customExpected ?? '') ? `write it as "${kebab}"` : customExpected ? `write ${customExpected}` : undefined,
    },
  ];
}

function notAllowed(issue: LooseIssue, c: IssueContext): SchemaProblem[] {
  const allowed = (issue.values ?? []).map(String);
  const fix = `use one of ${quoteList(allowed)}`;
  const suggestion = typeof c.value === 'string' ? didYouMean(c.value, allowed, fix) : fix;
  return [{ path: c.path, at: 'value', message: `${preview(c.value)} is not an allowed value`, expected: `one of ${quoteList(allowed)}`, suggestion }];
}

/** Refinements written in schemas.ts, recognised by the `params.problem` tag they carry (never by their wording). */
function customRule(issue: LooseIssue, c: IssueContext): SchemaProblem[] {
  const msg = c.custom ?? issue.message;
  const { path, value } = c;
  switch (issue.params?.problem) {
    case 'partial-date':
      return [{ path, at: 'value', message: `${preview(value)} is not a valid date`, expected: msg, suggestion: dateFix(value) }];
    case 'value-or-range': {
      const both = !!value && typeof value === 'object' && 'value' in value && 'range' in value;
      return [
        {
          path,
          at: 'value',
          message: both ? 'has both "value" and "range"' : 'has neither "value" nor "range"',
          expected: 'exactly one of "value" (a number) or "range" ([low, high])',
          suggestion: both ? 'keep only the one the reporter gave' : 'add "value": N or "range": [low, high] as reported',
        },
      ];
    }
    case 'range-order': {
      const range = valueAt(value, ['range']);
      const pair = Array.isArray(range) ? range : [];
      const suggestion = `write [${String(pair[1])}, ${String(pair[0])}]`;
      return [{ path: [...path, 'range'], at: 'value', message: `${preview(range)} has low > high`, expected: '[low, high] with low ≤ high', suggestion }];
    }
    default:
      return [{ path, at: 'value', message: msg, suggestion: isRule(msg) ? capitalise(msg) : undefined }];
  }
}

const HANDLERS: Record<string, Handler> = {
  unrecognized_keys: unknownKeys,
  invalid_type: wrongType,
  too_small: outOfRange,
  too_big: outOfRange,
  invalid_format: badFormat,
  invalid_value: notAllowed,
  custom: customRule,
};

/** Missing keys that an unknown key in the same object most likely spells, as JSON paths. */
function misspeltKeys(schema: unknown, issues: LooseIssue[]): Set<string> {
  const meant = new Set<string>();
  for (const issue of issues) {
    if (issue.code !== 'unrecognized_keys') continue;
    const path = issue.path.map((p) => (typeof p === 'symbol' ? String(p) : p));
    const valid = keysAt(schema, path);
    for (const k of issue.keys ?? []) {
      const best = closestMatches(k, valid, 1)[0];
      if (best) meant.add(JSON.stringify([...path, best]));
    }
  }
  return meant;
}

function toProblems(schema: unknown, root: unknown, raw: LooseIssue[], syntax: Syntax): SchemaProblem[] {
  const issues = flatten(raw);
  const meantKeys = misspeltKeys(schema, issues);
  return issues.flatMap((issue) => {
    const path: ValuePath = issue.path.map((p) => (typeof p === 'symbol' ? String(p) : p));
    const value = valueAt(root, path);
    const last = path[path.length - 1];
    const key = typeof last === 'string' ? last : String(path.filter((p) => typeof p === 'string').pop() ?? 'value');
    const custom = issue.message !== GENERATED ? issue.message : undefined;
    const rule = custom && isRule(custom) && !/must not be empty$/.test(custom) ? custom : undefined;
    const context: IssueContext = {
      schema,
      syntax,
      path,
      value,
      key,
      custom,
      customExpected: custom && !isRule(custom) ? custom : undefined,
      withRule: (m) => (rule ? `${m}; ${rule}` : m),
      meantKeys,
    };
    const handler = HANDLERS[issue.code];
    return handler ? handler(issue, context) : [{ path, at: 'value' as const, message: custom ?? `${preview(value)} is not valid (${issue.code})` }];
  });
}

/**
 * Validates `value` against `schema`; on failure returns every problem with its path, message,
 * expectation and fix (misspelt keys get the closest valid key).
 */
export function validate<S extends z.ZodType>(schema: S, value: unknown, syntax: Syntax = 'json'): Validation<z.output<S>> {
  const result = schema.safeParse(value, { error: () => GENERATED });
  if (result.success) return { ok: true, data: result.data };
  return { ok: false, problems: toProblems(schema, value, result.error.issues as unknown as LooseIssue[], syntax) };
}
