/** How relations look on the canvas, and the colours of dimmed and hollow shapes. */
import { liftedForBackground } from '../core/contrast';

export const DIMMED_NODE_COLOR = '#d9dde3';
export const DIMMED_NODE_COLOR_DARK = '#2c3547';
export const DIMMED_EDGE_COLOR = '#e6e8ec';
export const DIMMED_EDGE_COLOR_DARK = '#283044';
/** Background of a dark exported picture. */
export const DARK_BACKGROUND = '#121826';
/** Thin lines need more than WCAG's 3:1 for graphics to read on a dark picture. */
const DARK_MIN_CONTRAST = 4.5;

const liftedOnDark = new Map<string, string>();

/** A relation colour as drawn on the dark picture: lifted only if it would sink into the background. */
export function relationColorOnDark(color: string): string {
  let lifted = liftedOnDark.get(color);
  if (lifted === undefined) liftedOnDark.set(color, (lifted = liftedForBackground(color, DARK_BACKGROUND, DARK_MIN_CONTRAST)));
  return lifted;
}
export const RING_FILL_COLOR = '#ffffff';
export const AFFILIATION_EDGE_WEIGHT = 20;

export function nodeSize(baseSize: number, visibleRelations: number): number {
  return baseSize + 1.5 * Math.sqrt(visibleRelations);
}

/** Thickness grows with the number of relations drawn as one edge, slowly enough that 10 stays readable. */
export function edgeSize(count: number): number {
  return 2 + 1.8 * Math.log2(Math.max(1, count));
}

/** Curvature of the i-th of n visible edges between one pair: 0 for a lone edge, fanned out otherwise. */
export function parallelCurvature(i: number, n: number): number {
  if (n <= 1) return 0;
  const offset = i - (n - 1) / 2;
  const step = n === 2 ? 0.45 : 0.9 / (n - 1);
  return offset === 0 ? 0 : offset * step;
}
