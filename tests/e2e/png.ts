/**
 * Decoding and pixel statistics for exported PNG files (the e2e export tests).
 * Regions are in output pixels, half-open: [x0, x1) × [y0, y1).
 */
import { PNG } from 'pngjs';

export type Rgb = [number, number, number];

export interface Image {
  width: number;
  height: number;
  /** RGBA, row-major, 4 bytes a pixel. */
  data: Uint8Array;
}

export interface Region {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

export function decodePng(buffer: Buffer): Image {
  const png = PNG.sync.read(buffer);
  return { width: png.width, height: png.height, data: png.data };
}

export function hexToRgb(hex: string): Rgb {
  const match = /^#?([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(hex.trim());
  if (!match) throw new Error(`png: "${hex}" is not a #rrggbb colour`);
  return [parseInt(match[1], 16), parseInt(match[2], 16), parseInt(match[3], 16)];
}

export function wholeImage(image: Image): Region {
  return { x0: 0, y0: 0, x1: image.width, y1: image.height };
}

/** The RGBA values of one pixel. */
export function pixelAt(image: Image, x: number, y: number): [number, number, number, number] {
  const offset = (y * image.width + x) * 4;
  const d = image.data;
  return [d[offset], d[offset + 1], d[offset + 2], d[offset + 3]];
}

function countWhere(image: Image, region: Region, keep: (r: number, g: number, b: number, a: number) => boolean): number {
  const x0 = Math.max(0, Math.floor(region.x0));
  const x1 = Math.min(image.width, Math.ceil(region.x1));
  const y0 = Math.max(0, Math.floor(region.y0));
  const y1 = Math.min(image.height, Math.ceil(region.y1));
  const d = image.data;
  let count = 0;
  for (let y = y0; y < y1; y++) {
    for (let x = x0, offset = (y * image.width + x0) * 4; x < x1; x++, offset += 4) {
      if (keep(d[offset], d[offset + 1], d[offset + 2], d[offset + 3])) count++;
    }
  }
  return count;
}

/** Opaque pixels within `tolerance` (Euclidean RGB distance) of `color`. */
export function countNear(image: Image, color: string | Rgb, region: Region = wholeImage(image), tolerance = 40): number {
  const [cr, cg, cb] = typeof color === 'string' ? hexToRgb(color) : color;
  return countWhere(image, region, (r, g, b, a) => a > 200 && Math.hypot(r - cr, g - cg, b - cb) < tolerance);
}

/** Pixels that visibly differ from an opaque `background` (or, if null, that are not fully transparent). */
export function countInk(image: Image, background: string | null, region: Region = wholeImage(image), tolerance = 40): number {
  if (background === null) return countWhere(image, region, (_r, _g, _b, a) => a > 0);
  const [br, bg, bb] = hexToRgb(background);
  return countWhere(image, region, (r, g, b, a) => a > 0 && Math.hypot(r - br, g - bg, b - bb) >= tolerance);
}
