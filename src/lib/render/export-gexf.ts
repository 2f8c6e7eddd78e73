/**
 * The visible picture as GEXF 1.3 via graphology-gexf: positions, colours and
 * sizes as drawn, and per edge its relation type, dates, count and sources, so
 * Gephi and Gephi Lite open it looking the same.
 */
import Graph from 'graphology';
import { write } from 'graphology-gexf/browser';
import type { RelationType } from '../core/model';
import { KIND_STYLES } from '../core/kind-styles';
import type { GraphRenderer } from './renderer';

interface GexfNode {
  label: string;
  kind: string;
  affiliation: string;
  color: string;
  size: number;
  x: number;
  y: number;
}

interface GexfEdge {
  relation: string;
  relation_label: string;
  count: number;
  first_date: string;
  last_date: string;
  dates: string;
  sources: string;
  color: string;
  size: number;
}

/** Visible relation rows per aggregated edge, as currently filtered. */
export type VisibleRowsOfEdge = (edgeIndex: number) => Array<{ date: string; endDate: string; source: string }>;

export function visibleGraph(renderer: GraphRenderer, rowsOfEdge: VisibleRowsOfEdge, typesById: ReadonlyMap<string, RelationType>): Graph<GexfNode, GexfEdge> {
  const { sigma, index } = renderer;
  const out = new Graph<GexfNode, GexfEdge>({ multi: true, type: 'mixed' });
  const actors = index.dataset.actors;
  renderer.graph.forEachNode((node, attributes) => {
    const shown = sigma.getNodeDisplayData(node);
    if (!shown || shown.hidden) return;
    const actor = actors[attributes.index];
    out.addNode(node, { label: actor.label, kind: actor.kind, affiliation: actor.affiliation ?? '', color: KIND_STYLES[actor.kind].color, size: shown.size, x: attributes.x, y: attributes.y });
  });
  renderer.graph.forEachEdge((edge, attributes, source, target) => {
    const shown = sigma.getEdgeDisplayData(edge);
    if (attributes.affiliation || !shown || shown.hidden) return;
    const rows = rowsOfEdge(attributes.index);
    if (rows.length === 0 || !out.hasNode(source) || !out.hasNode(target)) return;
    const dates = rows.map((r) => (r.endDate ? `${r.date}/${r.endDate}` : r.date)).sort();
    const data: GexfEdge = {
      relation: attributes.relation,
      relation_label: typesById.get(attributes.relation)?.label ?? attributes.relation,
      count: rows.length,
      first_date: dates[0].split('/')[0],
      last_date: rows.map((r) => r.endDate || r.date).sort().at(-1)!,
      dates: dates.join(' '),
      sources: [...new Set(rows.map((r) => r.source))].sort().join(' '),
      color: attributes.color,
      size: shown.size,
    };
    if (index.edges[attributes.index].directed) out.addDirectedEdgeWithKey(edge, source, target, data);
    else out.addUndirectedEdgeWithKey(edge, source, target, data);
  });
  return out;
}

export function toGexf(graph: Graph<GexfNode, GexfEdge>): string {
  return write(graph, {
    version: '1.3',
    formatNode: (_key, a) => ({
      label: a.label,
      viz: { color: a.color, size: a.size, x: a.x, y: a.y },
      attributes: { kind: a.kind, affiliation: a.affiliation },
    }),
    formatEdge: (_key, a) => ({
      label: a.relation_label,
      weight: a.count,
      viz: { color: a.color, thickness: a.size },
      attributes: { relation: a.relation, count: a.count, first_date: a.first_date, last_date: a.last_date, dates: a.dates, sources: a.sources },
    }),
  });
}
