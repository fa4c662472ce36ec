/**
 * Rule family "warnings": sources nothing cites and places nothing shows. Only when every file was
 * read: with a file missing, "unused" would only mean "unread".
 */
import type { RawStep } from '../chapters.ts';
import { allJsonRead, where, type Report, type Table, type Tables } from './tables.ts';

function stringsAt(raw: unknown, key: string): string[] {
  if (!raw || typeof raw !== 'object') return [];
  const v = (raw as Record<string, unknown>)[key];
  if (typeof v === 'string') return [v];
  return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];
}

export function checkWarnings(t: Tables, steps: { list: RawStep[]; complete: boolean }, report: Report): void {
  if (!allJsonRead(t) || !steps.complete || !t.complete) return;
  const cited = new Set<string>();
  for (const table of [t.places, t.routes, t.events, t.claims] as Table<unknown>[]) {
    for (const e of table.entries) {
      stringsAt(e.raw, 'sources').forEach((id) => cited.add(id));
      const figures = (e.raw as { figures?: unknown })?.figures;
      if (Array.isArray(figures)) figures.forEach((f) => stringsAt(f, 'sources').forEach((id) => cited.add(id)));
    }
  }
  steps.list.forEach((s) => stringsAt(s.values, 'sources').forEach((id) => cited.add(id)));
  for (const e of t.sources.entries) {
    if (e.id === undefined || cited.has(e.id)) continue;
    const message = `source "${e.id}" is not cited by any step, place, route, event, figure or claim`;
    report.warn(t.sources.file, where(t.sources, [e.index, 'id']), `sources[${e.index}]`, message, 'cite it where the story relies on it, or remove it');
  }
  const shown = new Set<string>();
  for (const e of t.routes.entries) stringsAt(e.raw, 'waypoints').forEach((id) => shown.add(id));
  for (const e of t.events.entries) stringsAt(e.raw, 'places').forEach((id) => shown.add(id));
  for (const e of t.frames.entries) for (const k of ['bounds', 'phone']) stringsAt((e.raw as Record<string, unknown>)?.[k], 'places').forEach((id) => shown.add(id));
  steps.list.forEach((s) => stringsAt(s.values, 'places').forEach((id) => shown.add(id)));
  for (const e of t.places.entries) {
    if (e.id === undefined || shown.has(e.id)) continue;
    const message = `place "${e.id}" is not shown by any route, event, frame or step`;
    report.warn(t.places.file, where(t.places, [e.index, 'id']), `places[${e.index}]`, message, "show it (e.g. in a step's places), or remove it");
  }
}
