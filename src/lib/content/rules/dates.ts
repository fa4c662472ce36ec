/**
 * Rule family "dates": an event ends after it starts and not after the story's asOf date, a time
 * of day needs a day, a date written at the end of an id agrees with "date", and the story was
 * updated after it was published.
 */
import { isValidPartialDate } from '../schemas.ts';
import { storyOf, type Report, type Table, type Tables } from './tables.ts';

/** Compares two partial dates at the coarser of their precisions: "2021" equals "2021-01-13". */
export function comparePartialDates(a: string, b: string): number {
  const n = Math.min(a.length, b.length);
  const x = a.slice(0, n);
  const y = b.slice(0, n);
  return x < y ? -1 : x > y ? 1 : 0;
}

/** The partial date an id ends with (`strikes-2021-01-13` → `2021-01-13`, `seizures-2025` → `2025`), or null. */
export function dateInId(id: string): string | null {
  const m = /(?:^|-)((?:19|20)\d{2}(?:-\d{2}(?:-\d{2})?)?)$/.exec(id);
  const d = m?.[1];
  return d && isValidPartialDate(d) ? d : null;
}

/** How precise a partial date is, from its length. */
function precisionOf(date: string): 'year' | 'month' | 'day' {
  return date.length >= 10 ? 'day' : date.length >= 7 ? 'month' : 'year';
}

const PRECISION_NAMES = { year: 'a year', month: 'a month', day: 'a day' } as const;

export function checkDates(t: Tables, report: Report): void {
  const reported = checkEventSpans(t, report);
  checkTimes(t, report);
  checkIdDates(t.events as Table<Dated>, report, reported);
  checkIdDates(t.sources as Table<Dated>, report, new Set());
  const story = storyOf(t);
  if (story && comparePartialDates(story.updated, story.published) < 0) {
    report.at(
      t.story,
      ['updated'],
      `"${story.updated}" is before published "${story.published}"`,
      `a date on or after ${story.published}`,
      'set updated to the date of the latest change (or to published if never updated)',
    );
  }
  if (story?.lastReviewed && comparePartialDates(story.lastReviewed, story.published) < 0) {
    report.at(
      t.story,
      ['lastReviewed'],
      `"${story.lastReviewed}" is before published "${story.published}"`,
      `a date on or after ${story.published}`,
      'set lastReviewed to the date the story was last checked against new reporting',
    );
  }
  if (story?.nextReview && story.lastReviewed && comparePartialDates(story.nextReview, story.lastReviewed) <= 0) {
    report.at(
      t.story,
      ['nextReview'],
      `"${story.nextReview}" is not after lastReviewed "${story.lastReviewed}"`,
      `a date after ${story.lastReviewed}`,
      'set nextReview to the date the next check against new reporting is due',
    );
  }
}

/** End before start, or after asOf. Returns the indices of events reported (not checked again against their ids). */
function checkEventSpans(t: Tables, report: Report): Set<number> {
  const reported = new Set<number>();
  const story = storyOf(t);
  for (const e of t.events.entries) {
    const ev = e.parsed;
    if (!ev) continue;
    if (ev.endDate && comparePartialDates(ev.endDate, ev.date) < 0) {
      reported.add(e.index);
      const message = `"${ev.endDate}" is before the start date "${ev.date}"`;
      report.at(t.events, [e.index, 'endDate'], message, `an end date on or after "${ev.date}"`, 'swap date and endDate, or correct the year');
    }
    if (!story) continue;
    for (const key of ['date', 'endDate'] as const) {
      const d = ev[key];
      if (!d || comparePartialDates(d, story.asOf) <= 0) continue;
      reported.add(e.index);
      report.at(
        t.events,
        [e.index, key],
        `"${d}" is after the story's asOf date "${story.asOf}"`,
        `a date on or before ${story.asOf} (asOf in ${t.story.file})`,
        `correct the date, or move asOf in ${t.story.file} forward if the story now covers it`,
      );
    }
  }
  return reported;
}

/** A time of day needs a date to the day. */
function checkTimes(t: Tables, report: Report): void {
  for (const e of t.events.entries) {
    const ev = e.parsed;
    if (!ev?.time || precisionOf(ev.date) === 'day') continue;
    report.at(
      t.events,
      [e.index, 'time'],
      `a time of day ("${ev.time}") is given but "date" is "${ev.date}", ${PRECISION_NAMES[precisionOf(ev.date)]}`,
      'a date to the day (YYYY-MM-DD) when a time is given',
      'give the day in "date" if it is known, or remove "time"',
    );
  }
}

interface Dated {
  id: string;
  date: string;
  endDate?: string;
}

/** A date at the end of an id must fall within the entry's dates, and not be finer than "date". */
function checkIdDates(table: Table<Dated>, report: Report, skip: Set<number>): void {
  for (const e of table.entries) {
    const item = e.parsed;
    const named = item ? dateInId(item.id) : null;
    if (!item || !named || skip.has(e.index)) continue;
    const finer = named.length > item.date.length;
    const within = comparePartialDates(named, item.date) >= 0 && comparePartialDates(named, item.endDate ?? item.date) <= 0;
    if (within && !finer) continue;
    const span = item.endDate ? `"${item.date}" to "${item.endDate}"` : `"${item.date}"`;
    report.at(
      table,
      [e.index, 'date'],
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
