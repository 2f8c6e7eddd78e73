/**
 * The baseline every filter figure is compared with: what a naive explorer
 * does on each filter change, i.e. build a new graphology graph holding only
 * the visible actors and aggregated edges, ready for sigma to draw. It counts
 * rows with our own filter pass, so the comparison isolates the rebuild.
 * Free of Node APIs: the browser bench page uses it too.
 */
import Graph from 'graphology';
import { createFilterResult, filterRelations, type FilterResult, type RelationFilter } from '../src/lib/core/filter';
import type { RelationIndex } from '../src/lib/core/relation-index';
import type { EntenteGraph } from '../src/lib/render/build-graph';
import { KIND_STYLES } from '../src/lib/core/kind-styles';
import { edgeSize, nodeSize } from '../src/lib/render/styles';

export interface RebuildContext {
  index: RelationIndex;
  result: FilterResult;
  /** Positions the naive explorer keeps between rebuilds, by actor index. */
  x: Float64Array;
  y: Float64Array;
}

export function createRebuildContext(index: RelationIndex, graph: EntenteGraph): RebuildContext {
  const x = new Float64Array(index.actorIds.length);
  const y = new Float64Array(index.actorIds.length);
  graph.forEachNode((_, a) => {
    x[a.index] = a.x;
    y[a.index] = a.y;
  });
  return { index, result: createFilterResult(index), x, y };
}

/**
 * A fresh graph of the visible actors and edges, with the attributes sigma draws directly.
 * Given `curvatureOf`, parallel edges fan out as our renderer draws them, so both draw the same picture.
 */
export function rebuildFilteredGraph(context: RebuildContext, filter: RelationFilter, curvatureOf?: (result: FilterResult) => Float32Array): Graph {
  const { index, result, x, y } = context;
  filterRelations(index, filter, result);
  const graph = new Graph({ multi: true, type: 'mixed', allowSelfLoops: false });
  const { actors, types } = index.dataset;
  const addActor = (i: number) => {
    const actor = actors[i];
    if (graph.hasNode(actor.id)) return;
    const style = KIND_STYLES[actor.kind];
    graph.addNode(actor.id, { label: actor.label, x: x[i], y: y[i], size: nodeSize(style.baseSize, result.nodeCounts[i]), color: style.color, type: style.program });
  };
  const typeIndex = new Map(index.typeIds.map((id, t) => [id, t]));
  const curvature = curvatureOf?.(result);
  for (let e = 0; e < index.edges.length; e++) {
    const count = result.edgeCounts[e];
    if (count === 0) continue;
    const edge = index.edges[e];
    addActor(index.edgeSourceIndex[e]);
    addActor(index.edgeTargetIndex[e]);
    const curved = curvature !== undefined && curvature[e] !== 0;
    const type = curved ? (edge.directed ? 'curvedArrow' : 'curved') : edge.directed ? 'arrow' : 'line';
    const attributes = { color: types[typeIndex.get(edge.type)!].color, size: edgeSize(count), type, curvature: curved ? curvature[e] : 0 };
    if (edge.directed) graph.addDirectedEdgeWithKey(edge.key, edge.source, edge.target, attributes);
    else graph.addUndirectedEdgeWithKey(edge.key, edge.source, edge.target, attributes);
  }
  return graph;
}
