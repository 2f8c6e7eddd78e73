import { describe, expect, it } from 'vitest';
import { gexfFormat } from '../../../src/lib/core/formats/gexf';
import { file, fixture, relations, rows, shared, vocabulary } from './helpers';

describe('gexf format', () => {
  it('turns GEXF 1.3 spells, start/end, timestamps and dynamic attribute values into intervals', () => {
    const result = gexfFormat.convert([fixture('dynamic-1.3.gexf')], { vocabulary, typeAttribute: 'relation' });
    expect(result.issues).toEqual([]);
    const rels = relations(result.files);
    expect(rels.map((r) => [r.subject, r.object, r.type, r.date, r.end_date])).toEqual([
      ['armenia', 'csto-allies', 'membership', '1992-05-15', '2020-12-31'],
      ['armenia', 'csto-allies', 'membership', '2021-06-01', ''],
      ['russia', 'armenia', 'aid', '2021-01-01', '2021-03-31'],
      ['russia', 'armenia', 'threat', '2021-04-01', '2021-12-31'],
      // consultation is undirected in the vocabulary: its pair is written in alphabetical order.
      ['csto-allies', 'russia', 'consultation', '2022-09-14', ''],
    ]);
    expect(rels[0]).toMatchObject({ note: 'edge e1', attr_strength: '3' });
    expect(rows(result.files['actors.csv']).map((a) => [a.id, a.label, a.kind])).toEqual([
      ['armenia', 'Armenia', 'state'], ['csto-allies', 'CSTO & allies', 'organisation'], ['russia', 'Russia', 'group'],
    ]);
    expect(result.report.createdTypes).toEqual(['membership']);
    expect(rows(result.files['sources.csv'])[0]).toMatchObject({ title: 'South Caucasus, dynamic', outlet: 'Gephi 0.10.1', published: '2023-02-01', coding: 'import' });
  });

  it('picks the type attribute by id too, and says which it used by default', () => {
    const byId = gexfFormat.convert([fixture('dynamic-1.3.gexf')], { vocabulary, typeAttribute: 'rel' });
    expect(relations(byId.files).map((r) => r.type)).toContain('threat');
    const byDefault = gexfFormat.convert([fixture('dynamic-1.3.gexf')], { vocabulary });
    expect(byDefault.report.notes[0]).toMatch(/relation types from the edge attribute "relation"/);
    const byKind = gexfFormat.convert([fixture('dynamic-1.3.gexf')], { vocabulary, typeAttribute: 'kind' });
    expect(relations(byKind.files).map((r) => r.type)).toEqual(['member', 'member', 'related_to', 'related_to']);
    const missing = gexfFormat.convert([fixture('dynamic-1.3.gexf')], { vocabulary, typeAttribute: 'colour' });
    expect(missing.issues[0].message).toMatch(/no edge attribute "colour"; the edges have label, kind, relation, strength/);
  });

  it('dates a static GEXF to the import day, undirected pairs in order, nested nodes read', () => {
    const result = gexfFormat.convert([fixture('static-1.2.gexf')], { vocabulary });
    expect(result.issues).toEqual([]);
    const today = new Date().toISOString().slice(0, 10);
    const rels = relations(result.files);
    expect(rels.map((r) => [r.subject, r.object, r.type, r.date, r.note])).toEqual([
      ['javert', 'valjean', 'related_to', today, "edge a; undated in the file; dated to the import day"],
      ['fantine', 'valjean', 'related_to', today, "edge b; undated in the file; dated to the import day"],
      ['cosette', 'fantine', 'related_to', today, "edge c; mother of; undated in the file; dated to the import day"],
    ]);
    expect(rels[0].attr_weight).toBe('4');
    expect(result.report.notes.join('\n')).toMatch(/3 edges have no time; they are dated to the import day/);
  });

  it('refuses an edge to a missing node, with file, line and field', () => {
    const text = '<gexf version="1.2"><graph>\n<nodes><node id="a"/></nodes>\n<edges>\n<edge id="x" source="a" target="zz"/>\n</edges></graph></gexf>';
    const result = gexfFormat.convert([file('bad.gexf', text)], { vocabulary });
    expect(result.issues).toEqual([{ file: 'bad.gexf', line: 4, column: 'target', code: 'gexf/missing-node', message: 'entente/gexf: edge "x" points to node "zz", which is not in the file' }]);
    expect(result.files).toEqual({});
  });

  it('refuses DOCTYPE, non-dates in spells, and a spell that ends before it starts', () => {
    expect(gexfFormat.convert([file('x.gexf', '<!DOCTYPE gexf SYSTEM "http://x/">\n<gexf/>')], { vocabulary }).issues[0].message).toMatch(/<!DOCTYPE> is refused/);
    const spells = (s: string) => `<gexf><graph timeformat="double"><nodes><node id="a"/><node id="b"/></nodes><edges>\n<edge source="a" target="b"><spells>\n${s}</spells></edge></edges></graph></gexf>`;
    expect(gexfFormat.convert([file('s.gexf', spells('<spell start="3.5"/>'))], { vocabulary }).issues[0]).toMatchObject({ line: 3, column: 'start', message: expect.stringMatching(/"3.5" is not a date or a year/) });
    expect(gexfFormat.convert([file('s.gexf', spells('<spell start="2001.0" end="1999"/>'))], { vocabulary }).issues[0]).toMatchObject({ line: 3, column: 'end' });
    const years = gexfFormat.convert([file('s.gexf', spells('<spell start="1999" end="2001.0"/>'))], { vocabulary });
    expect(relations(years.files).map((r) => [r.date, r.end_date])).toEqual([['1999', '2001']]);
  });

  it('detects GEXF by name or root element', () => {
    expect(gexfFormat.detect([file('a.gexf', '')])).toBe(0.9);
    expect(gexfFormat.detect([file('a.xml', '<?xml version="1.0"?><gexf version="1.3">')])).toBe(0.9);
    expect(gexfFormat.detect([file('a.graphml', '<graphml>')])).toBe(0);
  });

  it('brings les-miserables.gexf (Gephi 0.9.3) through with 77 actors and 254 relations', (context) => {
    const input = shared('peer-files/les-miserables.gexf');
    if (!input) return context.skip('../shared/fixtures/peer-files/les-miserables.gexf is absent');
    const result = gexfFormat.convert([input], { vocabulary });
    expect(result.issues).toEqual([]);
    expect(rows(result.files['actors.csv'])).toHaveLength(77);
    const rels = relations(result.files);
    expect(rels).toHaveLength(254);
    expect(new Set(rels.map((r) => r.note.split(';')[0])).size).toBe(254);
    // Gephi writes weight only where it is not 1: 157 of the 254 edges.
    expect(rels.filter((r) => r.attr_weight).length).toBe(157);
    expect(rels.find((r) => r.note.startsWith('edge geid_138_1;'))?.attr_weight).toBe('8');
  });
});

describe('gexf open bounds', () => {
  it('reads Gephi\'s -Infinity/Infinity bounds as open ends', () => {
    const text = `<gexf version="1.3"><graph mode="dynamic" timeformat="date"><nodes><node id="a"/><node id="b"/></nodes><edges>
<edge source="a" target="b"><spells><spell start="2020-01-01" end="Infinity"/><spell start="-Infinity" end="2019-05-01"/></spells></edge>
<edge source="b" target="a" start="-Infinity" end="Infinity"/></edges></graph></gexf>`;
    const result = gexfFormat.convert([file('open.gexf', text)], { vocabulary });
    expect(result.issues).toEqual([]);
    const today = new Date().toISOString().slice(0, 10);
    expect(relations(result.files).map((r) => [r.date, r.end_date])).toEqual([['2020-01-01', ''], ['2019-05-01', ''], [today, '']]);
  });
});
