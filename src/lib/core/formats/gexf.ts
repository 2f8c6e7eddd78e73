/**
 * GEXF 1.1, 1.2 and 1.3 as Gephi and Gephi Lite write them, static or dynamic.
 * Time comes from edge `start`/`end` (and 1.2's `startopen`/`endopen`), `timestamp`,
 * `timestamps`, `<spells>`, and from time-varying attribute values; `timeformat` date,
 * dateTime, or integer/double values that are years. See graph-file.ts for the mapping.
 */
import { endsBefore, readDate } from './dates';
import { convertGraphs, type GraphEdge, type GraphNode, type Interval, type ParsedGraph } from './graph-file';
import { GraphDataBuilder, refused } from './builder';
import { decodeUtf8, head } from './text';
import type { ConvertOptions, ConvertResult, InputFile, InputFormat } from './types';
import { readVocabulary } from './vocabulary';
import { child, childrenNamed, parseXml, type XmlElement } from './xml';

type Issue = (line: number, column: string, message: string, code?: string) => void;

/** A GEXF time value as a partial date: dates and dateTimes, or numbers that are years (Gephi's integer/double years). */
function timeValue(value: string, line: number, field: string, issue: Issue): string | null {
  const v = value.trim();
  // Gephi writes open bounds as -Infinity/Infinity: no date on that side.
  if (/^[-+]?infinity$/i.test(v)) return '';
  const year = /^(\d{4})(?:\.0+)?$/.exec(v);
  const date = year ? year[1] : readDate(v);
  if (!date) issue(line, field, `"${v}" is not a date or a year; Entente places relations in calendar time`);
  return date;
}

function interval(element: XmlElement, issue: Issue): Interval | null | false {
  const a = element.attrs;
  if (a.timestamp !== undefined) {
    const t = timeValue(a.timestamp, element.line, 'timestamp', issue);
    return t ? { start: t, end: t } : false;
  }
  const startText = a.start ?? a.startopen;
  const endText = a.end ?? a.endopen;
  if (startText === undefined && endText === undefined) return null;
  const start = startText === undefined ? '' : timeValue(startText, element.line, 'start', issue);
  const end = endText === undefined ? '' : timeValue(endText, element.line, 'end', issue);
  if (start === null || end === null) return false;
  if (!start && !end) return null;
  if (start && end && endsBefore(start, end)) {
    issue(element.line, 'end', `end ${end} is before start ${start}`, 'end-before-start');
    return false;
  }
  return { start, end };
}

function readGexf(file: string, root: XmlElement, issue: Issue): ParsedGraph | null {
  if (root.name !== 'gexf') {
    issue(root.line, '', `the root element is <${root.name}>, not <gexf>`);
    return null;
  }
  const graph = child(root, 'graph');
  if (!graph) {
    issue(root.line, '', 'no <graph> element');
    return null;
  }
  const meta = child(root, 'meta');
  const metaDate = meta?.attrs.lastmodifieddate ? readDate(meta.attrs.lastmodifieddate) ?? '' : '';
  const defaultDirected = (graph.attrs.defaultedgetype ?? 'undirected') === 'directed';

  const titles = { node: new Map<string, string>(), edge: new Map<string, string>() };
  const defaults = { node: new Map<string, string>(), edge: new Map<string, string>() };
  for (const attributes of childrenNamed(graph, 'attributes')) {
    const cls = attributes.attrs.class === 'edge' ? 'edge' : attributes.attrs.class === 'node' ? 'node' : null;
    if (!cls) continue;
    for (const attribute of childrenNamed(attributes, 'attribute')) {
      const id = attribute.attrs.id ?? attribute.attrs.title;
      const title = attribute.attrs.title || id;
      titles[cls].set(id, title);
      const fallback = child(attribute, 'default')?.text;
      if (fallback) defaults[cls].set(title, fallback);
    }
  }

  const nodes: GraphNode[] = [];
  const collectNodes = (container: XmlElement | undefined) => {
    for (const node of childrenNamed(container, 'node')) {
      if (!node.attrs.id) issue(node.line, 'id', 'node without an id');
      else {
        const attrs: Record<string, string> = Object.fromEntries(defaults.node);
        for (const value of childrenNamed(child(node, 'attvalues'), 'attvalue')) attrs[titles.node.get(value.attrs.for ?? value.attrs.id ?? '') ?? value.attrs.for ?? ''] = value.attrs.value ?? '';
        nodes.push({ id: node.attrs.id, label: node.attrs.label ?? '', attrs, line: node.line });
      }
      collectNodes(child(node, 'nodes'));
    }
  };
  for (const container of childrenNamed(graph, 'nodes')) collectNodes(container);

  const edges: GraphEdge[] = [];
  for (const container of childrenNamed(graph, 'edges')) {
    for (const e of childrenNamed(container, 'edge')) {
      const { source, target } = e.attrs;
      if (source === undefined || target === undefined) {
        issue(e.line, source === undefined ? 'source' : 'target', 'edge without a source or target');
        continue;
      }
      const attrs: Record<string, string> = Object.fromEntries(defaults.edge);
      const values: GraphEdge['values'] = {};
      if (e.attrs.weight !== undefined) attrs.weight = e.attrs.weight;
      let ok = true;
      for (const value of childrenNamed(child(e, 'attvalues'), 'attvalue')) {
        const title = titles.edge.get(value.attrs.for ?? value.attrs.id ?? '') ?? value.attrs.for ?? '';
        const span = interval(value, issue);
        if (span === false) ok = false;
        else if (span) (values[title] ??= []).push({ value: value.attrs.value ?? '', interval: span });
        else attrs[title] = value.attrs.value ?? '';
      }
      const intervals: Interval[] = [];
      let instants = false;
      const own = interval(e, issue);
      if (own === false) ok = false;
      else if (own) {
        intervals.push(own);
        instants = e.attrs.timestamp !== undefined;
      }
      if (e.attrs.timestamps !== undefined) {
        instants = true;
        for (const token of e.attrs.timestamps.replace(/[<>[\]()]/g, ' ').split(/[\s,;]+/).filter(Boolean)) {
          const t = timeValue(token, e.line, 'timestamps', issue);
          if (t) intervals.push({ start: t, end: t });
          else ok = false;
        }
      }
      for (const spell of childrenNamed(child(e, 'spells'), 'spell')) {
        const span = interval(spell, issue);
        if (span === false) ok = false;
        else if (span) {
          intervals.push(span);
          if (spell.attrs.timestamp !== undefined) instants = true;
        }
      }
      // Weight can itself be dynamic: keep its last value as the attribute.
      for (const [title, list] of Object.entries(values)) if (list.length && !(title in attrs) && title === 'weight') attrs.weight = list[list.length - 1].value;
      if (!ok) continue;
      const type = e.attrs.type ?? (defaultDirected ? 'directed' : 'undirected');
      edges.push({ id: e.attrs.id ?? '', source, target, directed: type === 'directed', label: e.attrs.label ?? '', kind: e.attrs.kind ?? '', attrs, values, intervals, instants, line: e.line });
    }
  }
  return {
    file,
    title: meta ? (child(meta, 'title')?.text ?? '') : '',
    creator: meta ? (child(meta, 'creator')?.text || child(meta, 'authors')?.text || '') : '',
    date: metaDate,
    nodes,
    edges,
    edgeAttributes: [...new Set(titles.edge.values())],
    attributeIds: Object.fromEntries(titles.edge),
  };
}

function detect(files: InputFile[]): number {
  return files.some((f) => /\.gexf$/i.test(f.path) || /<gexf[\s>]/.test(head(f.bytes, 2048))) ? 0.9 : 0;
}

function convert(files: InputFile[], options: ConvertOptions): ConvertResult {
  const out = new GraphDataBuilder('gexf', readVocabulary(options.vocabulary));
  const graphs: ParsedGraph[] = [];
  for (const file of files) {
    if (options.signal?.aborted) return refused('gexf', [{ file: file.path, line: 0, column: '', code: 'gexf/cancelled', message: 'entente/gexf: import cancelled' }]);
    const { text, issue } = decodeUtf8(file.path, file.bytes, 'gexf');
    if (issue) {
      out.issues.push(issue);
      continue;
    }
    const parsed = parseXml(file.path, text, 'gexf');
    if (parsed.issue) {
      out.issues.push(parsed.issue);
      continue;
    }
    const graph = readGexf(file.path, parsed.root!, (line, column, message, code) => out.issue(file.path, line, column, message, code));
    if (graph) graphs.push(graph);
    options.onProgress?.({ bytes: file.bytes.length, totalBytes: files.reduce((n, f) => n + f.bytes.length, 0), rows: graph?.edges.length ?? 0 });
  }
  if (out.issues.length) return refused('gexf', out.issues);
  return convertGraphs('gexf', graphs, options, out);
}

export const gexfFormat: InputFormat = { id: 'gexf', label: 'GEXF (Gephi)', detect, convert };
