/**
 * sigma's process of every item, with its edge part done in slices that yield to the page.
 *
 * Once the progressive mount has added the held edges (progressive-mount.ts), one process must put
 * all of them (about 50,000) into sigma's programs: in sigma's render, that was one task of 165 to
 * 180 ms at a million relations. Here the node part is sigma's own process, run with the graph's edge
 * list made empty for that call; it reallocates nothing for edges. Then the edge programs are
 * allocated for the final count and the edges written in sigma's order, with sigma's ids, through
 * sigma's own addEdgeToProgram, about 12 ms per slice; last, the id tables are handed to sigma and a
 * frame is scheduled that needs no process. So the program buffers end up as sigma's own process
 * leaves them (tests/e2e/scale-load.test.ts compares their digests).
 *
 * sigma is left "needing a process" until the end: any frame drawn in between (a camera move, a
 * resize, a filter change) runs sigma's full process as before, and the slices then stop. So do they
 * when edges have several zIndex values (sigma would reorder them) or sigma lacks a member read here.
 */
import { yieldToPage } from './graph-chunks';
import { checkSlicedProcess } from './program-digest';

/** Time per slice before yielding, as graph-chunks.ts. */
const SLICE_MS = 12;

interface ProcessingSigma {
  graph: { edges(): string[] };
  settings: { zIndex?: boolean };
  edgeZExtent: [number, number];
  edgeDataCache: Record<string, { type: string }>;
  edgePrograms: Record<string, { reallocate(capacity: number): void }>;
  nodeIndices: Record<string, number>;
  edgeIndices: Record<string, number>;
  itemIDsIndex: Record<number, { type: 'node' | 'edge'; id: string }>;
  needToProcess: boolean;
  process(): unknown;
  addEdgeToProgram(edge: string, fingerprint: number, position: number): void;
  scheduleRender(): unknown;
  once(event: string, listener: () => void): unknown;
  removeListener(event: string, listener: () => void): unknown;
}

function processingInternals(sigma: unknown): ProcessingSigma | null {
  const s = sigma as Partial<ProcessingSigma>;
  const ok = !!s.graph && !!s.settings && Array.isArray(s.edgeZExtent) && !!s.edgeDataCache && !!s.edgePrograms && typeof s.needToProcess === 'boolean' && typeof s.process === 'function' && typeof s.addEdgeToProgram === 'function' && typeof s.once === 'function' && typeof s.removeListener === 'function';
  return ok ? (s as ProcessingSigma) : null;
}

/** How a sliced process ended: 'sliced' (done here), 'sigma' (left to sigma's own process, at its next frame or one drawn meanwhile), 'stopped'. */
export type SlicedOutcome = 'sliced' | 'sigma' | 'stopped';

/**
 * Processes `sigma`'s graph with the edge part in slices (see above) and schedules the frame that draws
 * it. `stopped` is checked between slices (the renderer was killed): nothing more is done then. `marks`
 * names the performance marks of its start and end.
 */
export async function processInSlices(sigma: unknown, stopped: () => boolean, now: () => number = () => performance.now(), marks = 'mount:process'): Promise<SlicedOutcome> {
  const s = processingInternals(sigma);
  const leaveToSigma = (): SlicedOutcome => {
    if (s) s.needToProcess = true;
    (sigma as { scheduleRender(): unknown }).scheduleRender();
    return 'sigma';
  };
  if (!s || (s.settings.zIndex && s.edgeZExtent[0] !== s.edgeZExtent[1])) return leaveToSigma();
  performance.mark(`${marks}-start`);
  // The node part, by sigma itself: its edge list is empty for this one call, which nothing else sees.
  const graph = s.graph as { edges(): string[] };
  const edges = graph.edges();
  Object.defineProperty(graph, 'edges', { value: () => [], configurable: true, writable: true });
  try {
    s.process();
  } finally {
    delete (graph as { edges?: unknown }).edges;
  }
  // sigma's process left it "processed" without the edges: until the slices end, any frame processes all again.
  s.needToProcess = true;
  let overtaken = false;
  const overtake = () => (overtaken = true);
  s.once('beforeProcess', overtake);
  try {
    const counts: Record<string, number> = {};
    for (let i = 0; i < edges.length; i++) {
      const type = s.edgeDataCache[edges[i]].type;
      counts[type] = (counts[type] ?? 0) + 1;
    }
    for (const type in s.edgePrograms) {
      s.edgePrograms[type].reallocate(counts[type] ?? 0);
      counts[type] = 0;
    }
    const nodeIndices = s.nodeIndices;
    const itemIDsIndex = s.itemIDsIndex;
    const edgeIndices: Record<string, number> = {};
    let id = 1;
    for (const key in nodeIndices) id = Math.max(id, nodeIndices[key] + 1);
    let i = 0;
    while (i < edges.length) {
      const sliceStart = now();
      while (i < edges.length && (i & 63 || now() - sliceStart < SLICE_MS)) {
        const edge = edges[i++];
        edgeIndices[edge] = id;
        itemIDsIndex[id] = { type: 'edge', id: edge };
        s.addEdgeToProgram(edge, id, counts[s.edgeDataCache[edge].type]++);
        id++;
      }
      if (i < edges.length) {
        await yieldToPage();
        if (stopped()) return 'stopped';
        if (overtaken) return 'sigma';
      }
    }
    s.edgeIndices = edgeIndices;
    s.needToProcess = false;
    performance.mark(`${marks}-end`);
    checkSlicedProcess(sigma);
    s.scheduleRender();
    return 'sliced';
  } finally {
    s.removeListener('beforeProcess', overtake);
  }
}
