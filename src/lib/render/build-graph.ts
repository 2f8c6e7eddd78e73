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
import { parallelGroups } from './parallel-edges';

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

export function buildGraph(index: RelationIndex): EntenteGraph {
  const graph: EntenteGraph = new Graph({ multi: true, type: 'mixed', allowSelfLoops: false });
  const { actors, types } = index.dataset;
  const positions = initialPositions(index);
  actors.forEach((actor, i) => {
    const style = KIND_STYLES[actor.kind];
    graph.addNode(actor.id, { label: actor.label, kind: actor.kind, ...positions[i], size: style.baseSize, color: style.color, index: i });
  });
  const colorOf = new Map(types.map((t) => [t.id, t.color]));
  const parallel = new Uint8Array(index.edges.length);
  for (const group of parallelGroups(index)) for (const e of group) parallel[e] = 1;
  index.edges.forEach((edge, e) => {
    const attributes: EdgeAttributes = {
      relation: edge.type,
      index: e,
      parallel: parallel[e] === 1,
      color: colorOf.get(edge.type)!,
      weight: index.edgeRelations[e].length,
      affiliation: false,
    };
    if (edge.directed) graph.addDirectedEdgeWithKey(edge.key, edge.source, edge.target, attributes);
    else graph.addUndirectedEdgeWithKey(edge.key, edge.source, edge.target, attributes);
  });
  for (const actor of actors) {
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
  return graph;
}
