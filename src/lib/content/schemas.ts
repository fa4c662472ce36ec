/**
 * The content model: strict zod schemas for every data file in `content/` and for chapter
 * frontmatter and `<Step>` props. Every object is strict, so an unknown (misspelt) key is an
 * error rather than silently dropped. Cross-references (ids pointing at other files) are checked
 * by the content checker (`checker.ts`), which knows where each value sits in its file.
 */
import { z } from 'astro/zod';
import { problemTag } from './issues.ts';
import { typeset } from './typeset.ts';

/** Kebab-case ASCII id, stable once published: `deir-ezzor`, `strikes-2021-01-13`. */
export const idSchema = z
  .string()
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'a kebab-case ASCII id such as "deir-ezzor" (lower-case letters, digits and single hyphens)');

/** A date written with the precision that is known: year ("2013"), month ("2017-01") or day ("2021-01-13"). */
export const DATE_PATTERN = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/;

/** True when `text` is a real calendar date in one of the three precisions. */
export function isValidPartialDate(text: string): boolean {
  const m = DATE_PATTERN.exec(text);
  if (!m) return false;
  const month = m[2] === undefined ? 1 : Number(m[2]);
  const day = m[3] === undefined ? 1 : Number(m[3]);
  if (month < 1 || month > 12) return false;
  const daysInMonth = new Date(Date.UTC(Number(m[1]), month, 0)).getUTCDate();
  return day >= 1 && day <= daysInMonth;
}

/** "2021-01-13", "2017-01" or "2013": the precision of the string is the precision of the fact. */
export const partialDateSchema = z
  .string()
  .refine(isValidPartialDate, problemTag('partial-date', 'a date as YYYY, YYYY-MM or YYYY-MM-DD that exists in the calendar, e.g. "2021-01-13"'));

/** Local clock time with its UTC offset, e.g. "01:10+02:00". */
export const localTimeSchema = z
  .string()
  .regex(/^([01]\d|2[0-3]):[0-5]\d[+-](0\d|1[0-4]):[0-5]\d$/, 'a local time with its UTC offset, e.g. "01:10+02:00"');

/**
 * Text a reader sees (names, titles, descriptions, alt text, summaries): not empty, at most `max`
 * characters when given, and set with typographic quotes like the MDX prose around it (typeset.ts).
 */
const nonEmpty = (what: string, max?: number) => {
  const text = z.string().trim().min(1, `${what} must not be empty`);
  return (max === undefined ? text : text.max(max)).transform(typeset);
};

/** Ids of entries in sources.json; at least one for anything factual. */
const sourceRefs = z.array(idSchema).min(1, 'at least one source id from sources.json');

/** Kinds of place; `region` and `territory` are normally drawn as areas. */
export const placeKinds = ['city', 'town', 'crossing', 'base', 'airport', 'port', 'region', 'territory', 'site'] as const;

/** One entry of `content/places.json`. */
export const placeSchema = z.strictObject({
  /** Stable kebab-case id used by routes, events, frames and steps. */
  id: idSchema,
  /** The one spelling used in prose, on the map and in alt text (the article's, where it has one). */
  name: nonEmpty('name'),
  /** Other spellings, for search and for the editor's benefit; never shown on the map. */
  aliases: z.array(z.string().min(1)).default([]),
  /** Latitude in decimal degrees, WGS84, −90…90. */
  lat: z.number().min(-90).max(90),
  /** Longitude in decimal degrees, WGS84, −180…180. */
  lon: z.number().min(-180).max(180),
  /** Country or status as the story describes it, e.g. "Syria", "Syria / Iraq border". */
  country: nonEmpty('country'),
  /** What sort of place this is. */
  kind: z.enum(placeKinds),
  /** Uncertainty or extent in km. 0: a point known to about 2 km (drawn as a dot). Larger: drawn as a shaded area of this radius, never as a pin. */
  radiusKm: z.number().min(0).max(200),
  /** Where the coordinate comes from (ids in sources.json). */
  sources: sourceRefs,
  /** Label drawn on the map when it must say more than the name, e.g. "Golan Heights (Israeli-occupied)". */
  mapLabel: nonEmpty('mapLabel').optional(),
  /** Optional note on the coordinate (confidence, method). */
  note: z.string().optional(),
});

/** A stretch of a route whose path is not sourced; drawn faded (live map, static figures and og.png alike). `from` and `to` are waypoints of the route, in order. */
export const unverifiedLegSchema = z.strictObject({
  /** Waypoint (place id) where the unverified stretch starts. */
  from: idSchema,
  /** Waypoint (place id) where it ends; after `from` in `waypoints`. */
  to: idSchema,
  /** Why it is unverified. */
  note: z.string().optional(),
});

/** Route statuses: `open` (default) or `closed` (a source said it was closed). */
export const routeStatuses = ['open', 'closed'] as const;

/** One entry of `content/routes.json`. */
export const routeSchema = z.strictObject({
  id: idSchema,
  /** Labelled by crossing points, e.g. "Al-Qaim / Albu Kamal corridor". */
  name: nonEmpty('name'),
  /** Short label drawn on the map (defaults to `name`). */
  label: z.string().min(1).optional(),
  /** How goods move along it. */
  mode: z.enum(['land', 'air', 'sea']),
  /** Ordered place ids from origin to destination; at least two. */
  waypoints: z.array(idSchema).min(2, 'a route needs at least two waypoints (place ids), origin first'),
  /** Stretches whose path is not sourced; drawn faded. */
  unverifiedLegs: z.array(unverifiedLegSchema).default([]),
  /**
   * Whether the route was usable when its sources described it. `open` (the default): drawn as a normal route.
   * `closed`: a source said the route was closed (e.g. Alma on the Al-Tanf corridor, December 2018); drawn faded
   * with a "closed" label on the map and in the key, so it never reads as a working route.
   */
  status: z.enum(routeStatuses).default('open'),
  /** Who described the route (ids in sources.json). */
  sources: sourceRefs,
  note: z.string().optional(),
});

/**
 * How far an event is established.
 * confirmed: acknowledged by the actor or on the record; attributed: named by officials, monitors or
 * state media but not acknowledged; alleged: claimed by one party, uncorroborated; disputed: sources contradict each other.
 */
export const eventStatuses = ['confirmed', 'attributed', 'alleged', 'disputed'] as const;

export const eventKinds = ['strike', 'raid', 'meeting', 'statement', 'estimate', 'report', 'crossing', 'capture', 'other'] as const;

/** One reported figure: a value or a range, who reported it and when. Never a bare number. */
export const figureSchema = z
  .strictObject({
    /** What is counted, e.g. "killed", "strikes", "rockets". */
    measure: nonEmpty('measure'),
    /** How the reporter qualified the number. */
    qualifier: z.enum(['at least', 'more than', 'about', 'up to', 'fewer than']).optional(),
    /** A single reported value. */
    value: z.number().nonnegative().optional(),
    /** A reported range [low, high]. */
    range: z.tuple([z.number().nonnegative(), z.number().nonnegative()]).optional(),
    /** Who reported it, as the prose names them: "the Syrian Observatory for Human Rights". */
    reportedBy: nonEmpty('reportedBy'),
    /** When it was reported (YYYY, YYYY-MM or YYYY-MM-DD). */
    date: partialDateSchema,
    /** Optional breakdown or context in words. */
    note: z.string().optional(),
    sources: sourceRefs,
  })
  .refine((f) => (f.value === undefined) !== (f.range === undefined), problemTag('value-or-range', 'give exactly one of "value" (a number) or "range" ([low, high])'))
  .refine((f) => f.range === undefined || f.range[0] <= f.range[1], problemTag('range-order', 'range must be [low, high] with low ≤ high'));

/** One entry of `content/events.json`. */
export const eventSchema = z.strictObject({
  id: idSchema,
  /** Short label for the timeline and legend. */
  title: nonEmpty('title'),
  /** Date with its precision: "2021-01-13", "2017-01" or "2013". */
  date: partialDateSchema,
  /** Optional end date for events spanning days or months. */
  endDate: partialDateSchema.optional(),
  /** Optional local time with offset, e.g. "01:10+02:00". */
  time: localTimeSchema.optional(),
  /** Place ids where it happened (may be empty for events with no location). */
  places: z.array(idSchema).default([]),
  /** When set, the event is drawn as an area: the hull of its places buffered by this many km (never invented pins). */
  areaKm: z.number().positive().max(100).optional(),
  kind: z.enum(eventKinds),
  /** Who acted, as attributed: "Israel (attributed)", "United States". */
  actor: nonEmpty('actor'),
  /** One sentence saying who attributes it and whether the actor commented. */
  attribution: nonEmpty('attribution'),
  status: z.enum(eventStatuses),
  /** Reported figures, each with who reported it and when. */
  figures: z.array(figureSchema).default([]),
  sources: sourceRefs,
});

/** One entry of `content/sources.json`. `title` and `url` only where known verbatim. */
export const sourceSchema = z.strictObject({
  id: idSchema,
  /** The originating outlet: AP, AFP, Reuters, SOHR, SANA, The National… */
  publisher: nonEmpty('publisher'),
  /** The copy consulted, when it is not the publisher's own site. */
  via: z.string().min(1).transform(typeset).optional(),
  /** Publication date with its precision. */
  date: partialDateSchema,
  /** What the source is and what it is used for. */
  description: nonEmpty('description'),
  /** The exact title, only when known verbatim. */
  title: nonEmpty('title').optional(),
  /** The exact URL, only when known verbatim. */
  url: z.url({ message: 'a full URL beginning with https://' }).optional(),
});

/** A lon/lat corner pair: [[west, south], [east, north]]. */
const cornersSchema = z.tuple([z.tuple([z.number(), z.number()]), z.tuple([z.number(), z.number()])]);

/** Bounds of a framing: either places to keep in view, or lon/lat corners. */
export const boundsSchema = z.union([
  z.strictObject({ places: z.array(idSchema).min(1, 'at least one place id') }),
  z.strictObject({ corners: cornersSchema }),
]);

/** One entry of `content/frames.json`: a named camera framing, at least 120 km across. */
export const frameSchema = z.strictObject({
  id: idSchema,
  /** What the framing shows, for editors. */
  description: z.string().optional(),
  bounds: boundsSchema,
  /** Optional framing for phones (narrow, tall screens with text cards over the map). */
  phone: boundsSchema.optional(),
});

/** `content/story.json`: the story's metadata. Dates come from here, never from the build clock. */
export const storySchema = z.strictObject({
  title: nonEmpty('title'),
  dek: nonEmpty('dek'),
  /** First published (YYYY-MM-DD). */
  published: partialDateSchema,
  /** Last updated (YYYY-MM-DD). */
  updated: partialDateSchema,
  /** The date the story's present tense refers to: the newest date the reporting it relies on can support. */
  asOf: partialDateSchema,
  /** When the story was last checked against new reporting (YYYY-MM-DD); shown in About. On or after `published`. */
  lastReviewed: partialDateSchema.optional(),
  /** When the next check against new reporting is due (YYYY-MM-DD); shown in About. After `lastReviewed`. */
  nextReview: partialDateSchema.optional(),
  /** Organisational byline. */
  byline: nonEmpty('byline'),
  credits: z.array(z.strictObject({ role: nonEmpty('role'), name: nonEmpty('name') })).default([]),
  updates: z.array(z.strictObject({ date: partialDateSchema, change: nonEmpty('change') })).default([]),
});

/** One entry of `content/claims.json`: a claim of the seed article and where the story carries it. */
export const claimSchema = z.strictObject({
  /** Claim number in facts.md §1.2. */
  n: z.number().int().positive(),
  /** The claim, paraphrased. */
  claim: nonEmpty('claim'),
  /** How the article attributes it. */
  attribution: nonEmpty('attribution'),
  /** Step ids that carry it. */
  steps: z.array(idSchema).min(1, 'at least one step id that carries the claim'),
  /** Sources that support or qualify it. */
  sources: sourceRefs,
});

/** Chapter frontmatter. */
export const chapterSchema = z.strictObject({
  title: nonEmpty('title'),
  /** Position in the story; unique across chapters. */
  order: z.number().int().nonnegative(),
  /** One or two sentences for the table of contents (≤ 240 characters). */
  summary: nonEmpty('summary', 240),
});

/** Props of `<Step>` as editors write them in MDX. Omitted lists mean "nothing of that kind". */
export const stepPropsSchema = z.strictObject({
  /** Unique across the story; the anchor (#id). */
  id: idSchema,
  /** Frame id from frames.json. */
  frame: idSchema,
  /** Route ids drawn in this step. */
  routes: z.array(idSchema).default([]),
  /** Event ids shown (places, areas, figures). */
  events: z.array(idSchema).default([]),
  /** Extra place ids labelled in this step. */
  places: z.array(idSchema).default([]),
  /** Source ids the step's text relies on. */
  sources: z.array(idSchema).default([]),
  /** Show the timeline of events (2013 → asOf), highlighting this step's events. */
  timeline: z.boolean().default(false),
  /** Event id whose figures are drawn as a range chart (e.g. rocket estimates). */
  chart: idSchema.optional(),
  /** One sentence saying what the figure shows: the text equivalent. */
  alt: nonEmpty('alt'),
});

export type Place = z.output<typeof placeSchema>;
export type Route = z.output<typeof routeSchema>;
export type Event = z.output<typeof eventSchema>;
export type Figure = z.output<typeof figureSchema>;
export type Source = z.output<typeof sourceSchema>;
export type Frame = z.output<typeof frameSchema>;
export type Bounds = z.output<typeof boundsSchema>;
export type Story = z.output<typeof storySchema>;
export type Claim = z.output<typeof claimSchema>;
export type ChapterMeta = z.output<typeof chapterSchema>;
export type StepProps = z.output<typeof stepPropsSchema>;

/** Every data file of the content directory, parsed and validated. */
export interface Catalog {
  places: Place[];
  routes: Route[];
  events: Event[];
  sources: Source[];
  frames: Frame[];
  story: Story;
  claims: Claim[];
}

/** The data files, their schemas and whether they hold one object or a list. */
export const dataFiles = {
  places: { file: 'places.json', schema: placeSchema, list: true },
  routes: { file: 'routes.json', schema: routeSchema, list: true },
  events: { file: 'events.json', schema: eventSchema, list: true },
  sources: { file: 'sources.json', schema: sourceSchema, list: true },
  frames: { file: 'frames.json', schema: frameSchema, list: true },
  story: { file: 'story.json', schema: storySchema, list: false },
  claims: { file: 'claims.json', schema: claimSchema, list: true },
} as const;

