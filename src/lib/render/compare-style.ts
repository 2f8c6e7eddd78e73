/** Edge colours while two periods are compared: the period an edge is in, instead of its type (core/compare.ts). */
import { IN_BOTH, ONLY_A, ONLY_B, PERIOD_COLORS } from '../core/compare';

/** The colour of edge `e` in a comparison, or null when nothing is compared or the edge is not drawn. */
export function compareEdgeColor(edgeState: Uint8Array | undefined, e: number, palette: 'light' | 'dark'): string | null {
  if (!edgeState) return null;
  const code = edgeState[e];
  const state = code === ONLY_A ? 'a' : code === ONLY_B ? 'b' : code === IN_BOTH ? 'both' : null;
  return state ? PERIOD_COLORS[state][palette] : null;
}
