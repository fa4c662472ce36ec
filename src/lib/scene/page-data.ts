/**
 * The page's data for the live figure, as one JSON block (`<script type="application/json">` at the
 * end of the page): the page's atlas and, per step, what the step's markup does not already carry.
 * A step's id is its `data-step`, its alt text is its `.step-alt` paragraph and its legend is its
 * static figure's key, so none of them is written twice. One block instead of an attribute per
 * step also spares the HTML every quote escaped as `&quot;`.
 */
import { browserAtlas, type BrowserAtlas } from './atlas.ts';
import type { Atlas, LiveScene, Scene } from './types.ts';

/** What the data block holds of one step's Scene: the rest is in the step's markup. */
export type BrowserScene = Omit<Scene, 'step' | 'alt' | 'legend'>;

/** The page's data block. */
export interface PageData {
  atlas: BrowserAtlas;
  /** By step id, in page order. */
  scenes: Record<string, BrowserScene>;
}

/** The id of the page's data block. */
export const PAGE_DATA_ID = 'story-data';

/** A Scene without what its step's markup carries. */
export function browserScene(scene: Scene): BrowserScene {
  const { step: _step, alt: _alt, legend: _legend, ...rest } = scene;
  return rest;
}

/** The data block's content for a page's scenes (in page order). */
export function pageData(atlas: Atlas, scenes: readonly Scene[]): PageData {
  return { atlas: browserAtlas(atlas, scenes), scenes: Object.fromEntries(scenes.map((s) => [s.step, browserScene(s)])) };
}

/** A step's scene as the live figure draws it: its part of the data block, its id and its alt text. */
export function liveScene(part: BrowserScene, step: string, alt: string): LiveScene {
  return { step, ...part, alt };
}

/**
 * JSON for a `<script type="application/json">` element: every `<` is written `\u003c` (JSON.parse
 * reads it back as `<`), so no text in it can end the element or open a comment; and every
 * character beyond ASCII as its `\u` escape, like the rest of the page (built-site.test.ts).
 */
export function scriptJson(value: unknown): string {
  return JSON.stringify(value).replace(/[<\u0080-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
