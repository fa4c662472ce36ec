/**
 * Screen sizes (CSS px) of everything that must not scale with the camera, and the nominal
 * figure width used to size the static, build-time figures.
 */

/** Width in CSS px that static figures are sized for (the desktop figure column). */
export const NOMINAL_FIGURE_PX = 560;

export const SIZES = {
  /** Route stroke width, px. */
  route: 3.5,
  /** Place dot radius, px. */
  dot: 4.5,
  /** Waypoint dot radius, px. */
  waypoint: 3,
  /** Label font size, px. */
  label: 13,
  /** Country label font size, px. */
  country: 12,
  /** Arrowhead half-size, px. */
  arrow: 5,
} as const;

/** Map units per CSS px for a viewBox width shown at a pixel width. */
export function unitsPerPx(viewBoxWidth: number, pixelWidth: number): number {
  return viewBoxWidth / Math.max(1, pixelWidth);
}

/** Map units per px of a static figure showing `viewBoxWidth` units (rounded to 4 decimals). */
export function staticScale(viewBoxWidth: number): number {
  return Math.round(unitsPerPx(viewBoxWidth, NOMINAL_FIGURE_PX) * 10000) / 10000;
}

/** Attribute for a px-sized child element: `scale(k)`. */
export function scaleAttr(k: number): string {
  return `scale(${k})`;
}

/**
 * Scale bar: a round distance (1, 2, 5 × 10^n km) whose length is at most `maxPx`, its length in
 * px, and its label ("1,000 km").
 */
export function scaleBar(kmPerUnit: number, unitsPerPixel: number, maxPx = 110): { km: number; px: number; label: string } {
  const kmPerPx = kmPerUnit * unitsPerPixel;
  const maxKm = kmPerPx * maxPx;
  const p = 10 ** Math.floor(Math.log10(maxKm));
  const km = [5, 2, 1].map((m) => m * p).find((v) => v <= maxKm) ?? p;
  return { km, px: Math.round((km / kmPerPx) * 10) / 10, label: `${thousands(km)} km` };
}

/**
 * A distance with thousands separators, as en-GB writes it ("1,000", "0.5"). Plain string work:
 * in the browser, Intl.NumberFormat's first use costs more than the rest of the controller's start.
 */
export function thousands(n: number): string {
  const [whole = '0', fraction] = String(n).split('.');
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return fraction === undefined ? grouped : `${grouped}.${fraction}`;
}
