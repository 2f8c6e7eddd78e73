/** What this browser can draw, read from WebGL (sigma's layers) and the 2D canvas limit of Chromium. */
import type { CanvasLimits } from '../core/export-size';

const CHROMIUM_MAX_CANVAS_AREA = 268_435_456;
const CHROMIUM_MAX_CANVAS_DIMENSION = 32_767;

let cached: CanvasLimits | null = null;

export function canvasLimits(): CanvasLimits {
  if (cached) return cached;
  const gl = document.createElement('canvas').getContext('webgl2') ?? document.createElement('canvas').getContext('webgl');
  let maxDimension = 4096;
  if (gl) {
    const viewport = gl.getParameter(gl.MAX_VIEWPORT_DIMS) as Int32Array;
    maxDimension = Math.min(gl.getParameter(gl.MAX_RENDERBUFFER_SIZE), gl.getParameter(gl.MAX_TEXTURE_SIZE), viewport[0], viewport[1]);
    gl.getExtension('WEBGL_lose_context')?.loseContext();
  }
  cached = { maxDimension: Math.min(maxDimension, CHROMIUM_MAX_CANVAS_DIMENSION), maxArea: CHROMIUM_MAX_CANVAS_AREA };
  return cached;
}
