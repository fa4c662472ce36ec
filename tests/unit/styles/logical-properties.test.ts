import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

/** Physical layout properties that would have to be rewritten for a right-to-left edition. */
const PHYSICAL =
  /(?:^|[\s;{])(margin|padding|border)-(left|right|top|bottom)\s*:|(?:^|[\s;{])(left|right|top|bottom|width|height|min-width|max-width|min-height|max-height|float|text-align)\s*:\s*(?!.*\/\* physical-ok)/;

function cssFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? cssFiles(join(dir, e.name)) : e.name.endsWith('.css') ? [join(dir, e.name)] : [],
  );
}

/** The files story.css (the head's) and story-body.css (linked after the masthead) import, in cascade order (paths as written, relative to src/styles/). */
function storyImports(): string[] {
  return ['src/styles/story.css', 'src/styles/story-body.css'].flatMap((file) =>
    [...readFileSync(file, 'utf8').matchAll(/@import\s+['"]([^'"]+)['"]/g)].map((m) => m[1]!),
  );
}

describe('stylesheets', () => {
  it('story.css and story-body.css import every part in src/styles/story/ exactly once between them (a part left out would silently not apply)', () => {
    const parts = cssFiles('src/styles/story')
      .map((f) => f.replace(/^src\/styles\//, './'))
      .sort();
    const imports = storyImports();
    expect(parts.length).toBeGreaterThan(1);
    expect([...imports].sort()).toEqual(parts);
  });

  it('lay out with logical properties only (margin-inline-start, inset-block, inline-size…), so an RTL edition needs no rewrite', () => {
    const offenders: string[] = [];
    const files = cssFiles('src/styles');
    // Every stylesheet the page loads is read: tokens.css, story.css, story-body.css and each part they import.
    expect(files).toEqual(
      expect.arrayContaining([
        'src/styles/tokens.css',
        'src/styles/story.css',
        'src/styles/story-body.css',
        ...storyImports().map((i) => join('src/styles', i)),
      ]),
    );
    for (const file of files) {
      // Comments may say anything: blank them out (keeping line numbers) before looking.
      readFileSync(file, 'utf8')
        .replace(/\/\*[\s\S]*?\*\//g, (c) => c.replace(/[^\n]/g, ' '))
        .split('\n')
        .forEach((line, i) => {
          const code = line.replace(/\/\*.*?\*\//g, '');
          if (/@media/.test(code)) return; // media queries measure the viewport, not layout
          if (PHYSICAL.test(code)) offenders.push(`${file}:${i + 1}: ${line.trim()}`);
        });
    }
    expect(offenders).toEqual([]);
  });
});
