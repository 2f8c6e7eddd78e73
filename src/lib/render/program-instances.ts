/**
 * What sigma's edge programs hold, for tests: each program part's visible instances as text, sorted.
 * A repaint of only what changed must leave the programs as sigma's own full refresh fills them; the
 * instances are compared as sorted lists since the visible-only programs (visible-only-program.ts)
 * pack them in the order they were shown, which differs between the two. The node sizes that directed
 * edges read from a texture (node-size-texture.ts) are listed too, as `node sizes`: a repaint that missed a
 * resize leaves its edges' instances alike but draws their heads at the old size.
 */
import type Sigma from 'sigma';
import { nodeSizeTableOf } from './node-size-texture';

interface PartInternals {
  STRIDE: number;
  array: Float32Array;
  shownInstances?: number;
  programs?: PartInternals[];
}

/** Per edge program type and part (`arrow/1`: the second part of the compound `arrow`), its instances' floats, sorted. */
export function edgeProgramInstances(sigma: Sigma): Record<string, string[]> {
  const programs = (sigma as unknown as { edgePrograms?: Record<string, PartInternals> }).edgePrograms ?? {};
  const out: Record<string, string[]> = {};
  for (const [type, program] of Object.entries(programs)) {
    const parts = Array.isArray(program.programs) ? program.programs : [program];
    parts.forEach((part, p) => {
      const stride = part.STRIDE;
      // Only the visible-only programs say how many instances they draw; sigma's own draw all of their array.
      const count = part.shownInstances ?? part.array.length / stride;
      const instances: string[] = [];
      for (let k = 0; k < count; k++) instances.push(Array.from(part.array.subarray(k * stride, (k + 1) * stride), (v) => v.toPrecision(6)).join(' '));
      out[`${type}/${p}`] = instances.sort();
    });
  }
  const table = nodeSizeTableOf(sigma);
  if (table.inUse) out['node sizes'] = Array.from(table.sizes, (size, n) => (size ? `${n}: ${size.toPrecision(6)}` : '')).filter(Boolean);
  return out;
}
