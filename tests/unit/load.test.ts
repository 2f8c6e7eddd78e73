import { describe, expect, it } from 'vitest';
import { loadDataset, type DatasetFiles } from '../../src/lib/core/load';
import { formatIssue, type DataIssue } from '../../src/lib/core/model';

const TYPES_HEAD = 'id,label,color,directed,temporal,cameo,description';
const ACTORS_HEAD = 'id,label,kind,affiliation,aliases';
const SOURCES_HEAD = 'id,title,outlet,published,url';
const REL_HEAD = 'subject,object,type,date,end_date,quote,note';

const TYPES = [TYPES_HEAD, 'alliance,Alliance,#1f77b4,false,state,,Standing pact', 'request_aid,Request aid,#FF7F0E,true,event,0233,Asks for aid'];
const ACTORS = [ACTORS_HEAD, 'armenia,Armenia,state,,', 'france,France,state,,', 'nikol-pashinyan,Nikol Pashinyan,person,armenia,Pashinyan|PM'];
const SOURCES = [SOURCES_HEAD, 'src1,Some article,Outlet,2022-09,https://example.org/a', 'src2,Other,Outlet,2023,'];
const REL1 = [REL_HEAD, 'armenia,france,alliance,2022-03,,"pact, signed",', 'nikol-pashinyan,france,request_aid,2022-09-14,,"asked for aid",note'];
const REL2 = [REL_HEAD, 'armenia,france,alliance,2023,2023-06,renewed pact,'];

function files(over: Partial<Record<string, string[]>> = {}): DatasetFiles {
  const base: Record<string, string[]> = {
    'relation-types.csv': TYPES,
    'actors.csv': ACTORS,
    'sources.csv': SOURCES,
    'relations/src1.csv': REL1,
    'relations/src2.csv': REL2,
    ...over,
  } as Record<string, string[]>;
  return Object.fromEntries(Object.entries(base).map(([k, v]) => [k, v.join('\n') + '\n']));
}

/** Loads with one line of a file replaced (index 1 = line 2) and returns the issues. */
function issuesWith(file: string, lines: string[], options = {}) {
  const result = loadDataset(files({ [file]: lines }), options);
  expect(result.ok).toBe(false);
  expect(result.dataset).toBeNull();
  return brief(result.issues);
}

/** Issues without their code, for the tests that check file, line, column and message. */
function brief(issues: DataIssue[]) {
  return issues.map(({ file, line, column, message }) => ({ file, line, column, message }));
}

describe('loadDataset: valid input', () => {
  it('loads everything', () => {
    const result = loadDataset(files());
    expect(result.ok).toBe(true);
    expect(result.issues).toEqual([]);
    const ds = result.dataset!;
    expect([ds.types.length, ds.actors.length, ds.sources.length, ds.relations.length]).toEqual([2, 3, 2, 3]);
    expect(ds.types[1]).toEqual({ id: 'request_aid', label: 'Request aid', color: '#ff7f0e', directed: true, temporal: 'event', cameo: '0233', description: 'Asks for aid', plover: '' });
    expect(ds.actors[2]).toEqual({ id: 'nikol-pashinyan', label: 'Nikol Pashinyan', kind: 'person', affiliation: 'armenia', aliases: ['Pashinyan', 'PM'] });
    expect(ds.actors[0].affiliation).toBeNull();
    expect(ds.relations[0]).toEqual({ id: 'src1:2', source: 'src1', line: 2, subject: 'armenia', object: 'france', type: 'alliance', date: '2022-03', endDate: '', quote: 'pact, signed', note: '', statement: '', modality: 'asserted', attributes: {} });
    expect(ds.relations[2]).toMatchObject({ id: 'src2:2', source: 'src2', endDate: '2023-06' });
  });

  it('checks quotes against source texts only when texts are given', () => {
    const texts = { src1: 'They had a pact, signed in March. He asked for aid.', src2: 'The renewed pact holds.' };
    expect(loadDataset(files(), { texts }).ok).toBe(true);
    expect(loadDataset(files(), {}).ok).toBe(true);
  });
});

describe('loadDataset: each invalid input points at file, line and field', () => {
  it('unknown subject and object actor ids', () => {
    const issues = issuesWith('relations/src1.csv', [...REL1, 'nobody,france,alliance,2022,,q,', 'armenia,ghost,alliance,2022,,q,']);
    expect(issues).toEqual([
      { file: 'relations/src1.csv', line: 4, column: 'subject', message: 'unknown actor id "nobody"' },
      { file: 'relations/src1.csv', line: 5, column: 'object', message: 'unknown actor id "ghost"' },
    ]);
  });
  it('unknown relation type', () => {
    expect(issuesWith('relations/src1.csv', [REL_HEAD, 'armenia,france,war,2022,,q,'])).toEqual([
      { file: 'relations/src1.csv', line: 2, column: 'type', message: 'unknown relation type "war"' },
    ]);
  });
  it('malformed date', () => {
    const [issue] = issuesWith('relations/src1.csv', [REL_HEAD, 'armenia,france,alliance,2022-1-5,,q,']);
    expect(issue).toMatchObject({ file: 'relations/src1.csv', line: 2, column: 'date' });
    expect(issue.message).toContain('is not a date');
  });
  it('impossible date', () => {
    const [issue] = issuesWith('relations/src1.csv', [REL_HEAD, 'armenia,france,alliance,2021-02-29,,q,']);
    expect(issue).toEqual({ file: 'relations/src1.csv', line: 2, column: 'date', message: '"2021-02-29" is an impossible date' });
  });
  it('end_date before date', () => {
    expect(issuesWith('relations/src1.csv', [REL_HEAD, 'armenia,france,alliance,2022-03-15,2022-02,q,'])).toEqual([
      { file: 'relations/src1.csv', line: 2, column: 'end_date', message: '2022-02 is before date 2022-03-15' },
    ]);
  });
  it('end_date inside the same partial date is fine', () => {
    expect(loadDataset(files({ 'relations/src1.csv': [REL_HEAD, 'armenia,france,alliance,2022-03,2022-03-01,q,'] })).ok).toBe(true);
  });
  it('duplicate actor id', () => {
    expect(issuesWith('actors.csv', [...ACTORS, 'france,France again,state,,'])).toEqual([
      { file: 'actors.csv', line: 5, column: 'id', message: 'duplicate id "france" (first defined on line 3)' },
    ]);
  });
  it('duplicate type id', () => {
    expect(issuesWith('relation-types.csv', [...TYPES, 'alliance,Again,#123456,false,state,,'])).toEqual([
      { file: 'relation-types.csv', line: 4, column: 'id', message: 'duplicate id "alliance" (first defined on line 2)' },
    ]);
  });
  it('duplicate source id', () => {
    expect(issuesWith('sources.csv', [...SOURCES, 'src1,Again,O,2022,'])).toEqual([
      { file: 'sources.csv', line: 4, column: 'id', message: 'duplicate id "src1" (first defined on line 2)' },
    ]);
  });
  it('missing required fields', () => {
    expect(issuesWith('relations/src1.csv', [REL_HEAD, 'armenia,france,alliance,,,q,', 'armenia,france,alliance,2022,,"",'])).toEqual([
      { file: 'relations/src1.csv', line: 2, column: 'date', message: 'required field is empty' },
      { file: 'relations/src1.csv', line: 3, column: 'quote', message: 'required field is empty' },
    ]);
    expect(issuesWith('actors.csv', [...ACTORS, 'georgia,,state,,'])).toEqual([
      { file: 'actors.csv', line: 5, column: 'label', message: 'required field is empty' },
    ]);
  });
  it('ragged row', () => {
    expect(issuesWith('relations/src1.csv', [...REL1, 'armenia,france,alliance,2022,,q'])).toEqual([
      { file: 'relations/src1.csv', line: 4, column: '', message: 'ragged row: 6 fields where the header has 7' },
    ]);
  });
  it('relation file whose source is not in sources.csv', () => {
    expect(issuesWith('relations/src9.csv', REL2)).toEqual([
      { file: 'relations/src9.csv', line: 0, column: '', message: 'source id "src9" is not in sources.csv' },
    ]);
  });
  it('quote not found verbatim in the source text', () => {
    const texts = { src1: 'They had a pact, signed in March. He asked for AID.', src2: 'The renewed pact holds.' };
    const issues = brief(loadDataset(files(), { texts }).issues);
    expect(issues).toEqual([{ file: 'relations/src1.csv', line: 3, column: 'quote', message: 'not found verbatim in the text of source src1' }]);
  });
  it('missing source text when texts are given', () => {
    const issues = brief(loadDataset(files(), { texts: { src1: 'pact, signed; asked for aid' } }).issues);
    expect(issues).toEqual([
      { file: 'relations/src2.csv', line: 0, column: 'quote', message: 'no source text given for "src2", so its quotes cannot be checked' },
    ]);
  });
  it('affiliation to an unknown actor', () => {
    expect(issuesWith('actors.csv', [...ACTORS, 'x-minister,X,person,narnia,'])).toEqual([
      { file: 'actors.csv', line: 5, column: 'affiliation', message: 'unknown actor id "narnia"' },
    ]);
  });
  it('bad colour', () => {
    expect(issuesWith('relation-types.csv', [...TYPES, 'trade,Trade,red,false,event,,'])).toEqual([
      { file: 'relation-types.csv', line: 4, column: 'color', message: '"red" is not a #rrggbb colour' },
    ]);
  });
  it('bad actor kind', () => {
    const [issue] = issuesWith('actors.csv', [...ACTORS, 'georgia,Georgia,country,,']);
    expect(issue).toMatchObject({ file: 'actors.csv', line: 5, column: 'kind' });
    expect(issue.message).toContain('"country" must be one of state, person');
  });
  it('url that is not http(s)', () => {
    expect(issuesWith('sources.csv', [...SOURCES, 'src3,T,O,2022,ftp://example.org/x'])).toEqual([
      { file: 'sources.csv', line: 4, column: 'url', message: '"ftp://example.org/x" must be an http(s) address' },
    ]);
  });
  it('quote longer than 200 characters', () => {
    expect(loadDataset(files({ 'relations/src1.csv': [REL_HEAD, `armenia,france,alliance,2022,,${'q'.repeat(200)},`] })).ok).toBe(true);
    expect(issuesWith('relations/src1.csv', [REL_HEAD, `armenia,france,alliance,2022,,${'q'.repeat(201)},`])).toEqual([
      { file: 'relations/src1.csv', line: 2, column: 'quote', message: '201 characters; keep quotes to at most 200' },
    ]);
  });
});

describe('loadDataset: collecting', () => {
  it('collects every error across files and returns no dataset', () => {
    const result = loadDataset(
      files({
        'relation-types.csv': [...TYPES, 'trade,Trade,#12345,false,event,,'],
        'actors.csv': [...ACTORS, 'georgia,Georgia,country,,'],
        'relations/src1.csv': [...REL1, 'armenia,nobody,alliance,2022,,q,', 'armenia,france,alliance,2021-02-29,,q,'],
        'relations/src2.csv': [REL_HEAD, 'armenia,france,alliance,2022,2021,q,'],
      }),
    );
    expect(result.ok).toBe(false);
    expect(result.dataset).toBeNull();
    expect(result.issues.map((i) => `${i.file}:${i.line}:${i.column}`)).toEqual([
      'relation-types.csv:4:color',
      'actors.csv:5:kind',
      'relations/src1.csv:4:object',
      'relations/src1.csv:5:date',
      'relations/src2.csv:2:end_date',
    ]);
  });
});

describe('formatIssue', () => {
  it('formats file:line: column: message', () => {
    expect(formatIssue({ file: 'actors.csv', line: 5, column: 'kind', code: 'load/bad-value', message: 'bad' })).toBe('actors.csv:5: kind: bad [load/bad-value]');
  });
  it('omits line 0 and an empty field', () => {
    expect(formatIssue({ file: 'relations/x.csv', line: 0, column: '', code: 'files/missing', message: 'gone' })).toBe('relations/x.csv: gone [files/missing]');
    expect(formatIssue({ file: 'a.csv', line: 3, column: '', code: 'csv/ragged-row', message: 'ragged' })).toBe('a.csv:3: ragged [csv/ragged-row]');
  });
});

describe('loadDataset: optional declared columns', () => {
  const REL_FULL = `${REL_HEAD},statement,modality,attr_goldstein,attr_quad_class`;
  it('reads plover, statement, modality, coding and attr_* columns after the required ones, in any order', () => {
    const result = loadDataset(
      files({
        'relation-types.csv': [`${TYPES_HEAD},plover`, 'alliance,Alliance,#1f77b4,false,state,,Pact,', 'request_aid,Request aid,#FF7F0E,true,event,0233,Asks,REQUEST/assist'],
        'sources.csv': [`${SOURCES_HEAD},attr_lang,coding`, 'src1,Some article,Outlet,2022-09,https://example.org/a,en,', 'src2,Other,Outlet,2023,,,gdelt'],
        'relations/src1.csv': [REL_FULL, 'armenia,france,alliance,2022-03,,"pact, signed",,s1,,,', 'nikol-pashinyan,france,request_aid,2022-09-14,,asked for aid,,s1,conditional,-2.5,'],
        'relations/src2.csv': [`${REL_HEAD},modality`, 'armenia,france,alliance,2023,2023-06,,,denied'],
      }),
    );
    expect(result.issues).toEqual([]);
    const ds = result.dataset!;
    expect(ds.types.map((t) => t.plover)).toEqual(['', 'REQUEST/assist']);
    expect(ds.sources.map((s) => [s.coding, s.attributes])).toEqual([['hand', { lang: 'en' }], ['gdelt', {}]]);
    expect(ds.relations.map((r) => [r.statement, r.modality, r.attributes])).toEqual([
      ['s1', 'asserted', {}],
      ['s1', 'conditional', { goldstein: '-2.5' }],
      ['', 'denied', {}],
    ]);
    // A machine-coded source (coding gdelt) may have rows without a quote.
    expect(ds.relations[2].quote).toBe('');
  });

  it('gives old datasets the defaults', () => {
    const ds = loadDataset(files()).dataset!;
    expect(ds.types.every((t) => t.plover === '')).toBe(true);
    expect(ds.sources.every((s) => s.coding === 'hand' && Object.keys(s.attributes!).length === 0)).toBe(true);
    expect(ds.relations.every((r) => r.statement === '' && r.modality === 'asserted' && Object.keys(r.attributes!).length === 0)).toBe(true);
  });

  it('still requires quotes of hand-coded sources', () => {
    expect(brief(loadDataset(files({ 'sources.csv': [`${SOURCES_HEAD},coding`, 'src1,A,O,2022,,hand', 'src2,B,O,2023,,'], 'relations/src2.csv': [REL_HEAD, 'armenia,france,alliance,2023,,,'] })).issues)).toEqual([
      { file: 'relations/src2.csv', line: 2, column: 'quote', message: 'required field is empty' },
    ]);
  });

  it('rejects bad values of the optional columns, naming the column', () => {
    const result = loadDataset(
      files({
        'relation-types.csv': [`${TYPES_HEAD},plover`, 'alliance,Alliance,#1f77b4,false,state,,Pact,accuse', 'request_aid,Request aid,#FF7F0E,true,event,0233,Asks,PLEAD'],
        'sources.csv': [`${SOURCES_HEAD},coding`, 'src1,A,O,2022,,GDELT', 'src2,B,O,2023,,'],
        'relations/src1.csv': [`${REL_HEAD},statement,modality`, 'armenia,france,alliance,2022,,q,,two words,maybe'],
      }),
    );
    expect(result.issues.map((i) => `${i.file}:${i.line}:${i.column}:${i.code}`)).toEqual([
      'relation-types.csv:2:plover:load/bad-plover',
      'relation-types.csv:3:plover:load/bad-plover',
      'sources.csv:2:coding:load/bad-coding',
      'relations/src1.csv:2:statement:load/bad-statement',
      'relations/src1.csv:2:modality:load/bad-modality',
    ]);
  });

  it('reports an unknown undeclared column once, on line 1, with its name', () => {
    const result = loadDataset(files({ 'relations/src1.csv': [`${REL_HEAD},modaliti`, 'armenia,france,alliance,2022,,q,,x', 'armenia,france,alliance,2023,,q,,y'] }));
    expect(result.issues).toEqual([
      {
        file: 'relations/src1.csv',
        line: 1,
        column: 'modaliti',
        code: 'csv/unknown-column',
        message: 'unknown column "modaliti"; expected subject,object,type,date,end_date,quote,note, optionally followed by statement, modality, attr_<name>',
      },
    ]);
  });

  it('keeps the required columns in order, before the optional ones', () => {
    const [issue] = loadDataset(files({ 'relation-types.csv': ['id,label,color,directed,temporal,cameo,plover,description', 'alliance,Alliance,#1f77b4,false,state,,,Pact'] })).issues;
    expect(issue).toMatchObject({ file: 'relation-types.csv', line: 1, column: 'plover', code: 'csv/column-order' });
  });

  it('does not take an optional column of another file', () => {
    const [issue] = loadDataset(files({ 'actors.csv': [`${ACTORS_HEAD},coding`, 'armenia,Armenia,state,,,', 'france,France,state,,,', 'nikol-pashinyan,N,person,armenia,,'] })).issues;
    expect(issue).toMatchObject({ file: 'actors.csv', line: 1, column: 'coding', code: 'csv/unknown-column' });
  });
});
