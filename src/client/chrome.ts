/**
 * The reader's controls around the figure: reading progress, the current chapter, step-through
 * mode (previous/next and arrow keys), copy link to this point, and the motion switch. It never
 * listens to scroll: the controller calls `update` with the active step.
 */

import { stepAcrossPages } from '../lib/content/pages.ts';

export interface ChromeOptions {
  steps: HTMLElement[];
  /** Called to move to a step (index) from the step-through controls. */
  goTo: (index: number) => void;
  /** Called when the reader turns animation on or off. */
  onMotionChange: () => void;
}

export interface Chrome {
  update(index: number): void;
}

const MOTION_KEY = 'pipeline-motion';
const STEP_MODE_KEY = 'pipeline-step-mode';

/** Read or write a setting kept for the visit (sessionStorage may be unavailable: then for this page). */
function visitSetting(key: string, value?: string): string | null {
  try {
    if (value !== undefined) sessionStorage.setItem(key, value);
    return sessionStorage.getItem(key);
  } catch {
    return null;
  }
}

/** Whether the reader turned animation off for this visit. */
export function motionSwitchedOff(): boolean {
  return visitSetting(MOTION_KEY) === 'off';
}

export function setupChrome({ steps, goTo, onMotionChange }: ChromeOptions): Chrome {
  const root = document.documentElement;
  const bar = document.querySelector<HTMLElement>('[data-topbar]');
  const progress = document.querySelector<HTMLElement>('[data-progress]');
  const chapterLabel = document.querySelector<HTMLElement>('[data-chapter-label]');
  const status = document.querySelector<HTMLElement>('[data-status]');
  const button = (action: string) => bar?.querySelector<HTMLButtonElement>(`[data-action="${action}"]`) ?? null;
  const chapters = [...document.querySelectorAll<HTMLElement>('[data-chapter]')];
  const chapterTitles = new Map(chapters.map((c) => [c, c.querySelector('h2')?.textContent?.trim() ?? '']));
  // A story in parts numbers its chapters across the whole story (this page holds some of them).
  const numbering = document.querySelector<HTMLElement>('[data-chapter-total]')?.dataset;
  const chapterOffset = Number(numbering?.chapterOffset ?? 0);
  const chapterTotal = Number(numbering?.chapterTotal ?? chapters.length);
  let current = -1;

  const say = (text: string) => {
    if (status) status.textContent = text;
  };

  // Motion switch, remembered for the visit.
  const motion = button('motion');
  const applyMotion = () => {
    const off = motionSwitchedOff();
    root.dataset.motion = off ? 'off' : 'on';
    motion?.setAttribute('aria-pressed', String(!off));
  };
  applyMotion();
  motion?.addEventListener('click', () => {
    visitSetting(MOTION_KEY, motionSwitchedOff() ? 'on' : 'off');
    applyMotion();
    say(motionSwitchedOff() ? 'Animation off' : 'Animation on');
    onMotionChange();
  });

  // Step-through mode: previous/next move exactly one step; arrow keys step only in this mode.
  // Remembered for the visit, so that it carries on into the next part of a story in parts: past
  // this page's last step, Next opens the next part at its first step (Previous, the last step of
  // the previous part).
  const mode = button('step-mode');
  const stepping = () => root.dataset.stepMode === 'on';
  const setStepping = (on: boolean) => {
    root.dataset.stepMode = on ? 'on' : 'off';
    mode?.setAttribute('aria-pressed', String(on));
  };
  if (visitSetting(STEP_MODE_KEY) === 'on') setStepping(true);
  mode?.addEventListener('click', () => {
    const on = !stepping();
    setStepping(on);
    visitSetting(STEP_MODE_KEY, on ? 'on' : 'off');
    say(on ? 'Step-through on: use Previous and Next, or the arrow keys' : 'Step-through off');
  });
  const partMap = document.querySelector<HTMLElement>('[data-part-map]')?.dataset.partMap ?? '';
  const across = { [-1]: stepAcrossPages(partMap, -1), [1]: stepAcrossPages(partMap, 1) };
  const move = (delta: -1 | 1) => {
    const target = (current < 0 ? -1 : current) + delta;
    const url = across[delta];
    if (target >= 0 && target < steps.length) goTo(target);
    else if (url) location.assign(url);
  };
  button('prev')?.addEventListener('click', () => move(-1));
  button('next')?.addEventListener('click', () => move(1));
  document.addEventListener('keydown', (event) => {
    if (!stepping() || event.altKey || event.ctrlKey || event.metaKey) return;
    const target = event.target as HTMLElement | null;
    if (target && (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName))) return;
    if (event.key === 'ArrowDown' || event.key === 'ArrowRight') move(1);
    else if (event.key === 'ArrowUp' || event.key === 'ArrowLeft') move(-1);
    else return;
    event.preventDefault();
  });

  // Copy link to this point: the #step-id URL of the step in view.
  const copy = button('copy-link');
  copy?.addEventListener('click', async () => {
    const id = steps[current]?.id;
    const url = new URL(location.href);
    url.hash = id ? `#${id}` : '';
    try {
      await navigator.clipboard.writeText(url.href);
      say('Link to this point copied');
    } catch {
      say(`Copy this link: ${url.href}`);
    }
  });

  root.classList.add('controls');

  return {
    update(index: number) {
      current = index;
      const step = steps[index];
      if (!step) return;
      progress?.style.setProperty('--progress', String((index + 1) / steps.length));
      const chapter = step.closest<HTMLElement>('[data-chapter]');
      if (chapter && chapterLabel) {
        const n = chapterOffset + chapters.indexOf(chapter) + 1;
        chapterLabel.textContent = `${n}/${chapterTotal} · ${chapterTitles.get(chapter) ?? ''}`;
      }
      const prev = button('prev');
      const next = button('next');
      if (prev) prev.disabled = index <= 0 && !across[-1];
      if (next) next.disabled = index >= steps.length - 1 && !across[1];
    },
  };
}
