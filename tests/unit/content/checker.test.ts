import { afterAll, describe, expect, it } from 'vitest';
import { checkTexts, comparePartialDates } from '../../../src/lib/content/checker.ts';
import { parseChapter } from '../../../src/lib/content/chapters.ts';
import { closestMatches, formatDiagnostic, levenshtein, type Diagnostic } from '../../../src/lib/content/diagnostics.ts';
import { checkContent, loadStory, resolveContentDir } from '../../../src/lib/content/load.ts';
import { brokenCases, brokenDir, cleanUp, VALID_DIR, validFile, validTexts, where } from './helpers.ts';

afterAll(cleanUp);

const errorsOf = (ds: Diagnostic[]): Diagnostic[] => ds.filter((d) => d.severity === 'error');
const warningsOf = (ds: Diagnostic[]): Diagnostic[] => ds.filter((d) => d.severity === 'warning');

describe('checkContent on the valid fixture', () => {
  it('checkContent finds no errors and no warnings', () => {
    const result = checkContent(VALID_DIR);
    expect(result.diagnostics.map(formatDiagnostic)).toEqual([]);
    expect(result.catalog?.places.map((p) => p.id)).toEqual(['albu-kamal', 'deir-ezzor', 'al-qaim', 'tehran', 'beirut']);
  });

  it('checkContent returns chapters sorted by order with parsed steps, defaults and plain text', () => {
    const { chapters } = checkContent(VALID_DIR);
    expect(chapters.map((c) => c.slug)).toEqual(['the-route', 'the-strikes']);
    const [route, border] = chapters[0]?.steps ?? [];
    expect(route?.props).toMatchObject({ id: 'route', frame: 'whole-route', routes: ['qaim-corridor'], events: [], timeline: false });
    expect(route?.line).toBe(9);
    expect(route?.chapter).toBe('the-route');
    expect(border?.text).toBe('The route crosses the border at Al-Qaim.');
    expect(chapters[1]?.steps[0]?.props).toMatchObject({ timeline: true, chart: 'strikes-2021-01-13' });
  });

  it('loadStory returns the catalog and memoises per directory', () => {
    const a = loadStory(VALID_DIR);
    expect(a.chapters.map((c) => c.meta.order)).toEqual([1, 2]);
    expect(loadStory(VALID_DIR)).toBe(a);
  });
});

interface Case {
  name: string;
  at: string;
  field: string;
  contains: string[];
  severity?: 'error' | 'warning';
  /** Number of errors expected in all (default 1: no cascades). */
  errors?: number;
}

const cases: Case[] = [
  { name: 'step-unknown-place', at: 'chapters/the-route.mdx:10:22', field: 'step "route" places[1]', contains: ['unknown place id "beiruit"', 'Did you mean "beirut"?'] },
  { name: 'step-unknown-route', at: 'chapters/the-route.mdx:9:47', field: 'step "route" routes[0]', contains: ['unknown route id "qaim-coridor"', 'Did you mean "qaim-corridor"?'] },
  { name: 'step-unknown-event', at: 'chapters/the-strikes.mdx:7:54', field: 'step "strikes" events[0]', contains: ['unknown event id "strikes-2021-01-31"', 'Did you mean "strikes-2021-01-13"?'] },
  { name: 'step-unknown-source', at: 'chapters/the-strikes.mdx:8:32', field: 'step "strikes" sources[1]', contains: ['unknown source id "ap-2021-1-13"', 'Did you mean "ap-2021-01-13"?'] },
  { name: 'step-unknown-frame', at: 'chapters/the-strikes.mdx:7:26', field: 'step "strikes" frame', contains: ['unknown frame id "euphrates-vally"', 'Did you mean "euphrates-valley"?'] },
  { name: 'duplicate-step-id-in-chapter', at: 'chapters/the-route.mdx:17:10', field: 'step "route" id', contains: ['duplicate step id "route"', 'at line 9'] },
  { name: 'duplicate-step-id-across-chapters', at: 'chapters/the-strikes.mdx:7:10', field: 'step "border" id', contains: ['duplicate step id "border"', 'chapters/the-route.mdx:17:1'] },
  { name: 'duplicate-order', at: 'chapters/the-strikes.mdx:3:8', field: 'frontmatter.order', contains: ['order 1 is also used by', 'chapters/the-route.mdx:3:8', 'e.g. 2'] },
  { name: 'places-unknown-key', at: 'places.json:17:5', field: 'places[1].lattitude', contains: ['unknown key "lattitude"', 'Did you mean "lat"?'] },
  { name: 'step-misspelt-prop', at: 'chapters/the-strikes.mdx:7:45', field: 'step "strikes" event', contains: ['unknown prop "event"', 'Did you mean "events"?'] },
  { name: 'step-missing-alt', at: 'chapters/the-route.mdx:17:1', field: 'step "border" alt', contains: ['has no alt text', 'add alt="…"'] },
  { name: 'step-unclosed', at: 'chapters/the-strikes.mdx:7:1', field: 'MDX syntax', contains: ['<Step> is not closed', 'add </Step>'] },
  { name: 'unknown-component', at: 'chapters/the-route.mdx:23:1', field: '<Chart>', contains: ['unknown component <Chart>', 'only <Step>', 'chart="event-id"'] },
  { name: 'html-element', at: 'chapters/the-strikes.mdx:12:57', field: '<br>', contains: ['HTML element <br> is not allowed', 'use Markdown'] },
  { name: 'lat-lon-swapped', at: 'places.json:6:12', field: 'places[0].lat', contains: ['lat and lon look swapped', '"lat": 34.4536, "lon": 40.9367'] },
  { name: 'label-does-not-fit', at: 'chapters/the-route.mdx:9:1', field: 'step "route" places', contains: ['label "Beirut, the capital of Lebanon, on the Mediterranean coast"', 'does not fit at phone size (320×320 px)', 'a `phone` frame in frames.json', 'fewer places'] },
  {
    name: 'alt-names-unlabelled-place',
    at: 'chapters/the-route.mdx:17:1',
    field: 'step "border" alt',
    contains: ['the alt text names Albu Kamal (place "albu-kamal"), but the map does not label it', 'add "albu-kamal" to the step\'s places, or reword the alt text'],
  },
  { name: 'frame-too-narrow', at: 'frames.json:5:15', field: 'frames[0].bounds', contains: ['spans only 46 km east–west', 'at least 120 km'] },
  { name: 'malformed-date', at: 'events.json:5:13', field: 'events[0].date', contains: ['"13/01/2021" is not a valid date', 'write it as "2021-01-13"'] },
  { name: 'event-after-asof', at: 'events.json:5:13', field: 'events[0].date', contains: ['"2021-02-13" is after the story\'s asOf date "2021-01-31"'] },
  { name: 'end-date-before-date', at: 'events.json:6:16', field: 'events[0].endDate', contains: ['"2021-01-12" is before the start date "2021-01-13"'] },
  { name: 'updated-before-published', at: 'story.json:5:14', field: 'story.updated', contains: ['"2021-01-03" is before published "2021-02-01"'] },
  { name: 'route-one-waypoint', at: 'routes.json:7:18', field: 'routes[0].waypoints', contains: ['has only 1 item', 'at least two waypoints', 'at least 2 items'] },
  { name: 'route-unknown-waypoint', at: 'routes.json:7:40', field: 'routes[0].waypoints[2]', contains: ['unknown place id "abu-kamal"', 'Did you mean "albu-kamal"?'] },
  { name: 'unverified-leg-order', at: 'routes.json:9:33', field: 'routes[0].unverifiedLegs[0].to', contains: ['does not come after "beirut"', 'swap from and to'] },
  { name: 'unverified-leg-not-waypoint', at: 'routes.json:9:37', field: 'routes[0].unverifiedLegs[0].to', contains: ['"damascus" is not a waypoint of route "qaim-corridor"'] },
  { name: 'source-empty-url-title', at: 'sources.json:19:14', field: 'sources[2].title', contains: ['is empty', 'remove "title" if it is not known'], errors: 2 },
  { name: 'source-empty-url-title', at: 'sources.json:20:12', field: 'sources[2].url', contains: ['"" is not a full URL', 'https://'], errors: 2 },
  { name: 'claim-unknown-step', at: 'claims.json:13:15', field: 'claims[1].steps[0]', contains: ['unknown step id "strike"', 'Did you mean "strikes"?'] },
  { name: 'frontmatter-misspelt-key', at: 'chapters/the-route.mdx:4:1', field: 'frontmatter.sumary', contains: ['unknown key "sumary"', 'Did you mean "summary"?'] },
  { name: 'frontmatter-slug-key', at: 'chapters/the-route.mdx:4:1', field: 'frontmatter.slug', contains: ['slug is its file name', 'remove "slug"'] },
  { name: 'frontmatter-yaml-error', at: 'chapters/the-route.mdx:2:8', field: 'frontmatter', contains: ['YAML: Nested mappings', 'double quotes'] },
  { name: 'json-duplicate-key', at: 'places.json:7:5', field: 'places[0].lat', contains: ['duplicate key "lat"', 'also at line 6, column 5', 'keep one "lat"'] },
  { name: 'json-trailing-comma', at: 'places.json:53:4', field: 'JSON syntax', contains: ['trailing comma', 'remove the comma'] },
  { name: 'bad-enum', at: 'places.json:30:13', field: 'places[2].kind', contains: ['"border-crossing" is not an allowed value', 'Did you mean "crossing"?'] },
  { name: 'figure-value-and-range', at: 'events.json:14:7', field: 'events[0].figures[0]', contains: ['has both "value" and "range"'] },
  { name: 'duplicate-place-id', at: 'places.json:25:11', field: 'places[2].id', contains: ['duplicate id "albu-kamal"', 'places.json:3:11'], errors: 3 },
  { name: 'chart-without-figures', at: 'chapters/the-strikes.mdx:8:72', field: 'step "strikes" chart', contains: ['event "statement-2021-01-14" has no figures to chart', 'Did you mean "strikes-2021-01-13"?'] },
  { name: 'chapter-without-steps', at: 'chapters/the-strikes.mdx:1:1', field: 'chapter', contains: ['the chapter has no <Step>'], errors: 2 },
  { name: 'step-non-literal', at: 'chapters/the-route.mdx:18:11', field: 'step "border" places', contains: ['{places} is not a literal value', 'places={["…", "…"]}'] },
  { name: 'route-bad-status', at: 'routes.json:7:15', field: 'routes[0].status', contains: ['"shut" is not an allowed value', 'open', 'closed'] },
  { name: 'review-before-published', at: 'story.json:7:19', field: 'story.lastReviewed', contains: ['"2021-01-20" is before published "2021-02-01"', 'last checked against new reporting'] },
  { name: 'next-review-before-last-review', at: 'story.json:8:17', field: 'story.nextReview', contains: ['"2021-02-02" is not after lastReviewed "2021-02-03"', 'next check'] },
  { name: 'warning-uncited-source', at: 'sources.json:23:11', field: 'sources[3]', contains: ['source "sana-2021-01-13" is not cited'], severity: 'warning', errors: 0 },
  { name: 'warning-long-step', at: 'chapters/the-route.mdx:17:1', field: 'step "border" text', contains: ['has 102 words, too long for a phone card', 'at most 90 words'], severity: 'warning', errors: 0 },
];

describe('checkContent on broken fixtures (one mistake each)', () => {
  it.each(cases)('checkContent reports $name at $at ($field)', ({ name, at, field, contains, severity = 'error', errors = 1 }) => {
    const dir = brokenDir(name);
    const { diagnostics } = checkContent(dir);
    const hit = diagnostics.find((d) => where(dir, d) === at && d.field === field && d.severity === severity);
    expect(hit, `no ${severity} at ${at} for ${field}; got:\n${diagnostics.map(formatDiagnostic).join('\n')}`).toBeDefined();
    const line = formatDiagnostic(hit as Diagnostic);
    for (const text of contains) expect(line).toContain(text);
    expect(hit?.expected ?? hit?.suggestion, 'every diagnostic says what was expected or how to fix it').toBeTruthy();
    expect(errorsOf(diagnostics)).toHaveLength(errors);
  });

  it('every broken fixture directory is covered by a case', () => {
    expect(brokenCases()).toEqual([...new Set(cases.map((c) => c.name))].sort());
  });

  it('every error in every broken fixture names a fix or an expectation', () => {
    for (const name of brokenCases()) {
      for (const d of errorsOf(checkContent(brokenDir(name)).diagnostics)) {
        expect(d.line).toBeGreaterThanOrEqual(1);
        expect(d.column).toBeGreaterThanOrEqual(1);
        expect(Boolean(d.expected) || Boolean(d.suggestion), formatDiagnostic(d)).toBe(true);
      }
    }
  });
});

describe('checkTexts (pure, from strings)', () => {
  it('checkTexts reports a missing data file and leaves the catalog null', () => {
    const result = checkTexts(validTexts({ frames: null }));
    expect(result.catalog).toBeNull();
    expect(errorsOf(result.diagnostics).map(formatDiagnostic)).toEqual([
      'content/frames.json:1:1 error frames: frames.json is missing (expected a JSON list of entries) Fix: create content/frames.json',
    ]);
  });

  it('checkTexts reports two chapter files whose names differ only by case as one slug', () => {
    const result = checkTexts(validTexts({ 'chapters/The-Route.mdx': validFile('chapters/the-route.mdx').replace('order: 1', 'order: 3') }));
    const slug = result.diagnostics.find((d) => d.field === 'slug' && d.severity === 'error');
    expect(slug && formatDiagnostic(slug)).toMatch(/^content\/chapters\/the-route\.mdx:1:1 error slug: the slug "the-route" clashes with content\/chapters\/The-Route\.mdx/);
  });

  it('checkTexts warns about a Markdown file the build would ignore', () => {
    const texts = { ...validTexts(), otherChapterFiles: ['content/chapters/draft.md', 'content/chapters/README.md'] };
    expect(checkTexts(texts).diagnostics.map(formatDiagnostic)).toEqual([
      'content/chapters/draft.md:1:1 warning chapter file: is not a chapter: only .mdx files are read Fix: rename it to content/chapters/draft.mdx',
    ]);
  });

  it('checkTexts flags a place nothing shows', () => {
    const places = JSON.parse(validFile('places.json')) as unknown[];
    places.push({ id: 'homs', name: 'Homs', lat: 34.73, lon: 36.71, country: 'Syria', kind: 'city', radiusKm: 0, sources: ['ap-2021-01-13'] });
    const result = checkTexts(validTexts({ places: JSON.stringify(places, null, 2) }));
    expect(warningsOf(result.diagnostics).map(formatDiagnostic)).toEqual([
      'content/places.json:70:11 warning places[5]: place "homs" is not shown by any route, event, frame or step Fix: show it (e.g. in a step\'s places), or remove it',
    ]);
  });

  it('checkTexts points a JSON syntax error at its line and column', () => {
    const result = checkTexts(validTexts({ story: '{\n  "title": "The Pipeline"\n  "dek": "x"\n}\n' }));
    expect(errorsOf(result.diagnostics).map((d) => `${d.file}:${d.line}:${d.column} ${d.message}`)).toEqual(['content/story.json:3:3 expected a comma']);
  });

  it('checkTexts reports a missing required key at its object', () => {
    const result = checkTexts(validTexts({ story: validFile('story.json').replace('  "byline": "The Desk",\n', '') }));
    expect(errorsOf(result.diagnostics).map(formatDiagnostic)).toEqual(['content/story.json:1:1 error story.byline: "byline" is missing (expected a text in quotes) Fix: add "byline"']);
  });

  it('checkTexts reports a bare number as the wrong type with a fix', () => {
    const result = checkTexts(validTexts({ places: validFile('places.json').replace('"radiusKm": 0,', '"radiusKm": "0",') }));
    const [d] = errorsOf(result.diagnostics);
    expect(d && formatDiagnostic(d)).toBe('content/places.json:10:17 error places[0].radiusKm: is the text "0" (expected a number) Fix: write 0 without quotes');
  });
});

describe('parseChapter (pure, from strings)', () => {
  const chapter = (body: string, front = 'title: T\norder: 1\nsummary: S'): Diagnostic[] => {
    const diagnostics: Diagnostic[] = [];
    parseChapter('c.mdx', 'c', `---\n${front}\n---\n${body}`, diagnostics);
    return diagnostics;
  };

  it('parseChapter reports an HTML comment with a fix', () => {
    const [d] = chapter('\n<!-- note -->\n');
    expect(d && formatDiagnostic(d)).toBe('c.mdx:7:2 error MDX syntax: HTML comments are not allowed in MDX (expected valid MDX) Fix: write comments as {/* … */}');
  });

  it('parseChapter reports an import statement', () => {
    const ds = chapter('\nimport Chart from "./chart.astro"\n\n<Step id="a" frame="f" alt="x">\n\nText.\n\n</Step>\n');
    expect(ds.map((d) => `${d.line}:${d.column} ${d.message}`)).toEqual(['7:1 import and export statements are not allowed in chapters']);
  });

  it('parseChapter reports an unquoted attribute value at the parser position', () => {
    const [d] = chapter('\n<Step id="a" frame=f alt="x">\n\nText.\n\n</Step>\n');
    expect(d).toMatchObject({ line: 7, column: 20, field: 'MDX syntax' });
    expect(d?.suggestion).toContain('double quotes');
  });

  it('parseChapter reports a string where a boolean belongs, and a duplicate frontmatter key', () => {
    const ds = chapter('\n<Step id="a" frame="f" timeline="true" alt="x">\n\nText.\n\n</Step>\n');
    expect(ds.map(formatDiagnostic)).toEqual(['c.mdx:7:33 error step "a" timeline: is the text "true" (expected true or false) Fix: write timeline={true}']);
    const dup = chapter('\n<Step id="a" frame="f" alt="x">\n\nText.\n\n</Step>\n', 'title: T\norder: 1\norder: 2\nsummary: S');
    expect(dup.map((d) => `${d.line}:${d.column} ${d.message}`)).toEqual(['4:1 YAML: Map keys must be unique']);
  });

  it('parseChapter reports a JavaScript expression in the text and a nested step', () => {
    const ds = chapter('\n<Step id="a" frame="f" alt="x">\n\nText {1 + 1}.\n\n<Step id="b" frame="f" alt="y">\n\nMore.\n\n</Step>\n</Step>\n');
    expect(ds.map((d) => `${d.line}:${d.column} ${d.field}`)).toEqual(['9:6 expression', '11:1 Step']);
  });

  it('parseChapter counts only a missing frontmatter once', () => {
    const diagnostics: Diagnostic[] = [];
    const c = parseChapter('c.mdx', 'c', '<Step id="a" frame="f" alt="x">\n\nText.\n\n</Step>\n', diagnostics);
    expect(diagnostics.map((d) => d.message)).toEqual(['the chapter has no frontmatter']);
    expect(c.steps).toHaveLength(1);
  });
});

describe('helpers', () => {
  it('formatDiagnostic puts file:line:col first on one line', () => {
    expect(
      formatDiagnostic({ severity: 'error', file: 'content/places.json', line: 12, column: 5, field: 'places[3].lat', message: 'is wrong\nreally', expected: 'a number', suggestion: 'fix it' }),
    ).toBe('content/places.json:12:5 error places[3].lat: is wrong really (expected a number) Fix: fix it');
  });

  it('comparePartialDates compares at the coarser precision', () => {
    expect(comparePartialDates('2021', '2021-01-13')).toBe(0);
    expect(comparePartialDates('2021-02', '2021-01-31')).toBe(1);
    expect(comparePartialDates('2020-12-31', '2021')).toBe(-1);
  });

  it('closestMatches suggests near misses and prefixes, not unrelated ids', () => {
    expect(levenshtein('kitten', 'sitting')).toBe(3);
    expect(closestMatches('deir-ezor', ['deir-ezzor', 'damascus', 'beirut'])).toEqual(['deir-ezzor']);
    expect(closestMatches('deir', ['deir-ezzor', 'damascus'])).toEqual(['deir-ezzor']);
    expect(closestMatches('tehran', ['beirut', 'damascus'])).toEqual([]);
  });

  it('resolveContentDir honours CONTENT_DIR, relative or absolute', () => {
    expect(resolveContentDir({})).toBe(`${process.cwd()}/content`);
    expect(resolveContentDir({ CONTENT_DIR: 'tests/x' })).toBe(`${process.cwd()}/tests/x`);
    expect(resolveContentDir({ CONTENT_DIR: '/tmp/y' })).toBe('/tmp/y');
  });
});

describe('schema refinements are recognised by their tag, not their wording', () => {
  it('a reworded range refinement still gives the range diagnostic and fix', async () => {
    const { z } = await import('astro/zod');
    const { problemTag, validate } = await import('../../../src/lib/content/issues.ts');
    const schema = z.object({ range: z.tuple([z.number(), z.number()]) }).refine((f) => f.range[0] <= f.range[1], problemTag('range-order', 'Reworded: low first, please'));
    const result = validate(schema, { range: [5, 1] });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems).toEqual([{ path: ['range'], at: 'value', message: '[5,1] has low > high', expected: '[low, high] with low ≤ high', suggestion: 'write [1, 5]' }]);
  });
});
