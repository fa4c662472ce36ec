/**
 * The page layout the scroll controller and the editors' frame picker share: the breakpoint for the
 * wide layout, the trigger line, and the starting insets (shares of the figure kept free of the
 * subject). One definition, so the picker previews exactly what readers get.
 */
import type { Insets } from '../geo/camera.ts';

export const LAYOUT = {
  /** Wide screens show the figure beside the text. */
  wideQuery: '(min-width: 64rem)',
  /** The trigger line as a share of the viewport height (the same figure CSS uses for the layout). */
  trigger: { wide: 0.5, narrow: 0.6 },
  /** Starting insets; the controller refines them per step from the card, key and panel it measures. */
  insets: {
    wide: { top: 0.02, right: 0.02, bottom: 0.02, left: 0.02 } as Insets,
    phone: { top: 0.14, right: 0.04, bottom: 0.44, left: 0.04 } as Insets,
  },
} as const;
