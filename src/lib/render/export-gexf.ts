/**
 * The visible picture as dynamic GEXF 1.3: positions, colours and sizes as
 * drawn, and per edge its relations' spells, quotes, sources and outlets, so
 * Gephi's timeline can play it and networkx and Gephi Lite read it. The
 * document itself is written by the core (gexf-write.ts).
 */
import type { Relation, RelationType, Source } from '../core/model';
import { KIND_STYLES } from '../core/kind-styles';
import { writeGexf, type GexfDocument, type GexfEdgeInput, type GexfMeta, type GexfNodeInput } from '../core/gexf-write';
import type { GraphRenderer } from './renderer';
import { edgeSize } from './styles';

/** Visible relation rows per aggregated edge, as currently filtered. */
export type VisibleRowsOfEdge = (edgeIndex: number) => readonly Relation[];

export function visibleGexfDocument(
  renderer: GraphRenderer,
  rowsOfEdge: VisibleRowsOfEdge,
  lookups: { types: ReadonlyMap<string, RelationType>; sources: ReadonlyMap<string, Source> },
  meta: GexfMeta,
): GexfDocument {
  const { sigma, index } = renderer;
  const actors = index.dataset.actors;
  const relations = index.dataset.relations;
  const nodes: GexfNodeInput[] = [];
  const shownNodes = new Set<string>();
  renderer.graph.forEachNode((node, attributes) => {
    const shown = sigma.getNodeDisplayData(node);
    if (!shown || shown.hidden) return;
    const actor = actors[attributes.index];
    shownNodes.add(node);
    nodes.push({ id: node, label: actor.label, kind: actor.kind, affiliation: actor.affiliation ?? '', color: KIND_STYLES[actor.kind].color, size: shown.size, x: attributes.x, y: attributes.y });
  });

  const edges: GexfEdgeInput[] = [];
  const colorOf = new Map([...lookups.types].map(([id, type]) => [id, type.color]));
  let rowOf: Map<Relation, number> | undefined;
  // Every aggregated edge of the filter, also those beyond the drawn-edge limit, which the graph does not hold.
  index.edges.forEach((edge, e) => {
    const shown = renderer.holdsEdge(e) ? sigma.getEdgeDisplayData(edge.key) : null;
    if (shown?.hidden) return;
    const visible = rowsOfEdge(e);
    if (visible.length === 0 || !shownNodes.has(edge.source) || !shownNodes.has(edge.target)) return;
    // The spans come from the index, so the file follows the app's interval semantics. The rows are asked
    // for, not read off the edge: a rolled-up edge draws the rows of the edges rolled into it.
    rowOf ??= new Map(relations.map((r, i) => [r, i]));
    const rows = visible.map((r) => rowOf!.get(r)!);
    edges.push({
      id: edge.key,
      source: edge.source,
      target: edge.target,
      directed: edge.directed,
      relation: edge.type,
      relationLabel: lookups.types.get(edge.type)?.label ?? edge.type,
      color: colorOf.get(edge.type) ?? '#888888',
      thickness: shown?.size ?? edgeSize(rows.length),
      relations: rows.map((i) => {
        const r = relations[i];
        return { date: r.date, endDate: r.endDate, span: { start: index.starts[i], end: index.ends[i] }, quote: r.quote, source: r.source };
      }),
    });
  });

  const used = new Set(edges.flatMap((e) => e.relations.map((r) => r.source)));
  const sources = new Map([...lookups.sources].filter(([id]) => used.has(id)));
  return { meta, nodes, edges, sources };
}

export function toGexf(doc: GexfDocument): string {
  return writeGexf(doc);
}
