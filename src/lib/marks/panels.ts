/**
 * The inline figures a step can carry in its text column: a chart of an event's published figures
 * and the timeline of dated events. Pure and built at build time (the live figure never draws
 * them). Units are CSS px: the SVGs are drawn `PANEL.width` wide for the narrowest column (a
 * 320 px phone) and never shown narrower, so a 13 px text is at least 13 px on screen.
 */
import { formatDate } from '../format.ts';
import type { MarksAtlas, MarksFigure } from './scene-to-marks.ts';
import { actorGroup, type ActorGroup } from '../scene/actors.ts';
import { fontCovers, textWidth } from './text-metrics.ts';
import { symbolBottom, symbolPath } from './symbols.ts';

export { actorGroup, type ActorGroup };

/** Human-readable figure: "at least 57", "40,000–65,000". */
export function figureText(f: MarksFigure): string {
  const n = (v: number) => v.toLocaleString('en-GB');
  const body = f.range ? `${n(f.range[0])}–${n(f.range[1])}` : n(f.value ?? 0);
  return f.qualifier ? `${f.qualifier} ${body}` : body;
}

/**
 * A "nice" upper bound for an axis (ticks at 0, half and all of it): 1, 2, 2.5, 3, 4, 5, 6 or 8
 * times a power of ten, at least `max`, so the data fill most of the axis (57 → 60, not 100).
 */
export function niceMax(max: number): number {
  if (max <= 0) return 1;
  const p = 10 ** Math.floor(Math.log10(max));
  for (const m of [1, 2, 2.5, 3, 4, 5, 6, 8, 10]) if (m * p >= max) return m * p;
  return 10 * p;
}

/** Sizes of the inline figures, CSS px. `width` is the text column of a 320 px phone. */
export const PANEL = { width: 288, font: 13, line: 17, pad: 4 } as const;

/**
 * Width of a text at `sizePx`, CSS px: a deliberately generous estimate (0.56 em a character,
 * digits and capitals included), for text the figure font does not cover (drawn in a fallback font).
 */
export function estimateTextWidth(text: string, sizePx: number): number {
  return text.length * sizePx * 0.56;
}

/**
 * Synthesised bold (the figure font ships regular only; chart values are set 600, timeline numbers
 * 700) thickens the strokes: counted as this much wider, so a bold text never outgrows its room.
 */
const BOLD_SPREAD = 1.06;

/**
 * Width of an inline figure's text at `sizePx`, CSS px: the figure font's real advances
 * (text-metrics.ts) where it covers every character, else the generous estimate.
 */
export function panelTextWidth(text: string, sizePx: number, bold = false): number {
  if (!fontCovers(text)) return estimateTextWidth(text, sizePx);
  return textWidth(text, sizePx) * (bold ? BOLD_SPREAD : 1);
}

/** Words of `text` in lines no wider than `width` px at `sizePx` (a word longer than a line gets its own line). */
export function wrapText(text: string, width: number, sizePx: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    const next = line ? `${line} ${word}` : word;
    if (line && panelTextWidth(next, sizePx) > width) {
      lines.push(line);
      line = word;
    } else line = next;
  }
  if (line) lines.push(line);
  return lines;
}

const r1 = (v: number) => Math.round(v * 10) / 10;

export interface ChartRowMark {
  /** Who reported it and when (estimates) or which report it was (a count's sequence), wrapped. */
  label: string[];
  /** Baseline of the label's first line. */
  labelY: number;
  /** y of the row's mark. */
  y: number;
  /** The mark: a dot at x0 (x0 = x1), a range from x0 to x1, or a dot with an arrow for "more than". */
  kind: 'dot' | 'range' | 'more';
  x0: number;
  x1: number;
  text: string;
  /** Where the value's text sits: after the mark or before it. */
  textX: number;
  textAnchor: 'start' | 'end';
}

export interface ChartMark {
  event: string;
  /** 'sequence': one counter's successive reports; 'estimates': several estimates of one measure. */
  kind: 'sequence' | 'estimates';
  /** Printed above the drawing as the figure's caption (HTML text, so it wraps in the column). */
  title: string;
  width: number;
  height: number;
  /** Plot area, for the gridlines: they run from `top` to `bottom`. */
  top: number;
  bottom: number;
  axis: { value: number; label: string; x: number }[];
  rows: ChartRowMark[];
}

const ORDINALS = ['First', 'Second', 'Third', 'Fourth', 'Fifth', 'Sixth', 'Seventh', 'Eighth'];
const ARROW = 14;

/**
 * The chart of an event's figures of one measure (the first figure's), on one axis from zero,
 * every value labelled, no legend. One reporter on one day → its counts in the order of its
 * reports (a sequence joined by a step line), the counter named once, in the title. Otherwise one
 * row per estimate, labelled with who made it and the year.
 */
export function chartMark(eventId: string, atlas: Pick<MarksAtlas, 'events'>): ChartMark {
  const e = atlas.events[eventId]!;
  const measure = e.figures[0]?.measure ?? '';
  const figures = e.figures.filter((f) => f.measure === measure);
  const sequence = figures.length > 1 && figures.every((f) => f.reportedBy === figures[0]!.reportedBy && f.date === figures[0]!.date);
  // Estimates in the order they were made; a sequence in the order of the reports (content order).
  const ordered = sequence ? figures : [...figures].sort((a, b) => a.date.localeCompare(b.date));
  const { width, font, line, pad } = PANEL;
  const values = ordered.flatMap((f) => (f.range ? f.range : [f.value ?? 0]));
  const max = niceMax(Math.max(...values, 1));
  const left = pad + 2;
  const right = width - pad - ARROW - 2;
  const x = (v: number) => r1(left + (v / max) * (right - left));
  const first = figures[0];
  const titleText = sequence && first ? `${capitalise(measure)}, as counted by ${first.reportedBy}, ${formatDate(first.date)}, report by report` : e.title;
  const top = 4;
  let y = top;
  const rows = ordered.map((f, i): ChartRowMark => {
    const label = wrapText(sequence ? `${ORDINALS[i] ?? `#${i + 1}`} report` : capitalise(`${f.reportedBy}, ${f.date.slice(0, 4)}`), width - 2 * pad, font);
    const labelY = y + font;
    const markY = y + label.length * line + 9;
    const [lo, hi] = f.range ?? [f.value ?? 0, f.value ?? 0];
    const kind = f.range ? 'range' : f.qualifier === 'more than' ? 'more' : 'dot';
    const x0 = x(lo);
    const x1 = x(hi);
    const text = figureText(f);
    const w = panelTextWidth(text, font, true);
    const end = kind === 'more' ? x1 + ARROW : x1;
    const after = end + 8 + w <= width - pad;
    y = markY + 14;
    return { label, labelY: r1(labelY), y: r1(markY), kind, x0, x1, text, textX: r1(after ? end + 8 : x0 - 8), textAnchor: after ? 'start' : 'end' };
  });
  const bottom = y;
  const ticks = [0, 0.5, 1].map((t) => t * max);
  return {
    event: eventId,
    kind: sequence ? 'sequence' : 'estimates',
    title: titleText,
    width,
    height: r1(bottom + line + 6),
    top,
    bottom,
    axis: ticks.map((v) => ({ value: v, label: v.toLocaleString('en-GB'), x: x(v) })),
    rows,
  };
}

function capitalise(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

export interface TimelineItemMark {
  id: string;
  x: number;
  y: number;
  group: ActorGroup;
  status: string;
  /** 1-based number of a highlighted event (its title is listed under the timeline), else 0. */
  n: number;
  /** Where that number is printed, in the row above the lanes (spread so numbers never touch). */
  nx: number;
}

export interface TimelineMark {
  width: number;
  height: number;
  /** y of the time axis. */
  axisY: number;
  /** Baseline of the row of numbers above the lanes. */
  numberY: number;
  /** Year ticks; `label` is empty where labels would crowd. */
  ticks: { label: string; x: number }[];
  items: TimelineItemMark[];
  /** The highlighted events, numbered, with their dates: listed as text under the drawing. */
  titles: { id: string; n: number; text: string; date: string }[];
}

/** The most events a step's timeline titles; the others stay marks. */
export const MAX_TITLES = 4;

/**
 * The timeline of the story's dated events with the step's events highlighted and numbered. Titles
 * are listed under the drawing (HTML text that wraps in the column), never squeezed into it, so no
 * title is ever cut off or shrunk; past MAX_TITLES the rest are drawn as marks only.
 */
export function timelineMark(highlight: readonly string[], atlas: Pick<MarksAtlas, 'events' | 'timeline'>): TimelineMark {
  const { width, font, pad } = PANEL;
  const left = pad + 12;
  const span = width - 2 * left;
  const x = (t: number) => r1(left + t * span);
  const chosen = atlas.timeline.items.filter((item) => highlight.includes(item.id)).slice(0, MAX_TITLES);
  const number = new Map(chosen.map((item, i) => [item.id, i + 1]));
  const laneGap = 18;
  const top = font + 14; // room for the row of numbers above the top lane
  const laneY = (lane: number) => top + (2 - Math.min(lane, 2)) * laneGap;
  const axisY = laneY(0) + 16;
  // The numbers of the highlighted events, in a row above the lanes, each over its event unless
  // that would crowd its neighbour: then pushed apart (a leader joins number and mark).
  const numberGap = panelTextWidth('0', font, true) + 8;
  const nx = new Map<string, number>();
  let last = -Infinity;
  for (const item of [...chosen].sort((a, b) => a.t - b.t)) {
    const at = r1(Math.max(x(item.t), last + numberGap));
    nx.set(item.id, at);
    last = at;
  }
  const overflow = last - (width - pad - numberGap / 2);
  if (overflow > 0) for (const [id, v] of nx) nx.set(id, r1(v - overflow));
  const ticks = atlas.timeline.ticks;
  const step = ticks.length > 1 ? (ticks[1]!.t - ticks[0]!.t) * span : span;
  const every = Math.max(1, Math.ceil((panelTextWidth('2000', font) + 10) / Math.max(1, step)));
  return {
    width,
    height: axisY + font + 12,
    axisY,
    numberY: font,
    ticks: ticks.map((tick, i) => ({ label: i % every === 0 ? tick.label : '', x: x(tick.t) })),
    items: atlas.timeline.items.map((item) => {
      const e = atlas.events[item.id]!;
      return {
        id: item.id,
        x: x(item.t),
        y: laneY(item.lane),
        group: actorGroup(e.actor),
        status: e.status,
        n: number.get(item.id) ?? 0,
        nx: nx.get(item.id) ?? 0,
      };
    }),
    titles: chosen.map((item, i) => {
      const e = atlas.events[item.id]!;
      return { id: item.id, n: i + 1, text: e.title, date: formatDate(e.date) };
    }),
  };
}

/** Half-size of a timeline mark: larger for the step's highlighted (numbered) events. */
export function timelineSymbolSize(item: Pick<TimelineItemMark, 'n'>): number {
  return item.n > 0 ? 6 : 4;
}

/** One path of timeline marks: every mark of one actor group, status and highlight. */
export interface TimelineSymbolPath {
  group: ActorGroup;
  status: string;
  highlighted: boolean;
  d: string;
}

/**
 * The timeline's marks drawn as few paths: one per actor group, status and highlight (a handful,
 * however many events the story dates), holding each mark's shape (symbolPath) at its centre. The step's
 * highlighted events come last, so they are drawn over the others. Fewer, shorter elements than a
 * path per event: a long story's timelines cost the page less to send, parse and lay out.
 */
export function timelineSymbolPaths(items: readonly TimelineItemMark[]): TimelineSymbolPath[] {
  const paths = new Map<string, TimelineSymbolPath>();
  const ordered = [...items.filter((i) => i.n === 0), ...items.filter((i) => i.n > 0)];
  for (const item of ordered) {
    const highlighted = item.n > 0;
    const key = `${highlighted} ${item.group} ${item.status}`;
    const path = paths.get(key) ?? { group: item.group, status: item.status, highlighted, d: '' };
    path.d += symbolPath(item.group, timelineSymbolSize(item), item.x, item.y);
    paths.set(key, path);
  }
  return [...paths.values()];
}

/**
 * One path for the stems of many timeline marks: each from just under its mark (clear of its 2 px
 * outline) down to the axis at `axisY`.
 */
export function timelineStemPath(items: readonly TimelineItemMark[], axisY: number): string {
  return items.map((i) => `M${i.x},${+(i.y + symbolBottom(i.group, timelineSymbolSize(i)) + 1).toFixed(1)}V${axisY}`).join('');
}
