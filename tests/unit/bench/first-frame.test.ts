import { describe, expect, it } from 'vitest';
import { firstFrameAnatomy, firstFrameTable, parseVariantPages, type FirstFrame } from '../../../src/scripts/bench/first-frame.ts';
import type { TraceEvent } from '../../../src/scripts/bench/profile.ts';

const URL = 'http://127.0.0.1:4000/';
const NAV = 'nav-1';
const P = 7;
const MAIN = 1;
// Times in ms from navigation start; trace events count microseconds from an arbitrary origin.
const T0 = 5_000_000;
const x = (name: string, at: number, ms: number, tid = MAIN): TraceEvent => ({ name, ph: 'X', pid: P, tid, ts: T0 + at * 1000, dur: ms * 1000 });
const i = (name: string, at: number, data: NonNullable<TraceEvent['args']>['data']): TraceEvent => ({
  name,
  ph: 'I',
  pid: P,
  tid: MAIN,
  ts: T0 + at * 1000,
  args: { data },
});

/** A load: the initial about:blank navigation, then the page; its stylesheet; two frames, the second paints. */
function trace(): TraceEvent[] {
  return [
    { name: 'thread_name', ph: 'M', pid: P, tid: MAIN, ts: 0, args: { name: 'CrRendererMain' } },
    { name: 'thread_name', ph: 'M', pid: P, tid: 2, ts: 0, args: { name: 'Compositor' } },
    i('navigationStart', -40, { documentLoaderURL: '', navigationId: 'blank' }),
    i('navigationStart', 0, { documentLoaderURL: URL, navigationId: NAV }),
    x('RunTask', 10, 20),
    { ...x('ParseHTML', 12, 8), args: { beginData: { url: URL } } },
    i('ResourceSendRequest', 15, { url: `${URL}_astro/page.css`, requestId: 'r2' }),
    i('ResourceSendRequest', 16, { url: `${URL}_astro/after.js`, requestId: 'r3' }),
    i('ResourceFinish', 30, { requestId: 'r3' }),
    i('ResourceFinish', 45, { requestId: 'r2' }),
    x('RunTask', 50, 4),
    x('ProxyMain::BeginMainFrame', 50, 4), // a frame that paints nothing
    x('RunTask', 60, 30),
    x('ProxyMain::BeginMainFrame', 60, 30),
    x('UpdateLayoutTree', 61, 6),
    x('Layout', 67, 15),
    x('Paint', 84, 3),
    x('Paint', 85, 9, 2), // on another thread: not the main thread's
    x('RunTask', 95, 10), // after the painting frame: not counted
    x('ParseHTML', 95, 10),
    i('firstContentfulPaint', 120, { navigationId: NAV }),
  ];
}

describe('firstFrameAnatomy', () => {
  it('times the steps to the first paint of the page, from its own navigation start', () => {
    expect(firstFrameAnatomy(trace(), URL)).toEqual({
      parseStarts: 12,
      cssRequested: 15,
      cssLoaded: 45,
      frameStart: 60,
      frameMs: 30,
      busyMs: 54,
      parseMs: 8,
      styleLayoutMs: 21,
      presentMs: 30,
      fcp: 120,
    });
  });

  it('gives null without the page, its first paint or a frame that paints', () => {
    expect(firstFrameAnatomy(trace(), 'http://127.0.0.1:4000/other/')).toBeNull();
    expect(
      firstFrameAnatomy(
        trace().filter((e) => e.name !== 'firstContentfulPaint'),
        URL,
      ),
    ).toBeNull();
    expect(
      firstFrameAnatomy(
        trace().filter((e) => e.name !== 'Paint'),
        URL,
      ),
    ).toBeNull();
  });

  it('leaves the stylesheet steps empty when the page requested none', () => {
    const r = firstFrameAnatomy(
      trace().filter((e) => !e.name.startsWith('Resource')),
      URL,
    );
    expect(r?.cssRequested).toBeNaN();
    expect(r?.cssLoaded).toBeNaN();
    expect(r?.frameStart).toBe(60);
  });
});

describe('parseVariantPages', () => {
  const exists = (file: string) => file.startsWith('/tmp/');
  it('reads name=file pairs, in order', () => {
    expect(parseVariantPages(['nobodycss=/tmp/a.html', 'cut-2=/tmp/b=c.html'], exists)).toEqual([
      { name: 'nobodycss', file: '/tmp/a.html' },
      { name: 'cut-2', file: '/tmp/b=c.html' },
    ]);
  });
  it('refuses a value without a file, naming it and the form expected', () => {
    expect(() => parseVariantPages(['nobodycss'], exists)).toThrow(/--page nobodycss: expected name=file\.html/);
    expect(() => parseVariantPages(['nobodycss='], exists)).toThrow(/expected name=file\.html/);
  });
  it('refuses a name that cannot be a path segment, or one already taken', () => {
    expect(() => parseVariantPages(['No Body=/tmp/a.html'], exists)).toThrow(/"No Body" must be lower-case letters, digits and hyphens/);
    expect(() => parseVariantPages(['bare=/tmp/a.html'], exists)).toThrow(/"bare" is taken/);
    expect(() => parseVariantPages(['a=/tmp/a.html', 'a=/tmp/b.html'], exists)).toThrow(/"a" is taken/);
  });
  it('refuses a file that does not exist', () => {
    expect(() => parseVariantPages(['a=/nowhere/a.html'], exists)).toThrow(/--page a=\/nowhere\/a\.html: no file \/nowhere\/a\.html/);
  });
});

describe('firstFrameTable', () => {
  const load = (fcp: number, frameMs: number): FirstFrame => ({
    parseStarts: 10,
    cssRequested: 12,
    cssLoaded: 30,
    frameStart: 40,
    frameMs,
    busyMs: 50,
    parseMs: 5,
    styleLayoutMs: 20,
    presentMs: 15,
    fcp,
  });
  /** The values of the row whose label starts with `label`. */
  const cells = (lines: string[], label: string) =>
    lines
      .find((l) => l.startsWith(label))!
      .trim()
      .split(/\s{2,}/)
      .slice(1);
  it('gives each page its medians and every page but the bare one its difference from it', () => {
    const lines = firstFrameTable({ story: [load(170, 30), load(180, 40), load(190, 50)], bare: [load(160, 10), load(164, 12)], cut: [load(166, 20)] });
    expect(lines[0]).toMatch(/story\s+bare\s+cut\s+story − bare\s+cut − bare$/);
    expect(cells(lines, 'first contentful paint')).toEqual(['180.0', '162.0', '166.0', '18.0', '4.0']);
    expect(cells(lines, 'its main-thread time')).toEqual(['40.0', '11.0', '20.0', '29.0', '9.0']);
    expect(lines).toHaveLength(1 + 10);
  });
  it('shows a dash where a page has no value', () => {
    const lines = firstFrameTable({ story: [], bare: [load(160, 10)] });
    expect(cells(lines, 'first contentful paint')).toEqual(['–', '160.0', '–']);
  });
});
