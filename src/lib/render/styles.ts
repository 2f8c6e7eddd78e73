/**
 * How actors and relations look. Kinds differ by shape and size as well as
 * colour, so the picture still reads in greyscale and for colour-blind readers.
 */
import type { ActorKind } from '../core/model';

export interface KindStyle {
  label: string;
  /** sigma node program: a square, a disc, or concentric rings. */
  program: 'square' | 'circle' | 'ring' | 'target' | 'double';
  color: string;
  /** Size of an actor with no visible relation; each relation adds to it. */
  baseSize: number;
}

export const KIND_STYLES: Record<ActorKind, KindStyle> = {
  state: { label: 'State', program: 'square', color: '#2f4b7c', baseSize: 7 },
  organisation: { label: 'Organisation', program: 'target', color: '#7a5195', baseSize: 7 },
  person: { label: 'Person', program: 'circle', color: '#3d8c8c', baseSize: 4 },
  region: { label: 'Region', program: 'ring', color: '#5f7f2f', baseSize: 5.5 },
  group: { label: 'Group', program: 'double', color: '#8c6d31', baseSize: 5 },
};

export const DIMMED_NODE_COLOR = '#d9dde3';
export const DIMMED_EDGE_COLOR = '#e6e8ec';
export const RING_FILL_COLOR = '#ffffff';
export const AFFILIATION_EDGE_WEIGHT = 4;

export function nodeSize(baseSize: number, visibleRelations: number): number {
  return baseSize + 2.2 * Math.sqrt(visibleRelations);
}

/** Thickness grows with the number of relations drawn as one edge, slowly enough that 10 stays readable. */
export function edgeSize(count: number): number {
  return 1.3 + 1.5 * Math.log2(Math.max(1, count));
}

/** Curvature of the i-th of n visible edges between one pair: 0 for a lone edge, fanned out otherwise. */
export function parallelCurvature(i: number, n: number): number {
  if (n <= 1) return 0;
  const offset = i - (n - 1) / 2;
  const step = n === 2 ? 0.45 : 0.9 / (n - 1);
  return offset === 0 ? 0 : offset * step;
}
