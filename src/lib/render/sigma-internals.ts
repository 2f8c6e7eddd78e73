/**
 * The members sigma 3 keeps private that a direct repaint (repaint.ts) reads and watches: its
 * display-data caches, program indices and programs, checked before use, and the methods that
 * replace display data or renumber program slots.
 */
import type Sigma from 'sigma';
import type { EdgeDisplayData, NodeDisplayData } from 'sigma/types';

export interface ItemProgram {
  process(fingerprint: number, position: number, ...data: unknown[]): void;
  /**
   * Rewrites only the ends' sizes in the instance at `position` (visible-only-program.ts); false when it
   * cannot, and process must.
   */
  rewriteEndSizes?(position: number, sourceData: NodeDisplayData, targetData: NodeDisplayData): boolean;
  /** A compound program's parts (sigma's createEdgeCompoundProgram), each processing every edge. */
  programs?: ItemProgram[];
}

/** The programs that process an edge of `program`: its parts when it is a compound, whose own process makes a closure per edge. */
export const partsOf = (program: ItemProgram): ItemProgram[] => (Array.isArray(program.programs) ? program.programs : [program]);

/** The members of sigma 3's Sigma class a direct repaint reads. */
export interface SigmaInternals {
  nodeDataCache: Record<string, NodeDisplayData>;
  edgeDataCache: Record<string, EdgeDisplayData>;
  nodeProgramIndex: Record<string, number>;
  edgeProgramIndex: Record<string, number>;
  nodeIndices: Record<string, number>;
  edgeIndices: Record<string, number>;
  nodePrograms: Record<string, ItemProgram>;
  edgePrograms: Record<string, ItemProgram>;
  needToProcess: boolean;
}

/** This sigma's private members a direct repaint needs, if it has them all (sigma 3). */
export function internalsOf(sigma: Sigma): SigmaInternals | null {
  const s = sigma as unknown as Partial<SigmaInternals>;
  if (typeof s.needToProcess !== 'boolean' || !s.nodeDataCache || !s.edgeDataCache || !s.nodeProgramIndex || !s.edgeProgramIndex || !s.nodeIndices || !s.edgeIndices || !s.nodePrograms || !s.edgePrograms) return null;
  return s as SigmaInternals;
}

/** sigma's methods that replace an item's display data (addNode, addEdge) or renumber program slots (process). */
const REINDEXING = ['process', 'addNode', 'addEdge', 'removeNode', 'removeEdge', 'clearNodeIndices', 'clearEdgeIndices'] as const;

/** Calls `changed` after each of this sigma's REINDEXING methods runs; false, changing nothing, when it lacks one. */
export function watchReindexing(sigma: Sigma, changed: () => void): boolean {
  const s = sigma as unknown as Record<string, unknown>;
  if (!REINDEXING.every((name) => typeof s[name] === 'function')) return false;
  for (const name of REINDEXING) {
    const own = s[name] as (...args: unknown[]) => unknown;
    s[name] = function (this: unknown, ...args: unknown[]) {
      try {
        return own.apply(this, args);
      } finally {
        changed();
      }
    };
  }
  return true;
}
