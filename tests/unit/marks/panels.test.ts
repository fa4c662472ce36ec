import { describe, expect, it } from 'vitest';
import { createProjection } from '../../../src/lib/geo/projection.ts';
import {
  MAX_TITLES,
  PANEL,
  chartMark,
  estimateTextWidth,
  niceMax,
  panelTextWidth,
  timelineMark,
  timelineStemPath,
  timelineSymbolPaths,
  timelineSymbolSize,
  wrapText,
  type TimelineItemMark,
} from '../../../src/lib/marks/panels.ts';
import { symbolBottom, symbolPath } from '../../../src/lib/marks/symbols.ts';
import { textWidth } from '../../../src/lib/marks/text-metrics.ts';
import type { MarksAtlas, MarksFigure } from '../../../src/lib/marks/scene-to-marks.ts';
import { buildAtlas } from '../../../src/lib/scene/atlas.ts';
import { fixtureCatalog } from '../scene/catalog-fixture.ts';

const SOHR = 'the Syrian Observatory for Human Rights';
const fig = (f: Partial<MarksFigure> & Pick<MarksFigure, 'measure' | 'reportedBy' | 'date'>): MarksFigure =>
  ({ qualifier: null, value: null, range: null, sources: ['s'], ...f }) as MarksFigure;
const event = (title: string, figures: MarksFigure[]) => ({ title, date: '2021-01-13', actor: 'Israel', status: 'attributed' as const, area: null, figures });

/** Every text of a chart: its row labels and its values, as [left, right] in px. */
function textBoxes(chart: ReturnType<typeof chartMark>): [number, number][] {
  const boxes: [number, number][] = [];
  for (const row of chart.rows) {
    // Widths from the figure font's advances; values are set bold (synthesised): counted 6 % wider.
    for (const line of row.label) boxes.push([4, 4 + textWidth(line, PANEL.font)]);
    const w = textWidth(row.text, PANEL.font) * 1.06;
    boxes.push(row.textAnchor === 'start' ? [row.textX, row.textX + w] : [row.textX - w, row.textX]);
  }
  return boxes;
}

describe('chartMark: a count reported again and again', () => {
  const events: Pick<MarksAtlas, 'events'>['events'] = {
    toll: event('Strikes around Deir Ezzor', [
      fig({ measure: 'killed', value: 16, reportedBy: SOHR, date: '2021-01-13' }),
      fig({ measure: 'killed', value: 23, reportedBy: SOHR, date: '2021-01-13' }),
      fig({ measure: 'killed', value: 40, reportedBy: SOHR, date: '2021-01-13' }),
      fig({ measure: 'killed', qualifier: 'at least', value: 57, reportedBy: SOHR, date: '2021-01-13' }),
      fig({ measure: 'strikes', qualifier: 'more than', value: 18, reportedBy: SOHR, date: '2021-01-13' }),
    ]),
  };
  const chart = chartMark('toll', { events });

  it('is a sequence of the reports in their order, every value labelled, the counter named once (in the title)', () => {
    expect(chart.kind).toBe('sequence');
    expect(chart.rows.map((r) => r.text)).toEqual(['16', '23', '40', 'at least 57']);
    expect(chart.rows.map((r) => r.label.join(' '))).toEqual(['First report', 'Second report', 'Third report', 'Fourth report']);
    expect(chart.title).toContain(SOHR);
    expect(chart.rows.some((r) => r.label.join(' ').includes('Observatory'))).toBe(false);
    // No time anywhere: the data gives none for most reports, and none is invented.
    expect(JSON.stringify(chart)).not.toMatch(/\d{1,2}:\d{2}|morning|evening/);
    const xs = chart.rows.map((r) => r.x0);
    expect([...xs].sort((a, b) => a - b)).toEqual(xs);
  });

  it('measures from zero on one axis, and leaves the other measure out', () => {
    expect(chart.axis[0]).toMatchObject({ value: 0, label: '0' });
    expect(chart.axis.at(-1)!.value).toBeGreaterThanOrEqual(57);
    expect(chart.rows).toHaveLength(4);
  });
});

describe('chartMark: estimates by different people', () => {
  const events: Pick<MarksAtlas, 'events'>['events'] = {
    rockets: event("Published estimates of Hezbollah's rockets", [
      fig({ measure: 'rockets', qualifier: 'more than', value: 200000, reportedBy: "Gilad Erdan, Israel's home front defence minister", date: '2013-10' }),
      fig({ measure: 'rockets', value: 100000, reportedBy: 'a senior Israeli intelligence official', date: '2015-05' }),
      fig({ measure: 'rockets', range: [40000, 65000], reportedBy: 'Lebanese media', date: '2024' }),
      fig({ measure: 'rockets', qualifier: 'about', value: 150000, reportedBy: 'Israeli officials', date: '2015-11' }),
    ]),
  };
  const chart = chartMark('rockets', { events });

  it('has one row per estimate in date order, labelled with who and the year', () => {
    expect(chart.kind).toBe('estimates');
    expect(chart.rows.map((r) => r.label.join(' '))).toEqual([
      "Gilad Erdan, Israel's home front defence minister, 2013",
      'A senior Israeli intelligence official, 2015',
      'Israeli officials, 2015',
      'Lebanese media, 2024',
    ]);
  });

  it('draws an arrow for "more than", a range for a range, a dot for a figure', () => {
    expect(chart.rows.map((r) => r.kind)).toEqual(['more', 'dot', 'dot', 'range']);
    const range = chart.rows[3]!;
    expect(range.x1).toBeGreaterThan(range.x0);
    expect(chart.axis[0]!.value).toBe(0);
  });

  it('keeps every text inside the figure and every row below the one before', () => {
    for (const [l, r] of textBoxes(chart)) {
      expect(l).toBeGreaterThanOrEqual(0);
      expect(r).toBeLessThanOrEqual(chart.width);
    }
    const ys = chart.rows.flatMap((r) => [r.labelY, r.y]);
    expect([...ys].sort((a, b) => a - b)).toEqual(ys);
    expect(chart.bottom).toBeLessThan(chart.height);
  });
});

describe('timelineMark', () => {
  const catalog = fixtureCatalog();
  const atlas = buildAtlas(catalog, createProjection(), { timelineIds: ['strikes', 'campaign-start'] });

  it('numbers the step events and lists their titles with their dates; the rest stay marks', () => {
    const t = timelineMark(['strikes'], atlas);
    expect(t.titles).toEqual([{ id: 'strikes', n: 1, text: atlas.events.strikes!.title, date: '13 January 2021' }]);
    expect(t.items.find((i) => i.id === 'strikes')).toMatchObject({ n: 1, group: 'israel' });
    expect(t.items.filter((i) => i.n === 0).length).toBe(t.items.length - 1);
  });

  it('titles at most MAX_TITLES events', () => {
    const ids = atlas.timeline.items.map((i) => i.id);
    expect(timelineMark(ids, atlas).titles.length).toBeLessThanOrEqual(MAX_TITLES);
  });

  it('fits the column: marks and numbers inside, year labels that never touch', () => {
    const t = timelineMark(['strikes', 'campaign-start'], atlas);
    for (const i of t.items) {
      expect(i.x).toBeGreaterThan(0);
      expect(i.x).toBeLessThan(t.width);
    }
    const labelled = t.ticks.filter((k) => k.label);
    for (let i = 1; i < labelled.length; i++) {
      expect(labelled[i]!.x - labelled[i - 1]!.x).toBeGreaterThan(textWidth(labelled[i]!.label, PANEL.font) + 4);
    }
    const nx = t.items
      .filter((i) => i.n > 0)
      .map((i) => i.nx)
      .sort((a, b) => a - b);
    for (let i = 1; i < nx.length; i++) expect(nx[i]! - nx[i - 1]!).toBeGreaterThanOrEqual(textWidth('0', PANEL.font) * 1.06 + 8 - 0.1);
  });

  it('pushes apart the numbers of two events days apart, each written to a tenth of a pixel', () => {
    const [a, b] = atlas.timeline.items;
    const crowded = { ...atlas, timeline: { ...atlas.timeline, items: [a!, { ...b!, t: a!.t + 0.001 }] } };
    const t = timelineMark([a!.id, b!.id], crowded);
    const numbered = t.items.filter((i) => i.n > 0);
    expect(numbered).toHaveLength(2);
    expect(
      numbered.some((i) => i.nx !== i.x),
      'a number pushed off its mark',
    ).toBe(true);
    for (const i of numbered) expect(i.nx).toBe(Math.round(i.nx * 10) / 10);
  });
});

describe('timelineSymbolPaths', () => {
  const item = (id: string, x: number, group: TimelineItemMark['group'], status: string, n = 0): TimelineItemMark => ({
    id,
    x,
    y: 40,
    group,
    status,
    n,
    nx: x,
  });
  const items = [
    item('a', 20, 'israel', 'attributed'),
    item('b', 30, 'israel', 'attributed', 1),
    item('c', 40, 'us', 'confirmed'),
    item('d', 50, 'israel', 'attributed'),
    item('e', 60, 'iran-allies', 'alleged'),
    item('f', 70, 'israel', 'disputed'),
  ];

  it('draws one path per actor group, status and highlight, each holding every mark of its kind', () => {
    const paths = timelineSymbolPaths(items);
    const kinds = paths.map((p) => `${p.group}/${p.status}/${p.highlighted}`);
    expect(new Set(kinds).size).toBe(paths.length);
    expect(paths.length).toBe(5);
    for (const i of items) {
      const own = paths.find((p) => p.group === i.group && p.status === i.status && p.highlighted === i.n > 0)!;
      expect(own.d, i.id).toContain(symbolPath(i.group, timelineSymbolSize(i), i.x, i.y));
      for (const other of paths.filter((p) => p !== own)) expect(other.d, i.id).not.toContain(symbolPath(i.group, timelineSymbolSize(i), i.x, i.y));
    }
    expect(paths.find((p) => p.group === 'israel' && p.status === 'attributed' && !p.highlighted)!.d.match(/M/g)!.length).toBe(2);
  });

  it('draws the highlighted marks last, over the others, and larger', () => {
    const paths = timelineSymbolPaths(items);
    expect(paths.at(-1)).toMatchObject({ group: 'israel', status: 'attributed', highlighted: true });
    expect(paths.findIndex((p) => p.highlighted)).toBe(paths.length - 1);
    expect(timelineSymbolSize({ n: 1 })).toBeGreaterThan(timelineSymbolSize({ n: 0 }));
  });

  it("keeps a real timeline's marks to a handful of paths", () => {
    const catalog = fixtureCatalog();
    const atlas = buildAtlas(catalog, createProjection(), { timelineIds: ['strikes', 'campaign-start'] });
    const t = timelineMark(['strikes'], atlas);
    const paths = timelineSymbolPaths(t.items);
    expect(paths.reduce((n, p) => n + p.d.split('M').length - 1, 0)).toBe(t.items.length);
    expect(paths.length).toBeLessThanOrEqual(new Set(t.items.map((i) => `${i.group} ${i.status} ${i.n > 0}`)).size);
  });
});

describe('timelineStemPath', () => {
  const item = (x: number, group: TimelineItemMark['group'], n: number): TimelineItemMark => ({ id: `e${x}`, x, y: 40, group, status: 'attributed', n, nx: x });

  it('draws one stem per mark, from just under the mark to the axis', () => {
    const items = [item(20, 'israel', 0), item(35, 'iran-allies', 1), item(50, 'other', 0)];
    const d = timelineStemPath(items, 90);
    const stems = [...d.matchAll(/M([\d.]+),([\d.]+)V([\d.]+)/g)].map((m) => m.slice(1).map(Number));
    expect(stems).toHaveLength(3);
    items.forEach((i, k) => {
      const [x, top, bottom] = stems[k]!;
      expect(x).toBe(i.x);
      expect(bottom).toBe(90);
      // Clear of the mark's edge (its 2 px outline included), and no further: 1 px below it.
      expect(top).toBeCloseTo(i.y + symbolBottom(i.group, timelineSymbolSize(i)) + 1, 1);
      expect(top).toBeGreaterThan(i.y + symbolBottom(i.group, timelineSymbolSize(i)));
    });
  });

  it("starts a highlighted mark's stem lower, under its larger mark, and draws nothing for no marks", () => {
    const [faded, numbered] = [timelineStemPath([item(20, 'israel', 0)], 90), timelineStemPath([item(20, 'israel', 1)], 90)];
    const top = (d: string) => Number(/M[\d.]+,([\d.]+)/.exec(d)![1]);
    expect(top(numbered)).toBeGreaterThan(top(faded));
    expect(timelineStemPath([], 90)).toBe('');
  });
});

describe('wrapText', () => {
  it('breaks between words so no line is wider than asked', () => {
    const lines = wrapText("Israel's defence ministry, as reported by France 24, 2018", 200, 13);
    expect(lines.length).toBeGreaterThan(1);
    for (const l of lines) expect(textWidth(l, 13)).toBeLessThanOrEqual(200);
    expect(lines.join(' ')).toBe("Israel's defence ministry, as reported by France 24, 2018");
  });

  it('fills a line as far as the figure font allows, not a rough estimate', () => {
    // 34 characters: 0.56 em each would be 247 px at 13 px, but these narrow letters set at about 150 px.
    const text = 'little lilies fill little tiles ii';
    expect(estimateTextWidth(text, 13)).toBeGreaterThan(200);
    expect(textWidth(text, 13)).toBeLessThan(200);
    expect(wrapText(text, 200, 13)).toEqual([text]);
  });
});

describe('niceMax', () => {
  it('is a round bound at or above the data that the data fill most of', () => {
    expect(niceMax(57)).toBe(60);
    expect(niceMax(150_000)).toBe(200_000);
    expect(niceMax(100_000)).toBe(100_000);
    for (const v of [1.2, 7, 57, 130, 999, 150_000]) {
      expect(niceMax(v)).toBeGreaterThanOrEqual(v);
      expect(v / niceMax(v)).toBeGreaterThan(0.5);
    }
  });
});

describe('panelTextWidth', () => {
  it("is the figure font's width where the font has every character, wider when bold", () => {
    expect(panelTextWidth('Second report', 13)).toBeCloseTo(textWidth('Second report', 13), 6);
    expect(panelTextWidth('at least 57', 13, true)).toBeGreaterThan(textWidth('at least 57', 13));
  });

  it('falls back to the generous estimate for text outside the font (drawn in a fallback font)', () => {
    expect(panelTextWidth('Ḥamāh', 13)).toBeCloseTo(estimateTextWidth('Ḥamāh', 13), 6);
  });
});
