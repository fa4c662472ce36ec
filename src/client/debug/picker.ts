/**
 * The frame picker (dev only): pan (drag) and zoom (wheel) the live map to the framing wanted, at
 * wide and, after narrowing the window, at phone size; it shows the corners, checks the minimum
 * span and builds a ready `content/frames.json` entry to copy. It inverts the projection in the
 * browser, which only the dev server ever ships.
 */
import type { Bounds, Frame } from '../../lib/content/schemas.ts';
import type { DebugPayload, DebugStep } from '../../lib/content/debug-payload.ts';
import { type Box, type Insets } from '../../lib/geo/camera.ts';
import { createProjection } from '../../lib/geo/projection.ts';
import { currentBox, setCamera } from '../../render/draw-scene.ts';
import { copyText, h, r1 } from './dom.ts';
import { cornersSpanKm, frameEntry, LAYOUT, previewView, viewToCorners, zoomAround, type Corners, type PickerAtlas } from './frame-math.ts';

interface PickerOptions {
  svg: SVGSVGElement;
  atlas: PickerAtlas;
  payload: DebugPayload | null;
  activeStep: () => DebugStep | undefined;
}

const SVG_NS = 'http://www.w3.org/2000/svg';

/** The insets the controller leaves free on phones: nothing covers the map, so the layout's own. */
function phoneInsets(_svg: SVGSVGElement): Insets {
  return LAYOUT.insets.phone;
}

/** The picker's panel section: its inputs, outputs and buttons. */
function pickerPanel() {
  const idInput = h('input', { type: 'text', value: 'new-frame', 'aria-label': 'frame id', 'data-debug-frame-id': true });
  const descInput = h('input', { type: 'text', value: '', placeholder: 'what the framing shows, for editors', 'aria-label': 'description' });
  const corners = h('output', { 'data-debug-corners': true });
  const span = h('output', {});
  const entry = h('textarea', { rows: 9, readonly: true, spellcheck: 'false', 'aria-label': 'frames.json entry', 'data-debug-entry': true });
  const note = h('p', { class: 'pdbg-note' });
  const start = h('button', { type: 'button', 'data-debug-pick': true }, 'Pick a frame');
  const use = h('button', { type: 'button', 'data-debug-use': true }, 'Use this view');
  const reset = h('button', { type: 'button' }, 'Back to the step');
  const copy = h('button', { type: 'button', 'data-debug-copy': true }, 'Copy entry');
  const tools = h('div', { class: 'pdbg-tools' }, use, reset, copy);
  const element = h(
    'details',
    { class: 'pdbg-picker' },
    h('summary', {}, 'Frame picker'),
    h(
      'p',
      { class: 'pdbg-note' },
      'Drag the map to pan, use the wheel to zoom. "Use this view" records it for this layout (wide or phone: narrow the window for a phone framing). Paste the entry into frames.json, then name the frame in a step.',
    ),
    start,
    h('label', {}, 'id ', idInput),
    h('label', {}, 'description ', descInput),
    h('div', { class: 'pdbg-row' }, h('span', {}, 'corners'), corners),
    h('div', { class: 'pdbg-row' }, h('span', {}, 'span'), span),
    tools,
    entry,
    note,
  );
  return { element, idInput, descInput, corners, span, entry, note, start, use, reset, copy };
}

interface Gestures {
  svg: SVGSVGElement;
  atlas: PickerAtlas;
  minSpan: number;
  /** Whether the picker is on (gestures do nothing otherwise). */
  picking: () => boolean;
  /** Called after each camera change. */
  changed: () => void;
}

/** Pan (drag) and zoom (wheel) the live map while picking; returns whether a drag is under way. */
function wireMapGestures({ svg, atlas, minSpan, picking, changed }: Gestures): () => boolean {
  let drag: { x: number; y: number; view: Box; id: number } | null = null;
  svg.addEventListener('pointerdown', (e) => {
    if (!picking()) return;
    drag = { x: e.clientX, y: e.clientY, view: currentBox(svg), id: e.pointerId };
    svg.setPointerCapture(e.pointerId);
    e.preventDefault();
  });
  svg.addEventListener('pointermove', (e) => {
    if (!picking() || !drag || e.pointerId !== drag.id) return;
    const r = svg.getBoundingClientRect();
    const upp = Math.max(drag.view.w / Math.max(1, r.width), drag.view.h / Math.max(1, r.height));
    setCamera(svg, { ...drag.view, x: drag.view.x - (e.clientX - drag.x) * upp, y: drag.view.y - (e.clientY - drag.y) * upp });
    changed();
  });
  const endDrag = () => {
    drag = null;
  };
  svg.addEventListener('pointerup', endDrag);
  svg.addEventListener('pointercancel', endDrag);
  svg.addEventListener(
    'wheel',
    (e) => {
      if (!picking()) return;
      e.preventDefault();
      const ctm = svg.getScreenCTM();
      if (!ctm) return;
      const p = new DOMPoint(e.clientX, e.clientY).matrixTransform(ctm.inverse());
      const view = zoomAround(currentBox(svg), Math.exp(e.deltaY * 0.0015), [p.x, p.y]);
      // Never wider than the basemap, never narrower than a tenth of the minimum span.
      const minW = minSpan / atlas.kmPerUnit / 10;
      if (view.w > atlas.limits.w * 1.5 || view.w < minW) return;
      setCamera(svg, view);
      changed();
    },
    { passive: false },
  );
  return () => drag !== null;
}

/** Creates the picker's panel section and wires the map for panning and zooming while it is on. */
export function createFramePicker({ svg, atlas, payload, activeStep }: PickerOptions) {
  const projection = createProjection();
  const wide = matchMedia(LAYOUT.wideQuery);
  const minSpan = payload?.minFrameSpanKm ?? 120;
  const picks: { wide?: Corners; phone?: Corners } = {};
  let picking = false;
  const { element, idInput, descInput, corners, span, entry, note, start, use, reset, copy } = pickerPanel();

  const outline = document.createElementNS(SVG_NS, 'rect');
  outline.setAttribute('class', 'pdbg-outline');
  outline.setAttribute('vector-effect', 'non-scaling-stroke');

  const insets = (): Insets => (wide.matches ? LAYOUT.insets.wide : phoneInsets(svg));
  const aspect = (): number => {
    const r = svg.getBoundingClientRect();
    return r.width / Math.max(1, r.height);
  };
  const existing = (id: string): Frame | undefined => payload?.frames.find((f) => f.id === id);

  function render(): void {
    const id = idInput.value.trim() || 'new-frame';
    const now = viewToCorners(currentBox(svg), atlas, projection, insets());
    corners.textContent = JSON.stringify(now);
    const km = cornersSpanKm(now);
    const narrow = km.width < minSpan || km.height < minSpan;
    span.textContent = `${Math.round(km.width)} km × ${Math.round(km.height)} km${narrow ? ` — narrower than ${minSpan} km: the page will widen it` : ''}`;
    span.classList.toggle('is-bad', narrow);
    const old = existing(id);
    const bounds: Bounds | undefined = picks.wide ? { corners: picks.wide } : (old?.bounds ?? (picks.phone ? { corners: picks.phone } : undefined));
    const phone: Bounds | undefined = picks.phone ? { corners: picks.phone } : old?.phone;
    entry.value = bounds ? frameEntry(id, descInput.value.trim() || old?.description || 'What this framing shows.', bounds, phone) : '';
    const used = payload?.steps.filter((s) => s.frame === id).length ?? 0;
    note.textContent = old
      ? `"${id}" exists in frames.json and is used by ${used} step${used === 1 ? '' : 's'}: this entry replaces it.`
      : `"${id}" is a new frame: add the entry to frames.json, then write frame="${id}" on a step.`;
  }

  function showOutline(c: Corners | undefined): void {
    if (!c) {
      outline.remove();
      return;
    }
    const v = previewView(c, atlas, projection, aspect(), insets());
    for (const [k, val] of [
      ['x', v.x],
      ['y', v.y],
      ['width', v.w],
      ['height', v.h],
    ] as const)
      outline.setAttribute(k, String(r1(val)));
    svg.append(outline);
  }

  function setPicking(on: boolean): void {
    picking = on;
    document.documentElement.classList.toggle('pdbg-picking', on);
    start.textContent = on ? 'Stop picking' : 'Pick a frame';
    if (on) {
      element.open = true;
      const step = activeStep();
      if (step && idInput.value === 'new-frame') idInput.value = step.frame;
      render();
    }
  }

  start.addEventListener('click', () => setPicking(!picking));
  use.addEventListener('click', () => {
    const c = viewToCorners(currentBox(svg), atlas, projection, insets());
    if (wide.matches) picks.wide = c;
    else picks.phone = c;
    showOutline(c);
    render();
  });
  reset.addEventListener('click', () => {
    // Re-entering the step makes the controller fly back to its declared camera.
    const id = document.documentElement.dataset.activeStep;
    showOutline(undefined);
    if (id) dispatchEvent(new HashChangeEvent('hashchange'));
  });
  copy.addEventListener('click', () => {
    void copyText(entry.value, entry).then((ok) => {
      copy.textContent = ok ? 'Copied' : 'Select and copy';
      setTimeout(() => (copy.textContent = 'Copy entry'), 1500);
    });
  });
  for (const input of [idInput, descInput]) input.addEventListener('input', render);

  const dragging = wireMapGestures({ svg, atlas, minSpan, picking: () => picking, changed: render });

  return {
    element,
    /** Called by the view's update loop: keeps the numbers current while picking. */
    update(): void {
      if (picking && !dragging()) render();
    },
  };
}
