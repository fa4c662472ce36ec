import { describe, expect, it } from 'vitest';
import { loadStory } from '../../../src/lib/content/load.ts';

describe('step alt text (the text equivalent of every figure state)', () => {
  const { catalog, chapters } = loadStory();
  const steps = chapters.flatMap((c) => c.steps);
  const place = new Map(catalog.places.map((p) => [p.id, p]));
  const event = new Map(catalog.events.map((e) => [e.id, e]));

  it('names every place the step focuses on (its places and its events’ places), by name or alias', () => {
    const missing: string[] = [];
    for (const s of steps) {
      const focus = new Set([...s.props.places, ...s.props.events.flatMap((id) => event.get(id)?.places ?? [])]);
      for (const id of focus) {
        const p = place.get(id)!;
        const names = [p.name, ...p.aliases].map((n) => n.toLowerCase());
        if (!names.some((n) => s.props.alt.toLowerCase().includes(n))) missing.push(`${s.props.id}: "${p.name}"`);
      }
    }
    expect(missing).toEqual([]);
  });

  it('is a sentence: starts with a capital and ends with a full stop', () => {
    for (const s of steps) expect(s.props.alt, s.props.id).toMatch(/^[A-Z].*[.]$/);
  });
});
