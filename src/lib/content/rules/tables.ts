/**
 * The loaded data tables the rule families check, and the shared ways they report: a diagnostics
 * list with error/warning helpers, positions of JSON values, and id references between tables.
 */
import { dataFiles, type Claim, type Event, type Frame, type Place, type Route, type Source, type Story } from '../schemas.ts';
import { didYouMean, type Diagnostic, type Position } from '../diagnostics.ts';
import { validate, type ValuePath } from '../issues.ts';
import { formatField, locate, parseJsonFile, type JsonFile } from '../json-file.ts';

/** Name of a data file in `dataFiles`: `places`, `routes`, … */
export type DataName = keyof typeof dataFiles;

/** Every data file: its path relative to the working directory and its text (null when the file is missing). */
export type DataTexts = Record<DataName, { file: string; text: string | null }>;

/** One entry of a data file: its index, the raw JSON value, and the parsed value when it passed its schema. */
export interface Entry<T> {
  index: number;
  raw: unknown;
  parsed: T | null;
  id?: string;
}

/** One data file as loaded: its JSON (null when unreadable) and its entries. */
export interface Table<T> {
  name: DataName;
  file: string;
  json: JsonFile | null;
  entries: Entry<T>[];
  /** First entry for each id, whether or not the entry is otherwise valid. */
  ids: Map<string, Entry<T>>;
}

/** All data files, loaded. `complete` is false when one is missing, unreadable or of the wrong shape. */
export interface Tables {
  places: Table<Place>;
  routes: Table<Route>;
  events: Table<Event>;
  sources: Table<Source>;
  frames: Table<Frame>;
  story: Table<Story>;
  claims: Table<Claim>;
  complete: boolean;
}

const NOUNS: Record<DataName, string> = {
  places: 'place',
  routes: 'route',
  events: 'event',
  sources: 'source',
  frames: 'frame',
  story: 'story',
  claims: 'claim',
};

/** Collects diagnostics; every rule family reports through one of these. */
export class Report {
  readonly diagnostics: Diagnostic[] = [];

  error(file: string, pos: Position, field: string, message: string, expected?: string, suggestion?: string): void {
    this.diagnostics.push({ severity: 'error', file, line: pos.line, column: pos.column, field, message, expected, suggestion });
  }

  warn(file: string, pos: Position, field: string, message: string, suggestion?: string): void {
    this.diagnostics.push({ severity: 'warning', file, line: pos.line, column: pos.column, field, message, suggestion });
  }

  /** Reports `id` when it is not an id of `target` (skipped when `target` could not be read); true when the id is fine. */
  ref(target: Table<unknown>, id: unknown, file: string, pos: Position, field: string): boolean {
    if (typeof id !== 'string' || !target.json || target.ids.has(id)) return true;
    const noun = NOUNS[target.name];
    const fix = didYouMean(id, target.ids.keys(), `add a ${noun} "${id}" to ${target.file}, or use one of its ids`);
    this.error(file, pos, field, `unknown ${noun} id "${id}"`, `an id from ${target.file}`, fix);
    return false;
  }

  /** Checks every id in the list at `path` of a data entry against `target`. */
  jsonRefs(table: Table<unknown>, entry: Entry<unknown>, path: ValuePath, target: Table<unknown>): void {
    const list = path.reduce<unknown>((v, k) => (v && typeof v === 'object' ? (v as Record<string | number, unknown>)[k] : undefined), entry.raw);
    if (!Array.isArray(list) || !table.json) return;
    list.forEach((id, j) => {
      const full = [entry.index, ...path, j];
      this.ref(target, id, table.file, locate(table.json!, full), formatField(table.name, full));
    });
  }

  /** Reports an error at the value `path` of an entry of `table`. */
  at(table: Table<unknown>, path: ValuePath, message: string, expected?: string, suggestion?: string): void {
    this.error(table.file, where(table, path), formatField(table.name, path), message, expected, suggestion);
  }
}

/** Line and column of the value at `path` in a table (1:1 when the file could not be read). */
export function where(table: Table<unknown>, path: ValuePath): Position {
  return table.json ? locate(table.json, path) : { line: 1, column: 1 };
}

/** The entries of a table that passed their schema. */
export function validOf<T>(table: Table<T>): T[] {
  return table.entries.map((e) => e.parsed).filter((x): x is T => x !== null);
}

/** The first valid entry for each id. */
export function byId<T extends { id: string }>(table: Table<T>): Map<string, T> {
  const out = new Map<string, T>();
  for (const e of table.entries) if (e.parsed && !out.has(e.parsed.id)) out.set(e.parsed.id, e.parsed);
  return out;
}

/** The items of a data file: each entry of a list, or the one object. Null (and an error) when a list file is not a list. */
function itemsOf(name: DataName, json: JsonFile, report: Report): { raw: unknown; path: ValuePath }[] | null {
  const spec = dataFiles[name];
  if (!spec.list) return [{ raw: json.data, path: [] }];
  if (!Array.isArray(json.data)) {
    report.error(json.file, locate(json, []), name, `${spec.file} is not a list`, 'a JSON list [ {…}, {…} ]', 'wrap the entries in [ and ]');
    return null;
  }
  return json.data.map((raw, i) => ({ raw, path: [i] }));
}

/** Loads one data file: syntax, shape, schema of every entry, unique ids. */
function loadTable<T>(name: DataName, data: DataTexts, report: Report): { table: Table<T>; complete: boolean } {
  const spec = dataFiles[name];
  const { file, text } = data[name];
  const table: Table<T> = { name, file, json: null, entries: [], ids: new Map() };
  if (text === null) {
    report.error(file, { line: 1, column: 1 }, name, `${spec.file} is missing`, spec.list ? 'a JSON list of entries' : 'a JSON object', `create ${file}`);
    return { table, complete: false };
  }
  const json = parseJsonFile(file, text, report.diagnostics);
  const items = json ? itemsOf(name, json, report) : null;
  if (!json || !items) return { table, complete: false };
  table.json = json;
  items.forEach(({ raw, path }, index) => {
    const result = validate(spec.schema, raw, 'json');
    const entry: Entry<T> = { index, raw, parsed: result.ok ? (result.data as T) : null };
    if (!result.ok) {
      for (const p of result.problems) {
        const full = [...path, ...p.path];
        report.error(file, locate(json, full, p.at), formatField(name, full), p.message, p.expected, p.suggestion);
      }
    }
    const rawId = raw && typeof raw === 'object' ? (raw as Record<string, unknown>).id : undefined;
    if (typeof rawId === 'string') {
      entry.id = rawId;
      const first = table.ids.get(rawId);
      if (first) {
        const was = locate(json, [first.index, 'id']);
        const message = `duplicate id "${rawId}", also at ${file}:${was.line}:${was.column}`;
        report.at(table as Table<unknown>, [index, 'id'], message, `ids unique within ${spec.file}`, 'rename one of them, or merge the two entries');
      } else table.ids.set(rawId, entry);
    }
    table.entries.push(entry);
  });
  return { table, complete: true };
}

/** Loads every data file (in a fixed order, so diagnostics come out the same every time). */
export function loadTables(data: DataTexts, report: Report): Tables {
  let complete = true;
  const load = <T>(name: DataName): Table<T> => {
    const loaded = loadTable<T>(name, data, report);
    complete &&= loaded.complete;
    return loaded.table;
  };
  const places = load<Place>('places');
  const routes = load<Route>('routes');
  const events = load<Event>('events');
  const sources = load<Source>('sources');
  const frames = load<Frame>('frames');
  const story = load<Story>('story');
  const claims = load<Claim>('claims');
  return { places, routes, events, sources, frames, story, claims, complete };
}

/** The story's settings, when story.json passed its schema. */
export function storyOf(tables: Tables): Story | null {
  return tables.story.entries[0]?.parsed ?? null;
}

/** Whether every data file was read as JSON of the right shape. */
export function allJsonRead(tables: Tables): boolean {
  return [tables.places, tables.routes, tables.events, tables.sources, tables.frames, tables.story, tables.claims].every((t) => t.json);
}
