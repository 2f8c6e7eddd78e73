/**
 * What GEXF and GraphML have in common once read: nodes and edges with attributes and
 * time intervals. Turns them into actors and relations the same way for both formats.
 *
 * - Nodes become actors (kind from a node attribute named kind/type when it is an Entente
 *   kind, else `group`), keyed by node id and named by label.
 * - The relation type comes from `typeAttribute` (an edge attribute id or title, or `label`
 *   or `kind`); without it, from an edge attribute called type/relation/relationship/kind
 *   when the file has one, else one type, "Related to".
 * - Each interval (a spell, start/end attributes, a timestamp) is one relation row. An edge
 *   with no time at all is dated to the file's date (GEXF meta lastmodifieddate), else to the
 *   import day; the report says which, so that nothing is dropped and nothing is dated silently.
 * - Other edge attributes, weight included, travel as attr_ columns.
 */
import { attrColumn, CODING, GraphDataBuilder } from './builder';
import { laterDate, todayIso } from './dates';
import { fileName } from './text';
import type { ConvertOptions, ConvertResult, FormatId } from './types';
import { readVocabulary } from './vocabulary';

export interface Interval {
  start: string;
  end: string;
}

export interface GraphNode {
  id: string;
  label: string;
  attrs: Record<string, string>;
  line: number;
}

export interface GraphEdge {
  id: string;
  source: string;
  target: string;
  directed: boolean;
  label: string;
  kind: string;
  /** Attribute values by attribute title; `values` holds time-varying ones. */
  attrs: Record<string, string>;
  values: Record<string, Array<{ value: string; interval: Interval }>>;
  /** Empty when the edge has no time. */
  intervals: Interval[];
  /** True when the file gives instants (timestamps), not spans. */
  instants: boolean;
  line: number;
}

export interface ParsedGraph {
  file: string;
  title: string;
  creator: string;
  /** The file's own date (GEXF meta lastmodifieddate), '' when none. */
  date: string;
  nodes: GraphNode[];
  edges: GraphEdge[];
  /** Edge attribute titles, for choosing the type attribute. */
  edgeAttributes: string[];
  /** Attribute id -> title, so that a type attribute can be named either way. */
  attributeIds: Record<string, string>;
}

const TYPE_NAMES = ['type', 'relation', 'relationship', 'relation_type', 'kind', 'edge_type'];
const KINDS = new Set(['state', 'person', 'organisation', 'region', 'group']);

function typeAttributeOf(graph: ParsedGraph, options: ConvertOptions): string {
  if (options.typeAttribute) return graph.edgeAttributes.includes(options.typeAttribute) ? options.typeAttribute : (graph.attributeIds[options.typeAttribute] ?? options.typeAttribute);
  return graph.edgeAttributes.find((a) => TYPE_NAMES.includes(a.toLowerCase())) ?? '';
}

export function convertGraphs(format: FormatId, graphs: ParsedGraph[], options: ConvertOptions, builder?: GraphDataBuilder): ConvertResult {
  const out = builder ?? new GraphDataBuilder(format, readVocabulary(options.vocabulary));
  const today = todayIso();
  for (const graph of graphs) {
    const typeAttribute = typeAttributeOf(graph, options);
    if (options.typeAttribute && !['label', 'kind'].includes(typeAttribute) && !graph.edgeAttributes.includes(typeAttribute)) {
      out.issue(graph.file, 0, options.typeAttribute, `no edge attribute "${options.typeAttribute}"; the edges have ${['label', 'kind', ...graph.edgeAttributes].join(', ')}`);
      continue;
    }
    if (typeAttribute && !options.typeAttribute) out.note(`${graph.file}: relation types from the edge attribute "${typeAttribute}".`);
    if (!typeAttribute) out.note(`${graph.file}: no type attribute chosen, so every edge is "Related to"; choose one of ${['label', 'kind', ...graph.edgeAttributes].join(', ')}.`);

    const actorOf = new Map<string, string>();
    const nodeLine = new Map<string, number>();
    for (const node of graph.nodes) {
      if (nodeLine.has(node.id)) {
        out.issue(graph.file, node.line, 'id', `duplicate node id "${node.id}" (first on line ${nodeLine.get(node.id)})`);
        continue;
      }
      nodeLine.set(node.id, node.line);
      const kindValue = Object.entries(node.attrs).find(([k, v]) => /^(kind|type)$/i.test(k) && KINDS.has(v.toLowerCase()))?.[1].toLowerCase();
      actorOf.set(node.id, out.actor(`${graph.file}#${node.id}`, node.label || node.id, kindValue ?? 'group'));
    }
    const nodeAttributes = new Set(graph.nodes.flatMap((n) => Object.keys(n.attrs)));
    if (nodeAttributes.size) out.note(`${graph.file}: node attributes ${[...nodeAttributes].join(', ')} are not kept (actors have no attribute columns).`);

    const undatedDate = graph.date || today;
    let undated = 0;
    let latest = '';
    const rows: Array<{ edge: GraphEdge; type: string; interval: Interval | null }> = [];
    for (const edge of graph.edges) {
      let bad = false;
      for (const end of ['source', 'target'] as const) {
        if (!actorOf.has(edge[end])) {
          out.issue(graph.file, edge.line, end, `edge ${edge.id ? `"${edge.id}" ` : ''}points to node "${edge[end]}", which is not in the file`, 'missing-node');
          bad = true;
        }
      }
      if (bad) continue;
      if (edge.source === edge.target) {
        out.skip('edges from a node to itself');
        continue;
      }
      const timed = edge.values[typeAttribute];
      const temporal = edge.intervals.length === 0 || !edge.instants ? 'state' : 'event';
      const typeFor = (value: string) => out.typeNamed(value || 'Related to', { directed: edge.directed, temporal });
      if (timed?.length) {
        for (const { value, interval } of timed) rows.push({ edge, type: typeFor(value), interval });
        continue;
      }
      const value = typeAttribute === 'label' ? edge.label : typeAttribute === 'kind' ? edge.kind : typeAttribute ? (edge.attrs[typeAttribute] ?? '') : '';
      const type = typeFor(value);
      if (edge.intervals.length === 0) {
        rows.push({ edge, type, interval: null });
        undated++;
      } else for (const interval of edge.intervals) rows.push({ edge, type, interval });
    }
    for (const { interval } of rows) if (interval) latest = laterDate(latest, interval.end || interval.start);

    const source = out.source(`graph:${graph.file}`, {
      title: graph.title || options.name || fileName(graph.file),
      outlet: graph.creator,
      published: laterDate(laterDate(graph.date, latest), undated ? undatedDate : '') || today,
      url: '',
      coding: CODING[format],
    });
    for (const { edge, type, interval } of rows) {
      const attrs: Record<string, string> = {};
      for (const [name, value] of Object.entries(edge.attrs)) if (name !== typeAttribute) attrs[attrColumn(name)] = value;
      const start = interval?.start || interval?.end || undatedDate;
      const end = interval && interval.end && interval.end !== start ? interval.end : '';
      const noteParts = [`edge ${edge.id || `on line ${edge.line}`}`];
      if (edge.label && typeAttribute !== 'label') noteParts.push(edge.label);
      if (!interval) noteParts.push(`undated in the file; dated ${graph.date ? "to the file's date" : 'to the import day'}`);
      else if (!interval.start) noteParts.push('no start given; dated from its end');
      out.relation(source, { subject: actorOf.get(edge.source)!, object: actorOf.get(edge.target)!, type, date: start, endDate: end, note: noteParts.join('; '), attrs });
    }
    if (undated) {
      out.note(`${graph.file}: ${undated} edges have no time; they are dated ${graph.date ? `to the file's date, ${graph.date}` : `to the import day, ${today}`}.`);
    }
  }
  return out.result();
}
