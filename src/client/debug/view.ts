/**
 * The debug view (dev only): the trigger line, a label and outline on every step (id, frame,
 * declared scene, file:line), and a panel with the live state — active step, camera viewBox and its
 * width in km, whether the camera is moving, the active step's progress past the trigger line — the
 * content's errors and warnings, and the frame picker. It reads the page (data-step, its data block,
 * the live SVG) and the dev server's checked content; it never drives the page itself.
 */
import { DEBUG_ENDPOINT, type DebugPayload, type DebugStep } from '../../lib/content/debug-payload.ts';
import { currentBox } from '../../render/draw-scene.ts';
import type { BrowserAtlas } from '../../lib/scene/atlas.ts';
import { readPageData, sceneOf } from '../page-data.ts';
import { h, r1 } from './dom.ts';
import { LAYOUT } from './frame-math.ts';
import { createFramePicker } from './picker.ts';

/** What the debug view needs from the page. */
interface Page {
  figure: HTMLElement;
  svg: SVGSVGElement;
  atlas: BrowserAtlas;
  steps: HTMLElement[];
}

function findPage(): Page | null {
  const figure = document.querySelector<HTMLElement>('[data-live-figure]');
  const svg = figure?.querySelector<SVGSVGElement>('svg.map');
  if (!figure || !svg) return null;
  const atlas = readPageData()?.atlas;
  if (!atlas) return null;
  return { figure, svg, atlas, steps: [...document.querySelectorAll<HTMLElement>('[data-step]')] };
}

async function fetchPayload(): Promise<DebugPayload | null> {
  try {
    const res = await fetch(DEBUG_ENDPOINT, { cache: 'no-store' });
    return res.ok ? ((await res.json()) as DebugPayload) : null;
  } catch {
    return null;
  }
}

const list = (label: string, ids: readonly string[]): string | null => (ids.length ? `${label}: ${ids.join(', ')}` : null);

/** The label written on a step: what it declares, and where. */
function stepLabel(el: HTMLElement, info: DebugStep | undefined): HTMLElement {
  const scene = sceneOf(el);
  const id = el.dataset.step ?? '';
  const lines = [
    info ? `frame: ${info.frame}` : null,
    list('routes', scene?.routes.map((r) => r.id) ?? info?.routes ?? []),
    list('events', scene?.events ?? info?.events ?? []),
    list('places', info?.places ?? []),
    scene?.timeline ? 'timeline' : null,
    scene?.chart ? `chart: ${scene.chart}` : null,
    list('sources', info?.sources ?? []),
    info ? `${info.at} · ${info.words} words` : 'not in the checked content (reload?)',
  ].filter((x): x is string => x !== null);
  return h('div', { class: 'pdbg-step', 'data-debug-step': id }, h('strong', {}, `#${id}`), ...lines.map((l) => h('span', {}, l)));
}

/** Starts the debug view on the current page. */
export async function startDebugView(): Promise<void> {
  const page = findPage();
  if (!page) return;
  const payload = await fetchPayload();
  const byId = new Map((payload?.steps ?? []).map((s) => [s.id, s]));
  const root = document.documentElement;
  root.classList.add('pdbg-on');

  // Trigger line: where a step's box must cross for it to become the active step.
  const wide = matchMedia(LAYOUT.wideQuery);
  const triggerLabel = h('span', {});
  const trigger = h('div', { class: 'pdbg-trigger', 'data-debug-trigger': true }, triggerLabel);
  const placeTrigger = () => {
    const share = wide.matches ? LAYOUT.trigger.wide : LAYOUT.trigger.narrow;
    trigger.style.top = `${share * 100}%`;
    triggerLabel.textContent = `trigger line · ${share * 100}% of the viewport (${wide.matches ? 'wide' : 'phone'} layout)`;
  };
  placeTrigger();
  wide.addEventListener('change', placeTrigger);

  for (const el of page.steps) {
    el.classList.add('pdbg-outlined');
    el.prepend(stepLabel(el, byId.get(el.dataset.step ?? '')));
  }

  // The panel: live state, content status, frame picker.
  const state = {
    step: h('output', { 'data-debug-active': true }),
    frame: h('output', {}),
    view: h('output', { 'data-debug-viewbox': true }),
    km: h('output', {}),
    camera: h('output', {}),
    progress: h('output', {}),
    layout: h('output', {}),
  };
  const row = (label: string, value: HTMLElement) => h('div', { class: 'pdbg-row' }, h('span', {}, label), value);
  const errors = payload?.errors ?? [];
  const warnings = payload?.warnings ?? [];
  const status = h(
    'details',
    { class: 'pdbg-status' },
    h(
      'summary',
      {},
      payload
        ? `${payload.steps.length} steps · ${errors.length} errors · ${warnings.length} warnings (${payload.contentDir})`
        : 'content: the dev server did not answer',
    ),
    ...[...errors, ...warnings].map((line) => h('p', { class: 'pdbg-diagnostic' }, line)),
  );
  const picker = createFramePicker({ svg: page.svg, atlas: page.atlas, payload, activeStep: () => byId.get(root.dataset.activeStep ?? '') });
  const body = h(
    'div',
    { class: 'pdbg-body' },
    row('active step', state.step),
    row('frame', state.frame),
    row('camera viewBox', state.view),
    row('view width', state.km),
    row('camera', state.camera),
    row('step progress', state.progress),
    row('layout', state.layout),
    status,
    picker.element,
  );
  const toggle = h('button', { type: 'button', class: 'pdbg-toggle', 'aria-expanded': 'true' }, 'Debug');
  const panel = h('aside', { class: 'pdbg-panel', 'data-debug-panel': true, 'aria-label': 'Debug view' }, toggle, body);
  toggle.addEventListener('click', () => {
    const open = panel.classList.toggle('is-collapsed');
    toggle.setAttribute('aria-expanded', String(!open));
  });
  document.body.append(trigger, panel);

  // Live state, read from the page ten times a second (dev only; the page keeps its one scroll listener).
  const update = (): void => {
    const active = root.dataset.activeStep ?? '';
    const info = byId.get(active);
    state.step.textContent = active ? `#${active}${info ? ` (${info.chapter})` : ''}` : '— (none yet: scroll to a step)';
    state.frame.textContent = info?.frame ?? '—';
    const box = currentBox(page.svg);
    state.view.textContent = `${r1(box.x)} ${r1(box.y)} ${r1(box.w)} ${r1(box.h)}`;
    state.km.textContent = `${Math.round(box.w * page.atlas.kmPerUnit)} km × ${Math.round(box.h * page.atlas.kmPerUnit)} km`;
    state.camera.textContent = page.svg.dataset.camera ?? 'still';
    const el = page.steps.find((s) => s.dataset.step === active);
    if (el) {
      const r = el.getBoundingClientRect();
      const line = innerHeight * (wide.matches ? LAYOUT.trigger.wide : LAYOUT.trigger.narrow);
      state.progress.textContent = `${Math.round(Math.min(1, Math.max(0, (line - r.top) / Math.max(1, r.height))) * 100)}%`;
    } else state.progress.textContent = '—';
    state.layout.textContent = `${wide.matches ? 'wide' : 'phone'} · ${innerWidth}×${innerHeight}`;
    for (const s of page.steps) s.classList.toggle('pdbg-active', s.dataset.step === active);
    picker.update();
  };
  update();
  setInterval(update, 100);
}
