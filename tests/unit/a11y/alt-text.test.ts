import { describe, expect, it } from 'vitest';
import { loadStory } from '../../../src/lib/content/load.ts';
import { placesNamedIn } from '../../../src/lib/content/check-labels.ts';

describe('step alt text (the text equivalent of every figure state)', () => {
  const { catalog, chapters } = loadStory();
  const steps = chapters.flatMap((c) => c.steps);
  const place = new Map(catalog.places.map((p) => [p.id, p]));
  const event = new Map(catalog.events.map((e) => [e.id, e]));

  // Read as the content checker reads an alt text (placesNamedIn): whole words, longer names first,
  // and a place inside the name of a route the step draws names the route, not the place.
  it('names every place the step focuses on (its places and its events’ places), by name, alias or map label', () => {
    const missing: string[] = [];
    for (const s of steps) {
      const routes = catalog.routes.filter((r) => s.props.routes.includes(r.id)).map((r) => r.name);
      const named = new Set(placesNamedIn(s.props.alt, catalog.places, routes).map((n) => n.id));
      const focus = new Set([...s.props.places, ...s.props.events.flatMap((id) => event.get(id)?.places ?? [])]);
      for (const id of focus) if (!named.has(id)) missing.push(`${s.props.id}: "${place.get(id)!.name}"`);
    }
    expect(missing).toEqual([]);
  });

  it('is a sentence: starts with a capital and ends with a full stop', () => {
    for (const s of steps) expect(s.props.alt, s.props.id).toMatch(/^[A-Z].*[.]$/);
  });
});
