/** Checks the story's content, given as file texts, and returns the parsed catalog, chapters and every diagnostic with its position. */
import { distanceKm } from '../geo/projection.ts';
import { dataFiles, isValidPartialDate, MIN_FRAME_SPAN_KM, REGION, type Bounds, type Catalog, type Claim, type Event, type Frame, type Place, type Route, type Source, type Story } from './schemas.ts';
import type { CountryLocator } from './countries.ts';
import { parseChapter, type ChapterDoc, type ParsedChapter, type RawStep, type StepDoc } from './chapters.ts';
import { compareDiagnostics, didYouMean, quoteList, type Diagnostic, type Position } from './diagnostics.ts';
import { validate, type ValuePath } from './issues.ts';
import { formatField, locate, parseJsonFile, type JsonFile } from './json-file.ts';

/** Name of a data file in `dataFiles`: `places`, `routes`, … */
export type DataName = keyof typeof dataFiles;

/** The content to check, as texts: what `load.ts` reads from disk, or what a test writes inline. */
export interface ContentTexts {
  /** Every data file: its path relative to the working directory and its text (null when the file is missing). */
  data: Record<DataName, { file: string; text: string | null }>;
  /** The chapters directory, relative to the working directory (for "no chapters" errors). */
  chaptersDir: string;
  /** Chapter files (`name` is the file name, e.g. `the-corridor.mdx`), or null when the directory is missing. */
  chapters: { file: string; name: string; text: string }[] | null;
  /** Other files in the chapters directory (paths relative to the working directory); Markdown among them is ignored by the build. */
  otherChapterFiles?: string[];
}

/** Optional knowledge the pure checker can be given (load.ts gives it the countries of Natural Earth). */
export interface CheckOptions {
  /** When given, a place must lie in (or within {@link COUNTRY_TOLERANCE_KM} of) the countries its `country` names. */
  countries?: CountryLocator;
}

/** How far outside the country it names a place may lie (borders and coasts at 1:50m are approximate). */
export const COUNTRY_TOLERANCE_KM = 15;

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

interface Entry<T> {
  index: number;
  raw: unknown;
  parsed: T | null;
  id?: string;
}

interface Table<T> {
  name: DataName;
  file: string;
  json: JsonFile | null;
  entries: Entry<T>[];
  /** First entry for each id, whether or not the entry is otherwise valid. */
  ids: Map<string, Entry<T>>;
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

/** Compares two partial dates at the coarser of their precisions: "2021" equals "2021-01-13". */
export function comparePartialDates(a: string, b: string): number {
  const n = Math.min(a.length, b.length);
  const x = a.slice(0, n);
  const y = b.slice(0, n);
  return x < y ? -1 : x > y ? 1 : 0;
}

/**
 * Ids the story page gives its own elements (src/pages/index.astro, components/chrome): a step with
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

/** How precise a partial date is, from its length. */
function precisionOf(date: string): 'year' | 'month' | 'day' {
  return date.length >= 10 ? 'day' : date.length >= 7 ? 'month' : 'year';
}

const PRECISION_NAMES = { year: 'a year', month: 'a month', day: 'a day' } as const;

/** The partial date an id ends with (`strikes-2021-01-13` → `2021-01-13`, `seizures-2025` → `2025`), or null. */
export function dateInId(id: string): string | null {
  const m = /(?:^|-)((?:19|20)\d{2}(?:-\d{2}(?:-\d{2})?)?)$/.exec(id);
  const d = m?.[1];
  return d && isValidPartialDate(d) ? d : null;
}

function inRegion(lon: number, lat: number): boolean {
  return lon >= REGION.west && lon <= REGION.east && lat >= REGION.south && lat <= REGION.north;
}

const regionText = `lat ${REGION.south}–${REGION.north}, lon ${REGION.west}–${REGION.east} (Iran to the eastern Mediterranean)`;

function stringsAt(raw: unknown, key: string): string[] {
  if (!raw || typeof raw !== 'object') return [];
  const v = (raw as Record<string, unknown>)[key];
  if (typeof v === 'string') return [v];
  return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];
}

/**
 * Checks all content given as texts: JSON syntax and schemas (with exact positions), unique ids,
 * cross-references with closest-id suggestions, geography, dates, chapter frontmatter and MDX,
 * `<Step>` props, and the warnings (uncited sources, unused places, long steps). Never throws for
 * bad content.
 */
export function checkTexts(input: ContentTexts, options: CheckOptions = {}): CheckResult {
  const diagnostics: Diagnostic[] = [];
  const error = (file: string, pos: Position, field: string, message: string, expected?: string, suggestion?: string): void => {
    diagnostics.push({ severity: 'error', file, line: pos.line, column: pos.column, field, message, expected, suggestion });
  };
  const warn = (file: string, pos: Position, field: string, message: string, suggestion?: string): void => {
    diagnostics.push({ severity: 'warning', file, line: pos.line, column: pos.column, field, message, suggestion });
  };

  // ---- data files: syntax, schema, unique ids ----
  let dataComplete = true;
  function loadTable<T>(name: DataName): Table<T> {
    const spec = dataFiles[name];
    const { file, text } = input.data[name];
    const table: Table<T> = { name, file, json: null, entries: [], ids: new Map() };
    if (text === null) {
      dataComplete = false;
      error(file, { line: 1, column: 1 }, name, `${spec.file} is missing`, spec.list ? 'a JSON list of entries' : 'a JSON object', `create ${file}`);
      return table;
    }
    const json = parseJsonFile(file, text, diagnostics);
    if (!json) {
      dataComplete = false;
      return table;
    }
    table.json = json;
    const items: { raw: unknown; path: ValuePath }[] = [];
    if (spec.list) {
      if (!Array.isArray(json.data)) {
        dataComplete = false;
        error(file, locate(json, []), name, `${spec.file} is not a list`, 'a JSON list [ {…}, {…} ]', 'wrap the entries in [ and ]');
        table.json = null;
        return table;
      }
      json.data.forEach((raw, i) => items.push({ raw, path: [i] }));
    } else {
      items.push({ raw: json.data, path: [] });
    }
    items.forEach(({ raw, path }, index) => {
      const result = validate(spec.schema, raw, 'json');
      const entry: Entry<T> = { index, raw, parsed: result.ok ? (result.data as T) : null };
      if (!result.ok) {
        for (const p of result.problems) {
          error(file, locate(json, [...path, ...p.path], p.at), formatField(name, [...path, ...p.path]), p.message, p.expected, p.suggestion);
        }
      }
      const rawId = raw && typeof raw === 'object' ? (raw as Record<string, unknown>).id : undefined;
      if (typeof rawId === 'string') {
        entry.id = rawId;
        const first = table.ids.get(rawId);
        if (first) {
          const firstPos = locate(json, [first.index, 'id']);
          error(
            file,
            locate(json, [index, 'id']),
            formatField(name, [index, 'id']),
            `duplicate id "${rawId}", also at ${file}:${firstPos.line}:${firstPos.column}`,
            `ids unique within ${spec.file}`,
            `rename one of them, or merge the two entries`,
          );
        } else table.ids.set(rawId, entry);
      }
      table.entries.push(entry);
    });
    return table;
  }

  const places = loadTable<Place>('places');
  const routes = loadTable<Route>('routes');
  const events = loadTable<Event>('events');
  const sources = loadTable<Source>('sources');
  const frames = loadTable<Frame>('frames');
  const storyTable = loadTable<Story>('story');
  const claims = loadTable<Claim>('claims');
  const story = storyTable.entries[0]?.parsed ?? null;

  const at = (table: Table<unknown>, path: ValuePath): Position => (table.json ? locate(table.json, path) : { line: 1, column: 1 });

  /** Reports `id` when it is not an id of `target` (skipped when `target` could not be read). */
  const checkRef = (target: Table<unknown>, id: unknown, file: string, pos: Position, field: string): boolean => {
    if (typeof id !== 'string' || !target.json) return true;
    if (target.ids.has(id)) return true;
    const noun = NOUNS[target.name];
    error(
      file,
      pos,
      field,
      `unknown ${noun} id "${id}"`,
      `an id from ${target.file}`,
      didYouMean(id, target.ids.keys(), `add a ${noun} "${id}" to ${target.file}, or use one of its ids`),
    );
    return false;
  };
  const checkJsonRefs = (table: Table<unknown>, entry: Entry<unknown>, path: ValuePath, target: Table<unknown>): void => {
    const list = path.reduce<unknown>((v, k) => (v && typeof v === 'object' ? (v as Record<string | number, unknown>)[k] : undefined), entry.raw);
    if (!Array.isArray(list)) return;
    list.forEach((id, j) => {
      const full = [entry.index, ...path, j];
      if (table.json) checkRef(target, id, table.file, locate(table.json, full), formatField(table.name, full));
    });
  };

  // ---- data cross-references ----
  for (const e of places.entries) checkJsonRefs(places, e, ['sources'], sources);
  for (const e of routes.entries) {
    checkJsonRefs(routes, e, ['waypoints'], places);
    checkJsonRefs(routes, e, ['sources'], sources);
    const route = e.parsed;
    if (!route || !routes.json) continue;
    route.unverifiedLegs.forEach((leg, k) => {
      const idx = { from: route.waypoints.indexOf(leg.from), to: route.waypoints.indexOf(leg.to) };
      for (const end of ['from', 'to'] as const) {
        if (idx[end] >= 0) continue;
        const path = [e.index, 'unverifiedLegs', k, end];
        error(
          routes.file,
          at(routes, path),
          formatField('routes', path),
          `"${leg[end]}" is not a waypoint of route "${route.id}"`,
          `one of its waypoints: ${quoteList(route.waypoints)}`,
          didYouMean(leg[end], route.waypoints, `use one of ${quoteList(route.waypoints)}`),
        );
      }
      if (idx.from >= 0 && idx.to >= 0 && idx.from >= idx.to) {
        const path = [e.index, 'unverifiedLegs', k, 'to'];
        error(
          routes.file,
          at(routes, path),
          formatField('routes', path),
          `"${leg.to}" does not come after "${leg.from}" in the waypoints`,
          'from before to, in waypoint order',
          idx.from === idx.to ? 'make "to" a later waypoint than "from"' : `swap from and to ("from": "${leg.to}", "to": "${leg.from}")`,
        );
      }
    });
  }
  /** Events whose dates were already reported (after asOf, end before start): not checked again against their ids. */
  const datesReported = new Set<number>();
  for (const e of events.entries) {
    checkJsonRefs(events, e, ['places'], places);
    checkJsonRefs(events, e, ['sources'], sources);
    const rawFigures = (e.raw as { figures?: unknown } | null)?.figures;
    if (Array.isArray(rawFigures)) rawFigures.forEach((_, k) => checkJsonRefs(events, e, ['figures', k, 'sources'], sources));
    const ev = e.parsed;
    if (!ev) continue;
    if (ev.endDate && comparePartialDates(ev.endDate, ev.date) < 0) {
      datesReported.add(e.index);
      const path = [e.index, 'endDate'];
      error(events.file, at(events, path), formatField('events', path), `"${ev.endDate}" is before the start date "${ev.date}"`, `an end date on or after "${ev.date}"`, 'swap date and endDate, or correct the year');
    }
    if (story) {
      for (const key of ['date', 'endDate'] as const) {
        const d = ev[key];
        if (d && comparePartialDates(d, story.asOf) > 0) {
          datesReported.add(e.index);
          const path = [e.index, key];
          error(
            events.file,
            at(events, path),
            formatField('events', path),
            `"${d}" is after the story's asOf date "${story.asOf}"`,
            `a date on or before ${story.asOf} (asOf in ${storyTable.file})`,
            `correct the date, or move asOf in ${storyTable.file} forward if the story now covers it`,
          );
        }
      }
    }
  }
  // ---- date precision: a time needs a day; a date written at the end of an id must agree with "date" ----
  for (const e of events.entries) {
    const ev = e.parsed;
    if (!ev?.time || precisionOf(ev.date) === 'day') continue;
    const path = [e.index, 'time'];
    error(
      events.file,
      at(events, path),
      formatField('events', path),
      `a time of day ("${ev.time}") is given but "date" is "${ev.date}", ${PRECISION_NAMES[precisionOf(ev.date)]}`,
      'a date to the day (YYYY-MM-DD) when a time is given',
      'give the day in "date" if it is known, or remove "time"',
    );
  }
  for (const table of [events, sources] as Table<{ id: string; date: string; endDate?: string }>[]) {
    for (const e of table.entries) {
      const item = e.parsed;
      const named = item ? dateInId(item.id) : null;
      if (!item || !named || (table.name === 'events' && datesReported.has(e.index))) continue;
      const finer = named.length > item.date.length;
      const within = comparePartialDates(named, item.date) >= 0 && comparePartialDates(named, item.endDate ?? item.date) <= 0;
      if (within && !finer) continue;
      const path = [e.index, 'date'];
      const span = item.endDate ? `"${item.date}" to "${item.endDate}"` : `"${item.date}"`;
      error(
        table.file,
        at(table, path),
        formatField(table.name, path),
        finer && within
          ? `the id "${item.id}" names ${PRECISION_NAMES[precisionOf(named)]} (${named}) but "date" is only ${PRECISION_NAMES[precisionOf(item.date)]} (${item.date})`
          : `the id "${item.id}" names ${named} but the date is ${span}`,
        `a date that matches the id, with the same precision or finer`,
        finer && within
          ? `give the full date ("${named}") if it is known, or shorten the id to "${item.id.slice(0, item.id.length - named.length)}${item.date}"`
          : `correct the date or the id (ids are stable once published: prefer correcting the date if it is the one that is wrong)`,
      );
    }
  }

  for (const e of claims.entries) checkJsonRefs(claims, e, ['sources'], sources);
  const claimNumbers = new Map<number, Entry<Claim>>();
  for (const e of claims.entries) {
    const n = e.parsed?.n;
    if (n === undefined) continue;
    const first = claimNumbers.get(n);
    if (first && claims.json) {
      const firstPos = locate(claims.json, [first.index, 'n']);
      error(claims.file, at(claims, [e.index, 'n']), formatField('claims', [e.index, 'n']), `claim number ${n} is used twice, also at ${claims.file}:${firstPos.line}:${firstPos.column}`, 'claim numbers unique within claims.json', 'correct the number to the claim\'s number in facts.md');
    } else claimNumbers.set(n, e);
  }

  // ---- geography ----
  for (const e of places.entries) {
    const p = e.parsed;
    if (!p || inRegion(p.lon, p.lat)) continue;
    const swapped = inRegion(p.lat, p.lon);
    const latOut = p.lat < REGION.south || p.lat > REGION.north;
    const key = swapped || latOut ? 'lat' : 'lon';
    const path = [e.index, key];
    error(
      places.file,
      at(places, path),
      formatField('places', path),
      swapped ? `lat ${p.lat}, lon ${p.lon} is outside the story's region; lat and lon look swapped` : `lat ${p.lat}, lon ${p.lon} is outside the story's region`,
      regionText,
      swapped ? `swap them: "lat": ${p.lon}, "lon": ${p.lat}` : 'check the coordinate (decimal degrees, WGS84)',
    );
  }
  // Inside the region but not in the country it names: swapped lat/lon in the west of the map stay
  // inside the region (Beirut swapped lands off Cyprus), so compare with the country as well.
  const countries = options.countries;
  /** Places reported as misplaced: frames measured with them would only mislead. */
  const misplaced = new Set<string>();
  if (countries) {
    for (const e of places.entries) {
      const p = e.parsed;
      if (!p || !inRegion(p.lon, p.lat)) continue;
      const named = countries.names.filter((n) => new RegExp(`\\b${n.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\b`, 'i').test(p.country));
      if (!named.length || named.some((n) => countries.near(n, p.lon, p.lat, COUNTRY_TOLERANCE_KM))) continue;
      const swapped = inRegion(p.lat, p.lon) && named.some((n) => countries.near(n, p.lat, p.lon, COUNTRY_TOLERANCE_KM));
      misplaced.add(p.id);
      const actual = countries.at(p.lon, p.lat);
      const path = [e.index, 'lat'];
      error(
        places.file,
        at(places, path),
        formatField('places', path),
        `lat ${p.lat}, lon ${p.lon} is ${actual ? `in ${actual}` : 'at sea'}, not in ${quoteList(named)}${swapped ? '; lat and lon look swapped' : ''}`,
        `a point in ${named.join(' or ')} (or within ${COUNTRY_TOLERANCE_KM} km of it), as "country" says`,
        swapped ? `swap them: "lat": ${p.lon}, "lon": ${p.lat}` : 'check the coordinate (decimal degrees, WGS84, lat north–south), or correct "country"',
      );
    }
  }
  const placeById = new Map<string, Place>();
  for (const e of places.entries) if (e.parsed && !placeById.has(e.parsed.id)) placeById.set(e.parsed.id, e.parsed);

  const checkBounds = (e: Entry<Frame>, key: 'bounds' | 'phone', bounds: Bounds): void => {
    const path: ValuePath = [e.index, key];
    const field = formatField('frames', path);
    let box: { w: number; s: number; e: number; n: number };
    let suggestion: string;
    if ('corners' in bounds) {
      const [[w, s], [east, n]] = bounds.corners;
      const cPath = [...path, 'corners'];
      if (w >= east || s >= n) {
        error(frames.file, at(frames, cPath), formatField('frames', cPath), `corners [[${w}, ${s}], [${east}, ${n}]] are not west-south then east-north`, '[[west, south], [east, north]] in lon/lat', 'put the smaller longitude and latitude in the first corner');
        return;
      }
      if (!inRegion(w, s) || !inRegion(east, n)) {
        const swapped = inRegion(s, w) && inRegion(n, east);
        error(
          frames.file,
          at(frames, cPath),
          formatField('frames', cPath),
          swapped ? 'corners are outside the story\'s region; they look like [lat, lon] instead of [lon, lat]' : 'corners are outside the story\'s region',
          `corners within ${regionText}`,
          swapped ? `write [[${s}, ${w}], [${n}, ${east}]]` : 'move the corners inside the region',
        );
        return;
      }
      box = { w, s, e: east, n };
      suggestion = `move the corners at least ${MIN_FRAME_SPAN_KM} km apart in both directions`;
    } else {
      const found = bounds.places.map((id) => placeById.get(id));
      // An unknown, invalid or misplaced place is reported where it is written; measuring without it would only mislead.
      if (found.some((p) => p === undefined || !inRegion(p.lon, p.lat) || misplaced.has(p.id))) return;
      const pts = found as Place[];
      box = { w: Infinity, s: Infinity, e: -Infinity, n: -Infinity };
      for (const p of pts) {
        // An area place keeps its whole radius in view.
        const dLat = p.radiusKm / 111.2;
        const dLon = p.radiusKm / (111.2 * Math.cos((p.lat * Math.PI) / 180));
        box = { w: Math.min(box.w, p.lon - dLon), s: Math.min(box.s, p.lat - dLat), e: Math.max(box.e, p.lon + dLon), n: Math.max(box.n, p.lat + dLat) };
      }
      suggestion = `add a place farther out to "places", or use "corners" at least ${MIN_FRAME_SPAN_KM} km apart`;
    }
    const midLat = (box.s + box.n) / 2;
    const midLon = (box.w + box.e) / 2;
    const width = distanceKm([box.w, midLat], [box.e, midLat]);
    const height = distanceKm([midLon, box.s], [midLon, box.n]);
    if (width < MIN_FRAME_SPAN_KM || height < MIN_FRAME_SPAN_KM) {
      const narrow = [width < MIN_FRAME_SPAN_KM ? `${Math.round(width)} km east–west` : '', height < MIN_FRAME_SPAN_KM ? `${Math.round(height)} km north–south` : ''].filter(Boolean);
      error(frames.file, at(frames, path), field, `frame "${e.parsed?.id ?? ''}" spans only ${narrow.join(' and ')}`, `at least ${MIN_FRAME_SPAN_KM} km in each direction`, suggestion);
    }
  };
  for (const e of frames.entries) {
    checkJsonRefs(frames, e, ['bounds', 'places'], places);
    checkJsonRefs(frames, e, ['phone', 'places'], places);
    if (!e.parsed) continue;
    checkBounds(e, 'bounds', e.parsed.bounds);
    if (e.parsed.phone) checkBounds(e, 'phone', e.parsed.phone);
  }

  // ---- story dates ----
  if (story && comparePartialDates(story.updated, story.published) < 0) {
    error(storyTable.file, at(storyTable, ['updated']), 'story.updated', `"${story.updated}" is before published "${story.published}"`, `a date on or after ${story.published}`, 'set updated to the date of the latest change (or to published if never updated)');
  }
  if (story?.lastReviewed && comparePartialDates(story.lastReviewed, story.published) < 0) {
    error(storyTable.file, at(storyTable, ['lastReviewed']), 'story.lastReviewed', `"${story.lastReviewed}" is before published "${story.published}"`, `a date on or after ${story.published}`, 'set lastReviewed to the date the story was last checked against new reporting');
  }
  if (story?.nextReview && story.lastReviewed && comparePartialDates(story.nextReview, story.lastReviewed) <= 0) {
    error(storyTable.file, at(storyTable, ['nextReview']), 'story.nextReview', `"${story.nextReview}" is not after lastReviewed "${story.lastReviewed}"`, `a date after ${story.lastReviewed}`, 'set nextReview to the date the next check against new reporting is due');
  }

  // ---- chapters ----
  const parsed: ParsedChapter[] = [];
  let chaptersComplete = input.chapters !== null;
  if (input.chapters === null || input.chapters.length === 0) {
    error(input.chaptersDir, { line: 1, column: 1 }, 'chapters', input.chapters === null ? 'the chapters directory is missing' : 'there are no chapters', 'one or more .mdx files', `add chapters as ${input.chaptersDir}/<slug>.mdx`);
  }
  for (const other of input.otherChapterFiles ?? []) {
    if (!/\.(md|markdown|mdown)$/i.test(other) || /(^|\/)readme\.[^/]+$/i.test(other)) continue;
    warn(other, { line: 1, column: 1 }, 'chapter file', 'is not a chapter: only .mdx files are read', `rename it to ${other.replace(/\.[^.]+$/, '.mdx')}`);
  }
  const files = [...(input.chapters ?? [])].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  const slugOwners = new Map<string, string>();
  for (const f of files) {
    const slug = f.name.replace(/\.mdx$/, '');
    const before = diagnostics.length;
    const chapter = parseChapter(f.file, slug, f.text, diagnostics);
    if (diagnostics.slice(before).some((d) => d.field === 'MDX syntax' || (d.field === 'frontmatter' && /not closed/.test(d.message)))) chaptersComplete = false;
    parsed.push(chapter);
    const other = slugOwners.get(slug.toLowerCase());
    if (other) {
      error(f.file, { line: 1, column: 1 }, 'slug', `the slug "${slug}" clashes with ${other}: file names that differ only in case name the same chapter`, 'a unique lower-case file name per chapter', 'rename one of the two files');
    } else {
      slugOwners.set(slug.toLowerCase(), f.file);
      if (!/^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(slug)) {
        warn(f.file, { line: 1, column: 1 }, 'slug', `the file name "${f.name}" is not a kebab-case id (the chapter's slug)`, `rename it to ${slug.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '')}.mdx`);
      }
    }
  }

  const orderOwners = new Map<number, ParsedChapter>();
  for (const c of parsed) {
    if (!c.meta) continue;
    const first = orderOwners.get(c.meta.order);
    if (first) {
      const free = Math.max(...parsed.map((x) => x.meta?.order ?? 0)) + 1;
      const firstPos = first.valuePositions.get('order') ?? { line: 1, column: 1 };
      error(c.file, c.valuePositions.get('order') ?? { line: 1, column: 1 }, 'frontmatter.order', `order ${c.meta.order} is also used by ${first.file}:${firstPos.line}:${firstPos.column}`, 'an order unique across chapters', `give one of the two chapters another order, e.g. ${free}`);
    } else orderOwners.set(c.meta.order, c);
  }

  const allSteps = parsed.flatMap((c) => c.steps);
  const stepById = new Map<string, RawStep>();
  for (const s of allSteps) {
    if (s.id === undefined) continue;
    const first = stepById.get(s.id);
    if (first) {
      const where = first.file === s.file ? `line ${first.line}` : `${first.file}:${first.line}:${first.column}`;
      error(s.file, s.positions.get('id') ?? s, `${s.label} id`, `duplicate step id "${s.id}", also used by the step at ${where}`, 'step ids unique across the story (they are the #anchors)', `rename one of them, e.g. "${s.id}-2"`);
    } else stepById.set(s.id, s);
    const clash = pageAnchorClash(s.id);
    if (clash) {
      error(s.file, s.positions.get('id') ?? s, `${s.label} id`, `"${s.id}" is already an anchor of the page (${clash})`, 'a step id the page does not use itself', `rename it, e.g. "${s.id.replace(/^(chapter|source)-/, '')}-step"`);
    }
  }

  const eventById = new Map<string, Event>();
  for (const e of events.entries) if (e.parsed && !eventById.has(e.parsed.id)) eventById.set(e.parsed.id, e.parsed);
  const refTargets: [string, Table<unknown>][] = [
    ['frame', frames],
    ['routes', routes],
    ['events', events],
    ['places', places],
    ['sources', sources],
    ['chart', events],
  ];
  for (const s of allSteps) {
    for (const [key, target] of refTargets) {
      const v = s.values[key];
      const ids = typeof v === 'string' ? [v] : Array.isArray(v) ? v : [];
      ids.forEach((id, j) => {
        const single = typeof v === 'string';
        const pos = (single ? s.positions.get(key) : s.positions.get(`${key}[${j}]`)) ?? s.positions.get(key) ?? s;
        const field = `${s.label} ${single ? key : `${key}[${j}]`}`;
        if (!checkRef(target, id, s.file, pos, field)) return;
        if (key === 'chart' && typeof id === 'string') {
          const ev = eventById.get(id);
          if (ev && ev.figures.length === 0) {
            const withFigures = [...eventById.values()].filter((x) => x.figures.length > 0).map((x) => x.id);
            error(
              s.file,
              pos,
              field,
              `event "${id}" has no figures to chart`,
              'an event with figures in events.json',
              didYouMean(id, withFigures, withFigures.length ? `chart one of ${quoteList(withFigures.slice(0, 5))}, or add figures to "${id}"` : `add figures to "${id}" in ${events.file}, or remove chart`),
            );
          }
        }
      });
    }
  }

  for (const e of claims.entries) {
    const steps = (e.raw as { steps?: unknown })?.steps;
    if (!Array.isArray(steps) || !claims.json || !chaptersComplete) continue;
    steps.forEach((id, j) => {
      if (typeof id !== 'string' || stepById.has(id)) return;
      const path = [e.index, 'steps', j];
      error(claims.file, at(claims, path), formatField('claims', path), `unknown step id "${id}"`, 'the id of a <Step> in content/chapters', didYouMean(id, stepById.keys(), 'use the id of the step that carries the claim'));
    });
  }

  // ---- warnings: unused sources and places ----
  const allJsonRead = [places, routes, events, sources, frames, storyTable, claims].every((t) => t.json);
  if (allJsonRead && chaptersComplete && dataComplete) {
    const cited = new Set<string>();
    for (const t of [places, routes, events, claims] as Table<unknown>[]) {
      for (const e of t.entries) {
        stringsAt(e.raw, 'sources').forEach((id) => cited.add(id));
        const figs = (e.raw as { figures?: unknown })?.figures;
        if (Array.isArray(figs)) figs.forEach((f) => stringsAt(f, 'sources').forEach((id) => cited.add(id)));
      }
    }
    allSteps.forEach((s) => stringsAt(s.values, 'sources').forEach((id) => cited.add(id)));
    for (const e of sources.entries) {
      if (e.id === undefined || cited.has(e.id)) continue;
      warn(sources.file, at(sources, [e.index, 'id']), formatField('sources', [e.index]), `source "${e.id}" is not cited by any step, place, route, event, figure or claim`, 'cite it where the story relies on it, or remove it');
    }
    const shown = new Set<string>();
    for (const e of routes.entries) stringsAt(e.raw, 'waypoints').forEach((id) => shown.add(id));
    for (const e of events.entries) stringsAt(e.raw, 'places').forEach((id) => shown.add(id));
    for (const e of frames.entries) for (const k of ['bounds', 'phone']) stringsAt((e.raw as Record<string, unknown>)?.[k], 'places').forEach((id) => shown.add(id));
    allSteps.forEach((s) => stringsAt(s.values, 'places').forEach((id) => shown.add(id)));
    for (const e of places.entries) {
      if (e.id === undefined || shown.has(e.id)) continue;
      warn(places.file, at(places, [e.index, 'id']), formatField('places', [e.index]), `place "${e.id}" is not shown by any route, event, frame or step`, 'show it (e.g. in a step\'s places), or remove it');
    }
  }

  // ---- result ----
  const listOf = <T>(t: Table<T>): T[] => t.entries.map((e) => e.parsed).filter((x): x is T => x !== null);
  const catalog: Catalog | null =
    allJsonRead && dataComplete && story
      ? { places: listOf(places), routes: listOf(routes), events: listOf(events), sources: listOf(sources), frames: listOf(frames), story, claims: listOf(claims) }
      : null;
  const chapters: ChapterDoc[] = parsed
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
  diagnostics.sort(compareDiagnostics);
  return { catalog, chapters, diagnostics };
}
