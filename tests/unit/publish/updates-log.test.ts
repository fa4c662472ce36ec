/**
 * The updates log at the end of the page (About.astro), read from the built page: every entry of
 * content/story.json's updates, in its order, numbered 1 to n. The numbers are the items' `value`
 * attributes, which the stylesheet draws in the hanging indent (back-matter.css: `content:
 * attr(value) '.'`), since the list's own markers are off. Needs `npm run build` first (skipped
 * without dist/).
 */
import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { formatDate } from '../../../src/lib/format.ts';
import { attr, elements, parseHtml, textOf } from '../../../src/scripts/html.ts';

const PAGE = 'dist/index.html';

describe.skipIf(!existsSync(PAGE))('the updates log', () => {
  const story = JSON.parse(readFileSync('content/story.json', 'utf8')) as { updates: { date: string; change: string }[] };
  const doc = parseHtml(readFileSync(PAGE, 'utf8'));
  const log = elements(doc, 'ol').filter((ol) => (attr(ol, 'class') ?? '').split(/\s+/).includes('updates'));

  it('lists every update of story.json in its order, each numbered: 1, 2, … n', () => {
    expect(log).toHaveLength(1);
    const items = elements(log[0]!, 'li');
    expect(items).toHaveLength(story.updates.length);
    expect(items.map((li) => attr(li, 'value'))).toEqual(story.updates.map((_, i) => String(i + 1)));
    items.forEach((li, i) => {
      const text = textOf(li).replace(/\s+/g, ' ').trim();
      expect(text.startsWith(`${formatDate(story.updates[i]!.date)}:`), `item ${i + 1}: ${text.slice(0, 60)}`).toBe(true);
    });
  });

  it("is drawn with its numbers: the stylesheet puts each item's value before it", () => {
    const css = readFileSync('src/styles/story/back-matter.css', 'utf8');
    expect(css).toMatch(/\.updates li::before\s*\{[^}]*content:\s*attr\(value\)/);
  });
});
