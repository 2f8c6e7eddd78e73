/**
 * A dynamic GEXF 1.3 document that Gephi, Gephi Lite (graphology-gexf) and
 * networkx all read, and that validates against the official RelaxNG schema.
 *
 * Edge direction: networkx's reader builds a directed graph when
 * `defaultedgetype="directed"` and then raises on any `type="undirected"`
 * edge (and on `type="directed"` in any other graph), while Gephi's importer
 * reports `type="mutual"` as an error. The only form all three accept is one
 * graph-wide edge type and no per-edge `type`: "directed" when any exported
 * relation type is directed, otherwise "undirected". In a mixed export the
 * symmetric relations are written as one edge each (the index's pair order)
 * and keep `directed=false` as an edge attribute, so they can be told apart.
 *
 * Colours are written as r/g/b(/a), not `hex` (networkx reads only r/g/b), and
 * there is no `xsi:schemaLocation` (strict RelaxNG validation rejects it).
 *
 * Time: every edge carries the union of the day spans of its relations as
 * spells (overlapping spells are merged: Gephi does not accept overlapping
 * intervals on one element), and every node the union of its edges' spells,
 * so Gephi's timeline shows actors as their relations come and go.
 */
import { formatDay, type DaySpan } from './dates';

export interface GexfRelation {
  date: string;
  endDate: string;
  /** The days the relation holds, by the core's interval semantics (RelationIndex starts/ends). */
  span: DaySpan;
  quote: string;
  source: string;
}

export interface GexfSource {
  title: string;
  outlet: string;
  published: string;
  url: string;
}

export interface GexfNodeInput {
  id: string;
  label: string;
  kind: string;
  affiliation: string;
  /** CSS colour: #rgb, #rrggbb, #rrggbbaa or rgb()/rgba(). */
  color: string;
  size: number;
  x: number;
  y: number;
}

export interface GexfEdgeInput {
  id: string;
  source: string;
  target: string;
  directed: boolean;
  relation: string;
  relationLabel: string;
  color: string;
  thickness: number;
  relations: readonly GexfRelation[];
}

export interface GexfMeta {
  creator: string;
  /** The date window shown, as written in the app. */
  from: string;
  to: string;
  /** The other filters in force, in words, e.g. ["types: alliance, mediation (2 of 9)"]. */
  filters: readonly string[];
  /** Share link that reopens the view. */
  link?: string;
  /** Day the file is written (YYYY-MM-DD). */
  lastModified: string;
}

export interface GexfDocument {
  meta: GexfMeta;
  nodes: readonly GexfNodeInput[];
  edges: readonly GexfEdgeInput[];
  sources: ReadonlyMap<string, GexfSource>;
}

export interface Rgba {
  r: number;
  g: number;
  b: number;
  /** 0 to 1; absent when opaque. */
  a?: number;
}

/** Parses the CSS colours the app uses; throws naming the value otherwise. */
export function parseColor(color: string): Rgba {
  const text = color.trim().toLowerCase();
  let m = /^#([0-9a-f]{3,4})$/.exec(text);
  if (m) {
    const [r, g, b, a] = [...m[1]].map((c) => parseInt(c + c, 16));
    return withAlpha(r, g, b, a === undefined ? undefined : a / 255);
  }
  m = /^#([0-9a-f]{6})([0-9a-f]{2})?$/.exec(text);
  if (m) {
    const n = parseInt(m[1], 16);
    return withAlpha((n >> 16) & 255, (n >> 8) & 255, n & 255, m[2] === undefined ? undefined : parseInt(m[2], 16) / 255);
  }
  m = /^rgba?\(\s*(\d+)\s*[, ]\s*(\d+)\s*[, ]\s*(\d+)\s*(?:[,/]\s*([\d.]+)\s*)?\)$/.exec(text);
  if (m) return withAlpha(Number(m[1]), Number(m[2]), Number(m[3]), m[4] === undefined ? undefined : Number(m[4]));
  throw new Error(`gexf-write: unsupported colour "${color}"`);
}

function withAlpha(r: number, g: number, b: number, a: number | undefined): Rgba {
  const clamp = (v: number) => Math.max(0, Math.min(255, Math.round(v)));
  const rgb = { r: clamp(r), g: clamp(g), b: clamp(b) };
  if (a === undefined || a >= 1) return rgb;
  return { ...rgb, a: Math.round(Math.max(0, a) * 1000) / 1000 };
}

/** The union of day spans as sorted, disjoint spans; touching spans (end + 1 = start) are joined. */
export function mergeSpans(spans: readonly DaySpan[]): DaySpan[] {
  const sorted = [...spans].sort((x, y) => x.start - y.start || x.end - y.end);
  const out: DaySpan[] = [];
  for (const span of sorted) {
    const last = out.at(-1);
    if (last && span.start <= last.end + 1) last.end = Math.max(last.end, span.end);
    else out.push({ start: span.start, end: span.end });
  }
  return out;
}

/** XML 1.0 cannot carry most control characters or lone surrogates, even escaped. */
const NOT_XML = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/** Escapes text for a double-quoted attribute; line breaks and tabs as character references so parsers keep them. */
export function xmlAttr(value: string): string {
  return value
    .replace(NOT_XML, '\ufffd')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/\t/g, '&#9;')
    .replace(/\n/g, '&#10;')
    .replace(/\r/g, '&#13;');
}

function xmlText(value: string): string {
  return value.replace(NOT_XML, '\ufffd').replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

function number(value: number): string {
  if (!Number.isFinite(value)) return '0';
  return String(Math.round(value * 1e6) / 1e6);
}

type AttrType = 'string' | 'integer' | 'boolean' | 'anyURI';
const NODE_ATTRIBUTES: ReadonlyArray<[string, AttrType]> = [
  ['kind', 'string'],
  ['affiliation', 'string'],
];
/** Edge attribute ids, also their titles. Lists are one item a line, in the order of `dates`. */
export const GEXF_EDGE_ATTRIBUTES: ReadonlyArray<[string, AttrType]> = [
  ['relation', 'string'],
  ['directed', 'boolean'],
  ['count', 'integer'],
  ['first_date', 'string'],
  ['last_date', 'string'],
  ['dates', 'string'],
  ['quotes', 'string'],
  ['relation_sources', 'string'],
  ['sources', 'string'],
  ['source_titles', 'string'],
  ['outlets', 'string'],
  ['source_urls', 'string'],
];

function attributesBlock(cls: 'node' | 'edge', attributes: ReadonlyArray<[string, AttrType]>): string {
  const lines = attributes.map(([id, type]) => `      <attribute id="${id}" title="${id}" type="${type}"/>`);
  return `    <attributes class="${cls}" mode="static">\n${lines.join('\n')}\n    </attributes>\n`;
}

function attvalues(values: ReadonlyArray<[string, string]>): string {
  const lines = values.map(([id, value]) => `          <attvalue for="${id}" value="${xmlAttr(value)}"/>`);
  return `        <attvalues>\n${lines.join('\n')}\n        </attvalues>\n`;
}

function spells(spans: readonly DaySpan[]): string {
  if (spans.length === 0) return '';
  const lines = spans.map((s) => `          <spell start="${formatDay(s.start)}" end="${formatDay(s.end)}"/>`);
  return `        <spells>\n${lines.join('\n')}\n        </spells>\n`;
}

function color(rgba: Rgba): string {
  return `<viz:color r="${rgba.r}" g="${rgba.g}" b="${rgba.b}"${rgba.a === undefined ? '' : ` a="${rgba.a}"`}/>`;
}

/** One line of the meta description: the window, the filters and the link, so the file says what it shows. */
export function describeView(meta: GexfMeta): string {
  return [`Relations visible in ${meta.creator}, ${meta.from} to ${meta.to}.`, ...meta.filters.map((f) => `${f}.`), ...(meta.link ? [`View: ${meta.link}`] : [])].join(' ');
}

function edgeValues(edge: GexfEdgeInput, sources: ReadonlyMap<string, GexfSource>): Array<[string, string]> {
  const rows = [...edge.relations].sort((a, b) => a.span.start - b.span.start || a.span.end - b.span.end || a.source.localeCompare(b.source));
  const sourceIds = [...new Set(rows.map((r) => r.source))].sort();
  const sourceInfo = sourceIds.map((id) => sources.get(id));
  const lines = (values: string[]) => values.join('\n');
  return [
    ['relation', edge.relation],
    ['directed', String(edge.directed)],
    ['count', String(rows.length)],
    ['first_date', rows.map((r) => r.date).sort()[0] ?? ''],
    ['last_date', rows.map((r) => r.endDate || r.date).sort().at(-1) ?? ''],
    ['dates', rows.map((r) => (r.endDate ? `${r.date}/${r.endDate}` : r.date)).join(' ')],
    ['quotes', lines(rows.map((r) => r.quote.replace(/\s*\n\s*/g, ' ')))],
    ['relation_sources', rows.map((r) => r.source).join(' ')],
    ['sources', sourceIds.join(' ')],
    ['source_titles', lines(sourceInfo.map((s, i) => (s ? s.title : sourceIds[i])))],
    ['outlets', [...new Set(sourceInfo.map((s) => s?.outlet ?? '').filter(Boolean))].sort().join('\n')],
    ['source_urls', sourceInfo.map((s) => s?.url ?? '').filter(Boolean).join(' ')],
  ];
}

/** Writes the document as GEXF 1.3 text. */
export function writeGexf(doc: GexfDocument): string {
  const { meta, nodes, edges, sources } = doc;
  const nodeIds = new Set(nodes.map((n) => n.id));
  for (const edge of edges) {
    if (!nodeIds.has(edge.source) || !nodeIds.has(edge.target)) throw new Error(`gexf-write: edge "${edge.id}" joins an actor that is not exported`);
  }
  const edgeType = edges.some((e) => e.directed) ? 'directed' : 'undirected';

  const edgeSpells = new Map(edges.map((e) => [e.id, mergeSpans(e.relations.map((r) => r.span))]));
  const nodeSpans = new Map<string, DaySpan[]>();
  for (const edge of edges) {
    for (const end of [edge.source, edge.target]) {
      const list = nodeSpans.get(end) ?? [];
      list.push(...edgeSpells.get(edge.id)!);
      nodeSpans.set(end, list);
    }
  }

  let out = '<?xml version="1.0" encoding="UTF-8"?>\n';
  out += '<gexf xmlns="http://gexf.net/1.3" xmlns:viz="http://gexf.net/1.3/viz" version="1.3">\n';
  out += `  <meta lastmodifieddate="${xmlAttr(meta.lastModified)}">\n`;
  out += `    <creator>${xmlText(meta.creator)}</creator>\n`;
  out += `    <keywords>${xmlText([`window ${meta.from}/${meta.to}`, ...meta.filters].join('; '))}</keywords>\n`;
  out += `    <description>${xmlText(describeView(meta))}</description>\n`;
  out += '  </meta>\n';
  out += `  <graph mode="dynamic" timeformat="date" defaultedgetype="${edgeType}">\n`;
  out += attributesBlock('node', NODE_ATTRIBUTES);
  out += attributesBlock('edge', GEXF_EDGE_ATTRIBUTES);

  out += `    <nodes count="${nodes.length}">\n`;
  for (const node of nodes) {
    out += `      <node id="${xmlAttr(node.id)}" label="${xmlAttr(node.label)}">\n`;
    out += attvalues([['kind', node.kind], ['affiliation', node.affiliation]]);
    out += spells(mergeSpans(nodeSpans.get(node.id) ?? []));
    out += `        ${color(parseColor(node.color))}\n`;
    out += `        <viz:position x="${number(node.x)}" y="${number(node.y)}" z="0"/>\n`;
    out += `        <viz:size value="${number(node.size)}"/>\n`;
    out += '      </node>\n';
  }
  out += '    </nodes>\n';

  out += `    <edges count="${edges.length}">\n`;
  for (const edge of edges) {
    out += `      <edge id="${xmlAttr(edge.id)}" source="${xmlAttr(edge.source)}" target="${xmlAttr(edge.target)}" label="${xmlAttr(edge.relationLabel)}" weight="${edge.relations.length}">\n`;
    out += attvalues(edgeValues(edge, sources));
    out += spells(edgeSpells.get(edge.id)!);
    out += `        ${color(parseColor(edge.color))}\n`;
    out += `        <viz:thickness value="${number(edge.thickness)}"/>\n`;
    out += '      </edge>\n';
  }
  out += '    </edges>\n';
  out += '  </graph>\n</gexf>\n';
  return out;
}
