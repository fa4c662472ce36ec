/**
 * typeset (src/lib/content/typeset.ts): the data files' straight quotes come out as the MDX prose's
 * typographic ones, and through the schemas every text a reader sees does.
 */
import { describe, expect, it } from 'vitest';
import { typeset } from '../../../src/lib/content/typeset.ts';
import { chapterSchema, eventSchema, placeSchema } from '../../../src/lib/content/schemas.ts';

describe('typeset', () => {
  it.each([
    ['Amir Eshel: convoys struck "nearly 100 times" since 2012', 'Amir Eshel: convoys struck “nearly 100 times” since 2012'],
    ['"Israeli enemy"', '“Israeli enemy”'],
    ["Published estimates of Hezbollah's rockets", 'Published estimates of Hezbollah’s rockets'],
    ["L'Orient Today", 'L’Orient Today'],
    ["the raid, 'the deadliest' (SOHR)", 'the raid, ‘the deadliest’ (SOHR)'],
    ['("quoted")', '(“quoted”)'],
    ['a road—"the main route"', 'a road—“the main route”'],
    ['"\'Tis," he said', '“‘Tis,” he said'],
  ])('%s', (input, want) => {
    expect(typeset(input)).toBe(want);
  });

  it('leaves text without straight quotes, and text already typeset, as it is', () => {
    for (const text of ['Israel–Lebanon ceasefire', 'Café Milano', '“already” it’s', '33°24′41″N']) expect(typeset(text)).toBe(text);
  });
});

describe('the schemas typeset what readers see', () => {
  it("an event's title and a chapter's summary come out with typographic quotes; ids do not change", () => {
    const event = eventSchema.safeParse({
      id: 'eshel-2017-08',
      title: 'Amir Eshel: convoys struck "nearly 100 times"',
      date: '2017-08',
      places: [],
      kind: 'statement',
      actor: "Israel's air force",
      attribution: 'Told Haaretz',
      status: 'confirmed',
      sources: ['haaretz-2017-08'],
    });
    if (event.success) {
      expect(event.data.id).toBe('eshel-2017-08');
      expect(event.data.title).toBe('Amir Eshel: convoys struck “nearly 100 times”');
      expect(event.data.actor).toBe('Israel’s air force');
    } else expect.fail(JSON.stringify(event.error.issues));
    const chapter = chapterSchema.parse({ title: "Iran's corridor", order: 1, summary: 'The "land bridge".' });
    expect(chapter).toEqual({ title: 'Iran’s corridor', order: 1, summary: 'The “land bridge”.' });
  });

  it("a place's map label, drawn on the map, comes out typeset; its aliases, never shown, as typed", () => {
    const place = {
      id: 'test-territory',
      name: 'Test Territory',
      aliases: ["Editor's Territory"],
      lat: 33.3,
      lon: 35.7,
      country: 'Test',
      kind: 'territory',
      radiusKm: 5,
      sources: ['s'],
    };
    const parsed = placeSchema.parse({ ...place, mapLabel: "Test Territory (the editor's label)" });
    expect(parsed.mapLabel).toBe('Test Territory (the editor’s label)');
    expect(parsed.aliases).toEqual(["Editor's Territory"]);
    const empty = placeSchema.safeParse({ ...place, mapLabel: '  ' });
    expect(empty.success).toBe(false);
    if (!empty.success) expect(empty.error.issues[0]!.message).toBe('mapLabel must not be empty');
  });

  it('still refuses a summary over 240 characters', () => {
    expect(chapterSchema.safeParse({ title: 'T', order: 1, summary: 'x'.repeat(241) }).success).toBe(false);
  });
});
