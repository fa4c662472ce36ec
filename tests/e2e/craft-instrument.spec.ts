/**
 * The figure-craft audit (craft.ts) measured on a small page of known faults, so that the
 * instrument itself is tested: each fault is found, with its kind and texts, and nothing else.
 */
import { expect } from '@playwright/test';
import { test } from './fixtures.ts';
import { auditStep, DEFAULT_AUDIT } from './craft.ts';

const PAGE = `<!doctype html><html data-active-step="s1"><body style="margin:0;font:16px sans-serif">
<div data-topbar style="position:fixed;top:0;left:0;right:0;height:30px;background:#fff;z-index:5"></div>
<div style="height:30px"></div>
<figure data-live-figure style="margin:0">
  <div class="figure-frame" style="position:relative;width:400px;height:400px">
    <svg class="map" data-camera="still" viewBox="0 0 400 400" width="400" height="400" style="display:block">
      <g class="labels">
        <g class="label label--place" data-label="a" transform="translate(100,100)"><text font-size="14">Alpha</text></g>
        <g class="label label--place" data-label="b" transform="translate(120,104)"><text font-size="14">Bravo</text></g>
        <g class="label label--place" data-label="c" transform="translate(370,200)"><text font-size="14">Charlie</text></g>
        <g class="label label--place" data-label="d" transform="translate(200,250)"><text font-size="11">Delta</text></g>
        <g class="label label--place" data-label="e" transform="translate(20,385)"><text font-size="14">Echo</text></g>
        <g class="label label--place" data-label="f" transform="translate(200,160)"><text font-size="14" stroke="#fff" stroke-width="3">Foxtrot</text><text font-size="14">Foxtrot</text></g>
        <g class="label label--country" data-label="g" transform="translate(900,200)"><text font-size="14">Far away</text></g>
      </g>
    </svg>
    <div class="figure-key" style="position:absolute;left:0;bottom:0;width:120px;height:40px;background:#eee;font-size:10px">Key</div>
  </div>
</figure>
<section class="step" id="s1" data-step="s1">
  <div class="step-card"><p>Step text</p>
    <figure style="margin:0;width:220px"><svg class="chart" width="200" height="50" viewBox="0 0 200 50"><text x="0" y="20" font-size="10">tiny</text><text x="170" y="40" font-size="14">cut off</text></svg></figure>
  </div>
</section>
<div style="height:2000px"></div>
<script type="application/json" id="story-data">{"scenes":{"s1":{"places":["a"],"named":["a","e","z"]}}}</script>
</body></html>`;

test('the audit finds each planted fault, and only those', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.setContent(PAGE);
  const { violations, region } = await auditStep(page, 's1', '1280×800', 'light');
  const got = violations.map((v) => `${v.kind} ${v.texts.join(' + ')} | ${v.detail.replace(/[\d.]+×[\d.]+ px overlap|[\d.]+ px/g, 'N')}`).sort();
  expect(got).toEqual(
    [
      'clipped Charlie | map: cut by the map (right)',
      'clipped cut off | inline chart: cut by the chart (right)',
      'covered Echo | under the key',
      'overlap Alpha + Bravo | map: N',
      'small Delta | map: N (minimum 13)',
      'small Key | key: N (minimum 12)',
      'small tiny | inline chart: N (minimum 12)',
      'unnamed Echo | label hidden by the key',
      'unnamed z | the step names it; no label drawn',
    ].sort(),
  );
  expect(region, 'no phone region on a wide screen').toBeNull();
});

test('on a phone, a map region under 48 % of the screen and step text over it are reported', async ({ page }) => {
  await page.setViewportSize({ width: 400, height: 1000 });
  await page.setContent(
    PAGE.replace('<div style="height:30px"></div>', '').replace('<p>Step text</p>', '<p style="margin-top:-200px;position:relative">Step text</p>'),
  );
  const { violations, region } = await auditStep(page, 's1', '400×1000', 'light', DEFAULT_AUDIT);
  expect(region).toEqual({ width: 400, height: 400 });
  const kinds = violations.filter((v) => v.kind === 'region').map((v) => `${v.texts.join(' + ')} | ${v.detail}`);
  expect(kinds).toEqual([
    ' | map region 400 px tall = 40 % of the viewport (minimum 48 %)',
    'Step text | step text over the map region',
    // The step's inline chart, pulled up with its text, is under the map region too.
    'tinycut off | step text hidden under the map region',
  ]);
});
