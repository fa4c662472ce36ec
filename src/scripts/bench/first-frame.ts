/**
 * The way to the first paint, step by step (`npm run bench:first-frame`): loads a built story and
 * its bare page (bare.ts: the same head, the masthead alone) one after the other, traced, at phone
 * size with 4× CPU slowdown, and reports the median of each step for both and their difference:
 * when the head's stylesheet was requested and when it arrived, when the frame that first paints
 * began and how long it took, and the main thread's time before that frame's end (all of it, and
 * its parsing, style and layout). The benchmark says by how much the story's LCP exceeds the bare
 * page's; this says where on the way the excess arises.
 *
 * Usage: node src/scripts/bench/first-frame.ts [--dist dist-bench] [--loads 12] [--throttle 4]
 */
import { readFileSync } from 'node:fs';
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
    options: { dist: { type: 'string', default: 'dist-bench' }, loads: { type: 'string', default: '12' }, throttle: { type: 'string', default: '4' } },
  });
  const html = readFileSync(join(values.dist!, 'index.html'), 'utf8');
  const server = await serveStatic({ root: values.dist!, extra: { '/__bare/': bareBaseline(html) } });
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: CHROMIUM_ARGS });
  const pages = { story: `${server.origin}/`, bare: `${server.origin}/__bare/` };
  const runs: Record<keyof typeof pages, FirstFrame[]> = { story: [], bare: [] };
  try {
    for (let i = 0; i < Number(values.loads); i++) {
      // Alternate which page goes first: a load is slower after some pages than after others.
      for (const name of i % 2 === 0 ? (['story', 'bare'] as const) : (['bare', 'story'] as const)) {
        const r = await tracedLoad(browser, pages[name], Number(values.throttle));
        if (r) runs[name].push(r);
      }
    }
  } finally {
    await browser.close();
    await server.close();
  }
  console.log(`first frame, ${runs.story.length} story and ${runs.bare.length} bare loads traced, ${values.throttle}× CPU, 390×844 @2 (medians, ms)`);
  console.log(`${''.padEnd(34)}${'story'.padStart(8)}${'bare'.padStart(8)}${'story − bare'.padStart(14)}`);
  for (const key of Object.keys(FIRST_FRAME_LABELS) as (keyof FirstFrame)[]) {
    const s = median(runs.story.map((r) => r[key]).filter(Number.isFinite));
    const b = median(runs.bare.map((r) => r[key]).filter(Number.isFinite));
    const f = (v: number | null) => (v === null ? '–' : v.toFixed(1)).padStart(8);
    console.log(`${FIRST_FRAME_LABELS[key].padEnd(34)}${f(s)}${f(b)}${(s === null || b === null ? '–' : (s - b).toFixed(1)).padStart(14)}`);
  }
}

if (import.meta.url === `file://${process.argv[1]}`) await main();
