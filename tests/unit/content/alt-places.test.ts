import { describe, expect, it } from 'vitest';
import { placesNamedIn } from '../../../src/lib/content/check-labels.ts';

const places = [
  { id: 'al-qaim', name: 'Al-Qaim', aliases: ["al-Qa'im"] },
  { id: 'albu-kamal', name: 'Albu Kamal', aliases: ['Abu Kamal'] },
  { id: 'al-qaim-crossing', name: 'Al-Qaim / Albu Kamal crossing', aliases: ['Albu Kamal crossing'] },
  { id: 'damascus', name: 'Damascus', aliases: [] },
  { id: 'damascus-airport', name: 'Damascus airport', aliases: [] },
  { id: 'beirut', name: 'Beirut', aliases: [] },
  { id: 'golan-heights', name: 'Golan Heights', aliases: ['Golan'], mapLabel: 'Golan Heights (Israeli-occupied)' },
];
const ids = (text: string) => placesNamedIn(text, places).map((p) => p.id);

describe('placesNamedIn (the places an alt text names)', () => {
  it('finds names and aliases, each place once, in the order the text names them', () => {
    expect(ids('Map of the Lebanon–Syria border between Beirut and Damascus, marking Beirut.')).toEqual(['beirut', 'damascus']);
    expect(placesNamedIn('Strikes at Abu Kamal.', places)).toEqual([{ id: 'albu-kamal', name: 'Abu Kamal' }]);
  });

  it('lets a longer name take its words: a crossing named after two towns, an airport named after a city', () => {
    expect(ids('The area of the Al-Qaim / Albu Kamal crossing shaded.')).toEqual(['al-qaim-crossing']);
    expect(ids('A strike at Damascus airport.')).toEqual(['damascus-airport']);
    expect(ids('From Damascus to Damascus airport.')).toEqual(['damascus', 'damascus-airport']);
    expect(ids('Map of the Golan Heights.')).toEqual(['golan-heights']);
  });

  it('reads typographic apostrophes as straight ones, and names a place as the text writes it', () => {
    expect(placesNamedIn('The crossing at al-Qa’im.', places)).toEqual([{ id: 'al-qaim', name: 'al-Qa’im' }]);
  });

  it('counts whole words only', () => {
    expect(ids('A Beiruti newspaper; the Damascene quarter; Al-Qaims.')).toEqual([]);
    expect(ids('Near Al-Qaim, and past the Albu Kamal corridor.')).toEqual(['al-qaim', 'albu-kamal']);
  });

  it('lets the name of a route the map draws take its words: the route is on the map, its namesake town need not be', () => {
    const text = 'Map tracing the Al-Qaim / Albu Kamal corridor through Albu Kamal.';
    expect(placesNamedIn(text, places, ['Al-Qaim / Albu Kamal corridor']).map((p) => p.id)).toEqual(['albu-kamal']);
    expect(ids(text)).toEqual(['al-qaim', 'albu-kamal']);
  });

  it('finds nothing in a text that names no place', () => {
    expect(placesNamedIn('Range chart of published estimates.', places)).toEqual([]);
  });
});
