/**
 * Canvas pixel analysis for the e2e tests. sigma draws with WebGL and
 * preserveDrawingBuffer off, so the picture is read from a page screenshot
 * clipped to the canvas container, decoded with pngjs.
 */
import { PNG } from 'pngjs';
import type { Page } from 'playwright-core';
import { parallelCurvature } from '../../src/lib/render/styles';

export type Rgb = [number, number, number];

export interface Picture {
  width: number;
  height: number;
  data: Uint8Array;
}

/** The background of `.canvas` (GraphCanvas.svelte). */
export const CANVAS_BACKGROUND = '#fbfcfd';

export function hexToRgb(hex: string): Rgb {
  const match = /^#?([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(hex.trim());
  if (!match) throw new Error(`pixels: "${hex}" is not a #rrggbb colour`);
  return [parseInt(match[1], 16), parseInt(match[2], 16), parseInt(match[3], 16)];
}

export function decodePng(buffer: Buffer): Picture {
  const png = PNG.sync.read(buffer);
  return { width: png.width, height: png.height, data: png.data };
}

/** Screenshot of the graph container (all sigma layers and overlays), decoded. */
export async function captureCanvas(page: Page, selector = '.canvas'): Promise<Picture> {
  const box = await page.locator(selector).boundingBox();
  if (!box) throw new Error(`pixels: ${selector} has no bounding box`);
  return decodePng(await page.screenshot({ clip: box }));
}

function distance(data: Uint8Array, offset: number, [r, g, b]: Rgb): number {
  return Math.hypot(data[offset] - r, data[offset + 1] - g, data[offset + 2] - b);
}

/** Pixels whose colour lies within `tolerance` (Euclidean RGB distance) of `color`. */
export function countNear(picture: Picture, color: string | Rgb, tolerance = 30): number {
  const rgb = typeof color === 'string' ? hexToRgb(color) : color;
  let count = 0;
  for (let offset = 0; offset < picture.data.length; offset += 4) {
    if (distance(picture.data, offset, rgb) < tolerance) count++;
  }
  return count;
}

/** Pixels that differ from the background by more than `tolerance`. */
export function countNonBackground(picture: Picture, background = CANVAS_BACKGROUND, tolerance = 12): number {
  return picture.width * picture.height - countNear(picture, background, tolerance);
}

/** Pixel counts near each colour, keyed like the input. */
export function colorCounts(picture: Picture, colors: Record<string, string>, tolerance = 30): Record<string, number> {
  return Object.fromEntries(Object.entries(colors).map(([key, hex]) => [key, countNear(picture, hex, tolerance)]));
}

// Geometry of what sigma draws, in container viewport coordinates (window.__entente hooks).

export interface Point { x: number; y: number }
export interface EdgeTarget { key: string; relation: string; source: string; target: string; point: Point | null }

/** Distance from p to the polyline through `points`. */
export function polylineDistance(p: Point, points: Point[]): number {
  let best = Infinity;
  for (let i = 1; i < points.length; i++) {
    const a = points[i - 1], dx = points[i].x - a.x, dy = points[i].y - a.y;
    const t = Math.max(0, Math.min(1, ((p.x - a.x) * dx + (p.y - a.y) * dy) / (dx * dx + dy * dy || 1)));
    best = Math.min(best, Math.hypot(p.x - a.x - t * dx, p.y - a.y - t * dy));
  }
  return best;
}

/**
 * The shapes an edge may be drawn as: its chord, or for parallel edges between one pair the
 * quadratic curves of @sigma/edge-curve (control point offset len × curvature), on either side.
 */
export function edgeShapes(a: Point, b: Point, parallel: number): Point[][] {
  const len = Math.hypot(b.x - a.x, b.y - a.y) || 1;
  const normal = { x: -(b.y - a.y) / len, y: (b.x - a.x) / len };
  const shapes = [[a, b]];
  for (let i = 0; i < parallel; i++) {
    const c = Math.abs(parallelCurvature(i, parallel));
    for (const side of c ? [1, -1] : []) {
      const control = { x: (a.x + b.x) / 2 + side * normal.x * len * c, y: (a.y + b.y) / 2 + side * normal.y * len * c };
      shapes.push(Array.from({ length: 33 }, (_, k) => {
        const t = k / 32, u = 1 - t;
        return { x: u * u * a.x + 2 * u * t * control.x + t * t * b.x, y: u * u * a.y + 2 * u * t * control.y + t * t * b.y };
      }));
    }
  }
  return shapes;
}

/** How far `p` is from every node (less a generous radius) and from every other edge as it may be drawn. */
export function clearanceAt(p: Point, own: EdgeTarget, edges: EdgeTarget[], nodes: Record<string, Point>): number {
  const pair = (e: EdgeTarget) => [e.source, e.target].sort().join('|');
  const parallel = new Map<string, number>();
  for (const e of edges) parallel.set(pair(e), (parallel.get(pair(e)) ?? 0) + 1);
  const toNodes = Object.values(nodes).map((n) => Math.hypot(n.x - p.x, n.y - p.y) - 25);
  const toEdges = edges
    .filter((e) => e.key !== own.key)
    .flatMap((e) => edgeShapes(nodes[e.source], nodes[e.target], parallel.get(pair(e))!).map((shape) => polylineDistance(p, shape)));
  return Math.min(...toNodes, ...toEdges);
}
