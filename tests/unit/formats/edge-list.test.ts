import { describe, expect, it } from 'vitest';
import { EDGE_LIST_PRESETS, edgeListFormat, edgeListHeader, guessMapping, previewRows } from '../../../src/lib/core/formats/edge-list';
import { file, fixture, relations, rows, vocabulary } from './helpers';

describe('guessMapping', () => {
  it('reads the usual header names', () => {
    expect(guessMapping(['Source', 'Target', 'Weight'])).toMatchObject({ subject: 'Source', object: 'Target' });
    expect(guessMapping(['from', 'to', 'relation', 'start', 'end', 'evidence', 'url'])).toEqual({
      subject: 'from', object: 'to', type: 'relation', date: 'start', endDate: 'end', quote: 'evidence', source: undefined, url: 'url',
    });
    expect(guessMapping(['subject', 'object', 'type', 'date', 'end_date', 'quote', 'source', 'source_url'])).toEqual({
      subject: 'subject', object: 'object', type: 'type', date: 'date', endDate: 'end_date', quote: 'quote', source: 'source', url: 'source_url',
    });
    expect(guessMapping(['Actor 1', 'Actor 2', 'Event Type', 'Date'])).toMatchObject({ subject: 'Actor 1', object: 'Actor 2', type: 'Event Type', date: 'Date' });
  });

  it('returns null without a subject and an object', () => {
    expect(guessMapping(['name', 'age'])).toBeNull();
    expect(guessMapping(['source'])).toBeNull();
  });

  it('applies the ACLED preset to ACLED headers', () => {
    const header = edgeListHeader([fixture('acled-sample.csv')]);
    expect(guessMapping(header)).toEqual({ ...EDGE_LIST_PRESETS[0].mapping, endDate: undefined, url: undefined });
    expect(guessMapping(header)).toMatchObject({ subject: 'actor1', object: 'actor2', type: 'sub_event_type', date: 'event_date', quote: 'notes', source: 'source' });
  });

  it('does not take the Type column of a Gephi edges table for the relation type', () => {
    expect(guessMapping(['Source', 'Target', 'Type', 'Id', 'Label', 'Weight'])).toMatchObject({ subject: 'Source', object: 'Target', type: 'Label' });
  });
});

describe('edge-list format', () => {
  it('shows the first rows mapped', () => {
    const input = [fixture('edges.tsv')];
    const preview = previewRows(input, guessMapping(edgeListHeader(input))!, 2);
    expect(preview).toEqual([
      { line: 2, values: { subject: 'Armenia', object: 'CSTO', type: 'Membership', date: '1992-05-15', endDate: '', quote: '', url: 'https://example.org/csto' } },
      { line: 3, values: { subject: 'Russia', object: 'CSTO', type: 'membership', date: '1992', endDate: '', quote: '', url: 'https://example.org/csto' } },
    ]);
  });

  it('converts an ACLED export: actors and sub-event types created, skipped rows counted, long notes cut', () => {
    const result = edgeListFormat.convert([fixture('acled-sample.csv')], { vocabulary, mapping: { ...guessMapping(edgeListHeader([fixture('acled-sample.csv')]))!, kinds: { 'Military Forces of Armenia (2018-)': 'organisation' } } });
    expect(result.issues).toEqual([]);
    expect(result.report.skipped).toEqual({ 'rows without two actors': 1 });
    expect(result.report.createdTypes).toEqual(['armed_clash', 'shelling_artillery_missile_attack']);
    expect(result.report.createdActors).toEqual(['military-forces-of-azerbaijan-2003', 'military-forces-of-armenia-2018', 'government-of-armenia-2018', 'government-of-azerbaijan-2003']);
    const actors = rows(result.files['actors.csv']);
    expect(actors.map((a) => a.kind)).toEqual(['group', 'organisation', 'group', 'group']);
    const rels = relations(result.files).sort((a, b) => a.date.localeCompare(b.date));
    expect(rels.map((r) => [r.type, r.date])).toEqual([['armed_clash', '2022-09-13'], ['shelling_artillery_missile_attack', '2022-09-14'], ['agreement', '2022-09-16']]);
    // "Agreement" matched the vocabulary's agreement type (undirected), so its pair is in alphabetical order.
    expect(rels[2]).toMatchObject({ subject: 'government-of-armenia-2018', object: 'government-of-azerbaijan-2003' });
    expect(rels[1].quote.length).toBeLessThanOrEqual(200);
    expect(rels[1].note.startsWith(rels[1].quote)).toBe(true);
    expect(rels[0]).toMatchObject({ attr_event_type: 'Battles', attr_fatalities: '12', attr_location: 'Jermuk' });
    const sources = rows(result.files['sources.csv']);
    expect(sources.map((s) => [s.title, s.published, s.coding])).toEqual([
      ['Armenpress', '2022-09-13', 'import'],
      ['Reuters; Armenpress', '2022-09-14', 'import'],
      ['Reuters', '2022-09-16', 'import'],
    ]);
    expect(result.report.notes.join(' ')).toMatch(/1 quotes were longer/);
  });

  it('matches type names to the vocabulary by label or id, any case, and reads TSV', () => {
    const result = edgeListFormat.convert([fixture('edges.tsv')], { vocabulary });
    expect(result.issues).toEqual([]);
    const rels = relations(result.files);
    expect(rels.map((r) => r.type)).toEqual(['membership', 'membership', 'border_dispute']);
    expect(result.report.createdTypes).toEqual(['membership', 'border_dispute']);
    expect(rows(result.files['relation-types.csv']).map((t) => [t.id, t.temporal, t.directed])).toEqual([['membership', 'state', 'true'], ['border_dispute', 'state', 'true']]);
    expect(rels.find((r) => r.type === 'border_dispute')).toMatchObject({ date: '2021-05', end_date: '2022-09', quote: 'Tensions on the border', attr_weight: '3' });
    // One source per URL, published at the end of its latest row (1992 ends after 1992-05-15).
    expect(rows(result.files['sources.csv']).map((s) => [s.url, s.published])).toEqual([['https://example.org/csto', '1992'], ['https://example.org/border', '2022-09']]);
  });

  it('dates rows to the import day when there is no date column, and says so', () => {
    const result = edgeListFormat.convert([file('e.csv', 'source,target\na,b\nb,c\n')], { vocabulary, name: 'My network' });
    expect(result.issues).toEqual([]);
    const today = new Date().toISOString().slice(0, 10);
    expect(relations(result.files).map((r) => [r.subject, r.object, r.type, r.date])).toEqual([['a', 'b', 'related_to', today], ['b', 'c', 'related_to', today]]);
    expect(rows(result.files['sources.csv'])[0]).toMatchObject({ title: 'My network', published: today });
    expect(result.report.notes[0]).toMatch(/No date column/);
  });

  it('reports bad dates, ragged rows, unknown mapped columns and bad kinds by file, line and field', () => {
    const text = 'subject,object,date\na,b,2022-02-30\na,b\n"x\ny",b,14 Sept 2022\nc,d,\n';
    const result = edgeListFormat.convert([file('bad.csv', text)], { vocabulary });
    expect(result.issues.map((i) => [i.file, i.line, i.column])).toEqual([['bad.csv', 2, 'date'], ['bad.csv', 3, ''], ['bad.csv', 6, 'date']]);
    expect(result.issues.every((i) => i.message.startsWith('entente/edge-list: '))).toBe(true);
    const unknown = edgeListFormat.convert([file('u.csv', 'a,b\n1,2\n')], { vocabulary, mapping: { subject: 'a', object: 'c' } });
    expect(unknown.issues).toEqual([{ file: 'u.csv', line: 1, column: 'c', code: 'edge-list/missing-column', message: 'entente/edge-list: the mapping\'s object column "c" is not in the header' }]);
    const unguessable = edgeListFormat.convert([file('n.csv', 'name,age\n1,2\n')], { vocabulary });
    expect(unguessable.issues[0]).toMatchObject({ line: 1, column: 'header' });
    const kind = edgeListFormat.convert([file('k.csv', 'from,to\na,b\n')], { vocabulary, mapping: { subject: 'from', object: 'to', kinds: { a: 'planet' } } });
    expect(kind.issues[0].message).toMatch(/kind "planet"/);
  });

  it('detects edge lists by header, less surely other CSVs', () => {
    expect(edgeListFormat.detect([file('e.csv', 'Source,Target\n')])).toBe(0.5);
    expect(edgeListFormat.detect([file('e.csv', 'name,age\n')])).toBe(0.2);
    expect(edgeListFormat.detect([file('e.gexf', '<gexf>')])).toBe(0);
  });
});
