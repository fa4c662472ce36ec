/**
 * One benchmark run of one page in headless Chromium: a phone viewport (390×844, device scale 2),
 * 4× CPU throttling through the DevTools protocol, a fresh context (cold cache); network bytes from the protocol,
 * paint, LCP, layout shifts and long tasks from PerformanceObserver; then a scripted scroll from
 * top to bottom that records long tasks and requestAnimationFrame intervals.
 */
import type { Browser, CDPSession } from '@playwright/test';
import { cumulativeLayoutShift, frameStats, tasksWithin, totalBlockingTime, type FrameStats, type Shift, type Task } from './stats.ts';

export const RESOURCE_KINDS = ['document', 'script', 'stylesheet', 'font', 'image', 'data', 'other'] as const;
export type ResourceKind = (typeof RESOURCE_KINDS)[number];

export interface ResourceBytes {
  count: number;
  /** Bytes on the wire, headers included (CDP encodedDataLength). */
  transferred: number;
  /** Bytes after content decoding. */
  decoded: number;
}

export interface RequestRecord {
  url: string;
  kind: ResourceKind;
  status: number;
  transferred: number;
  decoded: number;
  encoding: string;
}

export interface ScrollRun {
  /** Wall time of the scroll, ms (page clock). */
  ms: number;
  /** Pixels scrolled. */
  distance: number;
  /** Long tasks (> 50 ms) from the first scroll until the settle time after the last. */
  longTasks: Task[];
  frames: FrameStats;
  /** How many times the active step changed (the controller's data-active-step). */
  activations: number;
  /** Network requests made during the scroll, revalidations (304) included, cache hits not: there should be none. */
  requestUrls: string[];
  /** Requests during the scroll answered from the browser's cache. */
  cacheHits: number;
}

export interface PageRun {
  url: string;
  /** Requests of the first load (everything requested until the load phase settled). */
  requests: RequestRecord[];
  offsite: string[];
  bytes: Record<ResourceKind, ResourceBytes>;
  total: ResourceBytes;
  fcp: number | null;
  lcp: number | null;
  lcpElement: string | null;
  /** CLS of the load phase, and of the whole visit including the scroll. */
  clsLoad: number;
  cls: number;
  /** Every layout shift with the elements that moved (for finding what shifts). */
  shifts: (Shift & { sources: string[] })[];
  tbt: number;
  loadLongTasks: Task[];
  steps: number;
  scrollHeight: number;
  scroll: ScrollRun | null;
}

export interface MeasureOptions {
  cpuThrottle: number;
  /** Wait after the load event before the load phase is closed, ms. */
  settleMs: number;
  /** null: no scroll. */
  scroll: {
    stepPx: number;
    intervalMs: number;
    /** Scroll at most this far (default: to the bottom). */
    maxPx?: number;
    /** Jump to this fraction of the page first and let it settle (default 0: the top). */
    startAt?: number;
    /** Wait after the last scroll before closing the window, ms. */
    settleMs: number;
  } | null;
}

/** Chromium's flags (shared with the e2e suite). */
export { CHROMIUM_ARGS } from '../chromium.ts';

function kindOf(cdpType: string | undefined, mime: string): ResourceKind {
  switch (cdpType) {
    case 'Document':
      return 'document';
    case 'Script':
      return 'script';
    case 'Stylesheet':
      return 'stylesheet';
    case 'Font':
      return 'font';
    case 'Image':
      return 'image';
    case 'XHR':
    case 'Fetch':
      return 'data';
  }
  if (/javascript/.test(mime)) return 'script';
  if (/css/.test(mime)) return 'stylesheet';
  if (/^image\//.test(mime)) return 'image';
  if (/^font\/|woff/.test(mime)) return 'font';
  if (/json|xml/.test(mime)) return 'data';
  return 'other';
}

interface BenchGlobals {
  paint: { name: string; t: number }[];
  lcp: { t: number; el: string }[];
  shifts: (Shift & { sources: string[] })[];
  tasks: Task[];
  activations: number;
}

/** Runs in the page before any of its scripts: records paints, LCP, shifts, long tasks and step changes. */
function instrument(): void {
  const b: BenchGlobals = { paint: [], lcp: [], shifts: [], tasks: [], activations: 0 };
  (window as unknown as { __bench: BenchGlobals }).__bench = b;
  const observe = (type: string, fn: (e: PerformanceEntry) => void) => {
    try {
      new PerformanceObserver((list) => list.getEntries().forEach(fn)).observe({ type, buffered: true });
    } catch {
      /* entry type unsupported: the figure stays empty */
    }
  };
  observe('paint', (e) => b.paint.push({ name: e.name, t: e.startTime }));
  observe('largest-contentful-paint', (e) => {
    const el = (e as PerformanceEntry & { element?: Element | null }).element;
    b.lcp.push({ t: e.startTime, el: el ? `${el.tagName.toLowerCase()}${el.className ? `.${String(el.className).split(' ')[0]}` : ''}` : '?' });
  });
  const describe = (n: Node | null): string => {
    if (!n || !(n instanceof Element)) return n ? n.nodeName.toLowerCase() : '?';
    const id = n.id ? `#${n.id}` : '';
    const cls = typeof n.className === 'string' && n.className ? `.${n.className.trim().split(/\s+/).join('.')}` : '';
    return `${n.tagName.toLowerCase()}${id}${cls}`;
  };
  observe('layout-shift', (e) => {
    const s = e as PerformanceEntry & { value: number; hadRecentInput: boolean; sources?: { node: Node | null }[] };
    b.shifts.push({ t: s.startTime, value: s.value, hadRecentInput: s.hadRecentInput, sources: (s.sources ?? []).map((x) => describe(x.node)) });
  });
  observe('longtask', (e) => b.tasks.push({ t: e.startTime, d: e.duration }));
  new MutationObserver(() => {
    b.activations++;
  }).observe(document, { attributes: true, subtree: true, attributeFilter: ['data-active-step'] }); // no documentElement yet
}

interface ScrollResult {
  start: number;
  end: number;
  settled: number;
  distance: number;
  frames: number[];
}

/**
 * Runs in the page: scroll at `stepPx` per `intervalMs` to the bottom (or `maxPx`), recording
 * every animation frame. The position follows the clock (a reader's steady flick), so a busy main
 * thread makes bigger jumps rather than a slower scroll, and a run takes the same time on any machine.
 */
function scrollThrough(o: { stepPx: number; intervalMs: number; maxPx: number; settleMs: number }): Promise<ScrollResult> {
  return new Promise((done) => {
    const frames: number[] = [];
    let recording = true;
    const frame = (t: number) => {
      frames.push(t);
      if (recording) requestAnimationFrame(frame);
    };
    requestAnimationFrame(frame);
    const top = scrollY;
    const start = performance.now();
    const bottom = () => Math.min(document.documentElement.scrollHeight - innerHeight, top + o.maxPx);
    const timer = setInterval(() => {
      if (scrollY >= bottom() - 1) {
        clearInterval(timer);
        const end = performance.now();
        setTimeout(() => {
          recording = false;
          done({ start, end, settled: performance.now(), distance: scrollY - top, frames: frames.filter((t) => t >= start && t <= end) });
        }, o.settleMs);
        return;
      }
      const target = top + Math.round(((performance.now() - start) / o.intervalMs) * o.stepPx);
      scrollTo({ top: Math.min(Math.max(target, scrollY + 1), bottom()), behavior: 'instant' });
    }, o.intervalMs);
  });
}

/** One request as the benchmark records it from the DevTools protocol. */
interface NetRecord {
  url: string;
  type?: string;
  mime: string;
  status: number;
  transferred: number;
  decoded: number;
  encoding: string;
  done: boolean;
  cached: boolean;
  phase: 'load' | 'scroll';
}

/** Bytes of the first load per resource kind, and in all. */
function bytesByKind(requests: readonly RequestRecord[]): { bytes: Record<ResourceKind, ResourceBytes>; total: ResourceBytes } {
  const bytes = Object.fromEntries(RESOURCE_KINDS.map((k) => [k, { count: 0, transferred: 0, decoded: 0 }])) as Record<ResourceKind, ResourceBytes>;
  const total: ResourceBytes = { count: 0, transferred: 0, decoded: 0 };
  for (const r of requests) {
    for (const b of [bytes[r.kind], total]) {
      b.count++;
      b.transferred += r.transferred;
      b.decoded += r.decoded;
    }
  }
  return { bytes, total };
}

/** Record every request of a page (by request id) with its bytes, tagged with the phase it started in. */
async function recordNetwork(cdp: CDPSession, phaseNow: () => 'load' | 'scroll'): Promise<Map<string, NetRecord>> {
  const records = new Map<string, NetRecord>();
  await cdp.send('Network.enable');
  cdp.on('Network.requestWillBeSent', (e) => {
    if (e.request.url.startsWith('data:') || e.request.url.startsWith('blob:')) return;
    const prev = records.get(e.requestId);
    records.set(e.requestId, {
      url: e.request.url,
      type: e.type,
      mime: '',
      status: 0,
      transferred: prev?.transferred ?? 0,
      decoded: 0,
      encoding: '',
      done: false,
      cached: false,
      phase: phaseNow(),
    });
  });
  cdp.on('Network.responseReceived', (e) => {
    const r = records.get(e.requestId);
    if (!r) return;
    r.type = e.type;
    r.mime = e.response.mimeType;
    r.status = e.response.status;
    if (e.response.fromDiskCache || e.response.fromPrefetchCache) r.cached = true;
    const headers = e.response.headers as Record<string, string>;
    r.encoding = headers['content-encoding'] ?? headers['Content-Encoding'] ?? '';
  });
  cdp.on('Network.requestServedFromCache', (e) => {
    const r = records.get(e.requestId);
    if (r) r.cached = true;
  });
  cdp.on('Network.dataReceived', (e) => {
    const r = records.get(e.requestId);
    if (r) r.decoded += e.dataLength;
  });
  cdp.on('Network.loadingFinished', (e) => {
    const r = records.get(e.requestId);
    if (!r) return;
    r.transferred = e.encodedDataLength;
    r.done = true;
  });
  return records;
}

/** Load `url` in a fresh phone-sized context with CPU throttling, measure, optionally scroll through. */
export async function measurePage(browser: Browser, url: string, options: MeasureOptions): Promise<PageRun> {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true });
  try {
    const page = await context.newPage();
    const cdp: CDPSession = await context.newCDPSession(page);
    const origin = new URL(url).origin;
    let phase: 'load' | 'scroll' = 'load';
    const records = await recordNetwork(cdp, () => phase);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: options.cpuThrottle });
    await page.addInitScript(instrument);

    await page.goto(url, { waitUntil: 'load', timeout: 120_000 });
    await page.waitForTimeout(options.settleMs);
    const loadEnd = await page.evaluate(() => performance.now());
    const load = await page.evaluate(() => {
      const b = (window as unknown as { __bench: BenchGlobals }).__bench;
      return { ...b, shifts: [...b.shifts], steps: document.querySelectorAll('[data-step]').length, scrollHeight: document.documentElement.scrollHeight };
    });
    const fcp = load.paint.find((p) => p.name === 'first-contentful-paint')?.t ?? null;
    const lastLcp = load.lcp[load.lcp.length - 1];
    const loadTasks = tasksWithin(load.tasks, 0, loadEnd);

    // The browser asks for the icon whenever it likes (often after the load phase): it belongs to the first load.
    const icons = new Set(await page.evaluate(() => [...document.querySelectorAll<HTMLLinkElement>('link[rel~="icon"]')].map((l) => l.href)));
    const firstIcon = new Map<string, string>();
    for (const [id, r] of records) if (icons.has(r.url) && !firstIcon.has(r.url)) firstIcon.set(r.url, id);
    const firstLoad = (r: { phase: string; url: string }, id: string) => r.phase === 'load' || firstIcon.get(r.url) === id;

    let scroll: ScrollRun | null = null;
    let allShifts = load.shifts;
    if (options.scroll) {
      phase = 'scroll';
      const startAt = options.scroll.startAt ?? 0;
      if (startAt > 0) {
        await page.evaluate((f) => scrollTo({ top: Math.round(f * (document.documentElement.scrollHeight - innerHeight)), behavior: 'instant' }), startAt);
        await page.waitForTimeout(options.settleMs);
      }
      const before = await page.evaluate(() => (window as unknown as { __bench: BenchGlobals }).__bench.activations);
      const s = await page.evaluate(scrollThrough, {
        stepPx: options.scroll.stepPx,
        intervalMs: options.scroll.intervalMs,
        maxPx: options.scroll.maxPx ?? Number.MAX_SAFE_INTEGER,
        settleMs: options.scroll.settleMs,
      });
      const after = await page.evaluate(() => {
        const b = (window as unknown as { __bench: BenchGlobals }).__bench;
        return { tasks: b.tasks, activations: b.activations, shifts: b.shifts };
      });
      allShifts = after.shifts;
      scroll = {
        ms: s.end - s.start,
        distance: s.distance,
        longTasks: tasksWithin(after.tasks, s.start, s.settled),
        frames: frameStats(s.frames),
        activations: after.activations - before,
        requestUrls: [...records].filter(([id, r]) => !firstLoad(r, id) && !r.cached).map(([, r]) => `${r.url} ${r.status}`),
        cacheHits: [...records].filter(([id, r]) => !firstLoad(r, id) && r.cached).length,
      };
    }

    const loadRequests: RequestRecord[] = [...records]
      .filter(([id, r]) => firstLoad(r, id))
      .map(([, r]) => ({ url: r.url, kind: kindOf(r.type, r.mime), status: r.status, transferred: r.transferred, decoded: r.decoded, encoding: r.encoding }));
    const { bytes, total } = bytesByKind(loadRequests);
    return {
      url,
      requests: loadRequests,
      offsite: [...records.values()].map((r) => r.url).filter((u) => !u.startsWith(origin)),
      bytes,
      total,
      fcp,
      lcp: lastLcp?.t ?? null,
      lcpElement: lastLcp?.el ?? null,
      clsLoad: cumulativeLayoutShift(load.shifts),
      cls: cumulativeLayoutShift(allShifts),
      shifts: allShifts,
      tbt: fcp === null ? 0 : totalBlockingTime(loadTasks, fcp, loadEnd),
      loadLongTasks: loadTasks,
      steps: load.steps,
      scrollHeight: load.scrollHeight,
      scroll,
    };
  } finally {
    await context.close();
  }
}
