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

/** `width` and `height` are in CSS pixels; `scale` multiplies both into output pixels. */
export function checkExportSize(width: number, height: number, scale: number, limits: CanvasLimits): SizeCheck {
  if (!Number.isInteger(width) || !Number.isInteger(height) || width < 16 || height < 16) {
    return { ok: false, message: 'Width and height must be whole numbers of at least 16 pixels.', largest: { width: 1920, height: 1080 } };
  }
  const outWidth = width * scale;
  const outHeight = height * scale;
  if (outWidth <= limits.maxDimension && outHeight <= limits.maxDimension && outWidth * outHeight <= limits.maxArea) return { ok: true };
  const shrink = Math.min(limits.maxDimension / outWidth, limits.maxDimension / outHeight, Math.sqrt(limits.maxArea / (outWidth * outHeight)));
  const largest = { width: Math.floor(width * shrink), height: Math.floor(height * shrink) };
  return {
    ok: false,
    message:
      `${outWidth} × ${outHeight} pixels is more than this browser can draw ` +
      `(at most ${limits.maxDimension} pixels a side and ${(limits.maxArea / 1e6).toFixed(0)} million pixels in all). ` +
      `The largest size that works at ${scale}× is ${largest.width} × ${largest.height}.`,
    largest,
  };
}
