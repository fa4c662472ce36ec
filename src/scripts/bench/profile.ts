/**
 * Where the main thread's time goes (`npm run bench:profile`): one traced load and scroll of a
 * built story at phone size with 4× CPU throttling, reported as main-thread time by activity
 * (script, style, layout, paint…) for the load and for the scroll, the busiest JavaScript
 * functions, and the callers of forced synchronous layouts (getBoundingClientRect and friends).
 * Thread time is less disturbed by a busy machine than the wall-clock figures of the benchmark.
 *
 * Usage: node src/scripts/bench/profile.ts [--dist dist-bench] [--scroll-px 12000]
 */
import { parseArgs } from 'node:util';
import { chromium } from '@playwright/test';
import { CHROMIUM_ARGS } from './measure.ts';
import { serveStatic } from './server.ts';

/** A Chromium trace event, with the arguments the bench's readers look at (profile.ts, first-frame.ts). */
export interface TraceEvent {
  name: string;
  ph: string;
  pid: number;
  tid: number;
  ts: number;
  dur?: number;
  tdur?: number;
  args?: {
    name?: string;
    data?: { documentLoaderURL?: string; navigationId?: string; url?: string; requestId?: string };
    beginData?: { url?: string };
  };
}

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number };
  children?: number[];
}

/** Main-thread time by trace event name, ms (nested events are counted in their own name too). */
export function threadTimeByActivity(events: readonly TraceEvent[]): { total: number; longTasks: number; byName: [string, number][] } {
  const tasks = events.filter((e) => e.name === 'RunTask');
  const byName = new Map<string, number>();
  for (const e of events) if (e.name !== 'RunTask' && e.ph === 'X') byName.set(e.name, (byName.get(e.name) ?? 0) + (e.tdur ?? e.dur ?? 0) / 1000);
  return {
    total: tasks.reduce((n, e) => n + (e.tdur ?? e.dur ?? 0), 0) / 1000,
    longTasks: tasks.filter((e) => (e.dur ?? 0) > 50_000).length,
    byName: [...byName].sort((a, b) => b[1] - a[1]),
  };
}

/** Self time per function and, for layout-forcing DOM reads, per calling chain, from a CPU profile. */
export function profileHotspots(
  profile: { nodes: ProfileNode[]; samples?: number[]; timeDeltas?: number[] },
  forcing = /^(getBoundingClientRect|getComputedStyle|offset(Width|Height|Top|Left)|client(Width|Height)|getTotalLength|getBBox|scrollHeight)$/,
) {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const self = new Map<number, number>();
  (profile.samples ?? []).forEach((id, i) => self.set(id, (self.get(id) ?? 0) + (profile.timeDeltas?.[i] ?? 0) / 1000));
  const name = (n: ProfileNode) =>
    `${n.callFrame.functionName || '(anonymous)'} ${n.callFrame.url.split('/').pop() || ''}:${n.callFrame.lineNumber + 1}:${n.callFrame.columnNumber + 1}`.trim();
  const functions = new Map<string, number>();
  const forced = new Map<string, number>();
  for (const [id, ms] of self) {
    const node = byId.get(id)!;
    if (node.callFrame.functionName === '(idle)' || node.callFrame.functionName === '(program)') continue;
    functions.set(name(node), (functions.get(name(node)) ?? 0) + ms);
    if (forcing.test(node.callFrame.functionName)) {
      const chain: string[] = [node.callFrame.functionName];
      for (let p = parent.get(id); p !== undefined && chain.length < 5; p = parent.get(p)) chain.push(name(byId.get(p)!));
      const key = chain.join(' ← ');
      forced.set(key, (forced.get(key) ?? 0) + ms);
    }
  }
  const top = (m: Map<string, number>, n: number) => [...m].sort((a, b) => b[1] - a[1]).slice(0, n);
  return { functions: top(functions, 12), forced: top(forced, 6) };
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: { dist: { type: 'string', default: 'dist-bench' }, 'scroll-px': { type: 'string', default: '12000' }, throttle: { type: 'string', default: '4' } },
  });
  const server = await serveStatic({ root: values.dist! });
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: CHROMIUM_ARGS });
  try {
    const context = await browser.newContext({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true });
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: Number(values.throttle) });
    const events: TraceEvent[] = [];
    cdp.on('Tracing.dataCollected', (e) => events.push(...(e.value as unknown as TraceEvent[])));
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.setSamplingInterval', { interval: 500 });
    await cdp.send('Tracing.start', { categories: 'devtools.timeline,disabled-by-default-devtools.timeline,blink.user_timing', transferMode: 'ReportEvents' });
    await cdp.send('Profiler.start');
    await page.goto(`${server.origin}/`, { waitUntil: 'load' });
    await page.waitForTimeout(2000);
    const loadProfile = (await cdp.send('Profiler.stop')).profile;
    await page.evaluate(() => performance.mark('bench-scroll-start'));
    await cdp.send('Profiler.start');
    await page.evaluate(
      (max) =>
        new Promise<void>((done) => {
          const top = scrollY;
          const start = performance.now();
          const timer = setInterval(() => {
            const target = Math.min(top + max, document.documentElement.scrollHeight - innerHeight, top + ((performance.now() - start) / 50) * 100);
            scrollTo({ top: target, behavior: 'instant' });
            if (target >= Math.min(top + max, document.documentElement.scrollHeight - innerHeight)) {
              clearInterval(timer);
              setTimeout(done, 1500);
            }
          }, 50);
        }),
      Number(values['scroll-px']),
    );
    const scrollProfile = (await cdp.send('Profiler.stop')).profile;
    const complete = new Promise((ok) => cdp.once('Tracing.tracingComplete', ok));
    await cdp.send('Tracing.end');
    await complete;

    const main = events.find((e) => e.name === 'thread_name' && e.args?.name === 'CrRendererMain');
    if (!main) throw new Error('profile: no renderer main thread in the trace');
    const split = events.find((e) => e.name === 'bench-scroll-start')?.ts ?? Number.POSITIVE_INFINITY;
    const mine = events.filter((e) => e.pid === main.pid && e.tid === main.tid && e.ph === 'X');
    const ms = (v: number) => `${Math.round(v).toLocaleString('en-GB')} ms`;
    for (const [label, phase, profile] of [
      ['load (until 2 s after the load event)', mine.filter((e) => e.ts < split), loadProfile],
      [`scroll (${values['scroll-px']} px at 100 px / 50 ms, then 1.5 s)`, mine.filter((e) => e.ts >= split), scrollProfile],
    ] as const) {
      const t = threadTimeByActivity(phase);
      const hot = profileHotspots(profile as unknown as { nodes: ProfileNode[]; samples?: number[]; timeDeltas?: number[] });
      console.log(`\n${label}: main thread busy ${ms(t.total)}, ${t.longTasks} task(s) over 50 ms`);
      console.log(
        `  by activity: ${t.byName
          .slice(0, 10)
          .map(([n, v]) => `${n} ${ms(v)}`)
          .join(', ')}`,
      );
      console.log('  JavaScript self time:');
      for (const [n, v] of hot.functions) console.log(`    ${ms(v).padStart(9)}  ${n}`);
      if (hot.forced.length) {
        console.log('  forced layout / style reads (self time, with callers):');
        for (const [n, v] of hot.forced) console.log(`    ${ms(v).padStart(9)}  ${n}`);
      }
    }
  } finally {
    await browser.close();
    await server.close();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) await main();
