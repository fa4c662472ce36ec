/** Pixel counting for the share-image tests: how much of a colour a rendered card shows in a band of rows. */
import sharp from 'sharp';

export interface Raster {
  width: number;
  height: number;
  channels: number;
  data: Buffer;
}

/** Rasterise an SVG string or decode a PNG file to raw RGB(A) pixels. */
export async function raster(input: string | Buffer, isSvg = false): Promise<Raster> {
  const image = isSvg ? sharp(Buffer.from(input as string), { density: 72 }) : sharp(input);
  const { data, info } = await image.raw().toBuffer({ resolveWithObject: true });
  return { width: info.width, height: info.height, channels: info.channels, data };
}

/** Pixels in rows [top, bottom) within `tolerance` (per channel) of the hex colour `hex`. */
export function countColour(r: Raster, hex: string, top: number, bottom: number, tolerance = 24): number {
  const want = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16));
  let n = 0;
  for (let y = Math.max(0, Math.floor(top)); y < Math.min(r.height, bottom); y++) {
    for (let x = 0; x < r.width; x++) {
      const at = (y * r.width + x) * r.channels;
      if (want.every((v, c) => Math.abs(r.data[at + c]! - v) <= tolerance)) n++;
    }
  }
  return n;
}
