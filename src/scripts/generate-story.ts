/**
 * Writes a story ten times the size of the real one into a scratch content directory, for the
 * benchmark: 50 chapters, 350 steps, 100 events, reusing the real places, routes, frames, sources,
 * story and claims from content/ (or FROM_DIR). Build it with CONTENT_DIR=<dir>.
 * Usage: node src/scripts/generate-story.ts <dir> [--chapters 50] [--steps-per-chapter 7] [--events 100]
 */
import { copyFileSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { generateChapters, generateEvents, parseChapter, TEN_TIMES, type RealChapter } from './bench/story-generator.ts';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    chapters: { type: 'string', default: String(TEN_TIMES.chapters) },
    'steps-per-chapter': { type: 'string', default: String(TEN_TIMES.stepsPerChapter) },
    events: { type: 'string', default: String(TEN_TIMES.events) },
  },
});
const target = positionals[0];
if (!target) {
  console.error('usage: node src/scripts/generate-story.ts <dir> [--chapters 50] [--steps-per-chapter 7] [--events 100]');
  process.exit(2);
}
const from = resolve(process.env.FROM_DIR ?? 'content');
const dir = resolve(target);
if (dir === from) throw new Error('generate-story: refusing to overwrite the real content directory');
const options = { chapters: Number(values.chapters), stepsPerChapter: Number(values['steps-per-chapter']), events: Number(values.events) };

rmSync(dir, { recursive: true, force: true });
mkdirSync(join(dir, 'chapters'), { recursive: true });
for (const file of ['places.json', 'routes.json', 'frames.json', 'sources.json', 'story.json', 'claims.json']) copyFileSync(join(from, file), join(dir, file));

const realEvents = JSON.parse(readFileSync(join(from, 'events.json'), 'utf8')) as { id: string; title: string }[];
const events = generateEvents(realEvents, options.events);
writeFileSync(join(dir, 'events.json'), `${JSON.stringify(events, null, 2)}\n`);

const real: RealChapter[] = readdirSync(join(from, 'chapters'))
  .filter((n) => n.endsWith('.mdx'))
  .map((n) => parseChapter(n, readFileSync(join(from, 'chapters', n), 'utf8')))
  .sort((a, b) => a.order - b.order);
const chapters = generateChapters(real, options, new Set(events.map((e) => e.id)));
for (const [name, text] of chapters) writeFileSync(join(dir, 'chapters', name), text);

const steps = [...chapters.values()].reduce((n, text) => n + (text.match(/<Step\b/g) ?? []).length, 0);
console.log(`generate-story: ${chapters.size} chapters, ${steps} steps, ${events.length} events → ${dir}`);
