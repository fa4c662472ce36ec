/**
 * The reader's controls around the figure: reading progress, the current chapter, step-through
 * mode (previous/next and arrow keys), copy link to this point, and the motion switch. It never
 * listens to scroll: the controller calls `update` with the active step.
 */

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

/** Whether the reader turned animation off for this visit. */
export function motionSwitchedOff(): boolean {
  try {
    return sessionStorage.getItem(MOTION_KEY) === 'off';
  } catch {
    return false;
  }
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
    try {
      sessionStorage.setItem(MOTION_KEY, motionSwitchedOff() ? 'on' : 'off');
    } catch {
      /* storage unavailable: the switch still works for this page */
    }
    applyMotion();
    say(motionSwitchedOff() ? 'Animation off' : 'Animation on');
    onMotionChange();
  });

  // Step-through mode: previous/next move exactly one step; arrow keys step only in this mode.
  const mode = button('step-mode');
  const stepping = () => root.dataset.stepMode === 'on';
  mode?.addEventListener('click', () => {
    const on = !stepping();
    root.dataset.stepMode = on ? 'on' : 'off';
    mode.setAttribute('aria-pressed', String(on));
    say(on ? 'Step-through on: use Previous and Next, or the arrow keys' : 'Step-through off');
  });
  const move = (delta: number) => {
    const target = Math.min(steps.length - 1, Math.max(0, (current < 0 ? -1 : current) + delta));
    if (target !== current) goTo(target);
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
      if (prev) prev.disabled = index <= 0;
      if (next) next.disabled = index >= steps.length - 1;
    },
  };
}
