/**
 * The static figure files (src/integrations/figure-files.ts): an SVG loaded as an image fetches
 * nothing, so each file must carry the map's styles (light and dark colours) and reference no
 * other file; a file's name changes with its content (it is cached as immutable).
 */
import { describe, expect, it } from 'vitest';
import { figureFontFace, mapStyle, registerFile, standaloneSvg } from '../../../src/integrations/figure-files.ts';

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
