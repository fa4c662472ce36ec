/**
 * The part of opentype.js 2.0.0 (MIT) that the share image uses. The package ships no types of
 * its own, and @types/opentype.js describes the 1.x line; this declares only what we call.
 */
declare module 'opentype.js' {
  /** One drawing command of an outline, in px (y down). */
  export type PathCommand =
    | { type: 'M' | 'L'; x: number; y: number }
    | { type: 'Q'; x1: number; y1: number; x: number; y: number }
    | { type: 'C'; x1: number; y1: number; x2: number; y2: number; x: number; y: number }
    | { type: 'Z' };
  export interface Path {
    commands: PathCommand[];
  }
  export interface Glyph {
    index: number;
    /** Advance in font units (undefined for some empty glyphs). */
    advanceWidth?: number;
    /** The glyph's outline with its origin at (x, y), `fontSize` px to the em. */
    getPath(x: number, y: number, fontSize: number): Path;
  }
  export interface Font {
    unitsPerEm: number;
    /** The glyph the cmap maps a character to (.notdef when none). */
    charToGlyph(char: string): Glyph;
    /** Pair kerning (GPOS or kern table) between two glyphs, in font units. */
    getKerningValue(left: Glyph, right: Glyph): number;
  }
  /** Parse a TTF, OTF or WOFF font. */
  export function parse(buffer: ArrayBuffer): Font;
}
