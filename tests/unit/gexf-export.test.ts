/**
 * The GEXF export and the CSV byte-order mark: the bundled dataset written as
 * dynamic GEXF is valid against the official GEXF 1.3 RelaxNG schema, reads
 * back in graphology-gexf and networkx with its counts, spells and attributes,
 * and declares edge types the way networkx's reader requires.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import Graph from 'graphology';
import { parse } from 'graphology-gexf';
import { DOMParser } from '@xmldom/xmldom';
import { describe, expect, it } from 'vitest';
import { formatDay } from '../../src/lib/core/dates';
import { EXPORT_COLUMNS, relationsCsv } from '../../src/lib/core/export-data';
import { parseCsv } from '../../src/lib/core/csv';
import { mergeSpans, parseColor, writeGexf, xmlAttr, type GexfDocument, type GexfEdgeInput } from '../../src/lib/core/gexf-write';
import { KIND_STYLES } from '../../src/lib/core/kind-styles';
import { loadDataset } from '../../src/lib/core/load';
import type { Dataset } from '../../src/lib/core/model';
import { buildRelationIndex, type RelationIndex } from '../../src/lib/core/relation-index';
import { readGraphDataFolder } from '../../scripts/read-graph-data';
import { day } from './helpers';

const SCHEMA = resolve(__dirname, '../../../shared/fixtures/gexf-1.3/gexf.rng');
const hasSchema = existsSync(SCHEMA);
const hasXmllint = spawnSync('xmllint', ['--version']).status === 0;
const hasNetworkx = spawnSync('python3', ['-c', 'import networkx'], { encoding: 'utf8' }).status === 0;
if (!hasSchema) console.warn(`gexf-export: ${SCHEMA} is absent (../shared/fixtures); schema validation skipped`);
if (!hasXmllint) console.warn('gexf-export: xmllint is not installed (Debian package libxml2-utils); schema validation skipped');
if (!hasNetworkx) console.warn('gexf-export: python3 with networkx is not available; the networkx read-back is skipped (the emulated checks still run)');

function bundled(): Dataset {
  const result = loadDataset(readGraphDataFolder(resolve(__dirname, '../../graph-data')));
  if (!result.ok) throw new Error(`bundled dataset does not load: ${result.issues[0]?.message}`);
  return result.dataset;
}

/** Every row of the window and types as the app would export it, built from the index without the render layer. */
function documentOf(index: RelationIndex, from: number, to: number, types?: Set<string>): GexfDocument {
  const { dataset } = index;
  const edges: GexfEdgeInput[] = [];
  index.edges.forEach((edge, e) => {
    const rows = Array.from(index.edgeRelations[e]).filter((i) => index.starts[i] <= to && index.ends[i] >= from && (!types || types.has(edge.type)));
    if (rows.length === 0) return;
    const type = dataset.types.find((t) => t.id === edge.type)!;
    edges.push({
      id: edge.key,
      source: edge.source,
      target: edge.target,
      directed: edge.directed,
      relation: edge.type,
      relationLabel: type.label,
      color: type.color,
      thickness: 1 + rows.length,
      relations: rows.map((i) => {
        const r = dataset.relations[i];
        return { date: r.date, endDate: r.endDate, span: { start: index.starts[i], end: index.ends[i] }, quote: r.quote, source: r.source };
      }),
    });
  });
  const used = new Set(edges.flatMap((e) => [e.source, e.target]));
  const nodes = dataset.actors
    .filter((a) => used.has(a.id))
    .map((a, i) => ({ id: a.id, label: a.label, kind: a.kind, affiliation: a.affiliation ?? '', color: KIND_STYLES[a.kind].color, size: 5 + i / 10, x: i * 1.5, y: -i }));
  return {
    meta: { creator: 'Entente', from: formatDay(from), to: formatDay(to), filters: [`types: ${types ? [...types].join(', ') : 'all'}`], link: 'https://example.org/?from=a&to=b', lastModified: '2026-12-01' },
    nodes,
    edges,
    sources: new Map(dataset.sources.map((s) => [s.id, s])),
  };
}

const dataset = bundled();
const index = buildRelationIndex(dataset, day('2026-12-01'));
const full = documentOf(index, index.extent.start, index.extent.end);
const fullText = writeGexf(full);

function validate(text: string): { status: number | null; output: string } {
  const dir = mkdtempSync(join(tmpdir(), 'entente-gexf-'));
  const file = join(dir, 'export.gexf');
  writeFileSync(file, text);
  const run = spawnSync('xmllint', ['--noout', '--relaxng', SCHEMA, file], { encoding: 'utf8' });
  return { status: run.status, output: `${run.stdout}${run.stderr}` };
}

describe('writeGexf: the full bundled dataset', () => {
  it('has directed and undirected relation types, so it is the mixed case networkx used to reject', () => {
    expect(full.edges.some((e) => e.directed)).toBe(true);
    expect(full.edges.some((e) => !e.directed)).toBe(true);
    expect(full.edges.length).toBe(index.edges.length);
  });

  it.skipIf(!hasSchema || !hasXmllint)('validates against the official GEXF 1.3 RelaxNG schema', () => {
    const { status, output } = validate(fullText);
    expect(output).toContain('validates');
    expect(status).toBe(0);
  });

  it.skipIf(!hasSchema || !hasXmllint)('the schema check can fail: xsi:schemaLocation and a spell date are rejected', () => {
    // (A hex colour is valid GEXF 1.3; it is networkx that cannot read it, checked below.)
    expect(validate(fullText.replace(/<spell start="(\d{4})-/, '<spell start="$1/')).status).not.toBe(0);
    const located = fullText.replace(
      '<gexf xmlns="http://gexf.net/1.3"',
      '<gexf xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://gexf.net/1.3 http://gexf.net/1.3/gexf.xsd" xmlns="http://gexf.net/1.3"',
    );
    expect(validate(located).status).not.toBe(0);
  });

  it('reads back in graphology-gexf with every node, edge and attribute', () => {
    const graph = parse(Graph, fullText);
    expect(graph.order).toBe(full.nodes.length);
    expect(graph.size).toBe(full.edges.length);
    expect(graph.getAttribute('creator')).toBe('Entente');
    expect(graph.getAttribute('description')).toContain(`${full.meta.from} to ${full.meta.to}`);
    expect(graph.getAttribute('description')).toContain('types: all');
    for (const node of full.nodes) {
      const a = graph.getNodeAttributes(node.id);
      expect(a.label).toBe(node.label);
      expect(a.kind).toBe(node.kind);
      const { r, g, b } = parseColor(node.color);
      expect(a.color).toBe(`rgb(${r},${g},${b})`);
      expect(a.x).toBeCloseTo(node.x, 5);
      expect(a.size).toBeCloseTo(node.size, 5);
    }
    for (const edge of full.edges) {
      const a = graph.getEdgeAttributes(edge.id);
      expect(graph.source(edge.id)).toBe(edge.source);
      expect(a.relation).toBe(edge.relation);
      expect(a.directed).toBe(edge.directed);
      expect(a.count).toBe(edge.relations.length);
      expect(a.weight).toBe(edge.relations.length);
      // Quotes travel verbatim, one a line, with typographic quotes and apostrophes intact.
      expect(String(a.quotes).split('\n').sort()).toEqual(edge.relations.map((r) => r.quote.replace(/\s*\n\s*/g, ' ')).sort());
      expect(String(a.relation_sources).split(' ').sort()).toEqual(edge.relations.map((r) => r.source).sort());
      const ids = [...new Set(edge.relations.map((r) => r.source))].sort();
      expect(a.sources).toBe(ids.join(' '));
      expect(String(a.source_titles).split('\n')).toEqual(ids.map((id) => dataset.sources.find((s) => s.id === id)!.title));
      // A source whose outlet is not identified has none to list.
      for (const outlet of ids.map((id) => dataset.sources.find((s) => s.id === id)!.outlet).filter(Boolean)) expect(String(a.outlets).split('\n')).toContain(outlet);
    }
    expect(fullText).toMatch(/[’“”]/);
  });

  it('gives each edge the union of its relations’ day spans as spells, and each node the union of its edges’', () => {
    const doc = new DOMParser().parseFromString(fullText, 'application/xml');
    const graphElement = doc.getElementsByTagName('graph')[0];
    expect(graphElement.getAttribute('mode')).toBe('dynamic');
    expect(graphElement.getAttribute('timeformat')).toBe('date');
    const spellsOf = (element: Element) => Array.from(element.getElementsByTagName('spell')).map((s) => [s.getAttribute('start'), s.getAttribute('end')]);
    const edgeElements = new Map(Array.from(doc.getElementsByTagName('edge')).map((e) => [e.getAttribute('id')!, e]));
    // Independent union: mark every covered day, then read the runs back.
    const runs = (spans: Array<{ start: number; end: number }>) => {
      const days = new Set<number>();
      for (const s of spans) for (let d = s.start; d <= s.end; d++) days.add(d);
      const sorted = [...days].sort((a, b) => a - b);
      const out: string[][] = [];
      for (let i = 0; i < sorted.length; i++) {
        let j = i;
        while (j + 1 < sorted.length && sorted[j + 1] === sorted[j] + 1) j++;
        out.push([formatDay(sorted[i]), formatDay(sorted[j])]);
        i = j;
      }
      return out;
    };
    let multiSpell = 0;
    for (const edge of full.edges) {
      const spells = spellsOf(edgeElements.get(edge.id)!);
      expect(spells, edge.id).toEqual(runs(edge.relations.map((r) => r.span)));
      if (spells.length > 1) multiSpell++;
    }
    expect(multiSpell).toBeGreaterThan(0);
    const russia = Array.from(doc.getElementsByTagName('node')).find((n) => n.getAttribute('id') === 'russia')!;
    expect(spellsOf(russia)).toEqual(runs(full.edges.filter((e) => e.source === 'russia' || e.target === 'russia').flatMap((e) => e.relations.map((r) => r.span))));
  });

  it('passes the two checks networkx 3.6 read_gexf makes (emulated, also when python3 is absent)', () => {
    const doc = new DOMParser().parseFromString(fullText, 'application/xml');
    const graphElement = doc.getElementsByTagName('graph')[0];
    const declared = graphElement.getAttribute('defaultedgetype');
    expect(declared).toBe('directed');
    // networkx raises "Undirected edge found in directed graph" / "Directed edge found in undirected graph".
    for (const edge of Array.from(doc.getElementsByTagName('edge'))) {
      if (edge.hasAttribute('type')) expect(edge.getAttribute('type')).toBe(declared);
    }
    // networkx reads int(color.get("r")) etc.: a hex colour crashes it.
    const colors = Array.from(doc.getElementsByTagNameNS('http://gexf.net/1.3/viz', 'color'));
    expect(colors.length).toBe(full.nodes.length + full.edges.length);
    for (const c of colors) {
      expect(c.hasAttribute('hex')).toBe(false);
      for (const channel of ['r', 'g', 'b']) expect(Number.isInteger(Number(c.getAttribute(channel)))).toBe(true);
    }
    expect(fullText).not.toContain('schemaLocation');
  });

  it.skipIf(!hasNetworkx)('reads back in networkx read_gexf with counts, spells, colours and attributes', () => {
    const dir = mkdtempSync(join(tmpdir(), 'entente-gexf-'));
    const file = join(dir, 'export.gexf');
    writeFileSync(file, fullText);
    const script = `
import json, sys, networkx as nx
G = nx.read_gexf(sys.argv[1])
e = next(iter(G.edges(keys=True, data=True))) if G.is_multigraph() else next(iter(G.edges(data=True)))
d = e[-1]
n = G.nodes["russia"]
print(json.dumps({"directed": G.is_directed(), "nodes": G.number_of_nodes(), "edges": G.number_of_edges(), "mode": G.graph.get("mode"),
  "edge": {"id": d.get("id"), "spells": d.get("spells"), "count": d.get("count"), "directed": d.get("directed"), "quotes": d.get("quotes")},
  "russia": {"color": n["viz"]["color"], "spells": n.get("spells"), "label": n.get("label")}}))
`;
    const run = spawnSync('python3', ['-c', script, file], { encoding: 'utf8' });
    expect(run.stderr).toBe('');
    const out = JSON.parse(run.stdout);
    expect(out.directed).toBe(true);
    expect(out.mode).toBe('dynamic');
    expect(out.nodes).toBe(full.nodes.length);
    expect(out.edges).toBe(full.edges.length);
    const edge = full.edges.find((e) => e.id === out.edge.id)!;
    expect(out.edge.count).toBe(edge.relations.length);
    expect(out.edge.directed).toBe(edge.directed);
    expect(out.edge.spells).toEqual(mergeSpans(edge.relations.map((r) => r.span)).map((s) => [formatDay(s.start), formatDay(s.end)]));
    const { r, g, b } = parseColor(KIND_STYLES.state.color);
    expect(out.russia.color).toEqual({ r, g, b, a: 1 });
    expect(out.russia.label).toBe(dataset.actors.find((a) => a.id === 'russia')!.label);
  });
});

describe('writeGexf: edge type declaration', () => {
  it('declares an export of undirected relations only as undirected, with no per-edge type', () => {
    const undirected = new Set(dataset.types.filter((t) => !t.directed).map((t) => t.id));
    const doc = documentOf(index, index.extent.start, index.extent.end, undirected);
    expect(doc.edges.length).toBeGreaterThan(0);
    const text = writeGexf(doc);
    expect(text).toContain('defaultedgetype="undirected"');
    expect(text).not.toMatch(/<edge [^>]*type=/);
    const graph = parse(Graph, text);
    expect(graph.type).toBe('undirected');
    expect(graph.size).toBe(doc.edges.length);
    if (hasSchema && hasXmllint) expect(validate(text).status).toBe(0);
  });

  it('writes a 2022 window with its spells reaching outside the window unclipped, and names the window in <meta>', () => {
    const from = day('2022-01-01');
    const to = day('2022-12-31');
    const doc = documentOf(index, from, to);
    const text = writeGexf(doc);
    expect(text).toContain('<keywords>window 2022-01-01/2022-12-31; types: all</keywords>');
    expect(doc.edges.length).toBeLessThan(full.edges.length);
    expect(parse(Graph, text).size).toBe(doc.edges.length);
    if (hasSchema && hasXmllint) expect(validate(text).status).toBe(0);
  });

  it('refuses an edge whose actor is not exported, instead of writing a file Gephi rejects', () => {
    const doc = { ...full, nodes: full.nodes.slice(1) };
    expect(() => writeGexf(doc)).toThrow(/gexf-write: edge .* joins an actor that is not exported/);
  });
});

describe('gexf-write helpers', () => {
  it('parseColor reads hex and rgb(a) colours, keeping alpha only when not opaque', () => {
    expect(parseColor('#0072b2')).toEqual({ r: 0, g: 114, b: 178 });
    expect(parseColor('#fff')).toEqual({ r: 255, g: 255, b: 255 });
    expect(parseColor('#00000080')).toEqual({ r: 0, g: 0, b: 0, a: 0.502 });
    expect(parseColor('rgba(10, 20, 30, 0.5)')).toEqual({ r: 10, g: 20, b: 30, a: 0.5 });
    expect(parseColor('rgb(10 20 30)')).toEqual({ r: 10, g: 20, b: 30 });
    expect(() => parseColor('teal')).toThrow(/unsupported colour "teal"/);
  });

  it('mergeSpans joins overlapping and touching spans and keeps gaps', () => {
    expect(mergeSpans([{ start: 10, end: 20 }, { start: 1, end: 3 }, { start: 15, end: 30 }, { start: 4, end: 5 }, { start: 40, end: 40 }])).toEqual([
      { start: 1, end: 5 },
      { start: 10, end: 30 },
      { start: 40, end: 40 },
    ]);
    expect(mergeSpans([])).toEqual([]);
  });

  it('xmlAttr escapes markup and keeps line breaks as character references; characters XML cannot hold are replaced', () => {
    expect(xmlAttr('a & <b> "c"\nd\u0001')).toBe('a &amp; &lt;b&gt; &quot;c&quot;&#10;d\ufffd');
  });
});

describe('relationsCsv: byte-order mark for Excel', () => {
  const sources = new Map(dataset.sources.map((s) => [s.id, s]));
  const rows = dataset.relations.filter((r) => /[’“”]/.test(r.quote)).slice(0, 5);

  it('starts with EF BB BF when asked, and not otherwise; lines end in CRLF', () => {
    expect(rows.length).toBeGreaterThan(0);
    const withBom = relationsCsv(rows, sources, { bom: true });
    const bytes = new TextEncoder().encode(withBom);
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const plain = relationsCsv(rows, sources);
    expect(plain.charCodeAt(0)).not.toBe(0xfeff);
    expect(withBom.slice(1)).toBe(plain);
    expect(plain.split('\r\n')).toHaveLength(rows.length + 2);
    expect(plain.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
  });

  it('reads back with the quotes unchanged', () => {
    const table = parseCsv('export.csv', relationsCsv(rows, sources, { bom: true }), EXPORT_COLUMNS);
    expect(table.issues).toEqual([]);
    expect(table.header[0]).toBe('subject');
    expect(table.rows.map((r) => r.values.quote)).toEqual(rows.map((r) => r.quote.trim()));
  });
});
