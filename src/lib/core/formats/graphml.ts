/**
 * GraphML as Gephi, Gephi Lite, yEd and NetworkX write it. Keys declare attributes
 * (`attr.name`); edges may say `directed`. Dates come from edge keys named date/start/
 * timestamp and end (or end_date). Hyperedges and ports have no Entente equivalent and
 * are refused with their line. See graph-file.ts for the mapping.
 */
import { endsBefore, readDate } from './dates';
import { convertGraphs, type GraphEdge, type GraphNode, type Interval, type ParsedGraph } from './graph-file';
import { GraphDataBuilder, refused } from './builder';
import { decodeUtf8, head } from './text';
import type { ConvertOptions, ConvertResult, InputFile, InputFormat } from './types';
import { readVocabulary } from './vocabulary';
import { child, childrenNamed, parseXml, type XmlElement } from './xml';

type Issue = (line: number, column: string, message: string, code?: string) => void;

const START_KEYS = ['date', 'start', 'start_date', 'startdate', 'begin', 'timestamp', 'time'];
const END_KEYS = ['end', 'end_date', 'enddate', 'until'];
const LABEL_KEYS = ['label', 'name', 'title'];

function yedLabel(element: XmlElement): string {
  const stack = [...element.children];
  while (stack.length) {
    const next = stack.shift()!;
    if (next.name === 'NodeLabel' && next.text) return next.text;
    stack.push(...next.children);
  }
  return '';
}

function readGraphml(file: string, root: XmlElement, issue: Issue): ParsedGraph | null {
  if (root.name !== 'graphml') {
    issue(root.line, '', `the root element is <${root.name}>, not <graphml>`);
    return null;
  }
  const keys = new Map<string, { name: string; for: string }>();
  const defaults = { node: new Map<string, string>(), edge: new Map<string, string>() };
  for (const key of childrenNamed(root, 'key')) {
    const id = key.attrs.id;
    if (!id) continue;
    const name = key.attrs['attr.name'] || id;
    const target = key.attrs.for ?? 'all';
    keys.set(id, { name, for: target });
    const fallback = child(key, 'default')?.text;
    if (fallback) for (const cls of ['node', 'edge'] as const) if (target === cls || target === 'all') defaults[cls].set(name, fallback);
  }
  const graph = child(root, 'graph');
  if (!graph) {
    issue(root.line, '', 'no <graph> element');
    return null;
  }
  const dataOf = (element: XmlElement, cls: 'node' | 'edge') => {
    const values: Record<string, string> = Object.fromEntries(defaults[cls]);
    for (const data of childrenNamed(element, 'data')) {
      const key = keys.get(data.attrs.key ?? '');
      if (!key) {
        issue(data.line, 'key', `data for key "${data.attrs.key ?? ''}", which no <key> declares`);
        continue;
      }
      values[key.name] = data.text;
    }
    return values;
  };
  const nodes: GraphNode[] = [];
  const edges: GraphEdge[] = [];
  const walk = (g: XmlElement) => {
    const defaultDirected = g.attrs.edgedefault === 'directed';
    for (const element of g.children) {
      if (element.name === 'node') {
        if (!element.attrs.id) {
          issue(element.line, 'id', 'node without an id');
          continue;
        }
        const attrs = dataOf(element, 'node');
        const labelKey = Object.keys(attrs).find((k) => LABEL_KEYS.includes(k.toLowerCase()));
        // yEd keeps labels in its graphics data: <data key="d6"><y:ShapeNode>…<y:NodeLabel>Yerevan</y:NodeLabel>.
        const label = labelKey ? attrs[labelKey] : yedLabel(element);
        if (labelKey) delete attrs[labelKey];
        nodes.push({ id: element.attrs.id, label, attrs, line: element.line });
        if (child(element, 'port')) issue(child(element, 'port')!.line, '', 'ports are not supported: connect edges to nodes');
        for (const nested of childrenNamed(element, 'graph')) walk(nested);
      } else if (element.name === 'edge') {
        const { source, target } = element.attrs;
        if (source === undefined || target === undefined) {
          issue(element.line, source === undefined ? 'source' : 'target', 'edge without a source or target');
          continue;
        }
        if (element.attrs.sourceport || element.attrs.targetport) issue(element.line, 'sourceport', 'ports are not supported: connect edges to nodes');
        const attrs = dataOf(element, 'edge');
        const startKey = Object.keys(attrs).find((k) => START_KEYS.includes(k.toLowerCase()));
        const endKey = Object.keys(attrs).find((k) => END_KEYS.includes(k.toLowerCase()));
        const intervals: Interval[] = [];
        let ok = true;
        const read = (key: string | undefined): string | null => {
          if (!key || !attrs[key]) return '';
          const value = attrs[key].trim();
          const date = /^\d{4}(?:\.0+)?$/.test(value) ? value.slice(0, 4) : readDate(value);
          if (!date) {
            issue(element.line, key, `"${value}" is not a date`);
            ok = false;
          }
          return date;
        };
        const start = read(startKey);
        const end = read(endKey);
        if (!ok) continue;
        if (start && end && endsBefore(start, end)) {
          issue(element.line, endKey!, `end ${end} is before start ${start}`, 'end-before-start');
          continue;
        }
        if (start || end) intervals.push({ start: start ?? '', end: end ?? '' });
        for (const key of [startKey, endKey]) if (key) delete attrs[key];
        const directed = element.attrs.directed === undefined ? defaultDirected : element.attrs.directed === 'true';
        edges.push({
          id: element.attrs.id ?? '', source, target, directed, label: attrs.label ?? '', kind: '', attrs, values: {}, intervals,
          instants: !endKey || startKey?.toLowerCase() === 'timestamp', line: element.line,
        });
      } else if (element.name === 'hyperedge') {
        issue(element.line, '', 'hyperedges are not supported: a relation joins two actors');
      }
    }
  };
  walk(graph);
  const edgeKeys = [...keys.values()].filter((k) => k.for === 'edge' || k.for === 'all').map((k) => k.name);
  return {
    file,
    title: '',
    creator: '',
    date: '',
    nodes,
    edges,
    edgeAttributes: edgeKeys.filter((k) => !START_KEYS.includes(k.toLowerCase()) && !END_KEYS.includes(k.toLowerCase())),
    attributeIds: Object.fromEntries([...keys].filter(([, k]) => k.for === 'edge' || k.for === 'all').map(([id, k]) => [id, k.name])),
  };
}

function detect(files: InputFile[]): number {
  return files.some((f) => /\.graphml$/i.test(f.path) || /<graphml[\s>]/.test(head(f.bytes, 2048))) ? 0.9 : 0;
}

function convert(files: InputFile[], options: ConvertOptions): ConvertResult {
  const out = new GraphDataBuilder('graphml', readVocabulary(options.vocabulary));
  const graphs: ParsedGraph[] = [];
  for (const file of files) {
    if (options.signal?.aborted) return refused('graphml', [{ file: file.path, line: 0, column: '', code: 'graphml/cancelled', message: 'entente/graphml: import cancelled' }]);
    const { text, issue } = decodeUtf8(file.path, file.bytes, 'graphml');
    if (issue) {
      out.issues.push(issue);
      continue;
    }
    const parsed = parseXml(file.path, text, 'graphml');
    if (parsed.issue) {
      out.issues.push(parsed.issue);
      continue;
    }
    const graph = readGraphml(file.path, parsed.root!, (line, column, message, code) => out.issue(file.path, line, column, message, code));
    if (graph) graphs.push(graph);
    options.onProgress?.({ bytes: file.bytes.length, totalBytes: files.reduce((n, f) => n + f.bytes.length, 0), rows: graph?.edges.length ?? 0 });
  }
  if (out.issues.length) return refused('graphml', out.issues);
  return convertGraphs('graphml', graphs, options, out);
}

export const graphmlFormat: InputFormat = { id: 'graphml', label: 'GraphML', detect, convert };
