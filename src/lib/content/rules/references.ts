/** Rule family "references": ids that data entries cite (sources, places of events) exist, and claim numbers are unique. */
import type { Claim } from '../schemas.ts';
import { where, type Entry, type Report, type Tables } from './tables.ts';

export function checkReferences(t: Tables, report: Report): void {
  for (const e of t.places.entries) report.jsonRefs(t.places, e, ['sources'], t.sources);
  for (const e of t.events.entries) {
    report.jsonRefs(t.events, e, ['places'], t.places);
    report.jsonRefs(t.events, e, ['sources'], t.sources);
    const figures = (e.raw as { figures?: unknown } | null)?.figures;
    if (Array.isArray(figures)) figures.forEach((_, k) => report.jsonRefs(t.events, e, ['figures', k, 'sources'], t.sources));
  }
  for (const e of t.claims.entries) report.jsonRefs(t.claims, e, ['sources'], t.sources);
  const numbers = new Map<number, Entry<Claim>>();
  for (const e of t.claims.entries) {
    const n = e.parsed?.n;
    if (n === undefined) continue;
    const first = numbers.get(n);
    if (!first) {
      numbers.set(n, e);
      continue;
    }
    if (!t.claims.json) continue;
    const was = where(t.claims, [first.index, 'n']);
    report.at(
      t.claims,
      [e.index, 'n'],
      `claim number ${n} is used twice, also at ${t.claims.file}:${was.line}:${was.column}`,
      'claim numbers unique within claims.json',
      "correct the number to the claim's number in facts.md",
    );
  }
}
