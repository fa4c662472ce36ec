/**
 * The static figure files (src/integrations/figure-files.ts): an SVG loaded as an image fetches
 * nothing, so each file must carry the map's styles (light and dark colours) and reference no
 * other file; a file's name changes with its content (it is cached as immutable).
 */
import { describe, expect, it } from 'vitest';
import { basemapSymbol, figureFontFace, mapStyle, registerFile, standaloneSvg } from '../../../src/integrations/figure-files.ts';
import type { Basemap } from '../../../src/lib/geo/basemap.ts';

describe('standalone static figure files', () => {
  const style = `${figureFontFace()}${mapStyle()}`;

  it('carry the colour tokens, light and dark, and the map rules, with the figure font inline', () => {
    expect(style).toMatch(/:root\{[^}]*--sea:/);
    expect(style).toMatch(/@media \(prefers-color-scheme:dark\)\{:root\{[^}]*--sea:/);
    // Each as a rule of its own (after a closing brace), not inside another selector (`.x .route-leg{`).
    for (const rule of ['.country{', '.route-leg{', '.label text{', '.area--event{']) expect(style).toContain(`}${rule}`);
    expect(style).toContain("font-family:'Source Sans 3 Figure'");
  });

  it('reference no other file (every url() is a data: URL)', () => {
    const urls = [...style.matchAll(/url\(([^)]*)\)/g)].map((m) => m[1]!);
    expect(urls.length).toBeGreaterThan(0);
    expect(urls.filter((u) => !u.startsWith('data:'))).toEqual([]);
  });

  it('fill the box they are given, fitting their viewBox (no intrinsic size)', () => {
    const svg = standaloneSvg('1 2 3 4', style, '<g/>');
    expect(svg).toMatch(/^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg" viewBox="1 2 3 4" preserveAspectRatio="xMidYMid meet">/);
    expect(svg).not.toMatch(/<svg[^>]*\s(width|height)=/);
  });

  it('are named by their content under _astro/', () => {
    const a = registerFile('figure', standaloneSvg('0 0 1 1', style, '<g class="a"/>'));
    const b = registerFile('figure', standaloneSvg('0 0 1 1', style, '<g class="b"/>'));
    expect(a).toMatch(/^_astro\/figure\.[0-9a-f]{10}\.svg$/);
    expect(b).not.toBe(a);
    expect(registerFile('figure', standaloneSvg('0 0 1 1', style, '<g class="a"/>'))).toBe(a);
  });
});

describe('the basemap symbol of the shared basemap file', () => {
  const basemap: Basemap = {
    width: 100,
    height: 60,
    countries: [{ id: '760', name: 'Syria', kind: 'country', d: 'M0 0h10v10z', label: null }],
    borders: 'M10 0v10',
    coast: 'M0 0h5',
    rivers: [{ id: 'euphrates', d: 'M1 1l5 5' }],
    lakes: 'M2 2h1v1z',
    golanLine: 'M3 3v1',
    armisticeLines: 'M4 4v1',
    credits: [],
  } as unknown as Basemap;
  const symbol = basemapSymbol(basemap);

  it('is one symbol with the id every map <use>s, in the map box, with every layer the map styles', () => {
    expect(symbol).toMatch(/^<symbol id="basemap" viewBox="0 0 100 60" overflow="visible">[\s\S]*<\/symbol>$/);
    expect(symbol).toContain('<path class="country" data-country="760" d="M0 0h10v10z"></path>');
    for (const cls of ['lakes', 'river', 'borders', 'coast', 'golan-line', 'golan-line armistice-line']) expect(symbol).toContain(`class="${cls}"`);
  });

  it('keeps strokes one width at any zoom, but not fills', () => {
    expect(symbol).toMatch(/class="borders" d="[^"]*" vector-effect="non-scaling-stroke"/);
    expect(symbol).toMatch(/class="river" d="[^"]*" vector-effect="non-scaling-stroke"/);
    expect(symbol).not.toMatch(/class="(country|lakes)"[^>]*vector-effect/);
  });
});
