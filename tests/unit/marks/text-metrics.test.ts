/** The committed width table is the figure font's own advances, and textWidth adds them up. */
import { describe, expect, it } from 'vitest';
import { encodeAdvances, FIGURE_CHARS, readAdvances } from '../../../src/scripts/build-text-metrics.ts';
import { ADVANCES, CHARS, UNITS_PER_EM } from '../../../src/lib/marks/text-metrics-table.ts';
import { fontCovers, textWidth } from '../../../src/lib/marks/text-metrics.ts';

describe('text metrics', () => {
  it('the table matches the advance widths of the shipped woff (regenerate with node src/scripts/build-text-metrics.ts)', () => {
    const font = readAdvances();
    expect(UNITS_PER_EM).toBe(font.unitsPerEm);
    expect(CHARS).toBe(FIGURE_CHARS);
    expect(ADVANCES).toBe(encodeAdvances(font.advances));
    // Every character of the table is in the font.
    expect(Object.keys(font.advances).sort()).toEqual([...FIGURE_CHARS].sort());
  });

  it('says which texts the subset font covers (Latin, dashes, curly quotes, ellipsis)', () => {
    expect(fontCovers('Al-Qaim – “the border”…')).toBe(true);
    expect(fontCovers('Ḥamāh')).toBe(false);
  });

  it('counts a character outside the table as wide as M', () => {
    expect(textWidth('Ж', 13)).toBeCloseTo(textWidth('M', 13), 6);
  });

  it('measures with the real advances: narrow letters are narrower than wide ones, and width scales with size', () => {
    expect(textWidth('iiii', 13)).toBeLessThan(textWidth('MMMM', 13) / 2);
    expect(textWidth('Baalbek', 26)).toBeCloseTo(2 * textWidth('Baalbek', 13), 6);
    // Source Sans 3 is narrow: a typical name at 13 px is about 0.5 em per character.
    const w = textWidth('Damascus', 13);
    expect(w).toBeGreaterThan(8 * 13 * 0.4);
    expect(w).toBeLessThan(8 * 13 * 0.6);
  });

  it('adds letter spacing after every character', () => {
    expect(textWidth('SYRIA', 12, 400, 0.12)).toBeCloseTo(textWidth('SYRIA', 12) + 5 * 0.12 * 12, 6);
  });
});
