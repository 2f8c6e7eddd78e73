import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { gdeltRow, generateGdelt } from '../../../bench/gdelt-generate';
import { GDELT_COLUMNS, gdeltFormat } from '../../../src/lib/core/formats/gdelt';
import { file, relations, rows, SHARED, vocabulary } from './helpers';

const base = { SQLDATE: '20220914', Actor1Code: 'ARM', Actor1Name: 'ARMENIA', Actor1CountryCode: 'ARM', Actor2Code: 'RUSGOV', Actor2Name: 'RUSSIA', Actor2CountryCode: 'RUS', Actor2Type1Code: 'GOV', QuadClass: '1', GoldsteinScale: '3.0', NumMentions: '10', DATEADDED: '20220914101500', SOURCEURL: 'https://www.rt.com/russia/562792-armenia/' };

function convert(lines: string[], name = '20220914101500.export.CSV') {
  return gdeltFormat.convert([file(name, lines.join('\n') + '\n')], { vocabulary });
}

describe('gdelt format', () => {
  it('knows the 61 GDELT 2.0 columns in the codebook order', () => {
    const codebook = resolve(SHARED, 'gdelt/GDELT_2.0_Events_Column_Labels_Header_Row_Sep2016.csv');
    if (!existsSync(codebook)) return console.warn('skipped: ../shared/fixtures/gdelt is absent');
    const names = readFileSync(codebook, 'utf8').split('\n').slice(1).map((l) => l.split(',')[0]).filter(Boolean);
    expect(names).toEqual([...GDELT_COLUMNS]);
  });

  it('maps CAMEO codes to types: exact code, parent code, root fallback, leading zeros kept', () => {
    const result = convert([
      gdeltRow({ ...base, GLOBALEVENTID: '1', EventCode: '042' }), // exact -> visit
      gdeltRow({ ...base, GLOBALEVENTID: '2', EventCode: '0256' }), // exact 4-digit -> ceasefire_call, not appeal (02)
      gdeltRow({ ...base, GLOBALEVENTID: '3', EventCode: '0231' }), // root 02 -> appeal
      gdeltRow({ ...base, GLOBALEVENTID: '4', EventCode: '010' }), // leading zero kept: 010 -> statement, not 10
      gdeltRow({ ...base, GLOBALEVENTID: '5', EventCode: '043' }), // parent 04 -> consultation
      gdeltRow({ ...base, GLOBALEVENTID: '6', EventCode: '0874' }), // root 08 not in the vocabulary -> created "Yield"
      gdeltRow({ ...base, GLOBALEVENTID: '7', EventCode: '193' }), // root 19 -> conflict
      gdeltRow({ ...base, GLOBALEVENTID: '8', EventCode: '1056' }), // root 10 not in the vocabulary -> created "Demand"
    ]);
    expect(result.issues).toEqual([]);
    const types = relations(result.files).map((r) => r.type);
    expect(types).toEqual(['visit', 'ceasefire_call', 'appeal', 'statement', 'consultation', 'yield', 'conflict', 'demand']);
    expect(result.report.createdTypes).toEqual(['yield', 'demand']);
    const written = rows(result.files['relation-types.csv']);
    expect(written.find((t) => t.id === 'yield')).toMatchObject({ label: 'Yield', cameo: '08', directed: 'true', temporal: 'event' });
    expect(written.map((t) => t.id).sort()).toEqual(['appeal', 'ceasefire_call', 'conflict', 'consultation', 'demand', 'statement', 'visit', 'yield']);
  });

  it('writes actors by code and name, the date, the source URL and the attribute columns', () => {
    const result = convert([gdeltRow({ ...base, GLOBALEVENTID: '1', EventCode: '042' })]);
    expect(rows(result.files['actors.csv'])).toEqual([
      { id: 'armenia', label: 'Armenia', kind: 'state', affiliation: '', aliases: 'ARM' },
      { id: 'russia-rusgov', label: 'Russia (RUSGOV)', kind: 'organisation', affiliation: '', aliases: 'RUSGOV' },
    ]);
    const [source] = rows(result.files['sources.csv']);
    expect(source).toMatchObject({ outlet: 'rt.com', published: '2022-09-14', url: base.SOURCEURL, coding: 'gdelt' });
    expect(source.id).toMatch(/^gdelt_[0-9a-f]{16}$/);
    expect(relations(result.files)).toEqual([
      {
        source: source.id, subject: 'armenia', object: 'russia-rusgov', type: 'visit', date: '2022-09-14', end_date: '', quote: '',
        note: 'GDELT event 1; CAMEO 042; verbal cooperation', attr_goldstein_scale: '3.0', attr_quad_class: '1', attr_num_mentions: '10',
      },
    ]);
  });

  it('merges duplicate GLOBALEVENTIDs, skips and counts rows without two actors or with one actor twice', () => {
    const result = convert([
      gdeltRow({ ...base, GLOBALEVENTID: '1', EventCode: '040' }),
      gdeltRow({ ...base, GLOBALEVENTID: '1', EventCode: '040' }),
      gdeltRow({ ...base, GLOBALEVENTID: '2', EventCode: '040', Actor2Code: '', Actor2Name: '' }),
      gdeltRow({ ...base, GLOBALEVENTID: '3', EventCode: '040', Actor1Code: '' }),
      gdeltRow({ ...base, GLOBALEVENTID: '4', EventCode: '040', Actor2Code: 'ARM' }),
    ]);
    expect(result.issues).toEqual([]);
    expect(relations(result.files)).toHaveLength(1);
    expect(result.report.skipped).toEqual({ 'duplicate GLOBALEVENTID merged': 1, 'rows without two actors': 2, 'rows with the same actor on both sides': 1 });
  });

  it('refuses a row with 60 columns, naming file and line', () => {
    const good = gdeltRow({ ...base, GLOBALEVENTID: '1', EventCode: '040' });
    const short = good.split('\t').slice(0, 60).join('\t');
    const result = convert([good, short], 'a.export.CSV');
    expect(result.issues).toEqual([{ file: 'a.export.CSV', line: 2, column: '', code: 'gdelt/column-count', message: 'entente/gdelt: 60 columns where a GDELT 2.0 events row has 61' }]);
  });

  it('reports bad codes and dates by field, never throws on junk', () => {
    const result = convert([
      gdeltRow({ ...base, GLOBALEVENTID: '1', EventCode: '--' }),
      gdeltRow({ ...base, GLOBALEVENTID: '2', EventCode: '040', SQLDATE: '2022' }),
      gdeltRow({ ...base, GLOBALEVENTID: '3', EventCode: '990' }),
    ]);
    expect(result.issues.map((i) => [i.line, i.column])).toEqual([[1, 'EventCode'], [2, 'SQLDATE'], [3, 'EventCode']]);
    expect(() => gdeltFormat.convert([{ path: 'x.export.CSV', bytes: new Uint8Array([0xff, 0xfe, 0x00, 0x0a]) }], { vocabulary })).not.toThrow();
    expect(gdeltFormat.convert([{ path: 'x.export.CSV', bytes: new Uint8Array([0x41, 0xe9, 0x0a]) }], { vocabulary }).issues[0].message).toMatch(/invalid UTF-8/);
  });

  it('detects exports by name and by shape, and not a plain CSV', () => {
    expect(gdeltFormat.detect([file('20220914.export.CSV', '')])).toBeGreaterThan(0.5);
    expect(gdeltFormat.detect([file('events.tsv', generateGdelt(2))])).toBeGreaterThan(0.5);
    expect(gdeltFormat.detect([file('edges.csv', 'source,target\na,b\n')])).toBe(0);
  });

  it('reports progress and stops when cancelled', () => {
    const text = generateGdelt(5000);
    const seen: number[] = [];
    const signal = { aborted: false };
    const result = gdeltFormat.convert([file('g.export.CSV', text)], {
      vocabulary,
      signal,
      onProgress: (p) => {
        seen.push(p.rows);
        if (p.rows >= 2000) signal.aborted = true;
      },
    });
    expect(seen[0]).toBe(2000);
    expect(result.issues.map((i) => i.message)).toEqual(['entente/gdelt: import cancelled']);
  });
});
