/**
 * A filter change with no selection, applied to the display arrays in place: only the held edges the
 * engine reports as changed are re-sized, only the parallel groups among held edges that gained or lost
 * a visible edge re-fanned, and only the actors whose visible count changed re-sized. Each walk takes
 * the shorter of two lists (the engine's changed edges or the held edges; their actors or all actors),
 * so a move at a million relations, which changes most of half a million edges, costs about what the
 * 50,000 held edges and the actors cost.
 */
import type { RelationIndex } from '../core/relation-index';
import { nodeSizeScaleOf } from '../core/node-size-scale';
import type { DisplayArrays, DisplayChanges, DisplayState } from './display';
import { fanGroup, heldEdgesOf } from './parallel-edges';
import { baseSizesOf, edgeSizeOfCount, sizeOfNode } from './display-sizes';

/** Marks that make each held edge (by slot) and parallel group count once per update, and the lists of what changed; kept per display. */
interface Marks {
  stamp: number;
  edges: Int32Array;
  groups: Int32Array;
  changedNodes: Int32Array;
  changedEdges: Int32Array;
  dirtyGroups: Int32Array;
}
const marksOf = new WeakMap<DisplayArrays, Marks>();
/** Changed edges beyond one held edge in this many are handed on in index order (see updateDisplay). */
const SORTED_FROM = 32;

function marksFor(index: RelationIndex, display: DisplayArrays, heldCount: number, groupCount: number): Marks {
  let marks = marksOf.get(display);
  if (!marks) {
    marks = {
      stamp: 0,
      edges: new Int32Array(heldCount),
      groups: new Int32Array(groupCount),
      changedNodes: new Int32Array(index.actorIds.length),
      changedEdges: new Int32Array(heldCount),
      dirtyGroups: new Int32Array(groupCount),
    };
    marksOf.set(display, marks);
  }
  return marks;
}

/**
 * Brings `display` up to date in place for a new filter result, given the edges whose count may have
 * changed (null: any of them), and returns what changed, as views that the next update overwrites.
 * Returns null when the change needs computeDisplay instead: a focus or selection, which dims
 * everything else, a change of showIsolated, of the comparison or of the held edges.
 */
export function updateDisplay(index: RelationIndex, display: DisplayArrays, state: DisplayState, changedEdges: Int32Array | null): DisplayChanges | null {
  if (display.dimOthers || state.focus !== null || state.selectedEdge !== null || display.showIsolated !== state.showIsolated || display.edgeState !== state.edgeState || display.held !== state.held) return null;
  const { edgeCounts, nodeCounts } = state.result;
  const held = heldEdgesOf(index, state.held);
  const { slotOf, groups, groupOf } = held;
  const marks = marksFor(index, display, held.list.length, groups.length);
  const stamp = ++marks.stamp;
  const { edges: edgeMarks, groups: groupMarks, changedNodes, changedEdges: changedOut, dirtyGroups } = marks;
  const sizes = display.edgeSize;

  // The engine's list, each entry tested for being held, or every held edge when those are fewer.
  const walkHeld = changedEdges === null || changedEdges.length >= held.list.length;
  const walk = walkHeld ? held.list : changedEdges;
  let edgesOut = 0;
  let dirty = 0;
  for (let k = 0; k < walk.length; k++) {
    const e = walk[k];
    const slot = walkHeld ? k : slotOf[e];
    if (slot < 0) continue;
    const count = edgeCounts[e];
    const size = count > 0 ? edgeSizeOfCount(count) : 0;
    const before = sizes[slot];
    if (size === before) continue;
    sizes[slot] = size;
    edgeMarks[slot] = stamp;
    changedOut[edgesOut++] = e;
    // An edge appearing or vanishing re-fans the others between the same two actors.
    const g = groupOf[slot];
    if (g >= 0 && (size === 0) !== (before === 0) && groupMarks[g] !== stamp) {
      groupMarks[g] = stamp;
      dirtyGroups[dirty++] = g;
    }
  }
  const refanned = (e: number) => {
    const slot = slotOf[e];
    if (edgeMarks[slot] === stamp) return;
    edgeMarks[slot] = stamp;
    changedOut[edgesOut++] = e;
  };
  for (let k = 0; k < dirty; k++) fanGroup(groups[dirtyGroups[k]], edgeCounts, held.forward, slotOf, display.edgeCurvature, refanned);
  // The engine lists edges in the order its scan met them, all over the graph: handed on in index order, the repaint
  // reads sigma's display data and program slots in about the order they lie in memory. Listed again from the marks,
  // a pass over the held edges, when they are many enough for their cache misses to cost more than that pass (a walk of
  // the held edges is in order already, but for the re-fanned ones it appended).
  if ((!walkHeld || dirty > 0) && edgesOut * SORTED_FROM > held.list.length) {
    const list = held.list;
    edgesOut = 0;
    for (let k = 0; k < list.length; k++) if (edgeMarks[k] === stamp) changedOut[edgesOut++] = list[k];
  }

  // Actors: those of every changed edge, held or not (counts cover all rows), or all of them when fewer.
  const baseSizes = baseSizesOf(index);
  const scale = nodeSizeScaleOf(index);
  const counted = display.nodeCounts;
  const { showIsolated } = state;
  const { nodeShown, nodeSize } = display;
  let nodesOut = 0;
  const resize = (n: number) => {
    const count = nodeCounts[n];
    // Counted once: a second visit finds the count already taken.
    if (count === counted[n]) return;
    counted[n] = count;
    const shown = showIsolated || count > 0 ? 1 : 0;
    const size = Math.fround(sizeOfNode(baseSizes[n], count, scale));
    if (shown === nodeShown[n] && size === nodeSize[n]) return;
    nodeShown[n] = shown;
    nodeSize[n] = size;
    changedNodes[nodesOut++] = n;
  };
  const actorCount = counted.length;
  if (changedEdges === null || 2 * changedEdges.length >= actorCount) {
    for (let n = 0; n < actorCount; n++) resize(n);
  } else {
    const { edgeSourceIndex, edgeTargetIndex } = index;
    for (let k = 0; k < changedEdges.length; k++) {
      const e = changedEdges[k];
      resize(edgeSourceIndex[e]);
      resize(edgeTargetIndex[e]);
    }
  }
  return { nodes: changedNodes.subarray(0, nodesOut), edges: changedOut.subarray(0, edgesOut) };
}
