/**
 * Reads the page's data block (src/lib/scene/page-data.ts): the live figure's atlas, and each
 * step's Scene from its part of the block, its `data-step` id and its `.step-alt` text.
 */
import { liveScene, PAGE_DATA_ID, type PageData } from '../lib/scene/page-data.ts';
import type { LiveScene } from '../lib/scene/types.ts';

let data: PageData | null | undefined;

/** The page's data block, parsed once; null when the page has none. */
export function readPageData(): PageData | null {
  if (data === undefined) {
    const text = document.getElementById(PAGE_DATA_ID)?.textContent;
    data = text ? (JSON.parse(text) as PageData) : null;
  }
  return data;
}

/** A step's figure text: its `.step-alt` paragraph without the "Figure: " label. */
function altOf(el: HTMLElement): string {
  const p = el.querySelector('.step-alt');
  const label = p?.querySelector('.step-alt-label')?.textContent ?? '';
  return (p?.textContent ?? '').slice(label.length).trim();
}

/** A step's Scene, or null when the page's data block has none for it. */
export function sceneOf(el: HTMLElement): LiveScene | null {
  const id = el.dataset.step;
  const part = id ? readPageData()?.scenes[id] : undefined;
  return id && part ? liveScene(part, id, altOf(el)) : null;
}
