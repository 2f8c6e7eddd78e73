/**
 * Builds the graphology graph once per dataset: one node per actor, one edge
 * per aggregated relation, plus hidden affiliation edges that pull a person
 * towards the state or body they belong to during layout. No sigma here, so
 * the bench can build the same graph in Node.
 */
import Graph from 'graphology';
import type { RelationIndex } from '../core/relation-index';
import { KIND_STYLES } from '../core/kind-styles';
import { AFFILIATION_EDGE_WEIGHT } from './styles';
import { packedParallelGroups } from './parallel-edges';

export interface NodeAttributes {
  label: string;
  kind: string;
  x: number;
  y: number;
  size: number;
  color: string;
  /** Index into RelationIndex.actorIds. */
  index: number;
}

export interface EdgeAttributes {
  /** Relation type id; sigma's own `type` picks the rendering program. */
  relation: string;
  /** Index into RelationIndex.edges, or -1 for an affiliation edge. */
  index: number;
  /** The pair has edges of several types, so this edge is always drawn by a curve program (kept fixed for partial refreshes). */
  parallel: boolean;
  color: string;
  weight: number;
  affiliation: boolean;
}

export type EntenteGraph = Graph<NodeAttributes, EdgeAttributes>;

/** Deterministic start positions: affiliated actors placed on a small circle around their parent. */
function initialPositions(index: RelationIndex): Array<{ x: number; y: number }> {
  const { actors } = index.dataset;
  const positions = new Array<{ x: number; y: number }>(actors.length);
  const byId = new Map(actors.map((a, i) => [a.id, i]));
  const roots = actors.map((a, i) => (a.affiliation ? -1 : i)).filter((i) => i >= 0);
  const radius = Math.max(10, Math.sqrt(actors.length) * 12);
  roots.forEach((i, k) => {
    const angle = (2 * Math.PI * k) / roots.length;
    positions[i] = { x: radius * Math.cos(angle), y: radius * Math.sin(angle) };
  });
  const place = (i: number, depth: number): { x: number; y: number } => {
    if (positions[i]) return positions[i];
    const parent = byId.get(actors[i].affiliation ?? '');
    const anchor = parent === undefined || depth > 8 ? { x: 0, y: 0 } : place(parent, depth + 1);
    const angle = (i * 2.399963) % (2 * Math.PI);
    positions[i] = { x: anchor.x + 4 * Math.cos(angle), y: anchor.y + 4 * Math.sin(angle) };
    return positions[i];
  };
  actors.forEach((_, i) => place(i, 0));
  return positions;
}

/** Above this many aggregated edges the graph holds only the strongest; sigma's practical ceiling is near 10^5. */
export const DEFAULT_EDGE_LIMIT = 50_000;

/** An edge's strength: how many relations it aggregates (from the row offsets: edgeRelations makes a view per read). */
const strengthOf = (index: RelationIndex, e: number) => index.edgeRowStart[e + 1] - index.edgeRowStart[e];

/**
 * Which aggregated edges the graph holds: all of them up to `limit`, else the
 * `limit` strongest by relation count (ties: the first in the index). Linear:
 * a histogram of strengths gives the cut, so a million edges take no sort.
 */
export function strongestEdges(index: RelationIndex, limit: number): Uint8Array {
  const count = index.edges.length;
  const kept = new Uint8Array(count);
  if (limit >= count) return kept.fill(1);
  let maxStrength = 0;
  for (let e = 0; e < count; e++) maxStrength = Math.max(maxStrength, strengthOf(index, e));
  const histogram = new Uint32Array(maxStrength + 2);
  for (let e = 0; e < count; e++) histogram[strengthOf(index, e)]++;
  let cut = maxStrength + 1;
  let above = 0;
  while (cut > 0 && above + histogram[cut - 1] <= limit) above += histogram[--cut];
  // Edges stronger than the cut all fit; those at the cut fill the rest in index order.
  let tiesLeft = limit - above;
  for (let e = 0; e < count; e++) {
    const strength = strengthOf(index, e);
    if (strength >= cut || (strength === cut - 1 && tiesLeft-- > 0)) kept[e] = 1;
  }
  return kept;
}

/** Adds aggregated edge `e` to the graph. */
export function addAggregatedEdge(graph: EntenteGraph, index: RelationIndex, e: number, parallel: boolean, color: string): void {
  const edge = index.edges[e];
  const attributes: EdgeAttributes = { relation: edge.type, index: e, parallel, color, weight: strengthOf(index, e), affiliation: false };
  if (edge.directed) graph.addDirectedEdgeWithKey(edge.key, edge.source, edge.target, attributes);
  else graph.addUndirectedEdgeWithKey(edge.key, edge.source, edge.target, attributes);
}

/** Per aggregated edge, whether its pair has edges of several types (so it is drawn curved). */
export function parallelFlags(index: RelationIndex): Uint8Array {
  const parallel = new Uint8Array(index.edges.length);
  const { members } = packedParallelGroups(index);
  for (let k = 0; k < members.length; k++) parallel[members[k]] = 1;
  return parallel;
}

/** The hidden edges that pull a person towards the state or body they belong to during layout. */
export function addAffiliationEdges(graph: EntenteGraph, index: RelationIndex): void {
  for (const actor of index.dataset.actors) {
    if (!actor.affiliation || !graph.hasNode(actor.affiliation)) continue;
    graph.addUndirectedEdgeWithKey(`affiliation:${actor.id}>${actor.affiliation}`, actor.id, actor.affiliation, {
      relation: 'affiliation',
      index: -1,
      parallel: false,
      color: '#000000',
      weight: AFFILIATION_EDGE_WEIGHT,
      affiliation: true,
    });
  }
}

/** The graph of all actors and no edges yet: what a renderer can be created on before the edges arrive. */
export function graphOfNodes(index: RelationIndex): EntenteGraph {
  const graph: EntenteGraph = new Graph({ multi: true, type: 'mixed', allowSelfLoops: false });
  const positions = initialPositions(index);
  index.dataset.actors.forEach((actor, i) => {
    const style = KIND_STYLES[actor.kind];
    graph.addNode(actor.id, { label: actor.label, kind: actor.kind, ...positions[i], size: style.baseSize, color: style.color, index: i });
  });
  return graph;
}

/** Colour of each relation type, by id. */
export const typeColors = (index: RelationIndex) => new Map(index.dataset.types.map((t) => [t.id, t.color]));

/** The graph of all actors and of the aggregated edges `kept` marks (default: the DEFAULT_EDGE_LIMIT strongest). */
export function buildGraph(index: RelationIndex, kept: Uint8Array = strongestEdges(index, DEFAULT_EDGE_LIMIT)): EntenteGraph {
  const graph = graphOfNodes(index);
  const colorOf = typeColors(index);
  const parallel = parallelFlags(index);
  for (let e = 0; e < index.edges.length; e++) if (kept[e]) addAggregatedEdge(graph, index, e, parallel[e] === 1, colorOf.get(index.edges[e].type)!);
  addAffiliationEdges(graph, index);
  return graph;
}
