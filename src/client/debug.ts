/**
 * The editors' debug view, in `npm run dev` only: open the story with `?debug`. It draws the
 * trigger line, labels every step with its id, frame and declared scene, shows the live state
 * (active step, camera viewBox) and offers a frame picker. The layout imports this module behind
 * `import.meta.env.DEV`, so production builds contain none of it.
 */
import './debug/debug.css';
import { startDebugView } from './debug/view.ts';

startDebugView().catch((error: unknown) => {
  console.error('debug view failed to start:', error);
});
