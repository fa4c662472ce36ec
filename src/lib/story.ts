/**
 * Build-time assembly of the whole story: the checked content, the projected Atlas, the Scene of
 * every step and the basemap, computed once per build (Node only).
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { DEFAULT_BASEMAP_OPTIONS, type Basemap } from './geo/basemap.ts';
import { createProjection } from './geo/projection.ts';
import { loadStory, type ChapterDoc, type StepDoc } from './content/load.ts';
import { splitIntoPages, type StoryPage } from './content/pages.ts';
import type { Catalog } from './content/schemas.ts';
import { buildAtlas } from './scene/atlas.ts';
import { resolveScene } from './scene/resolve-scene.ts';
import type { Atlas, Scene } from './scene/types.ts';

export interface BuiltStory {
  catalog: Catalog;
  chapters: ChapterDoc[];
  /** Every checked step by id: its props as the checker parsed them (the page's one source for a step). */
  steps: Map<string, StepDoc>;
  atlas: Atlas;
  scenes: Map<string, Scene>;
  basemap: Basemap;
  /** The pages ("parts") the story is published as: whole chapters, at most MAX_STEPS_PER_PAGE steps each. */
  pages: StoryPage[];
}

/** Where `npm run basemap` writes the projected basemap. */
export const BASEMAP_PATH = 'src/generated/basemap.json';

let cached: { dir: string | undefined; loaded: ReturnType<typeof loadStory>; story: BuiltStory } | null = null;

/**
 * Load, check, project and resolve the story in `dir` (default: CONTENT_DIR or content/). Memoised
 * on what `loadStory` returns, which changes when a content file does (so `astro dev` shows edits).
 */
export function buildStory(dir?: string): BuiltStory {
  const loaded = loadStory(dir);
  if (cached && cached.dir === dir && cached.loaded === loaded) return cached.story;
  const { catalog, chapters } = loaded;
  const projection = createProjection();
  let basemap: Basemap;
  try {
    basemap = JSON.parse(readFileSync(resolve(BASEMAP_PATH), 'utf8')) as Basemap;
  } catch (error) {
    throw new Error(`${BASEMAP_PATH} is missing or unreadable: run "npm run basemap" (npm run build does it first). ${String(error)}`, { cause: error });
  }
  const steps = chapters.flatMap((c) => c.steps);
  const timelineIds = [...new Set(steps.filter((s) => s.props.timeline).flatMap((s) => s.props.events))];
  const countryLabels = basemap.countries.flatMap((c) => (c.label ? [{ name: c.name, x: c.label[0], y: c.label[1] }] : []));
  const atlas = buildAtlas(catalog, projection, { timelineIds, countryLabels, margin: DEFAULT_BASEMAP_OPTIONS.margin });
  const scenes = new Map<string, Scene>();
  for (const step of steps) scenes.set(step.props.id, resolveScene(step.props, catalog, atlas, projection));
  const pages = splitIntoPages(chapters.map((c) => ({ id: c.slug, steps: c.steps.map((s) => s.props.id) })));
  const story = { catalog, chapters, steps: new Map(steps.map((s) => [s.props.id, s])), atlas, scenes, basemap, pages };
  cached = { dir, loaded, story };
  return story;
}
