import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { checkContent, formatDiagnostic } from '../../../src/lib/content/load.ts';
import { dataFiles, type Catalog } from '../../../src/lib/content/schemas.ts';
import { REGION } from '../../../src/lib/geo/region.ts';

/** The real content directory (not CONTENT_DIR: this test is about the story as published). */
const CONTENT = fileURLToPath(new URL('../../../content/', import.meta.url));
const result = checkContent(CONTENT);

function catalog(): Catalog {
  expect(result.catalog, `content/ could not be read:\n${result.diagnostics.map(formatDiagnostic).join('\n')}`).not.toBeNull();
  return result.catalog as Catalog;
}

const steps = result.chapters.flatMap((c) => c.steps);
const stepById = new Map(steps.map((s) => [s.props.id, s]));

describe('catalog (content/)', () => {
  it('content has no errors', () => {
    expect(result.diagnostics.filter((d) => d.severity === 'error').map(formatDiagnostic)).toEqual([]);
  });

  it('content has chapters with steps', () => {
    expect(result.chapters.length).toBeGreaterThan(0);
    for (const c of result.chapters) expect(c.steps.length, c.file).toBeGreaterThan(0);
  });

  it('every claim in claims.json is carried by an existing step', () => {
    const { claims } = catalog();
    expect(claims.length).toBeGreaterThan(0);
    for (const claim of claims) {
      expect(claim.steps.length, `claim ${claim.n}`).toBeGreaterThan(0);
      for (const id of claim.steps) expect(stepById.has(id), `claim ${claim.n}: step "${id}" does not exist`).toBe(true);
    }
  });

  it('every step listed in a claim cites only sources listed on that claim', () => {
    for (const claim of catalog().claims) {
      for (const id of claim.steps) {
        const cited = stepById.get(id)?.props.sources ?? [];
        const extra = cited.filter((s) => !claim.sources.includes(s));
        expect(extra, `claim ${claim.n}: step "${id}" cites sources not listed on the claim`).toEqual([]);
      }
    }
  });

  it('ids are unique in every data file and across steps', () => {
    for (const { file, list } of Object.values(dataFiles)) {
      if (!list) continue;
      const entries = JSON.parse(readFileSync(path.join(CONTENT, file), 'utf8')) as { id?: string; n?: number }[];
      const keys = entries.map((e) => e.id ?? e.n);
      expect(keys.filter((k, i) => keys.indexOf(k) !== i), `duplicates in ${file}`).toEqual([]);
    }
    const ids = steps.map((s) => s.props.id);
    expect(ids.filter((k, i) => ids.indexOf(k) !== i), 'duplicate step ids').toEqual([]);
  });

  it('all places lie in the story region', () => {
    const outside = catalog()
      .places.filter((p) => p.lon < REGION.west || p.lon > REGION.east || p.lat < REGION.south || p.lat > REGION.north)
      .map((p) => `${p.id} (${p.lat}, ${p.lon})`);
    expect(outside).toEqual([]);
  });

  it('routes, events and frames use known places; everything cites known sources', () => {
    const c = catalog();
    const places = new Set(c.places.map((p) => p.id));
    const sources = new Set(c.sources.map((s) => s.id));
    const used = [
      ...c.routes.flatMap((r) => r.waypoints),
      ...c.events.flatMap((e) => e.places),
      ...c.frames.flatMap((f) => [f.bounds, f.phone].flatMap((b) => (b && 'places' in b ? b.places : []))),
    ];
    expect(used.filter((id) => !places.has(id))).toEqual([]);
    const cited = [
      ...c.places.flatMap((p) => p.sources),
      ...c.routes.flatMap((r) => r.sources),
      ...c.events.flatMap((e) => [...e.sources, ...e.figures.flatMap((f) => f.sources)]),
      ...c.claims.flatMap((cl) => cl.sources),
      ...steps.flatMap((s) => s.props.sources),
    ];
    expect(cited.filter((id) => !sources.has(id))).toEqual([]);
  });

  it('the updates log: one dated "Corrected:" or "Clarified:" line per change after first publication, none after updated', () => {
    const { story } = catalog();
    const later = story.updates.filter((u) => u.date > story.published);
    expect(later.length).toBeGreaterThan(0);
    for (const u of later) expect(u.change, u.date).toMatch(/^(Corrected|Clarified): \S/);
    for (const u of story.updates) expect(u.date <= story.updated, u.change).toBe(true);
  });

  it('the epilogue opens with its as-of date, and the story records its last and next review', () => {
    const { story } = catalog();
    expect(story.lastReviewed, 'lastReviewed in story.json').toBeDefined();
    expect(story.nextReview! > story.lastReviewed!).toBe(true);
    expect(story.asOf <= story.lastReviewed!).toBe(true);
    const epilogue = result.chapters.find((c) => c.slug === 'since-then');
    const [year, month, day] = story.asOf.split('-').map(Number);
    const asOf = new Date(Date.UTC(year!, (month ?? 1) - 1, day ?? 1)).toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
    expect(epilogue?.steps[0]?.text).toContain(`as of ${asOf}`);
  });
});
