import { describe, expect, it } from 'vitest';
import { graphmlFormat } from '../../../src/lib/core/formats/graphml';
import { file, fixture, relations, rows, shared, vocabulary } from './helpers';

describe('graphml format', () => {
  it('reads keys by attr.name: labels, the type attribute, dates, defaults, per-edge direction', () => {
    const result = graphmlFormat.convert([fixture('small.graphml')], { vocabulary, typeAttribute: 'relation' });
    expect(result.issues).toEqual([]);
    expect(rows(result.files['actors.csv']).map((a) => a.label)).toEqual(['Azerbaijan', 'Armenia', 'Turkey']);
    expect(relations(result.files).map((r) => [r.subject, r.object, r.type, r.date, r.attr_weight])).toEqual([
      ['azerbaijan', 'armenia', 'threat', '2022-09-13', '2.5'],
      ['turkey', 'azerbaijan', 'aid', '2020', '1.0'],
      ['armenia', 'azerbaijan', 'agreement', '2022-10-06', '1.0'],
    ]);
    expect(result.report.createdTypes).toEqual([]);
  });

  it('takes the type attribute by key id, and from a key named like a type by default', () => {
    expect(relations(graphmlFormat.convert([fixture('small.graphml')], { vocabulary, typeAttribute: 'd1' }).files).map((r) => r.type)).toEqual(['threat', 'aid', 'agreement']);
    expect(relations(graphmlFormat.convert([fixture('small.graphml')], { vocabulary }).files).map((r) => r.type)).toEqual(['threat', 'aid', 'agreement']);
  });

  it('refuses edges to missing nodes, undeclared keys, hyperedges, ports and DOCTYPE with their lines', () => {
    const text = '<graphml>\n<graph>\n<node id="a"/>\n<edge source="a" target="b"/>\n<node id="c"><data key="nope">x</data></node>\n<hyperedge/>\n</graph>\n</graphml>';
    const result = graphmlFormat.convert([file('bad.graphml', text)], { vocabulary });
    expect(result.issues.map((i) => [i.line, i.column])).toEqual([[5, 'key'], [6, '']]);
    expect(result.issues.every((i) => i.file === 'bad.graphml' && i.message.startsWith('entente/graphml: '))).toBe(true);
    const missing = graphmlFormat.convert([file('m.graphml', text.replace(/<node id="c">.*\n<hyperedge\/>\n/, ''))], { vocabulary });
    expect(missing.issues).toEqual([{ file: 'm.graphml', line: 4, column: 'target', code: 'graphml/missing-node', message: 'entente/graphml: edge points to node "b", which is not in the file' }]);
    expect(graphmlFormat.convert([file('d.graphml', '<!DOCTYPE x>\n<graphml/>')], { vocabulary }).issues[0].message).toMatch(/<!DOCTYPE> is refused/);
  });

  it('brings airlines.graphml (Gephi Lite) through with 235 actors and 2,101 relations', (context) => {
    const input = shared('peer-files/airlines.graphml');
    if (!input) return context.skip('../shared/fixtures/peer-files/airlines.graphml is absent');
    const result = graphmlFormat.convert([input], { vocabulary });
    expect(result.issues).toEqual([]);
    expect(rows(result.files['actors.csv'])).toHaveLength(235);
    expect(relations(result.files)).toHaveLength(2101);
  });
});

describe('graphml as other tools write it', () => {
  it('reads yEd node labels from their graphics data', () => {
    const text = `<graphml xmlns:y="http://www.yworks.com/xml/graphml"><key id="d6" for="node" yfiles.type="nodegraphics"/>
<graph edgedefault="directed">
<node id="n0"><data key="d6"><y:ShapeNode><y:NodeLabel>Yerevan</y:NodeLabel></y:ShapeNode></data></node>
<node id="n1"><data key="d6"><y:ShapeNode><y:NodeLabel>Baku</y:NodeLabel></y:ShapeNode></data></node>
<edge source="n0" target="n1"/></graph></graphml>`;
    const result = graphmlFormat.convert([file('yed.graphml', text)], { vocabulary });
    expect(result.issues).toEqual([]);
    expect(rows(result.files['actors.csv']).map((a) => a.label)).toEqual(['Yerevan', 'Baku']);
  });
});
