/**
 * Whether an image of the requested pixel size can be drawn, and if not the
 * largest one of the same proportions that can, so an export never produces
 * a blank or truncated file.
 */
export interface CanvasLimits {
  /** Largest width or height in pixels (the WebGL viewport and renderbuffer limit). */
  maxDimension: number;
  /** Largest width × height in pixels (the 2D canvas limit). */
  maxArea: number;
}

export type SizeCheck = { ok: true } | { ok: false; message: string; largest: { width: number; height: number } };

export interface MinimumSize {
  width: number;
  height: number;
}

const SMALLEST: MinimumSize = { width: 16, height: 16 };

/**
 * `width` and `height` are in CSS pixels; `scale` multiplies both into output pixels.
 * `minimum` is what the picture needs besides the graph (legend, caption) plus a usable graph area.
 */
export function checkExportSize(width: number, height: number, scale: number, limits: CanvasLimits, minimum: MinimumSize = SMALLEST): SizeCheck {
  const least = { width: Math.max(SMALLEST.width, minimum.width), height: Math.max(SMALLEST.height, minimum.height) };
  if (!Number.isInteger(width) || !Number.isInteger(height) || width < least.width || height < least.height) {
    return {
      ok: false,
      message: `The picture needs at least ${least.width} × ${least.height} pixels (whole numbers) to fit the graph with its legend and caption.`,
      largest: { width: Math.max(least.width, Number.isInteger(width) ? width : 0), height: Math.max(least.height, Number.isInteger(height) ? height : 0) },
    };
  }
  const outWidth = width * scale;
  const outHeight = height * scale;
  if (outWidth <= limits.maxDimension && outHeight <= limits.maxDimension && outWidth * outHeight <= limits.maxArea) return { ok: true };
  const shrink = Math.min(limits.maxDimension / outWidth, limits.maxDimension / outHeight, Math.sqrt(limits.maxArea / (outWidth * outHeight)));
  const largest = { width: Math.max(least.width, Math.floor(width * shrink)), height: Math.max(least.height, Math.floor(height * shrink)) };
  return {
    ok: false,
    message:
      `${outWidth} × ${outHeight} pixels is more than this browser can draw ` +
      `(at most ${limits.maxDimension} pixels a side and ${(limits.maxArea / 1e6).toFixed(0)} million pixels in all). ` +
      `The largest size that works at ${scale}× is ${largest.width} × ${largest.height}.`,
    largest,
  };
}
