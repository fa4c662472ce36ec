/**
 * The fonts of the share image, read from npm packages so the image never depends on the fonts of
 * the machine that builds it (Node only).
 *
 * Font licences: Source Serif 4 and Source Sans 3 are typefaces by Adobe, licensed under the SIL
 * Open Font License, Version 1.1 (https://openfontlicense.org; the full text is in each package's
 * LICENSE file). They come as WOFF files in the npm packages @fontsource/source-serif-4 5.3.1 and
 * @fontsource/source-sans-3 5.3.0 (OFL-1.1). The glyphs are read with opentype.js 2.0.0 (MIT).
 * The image carries only the outlines of the glyphs it shows, which the OFL permits.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Font, Glyph, PathCommand } from 'opentype.js';
import type { OgFont, OgFonts } from './og-svg.ts';

// opentype.js is a UMD bundle: Node's ESM sees only a default export and Vite's resolver picks the
// ESM build with named exports only; require() gives the same object everywhere.
const require = createRequire(import.meta.url);
const opentype = require('opentype.js') as typeof import('opentype.js');

/** The WOFF files used, as package-relative paths (Latin subset). */
export const OG_FONT_FILES = {
  title: '@fontsource/source-serif-4/files/source-serif-4-latin-700-normal.woff',
  text: '@fontsource/source-sans-3/files/source-sans-3-latin-400-normal.woff',
  label: '@fontsource/source-sans-3/files/source-sans-3-latin-600-normal.woff',
} as const;

/** SVG path data of outline commands, coordinates rounded to 0.01 px. */
export function commandsToPathData(commands: readonly PathCommand[]): string {
  const n = (v: number) => String(Math.round(v * 100) / 100);
  let d = '';
  for (const c of commands) {
    if (c.type === 'Z') d += 'Z';
    else if (c.type === 'Q') d += `Q${n(c.x1)} ${n(c.y1)} ${n(c.x)} ${n(c.y)}`;
    else if (c.type === 'C') d += `C${n(c.x1)} ${n(c.y1)} ${n(c.x2)} ${n(c.y2)} ${n(c.x)} ${n(c.y)}`;
    else d += `${c.type}${n(c.x)} ${n(c.y)}`;
  }
  return d;
}

/**
 * Wrap an opentype.js font as an OgFont: one glyph per character, with the pair kerning that
 * opentype.js can read (a `kern` table or plain GPOS pair lookups; the Source fonts keep theirs in
 * GPOS extension lookups, which opentype.js 2.0.0 does not read, so they are set unkerned — at
 * these sizes that is hard to see). Two things of opentype.js 2.0.0 are avoided on purpose:
 * Font.getPath runs the font's GSUB lookups and throws on the chained contextual (type 6,
 * format 2) `ccmp` lookups of Source Sans 3, whatever the options (Latin display text needs no
 * shaping); and Path.toPathData writes "NaN" for a coordinate whose fraction is tiny (it rounds
 * through a string like "1e-14e+2").
 */
export function ogFont(font: Font): OgFont {
  const layout = (text: string, size: number, letterSpacing: number, draw?: (glyph: Glyph, x: number) => void): number => {
    const scale = size / font.unitsPerEm;
    const glyphs = Array.from(text, (ch) => font.charToGlyph(ch));
    let x = 0;
    glyphs.forEach((glyph, i) => {
      draw?.(glyph, x);
      x += (glyph.advanceWidth ?? 0) * scale;
      if (i < glyphs.length - 1) x += font.getKerningValue(glyph, glyphs[i + 1]) * scale + letterSpacing * size;
    });
    return x;
  };
  return {
    path: (text, x, y, size, letterSpacing = 0) => {
      const parts: string[] = [];
      layout(text, size, letterSpacing, (glyph, gx) => parts.push(commandsToPathData(glyph.getPath(x + gx, y, size).commands)));
      return parts.join('');
    },
    width: (text, size, letterSpacing = 0) => layout(text, size, letterSpacing),
  };
}

/** Parse a font file (TTF, OTF or WOFF). */
export function loadFontFile(path: string): OgFont {
  const bytes = readFileSync(path);
  return ogFont(opentype.parse(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength)));
}

/** The three fonts of the share image, resolved through node_modules. */
export function loadOgFonts(): OgFonts {
  return {
    title: loadFontFile(require.resolve(OG_FONT_FILES.title)),
    text: loadFontFile(require.resolve(OG_FONT_FILES.text)),
    label: loadFontFile(require.resolve(OG_FONT_FILES.label)),
  };
}
