/**
 * The way to the first paint, step by step (`npm run bench:first-frame`): loads a built story and
 * its bare page (bare.ts: the same head, the masthead alone) one after the other, traced, at phone
 * size with 4× CPU slowdown, and reports the median of each step for both and their difference:
 * when the head's stylesheet was requested and when it arrived, when the frame that first paints
 * began and how long it took, and the main thread's time before that frame's end (all of it, and
 * its parsing, style and layout). The benchmark says by how much the story's LCP exceeds the bare
 * page's; this says where on the way the excess arises.
 *
 * `--page name=file.html` (repeatable) adds a variant of the page, served from memory at
 * `/__name/` with the built site's files, and traced in the same rounds: one trial of a change to
 * the first screen costs a file and a few minutes, and is compared with the page and the bare page
 * measured alongside it. Use many loads: two pages that differ only by a skip link and a hidden
 * notice differed by 7.7 ms in a run of 20 loads of each and by −1.0 ms in a run of 100.
 *
 * Usage: node src/scripts/bench/first-frame.ts [--dist dist-bench] [--loads 12] [--throttle 4] [--page name=file.html …]
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { chromium, type Browser } from '@playwright/test';
import { bareBaseline } from './bare.ts';
import { CHROMIUM_ARGS } from './measure.ts';
import type { TraceEvent } from './profile.ts';
import { serveStatic } from './server.ts';
import { median } from './stats.ts';

/** Milliseconds from navigation start (a step) or of main-thread time (a duration). */
export interface FirstFrame {
  /** The parser starts on the page's HTML. */
  parseStarts: number;
  /** The first stylesheet request sent. */
  cssRequested: number;
  /** That stylesheet's response complete. */
  cssLoaded: number;
  /** The first frame that paints: its start and its length on the main thread. */
  frameStart: number;
  frameMs: number;
  /** Main-thread time from navigation start to that frame's end: all tasks, parsing, style and layout. */
  busyMs: number;
  parseMs: number;
  styleLayoutMs: number;
  /** From that frame's end on the main thread to its presentation (raster and display). */
  presentMs: number;
  /** First contentful paint (the frame presented). */
  fcp: number;
}

export const FIRST_FRAME_LABELS: Record<keyof FirstFrame, string> = {
  parseStarts: 'parser starts on the HTML',
  cssRequested: 'stylesheet requested',
  cssLoaded: 'stylesheet loaded',
  frameStart: 'first painting frame starts',
  frameMs: 'its main-thread time',
  busyMs: 'main thread busy until its end',
  parseMs: '  of which HTML parsing',
  styleLayoutMs: '  of which style and layout',
  presentMs: 'frame end to presented',
  fcp: 'first contentful paint',
};

/**
 * Read one load's trace: the steps to the first paint of the page at `url`. Null when the trace
 * lacks the navigation, the main thread, the first paint or a painting frame.
 */
export function firstFrameAnatomy(events: readonly TraceEvent[], url: string): FirstFrame | null {
  const nav = events.find((e) => e.name === 'navigationStart' && e.args?.data?.documentLoaderURL === url);
  if (!nav) return null;
  const main = events.find((e) => e.ph === 'M' && e.name === 'thread_name' && e.pid === nav.pid && e.args?.name === 'CrRendererMain');
  const paint = events.find((e) => e.name === 'firstContentfulPaint' && e.pid === nav.pid && e.args?.data?.navigationId === nav.args?.data?.navigationId);
  if (!main || !paint) return null;
  const at = (e: TraceEvent) => (e.ts - nav.ts) / 1000;
  const end = (e: TraceEvent) => e.ts + (e.dur ?? 0);
  const onMain = events.filter((e) => e.pid === nav.pid && e.tid === main.tid && e.ph === 'X' && e.ts >= nav.ts && e.ts < paint.ts).sort((a, b) => a.ts - b.ts);
  const frame = onMain.find((f) => f.name === 'ProxyMain::BeginMainFrame' && onMain.some((e) => e.name === 'Paint' && e.ts >= f.ts && e.ts < end(f)));
  if (!frame) return null;
  const before = (names: readonly string[]) => onMain.filter((e) => names.includes(e.name) && e.ts < end(frame)).reduce((ms, e) => ms + (e.dur ?? 0) / 1000, 0);
  const css = events.find((e) => e.pid === nav.pid && e.name === 'ResourceSendRequest' && e.ts >= nav.ts && /\.css(\?|$)/.test(e.args?.data?.url ?? ''));
  const cssDone = css && events.find((e) => e.pid === nav.pid && e.name === 'ResourceFinish' && e.args?.data?.requestId === css.args?.data?.requestId);
  const parse = onMain.find((e) => e.name === 'ParseHTML' && e.args?.beginData?.url === url);
  return {
    parseStarts: parse ? at(parse) : Number.NaN,
    cssRequested: css ? at(css) : Number.NaN,
    cssLoaded: cssDone ? at(cssDone) : Number.NaN,
    frameStart: at(frame),
    frameMs: (frame.dur ?? 0) / 1000,
    busyMs: before(['RunTask']),
    parseMs: before(['ParseHTML']),
    styleLayoutMs: before(['UpdateLayoutTree', 'Layout']),
    presentMs: (paint.ts - end(frame)) / 1000,
    fcp: at(paint),
  };
}

/** A variant page to trace beside the story and its bare page. */
export interface VariantPage {
  name: string;
  file: string;
}

/**
 * Read `--page name=file.html` values. Throws, naming the value and the fix, when one has no `=`,
 * a name other than lower-case letters, digits and hyphens, a name already taken (story and bare
 * are), or a file that does not exist.
 */
export function parseVariantPages(specs: readonly string[], exists: (file: string) => boolean = existsSync): VariantPage[] {
  const taken = new Set(['story', 'bare']);
  return specs.map((spec) => {
    const at = spec.indexOf('=');
    const name = at < 0 ? '' : spec.slice(0, at);
    const file = at < 0 ? '' : spec.slice(at + 1);
    if (at < 0 || !file) throw new Error(`--page ${spec}: expected name=file.html, e.g. --page nobodycss=/tmp/story-variant.html`);
    if (!/^[a-z0-9][a-z0-9-]*$/.test(name))
      throw new Error(`--page ${spec}: the name "${name}" must be lower-case letters, digits and hyphens (it is served at /__name/)`);
    if (taken.has(name)) throw new Error(`--page ${spec}: the name "${name}" is taken (story, bare and each earlier --page); choose another`);
    if (!exists(file)) throw new Error(`--page ${spec}: no file ${file}`);
    taken.add(name);
    return { name, file };
  });
}

/**
 * The report: one row per step of the way to the first paint, a column of medians per page (in the
 * order given), then each page's difference from `base` (the bare page) for every page but the base.
 */
export function firstFrameTable(runs: Readonly<Record<string, readonly FirstFrame[]>>, base = 'bare'): string[] {
  const names = Object.keys(runs);
  const others = names.filter((n) => n !== base);
  const width = Math.max(8, ...names.map((n) => n.length + 2));
  const diffWidth = Math.max(10, ...others.map((n) => n.length + base.length + 5));
  const cell = (v: number | null, w: number) => (v === null ? '–' : v.toFixed(1)).padStart(w);
  const lines = [`${''.padEnd(34)}${names.map((n) => n.padStart(width)).join('')}${others.map((n) => `${n} − ${base}`.padStart(diffWidth)).join('')}`];
  for (const key of Object.keys(FIRST_FRAME_LABELS) as (keyof FirstFrame)[]) {
    const m = new Map(names.map((n) => [n, median(runs[n]!.map((r) => r[key]))]));
    const b = m.get(base) ?? null;
    const diff = (n: string) => {
      const v = m.get(n) ?? null;
      return v === null || b === null ? null : v - b;
    };
    lines.push(
      `${FIRST_FRAME_LABELS[key].padEnd(34)}${names.map((n) => cell(m.get(n) ?? null, width)).join('')}${others.map((n) => cell(diff(n), diffWidth)).join('')}`,
    );
  }
  return lines;
}

const CATEGORIES = [
  'devtools.timeline',
  'disabled-by-default-devtools.timeline',
  'disabled-by-default-devtools.timeline.frame',
  'blink.user_timing',
  'loading',
  'toplevel',
  'blink',
  'cc',
].join(',');

async function tracedLoad(browser: Browser, url: string, throttle: number): Promise<FirstFrame | null> {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true });
  try {
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: throttle });
    const events: TraceEvent[] = [];
    cdp.on('Tracing.dataCollected', (e) => events.push(...(e.value as unknown as TraceEvent[])));
    await cdp.send('Tracing.start', { categories: CATEGORIES, transferMode: 'ReportEvents' });
    await page.goto(url, { waitUntil: 'load' });
    await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => setTimeout(done, 200))));
    const complete = new Promise((ok) => cdp.once('Tracing.tracingComplete', ok));
    await cdp.send('Tracing.end');
    await complete;
    return firstFrameAnatomy(events, url);
  } finally {
    await context.close();
  }
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      dist: { type: 'string', default: 'dist-bench' },
      loads: { type: 'string', default: '12' },
      throttle: { type: 'string', default: '4' },
      page: { type: 'string', multiple: true, default: [] },
    },
  });
  const variants = parseVariantPages(values.page!);
  const html = readFileSync(join(values.dist!, 'index.html'), 'utf8');
  const extra: Record<string, string> = { '/__bare/': bareBaseline(html) };
  for (const v of variants) extra[`/__${v.name}/`] = readFileSync(v.file, 'utf8');
  const server = await serveStatic({ root: values.dist!, extra });
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: CHROMIUM_ARGS });
  const pages: [string, string][] = [
    ['story', `${server.origin}/`],
    ['bare', `${server.origin}/__bare/`],
    ...variants.map((v): [string, string] => [v.name, `${server.origin}/__${v.name}/`]),
  ];
  const runs: Record<string, FirstFrame[]> = Object.fromEntries(pages.map(([name]) => [name, []]));
  try {
    for (let i = 0; i < Number(values.loads); i++) {
      // Reverse the order every other round: a load is slower after some pages than after others.
      for (const [name, url] of i % 2 === 0 ? pages : [...pages].reverse()) {
        const r = await tracedLoad(browser, url, Number(values.throttle));
        if (r) runs[name]!.push(r);
      }
    }
  } finally {
    await browser.close();
    await server.close();
  }
  console.log(
    `first frame, ${pages.map(([name]) => `${runs[name]!.length} ${name}`).join(', ')} loads traced, ${values.throttle}× CPU, 390×844 @2 (medians, ms)`,
  );
  for (const line of firstFrameTable(runs)) console.log(line);
}

if (import.meta.url === `file://${process.argv[1]}`) await main();
