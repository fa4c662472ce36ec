/** What the dev server tells the debug view (`?debug`) about the content: shared by the server and the browser, types and one constant only. */
import type { Frame, StepProps } from './schemas.ts';
import type { REGION } from '../geo/region.ts';

/** Where the dev server answers with {@link DebugPayload} (outside any base path; dev only). */
export const DEBUG_ENDPOINT = '/__pipeline/debug.json';

/** One step as the debug view shows it: its declared props and where it is written. */
export interface DebugStep extends StepProps {
  chapter: string;
  /** file:line:column of the `<Step` tag, as the checker prints it. */
  at: string;
  words: number;
}

/** The checked content, or the errors that stop it. */
export interface DebugPayload {
  contentDir: string;
  errors: string[];
  warnings: string[];
  steps: DebugStep[];
  frames: Frame[];
  region: typeof REGION;
  minFrameSpanKm: number;
}
