/**
 * The page's data block (src/lib/scene/page-data.ts): each step's Scene comes back whole from its
 * part of the block, its id and its alt text, and draws the same marks; nothing in the block is
 * written twice on the page; and no text in it can end the script element that holds it.
 */
import { describe, expect, it } from 'vitest';
import { sceneToMarks } from '../../../src/lib/marks/scene-to-marks.ts';
import { liveScene, pageData, scriptJson, type PageData } from '../../../src/lib/scene/page-data.ts';
import { fixtureScenes } from './catalog-fixture.ts';

const { atlas, scenes } = fixtureScenes();
const parsed = (text: string) => JSON.parse(text) as PageData;

describe('pageData', () => {
  it("gives back every step's Scene but its legend, from its part of the block, its id and its alt", () => {
    const data = parsed(scriptJson(pageData(atlas, scenes)));
    expect(Object.keys(data.scenes)).toEqual(['s1', 's2', 's3', 's4']);
    for (const scene of scenes) {
      const { legend: _legend, ...want } = scene;
      const live = liveScene(data.scenes[scene.step]!, scene.step, scene.alt);
      expect(live).toEqual(JSON.parse(JSON.stringify(want)));
      expect(sceneToMarks(live, data.atlas)).toEqual(sceneToMarks(scene, atlas));
    }
  });

  it("does not repeat what the steps' markup carries: their ids in a field, their alt texts, their legends", () => {
    const data = pageData(atlas, scenes);
    for (const part of Object.values(data.scenes)) expect(Object.keys(part)).not.toEqual(expect.arrayContaining(['step']));
    const json = scriptJson(data);
    for (const scene of scenes) expect(json).not.toContain(scene.alt);
    expect(json).not.toContain('"legend"');
    expect(json).not.toContain('&quot;');
  });
});

describe('scriptJson', () => {
  it('writes no "<", so nothing in it ends its script element or opens a comment, and reads back the same', () => {
    const value = { title: 'a </script><script>alert(1)</script> <!-- b', n: [1.5, -2] };
    const text = scriptJson(value);
    expect(text).not.toContain('<');
    expect(JSON.parse(text)).toEqual(value);
  });

  it('writes ASCII only, and reads back dashes, accents and a character beyond the BMP', () => {
    const value = { title: 'Israel–Lebanon · Café Milano “quoted” 𝔸' };
    const text = scriptJson(value);
    expect(text).toMatch(/^[\x20-\x7e]*$/);
    expect(JSON.parse(text)).toEqual(value);
  });
});
