/** Sizes of nodes and edges as the display arrays store them, shared by computeDisplay and updateDisplay. */
import type { RelationIndex } from '../core/relation-index';
import { KIND_STYLES } from '../core/kind-styles';
import { largeGraphNodeSize, type NodeSizeScale } from '../core/node-size-scale';
import { edgeSize, nodeSize } from './styles';

/** Edge thickness per relation count, as a Float32Array stores it, for the counts most edges have. */
const EDGE_SIZES = Float32Array.from({ length: 4096 }, (_, count) => (count > 0 ? edgeSize(count) : 0));

export function edgeSizeOfCount(count: number): number {
  return count < EDGE_SIZES.length ? EDGE_SIZES[count] : Math.fround(edgeSize(count));
}

/** Small graphs size a node by its visible relations without bound; large ones against the dataset's busiest actor (core/node-size-scale.ts). */
export function sizeOfNode(base: number, visibleRelations: number, scale: NodeSizeScale): number {
  return scale.large ? largeGraphNodeSize(base, visibleRelations, scale) : nodeSize(base, visibleRelations);
}

const baseSizesCache = new WeakMap<RelationIndex, Float32Array>();

/** Each actor's size with no relation drawn, from its kind. */
export function baseSizesOf(index: RelationIndex): Float32Array {
  let sizes = baseSizesCache.get(index);
  if (!sizes) {
    const { actors } = index.dataset;
    sizes = Float32Array.from({ length: index.actorIds.length }, (_, i) => KIND_STYLES[actors[i].kind].baseSize);
    baseSizesCache.set(index, sizes);
  }
  return sizes;
}
