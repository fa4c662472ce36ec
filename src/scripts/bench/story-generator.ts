/**
 * Generates a large story from the real one for the benchmark: the real places, routes, frames,
 * sources, story and claims verbatim; the real events plus numbered copies; and chapters made of
 * the real steps cycled through, with unique ids (the first copy of each step keeps its own id, so
 * the claims ledger still points at real steps).
 */
import { parseChapter as parseCheckedChapter } from '../../lib/content/chapters.ts';
import type { Diagnostic } from '../../lib/content/diagnostics.ts';

export interface RealStep {
  /** The whole `<Step …>…</Step>` element as written. */
  text: string;
  id: string;
}

export interface RealChapter {
  name: string;
  title: string;
  summary: string;
  order: number;
  steps: RealStep[];
}

export interface GenerateOptions {
  chapters: number;
  stepsPerChapter: number;
  events: number;
}

export const TEN_TIMES: GenerateOptions = { chapters: 50, stepsPerChapter: 7, events: 100 };

/** Read the frontmatter `title` and `summary` and the `<Step>` elements of one chapter. */
export function parseChapter(name: string, text: string): RealChapter {
  // The content checker's own parser: the generator reads chapters exactly as the build checks them.
  const diagnostics: Diagnostic[] = [];
  const chapter = parseCheckedChapter(name, name.replace(/\.mdx$/, ''), text, diagnostics);
  const errors = diagnostics.filter((d) => d.severity === 'error');
  if (!chapter.meta || errors.length > 0)
    throw new Error(`${name}: ${errors.map((d) => `${d.line}:${d.column} ${d.message}`).join('; ') || 'invalid frontmatter'}`);
  const steps = chapter.steps.map((s) => {
    if (!s.id || !s.source) throw new Error(`${name}: a <Step> without a literal id="…"`);
    return { text: s.source, id: s.id };
  });
  return { name, title: chapter.meta.title, summary: chapter.meta.summary, order: chapter.meta.order, steps };
}

/** Id of the `copy`-th copy of a real id (copy 0 is the real one). */
export function copyId(id: string, copy: number): string {
  return copy === 0 ? id : `${id}-copy-${copy}`;
}

interface EventLike {
  id: string;
  title: string;
  [key: string]: unknown;
}

/** The real events followed by numbered copies of them, `total` in all. */
export function generateEvents<E extends EventLike>(real: readonly E[], total: number): E[] {
  if (real.length === 0) throw new Error('generateEvents: no real events to copy');
  const out: E[] = [...real];
  for (let i = real.length; i < total; i++) {
    const copy = Math.floor(i / real.length);
    const e = real[i % real.length]!;
    out.push({ ...e, id: copyId(e.id, copy), title: `${e.title} (copy ${copy})` });
  }
  return out.slice(0, Math.max(total, 0));
}

/** Rewrite one real step as copy `copy`: new id; events renamed to their copies when those exist. */
export function copyStep(step: RealStep, copy: number, eventIds: ReadonlySet<string>): string {
  if (copy === 0) return step.text;
  let text = step.text.replace(/\bid="[^"]+"/, `id="${copyId(step.id, copy)}"`);
  text = text.replace(/\bevents=\{\[([^\]]*)\]\}/, (_all, list: string) => {
    const renamed = list.replace(/"([^"]+)"/g, (q, id: string) => (eventIds.has(copyId(id, copy)) ? `"${copyId(id, copy)}"` : q));
    return `events={[${renamed}]}`;
  });
  return text;
}

/** The generated chapters as MDX files (name → text). Steps cycle through the real ones in story order. */
export function generateChapters(real: readonly RealChapter[], options: GenerateOptions, eventIds: ReadonlySet<string>): Map<string, string> {
  const steps = real.flatMap((c) => c.steps.map((s) => ({ step: s, chapter: c })));
  if (steps.length === 0) throw new Error('generateChapters: the real story has no steps');
  const files = new Map<string, string>();
  let n = 0;
  const width = String(options.chapters).length;
  for (let c = 0; c < options.chapters; c++) {
    const body: string[] = [];
    let first: RealChapter | null = null;
    for (let s = 0; s < options.stepsPerChapter; s++, n++) {
      const { step, chapter } = steps[n % steps.length]!;
      first ??= chapter;
      body.push(copyStep(step, Math.floor(n / steps.length), eventIds));
    }
    const number = String(c + 1).padStart(width, '0');
    const title = `${first!.title} (part ${c + 1})`;
    const front = ['---', `title: ${JSON.stringify(title)}`, `order: ${c + 1}`, `summary: ${JSON.stringify(first!.summary)}`, '---'].join('\n');
    files.set(`chapter-${number}.mdx`, `${front}\n\n${body.join('\n\n')}\n`);
  }
  return files;
}
