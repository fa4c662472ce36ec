/**
 * The page layout the scroll controller, the static figures, the label placement check and the
 * editors' frame picker share: the breakpoint for the wide layout, the trigger line, the starting
 * insets (shares of the figure kept free of the subject) and the frame shapes static figures are
 * drawn for. One definition, so the picker and the build check preview exactly what readers get.
 */
import type { Insets } from '../geo/camera.ts';

/** A figure's drawing area in CSS px. */
export interface FrameSize {
  width: number;
  height: number;
}

export const LAYOUT = {
  /** Wide screens show the figure beside the text. */
  wideQuery: '(min-width: 64rem)',
  /**
   * The trigger line as a share of the viewport height. Narrow: the line lies under the sticky map
   * region, so a step turns active as its text (which follows a hidden box of the region's height)
   * comes into view below the region, and a deep link (step top just below the top bar) crosses it.
   */
  trigger: { wide: 0.5, narrow: 0.3 },
  /**
   * Shares of the map kept free of the subject. Nothing covers the map in either layout (the key
   * sits under it, the locator in the key, charts and timelines in the text): margins only.
   */
  insets: {
    wide: { top: 0.02, right: 0.02, bottom: 0.02, left: 0.02 } as Insets,
    // bottom: the scale bar sits in the map's bottom-start corner on phones.
    phone: { top: 0.04, right: 0.04, bottom: 0.1, left: 0.04 } as Insets,
  },
  /**
   * Map drawing areas static figures are drawn for, and the sizes the build's label check uses.
   * phone: the sticky map region of the narrowest phone (320 px wide; square, so it scales up
   * uniformly on wider phones); wide: the figure column of a desktop.
   */
  frames: {
    phone: { width: 320, height: 320 } as FrameSize,
    wide: { width: 600, height: 600 } as FrameSize,
  },
} as const;
