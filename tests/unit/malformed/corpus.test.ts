/**
 * The malformed-input corpus of issue 10: for every class of fault, several
 * cases, each asserting the exact file, line, column and code reported, or the
 * exact counts of what loaded.
 */
import { describe, expect, it } from 'vitest';
import { loadDataset, type FileContent } from '../../../src/lib/core/load';
import { ACTORS_HEAD, BASE_TEXTS, REL_HEAD, SOURCES_HEAD, TYPES_HEAD, baseLines, dataset } from './generate';

type Files = Record<string, FileContent>;

/** `file:line:column:code` of every issue. */
function where(files: Files, texts?: Map<string, string>): string[] {
  const result = loadDataset(files, { texts });
  if (result.ok) return [];
  expect(result.dataset).toBeNull();
  return result.issues.map((issue) => `${issue.file}:${issue.line}:${issue.column}:${issue.code}`);
}

function counts(files: Files) {
  const result = loadDataset(files);
  expect(result.issues).toEqual([]);
  const ds = result.dataset!;
  return { types: ds.types.length, actors: ds.actors.length, sources: ds.sources.length, relations: ds.relations.length };
}

const latin1 = (text: string) => Uint8Array.from(text, (c) => c.charCodeAt(0));
const utf8 = (text: string) => new TextEncoder().encode(text);
const base = baseLines();

describe('the base dataset', () => {
  it('loads, with and without texts', () => {
    expect(counts(dataset())).toEqual({ types: 3, actors: 4, sources: 2, relations: 3 });
    expect(where(dataset(), BASE_TEXTS)).toEqual([]);
  });
});

describe('invalid UTF-8 and other damaged text', () => {
  it('reports Latin-1 bytes by file and line', () => {
    const files = dataset();
    files['actors.csv'] = latin1([ACTORS_HEAD, 'armenia,Armenia,state,,Yerevan', 'azerbaijan,Azerbaïdjan,state,,Baku', 'csto,CSTO,organisation,,', 'nikol-pashinyan,Nikol Pashinyan,person,armenia,Pashinyan'].join('\n') + '\n');
    expect(where(files)).toEqual(['actors.csv:3::utf8/invalid']);
  });
  it('reports Windows-1252 quotes in a relations file on each line that has them, with no follow-on errors', () => {
    const files = dataset();
    const text = [REL_HEAD, 'armenia,csto,membership,2022-09,,Armenia is a \x93member\x94,', 'nikol-pashinyan,azerbaijan,accusation,2022-09-13,,Pashinyan accused Baku,', 'armenia,azerbaijan,accusation,2022-09,,it\x92s Baku,'].join('\r\n');
    files['relations/src-a.csv'] = latin1(text);
    expect(where(files, BASE_TEXTS)).toEqual(['relations/src-a.csv:2::utf8/invalid', 'relations/src-a.csv:4::utf8/invalid']);
  });
  it('reports invalid UTF-8 inside a multi-line quoted cell at its own line', () => {
    const files = dataset();
    files['relations/src-b.csv'] = latin1(`${REL_HEAD}\narmenia,azerbaijan,alliance,2023-01,,"Armenia and Azerbaijan, allies","first line\nsecond caf\xe9 line"\n`);
    expect(where(files)).toEqual(['relations/src-b.csv:3::utf8/invalid']);
  });
  it('reports a UTF-16 file once', () => {
    const files = dataset();
    const text = [SOURCES_HEAD, ...base['sources.csv'].slice(1)].join('\n');
    const bytes = new Uint8Array(2 + text.length * 2);
    bytes[0] = 0xff;
    bytes[1] = 0xfe;
    for (let i = 0; i < text.length; i++) bytes[2 + 2 * i] = text.charCodeAt(i);
    files['sources.csv'] = bytes;
    expect(where(files)).toEqual(['sources.csv:1::utf8/utf16']);
  });
  it('takes a UTF-8 byte order mark, as bytes and as text', () => {
    const files = dataset();
    files['actors.csv'] = utf8('\uFEFF' + base['actors.csv'].join('\n'));
    files['sources.csv'] = '\uFEFF' + base['sources.csv'].join('\n');
    expect(counts(files)).toEqual({ types: 3, actors: 4, sources: 2, relations: 3 });
  });
  it('reports a byte order mark inside a file, a NUL and other control characters by line', () => {
    const files = dataset({ 'actors.csv': [ACTORS_HEAD, 'armenia,Armenia,state,,Yerevan', '\uFEFFazerbaijan,Azerbaijan,state,,Baku', 'csto,CS\u0000TO,organisation,,', 'nikol-pashinyan,Nikol\u0007 Pashinyan,person,armenia,Pashinyan'] });
    expect(where(files)).toEqual(['actors.csv:3::text/bom', 'actors.csv:4::text/control-character', 'actors.csv:5::text/control-character']);
  });
  it('treats a U+FFFD already in the text as invalid UTF-8, so that the app (text) and the CLI (bytes) agree', () => {
    const bytes = dataset();
    bytes['actors.csv'] = latin1(`${ACTORS_HEAD}\narmenia,Arm\xe9nia,state,,\nazerbaijan,Azerbaijan,state,,\ncsto,CSTO,organisation,,\nnikol-pashinyan,N,person,armenia,\n`);
    const text = dataset();
    text['actors.csv'] = new TextDecoder().decode(bytes['actors.csv'] as Uint8Array);
    expect(where(text)).toEqual(where(bytes));
    expect(where(text)).toEqual(['actors.csv:2::utf8/invalid']);
  });
});

describe('header problems are reported once, on line 1', () => {
  it('a trailing comma', () => {
    expect(where(dataset({ 'relations/src-a.csv': [`${REL_HEAD},`, ...base['relations/src-a.csv'].slice(1).map((l) => `${l},`)] }))).toEqual(['relations/src-a.csv:1::csv/empty-column-name']);
  });
  it('a duplicate column', () => {
    expect(where(dataset({ 'actors.csv': [`${ACTORS_HEAD},label`, ...base['actors.csv'].slice(1).map((l) => `${l},x`)] }))).toEqual(['actors.csv:1:label:csv/duplicate-column']);
  });
  it('an unknown column, named', () => {
    expect(where(dataset({ 'sources.csv': [`${SOURCES_HEAD},lang`, 'src-a,A,O,2022,,en', 'src-b,B,O,2023,,en'] }))).toEqual(['sources.csv:1:lang:csv/unknown-column']);
  });
  it('a missing column, named, and no row errors after it', () => {
    expect(where(dataset({ 'relations/src-b.csv': ['subject,object,type,date,quote,note', 'armenia,azerbaijan,alliance,2023,q,'] }))).toEqual(['relations/src-b.csv:1:end_date:csv/missing-column']);
  });
  it('columns out of order', () => {
    expect(where(dataset({ 'actors.csv': ['label,id,kind,affiliation,aliases', 'Armenia,armenia,state,,'] }))).toEqual(['actors.csv:1:label:csv/column-order']);
  });
  it('an empty file and a blank first line', () => {
    expect(where(dataset({ 'relations/src-b.csv': [] }))).toEqual(['relations/src-b.csv:1::csv/no-header']);
    expect(where(dataset({ 'relations/src-b.csv': ['', REL_HEAD, 'armenia,azerbaijan,alliance,2023,,q,'] }))).toEqual(['relations/src-b.csv:1::csv/no-header']);
  });
  it('a header problem in actors.csv does not flood the relations files with unknown actors', () => {
    expect(where(dataset({ 'actors.csv': ['id,label,kind,affiliation', 'armenia,Armenia,state,'] }))).toEqual(['actors.csv:1:aliases:csv/missing-column']);
  });
});

describe('line endings and quoting', () => {
  const crlfWithLf = (lines: string[], lfAfter: number) => lines.map((l, i) => l + (i === lfAfter ? '\n' : '\r\n')).join('');
  it('an LF-only row in a CRLF file stays a row of its own', () => {
    const files = dataset();
    files['relations/src-a.csv'] = crlfWithLf([...base['relations/src-a.csv'], 'armenia,azerbaijan,accusation,2022-09-13,,Pashinyan accused Baku,', 'azerbaijan,armenia,accusation,2022-09-14,,Pashinyan accused Baku,'], 2);
    expect(counts(files).relations).toBe(5);
    const result = loadDataset(files);
    expect(result.dataset!.relations.filter((r) => r.source === 'src-a').map((r) => r.line)).toEqual([2, 3, 4, 5]);
  });
  it('errors after an LF-only row keep their line', () => {
    const files = dataset();
    files['relations/src-a.csv'] = crlfWithLf([...base['relations/src-a.csv'], 'armenia,azerbaijan,accusation,2022-09-13,,q,', 'ghost,armenia,accusation,2022-09-14,,q,'], 1);
    expect(where(files)).toEqual(['relations/src-a.csv:5:subject:load/unknown-actor']);
  });
  it('a bare CR line ending is reported once', () => {
    const files = dataset();
    files['relations/src-a.csv'] = base['relations/src-a.csv'].join('\r') + '\r';
    expect(where(files)).toEqual(['relations/src-a.csv:1::csv/bare-cr']);
  });
  it('an unterminated quote is reported at the line it opens, and the rows after it are still checked', () => {
    const lines = [...base['relations/src-a.csv'], 'armenia,csto,membership,2022,,"open quote,', 'ghost,csto,membership,2022,,q,'];
    expect(where(dataset({ 'relations/src-a.csv': lines }))).toEqual(['relations/src-a.csv:4::csv/unterminated-quote', 'relations/src-a.csv:5:subject:load/unknown-actor']);
  });
  it('a stray quote and text after a closing quote', () => {
    const lines = [...base['relations/src-a.csv'], 'armenia,csto,membership,2022,,He said "hi",', 'armenia,csto,membership,2023,,"quoted" tail,'];
    expect(where(dataset({ 'relations/src-a.csv': lines }))).toEqual(['relations/src-a.csv:4::csv/stray-quote', 'relations/src-a.csv:5::csv/text-after-quote']);
  });
  it('a ragged row', () => {
    expect(where(dataset({ 'relations/src-b.csv': [REL_HEAD, 'armenia,azerbaijan,alliance,2023-01,,q', 'armenia,azerbaijan,alliance,2023-01,,q,,'] }))).toEqual(['relations/src-b.csv:2::csv/ragged-row', 'relations/src-b.csv:3::csv/ragged-row']);
  });
});

describe('odd names: prototype keys and the source id format', () => {
  it('actor, type and source ids equal to Object.prototype keys load like any other', () => {
    const files = dataset({
      'relation-types.csv': [...base['relation-types.csv'], 'constructor,Constructor,#117733,true,event,,x'],
      'actors.csv': [...base['actors.csv'], 'constructor,Constructor,state,,', 'valueof,V,person,constructor,'],
      'sources.csv': [...base['sources.csv'], 'constructor,C,O,2022,', 'hasOwnProperty,H,O,2022,', 'toString,T,O,2022,'],
      'relations/constructor.csv': [REL_HEAD, 'constructor,armenia,constructor,2022,,q,'],
      'relations/hasOwnProperty.csv': [REL_HEAD, 'armenia,constructor,accusation,2022,,q,'],
      'relations/toString.csv': [REL_HEAD],
    });
    expect(counts(files)).toEqual({ types: 4, actors: 6, sources: 5, relations: 5 });
    // With texts given, a source id like constructor finds no inherited "text".
    expect(where(files, BASE_TEXTS)).toEqual([
      'relations/constructor.csv:0:quote:load/no-source-text',
      'relations/hasOwnProperty.csv:0:quote:load/no-source-text',
      'relations/toString.csv:0:quote:load/no-source-text',
    ]);
    expect(where(files, new Map([...BASE_TEXTS, ['constructor', 'q'], ['hasOwnProperty', 'q'], ['toString', '']]))).toEqual([]);
  });
  it('texts given as a plain object with prototype-named ids', () => {
    const files = dataset({ 'sources.csv': [...base['sources.csv'], 'constructor,C,O,2022,'], 'relations/constructor.csv': [REL_HEAD, 'armenia,csto,membership,2022,,q,'] });
    const texts = Object.fromEntries(BASE_TEXTS);
    expect(loadDataset(files, { texts }).issues.map((i) => `${i.file}:${i.code}`)).toEqual(['relations/constructor.csv:load/no-source-text']);
  });
  it('__proto__ as an id is refused by the id formats, without crashing', () => {
    const files = dataset({
      'actors.csv': [...base['actors.csv'], '__proto__,P,state,,'],
      'relation-types.csv': [...base['relation-types.csv'], '__proto__,P,#117733,true,event,,x'],
      'sources.csv': [...base['sources.csv'], '__proto__,P,O,2022,'],
    });
    files['relations/__proto__.csv'] = `${REL_HEAD}\n__proto__,armenia,__proto__,2022,,q,\n`;
    expect(where(files)).toEqual(['relation-types.csv:5:id:load/bad-id', 'actors.csv:6:id:load/bad-id', 'sources.csv:4:id:load/bad-id']);
  });
  it('source ids must be letters, digits, _ and -', () => {
    const files = dataset({ 'sources.csv': [...base['sources.csv'], 'my source,A,O,2022,', 'a.b,A,O,2022,', 'über,A,O,2022,', `${'x'.repeat(101)},A,O,2022,`] });
    expect(where(files)).toEqual(['sources.csv:4:id:load/bad-id', 'sources.csv:5:id:load/bad-id', 'sources.csv:6:id:load/bad-id', 'sources.csv:7:id:load/bad-id']);
  });
});

describe('silent damage is now reported', () => {
  it('a source with no relations file', () => {
    expect(where(dataset({ 'relations/src-b.csv': null }))).toEqual(['sources.csv:3:id:load/source-without-relations']);
    // A header alone says the source asserts nothing.
    expect(counts(dataset({ 'relations/src-b.csv': [REL_HEAD] })).relations).toBe(2);
  });
  it('an exact duplicate relation row, even with other spacing, names the first', () => {
    const lines = [...base['relations/src-a.csv'], 'armenia,csto,membership,2022-09,,Armenia is a member of the CSTO,', 'armenia, csto ,membership,2022-09,,"Armenia is a member of the CSTO",'];
    const result = loadDataset(dataset({ 'relations/src-a.csv': lines }));
    expect(result.issues.map((i) => [i.file, i.line, i.code, i.message])).toEqual([
      ['relations/src-a.csv', 4, 'load/duplicate-row', 'the same row as line 2; a relation is coded once'],
      ['relations/src-a.csv', 5, 'load/duplicate-row', 'the same row as line 2; a relation is coded once'],
    ]);
  });
  it('rows that differ only in their note are not duplicates', () => {
    expect(counts(dataset({ 'relations/src-a.csv': [...base['relations/src-a.csv'], 'armenia,csto,membership,2022-09,,Armenia is a member of the CSTO,other note'] })).relations).toBe(4);
  });
  it('affiliation cycles of two and three, once each, on the first line of the cycle', () => {
    const files = dataset({
      'actors.csv': [...base['actors.csv'], 'a-body,A,organisation,b-body,', 'b-body,B,organisation,a-body,', 'x-one,X,group,x-two,', 'x-two,X,group,x-three,', 'x-three,X,group,x-one,', 'x-leaf,L,person,x-two,'],
    });
    const result = loadDataset(files);
    expect(result.issues.map((i) => `${i.file}:${i.line}:${i.column}:${i.code}`)).toEqual(['actors.csv:6:affiliation:load/affiliation-cycle', 'actors.csv:8:affiliation:load/affiliation-cycle']);
    expect(result.issues[1].message).toBe('affiliation cycle x-one → x-two → x-three → x-one (lines 8, 9, 10); an actor cannot belong to itself through others');
  });
  it('a long affiliation chain is no cycle and no stack overflow', () => {
    const chain = Array.from({ length: 50_000 }, (_, i) => `p-${i},P,person,${i + 1 < 50_000 ? `p-${i + 1}` : 'armenia'},`);
    expect(counts(dataset({ 'actors.csv': [...base['actors.csv'], ...chain] })).actors).toBe(50_004);
  });
});

describe('documented rules are enforced', () => {
  it('undirected pairs in alphabetical order', () => {
    const lines = [REL_HEAD, 'azerbaijan,armenia,alliance,2023-01,,"Armenia and Azerbaijan, allies",'];
    const result = loadDataset(dataset({ 'relations/src-b.csv': lines }));
    expect(result.issues.map((i) => `${i.file}:${i.line}:${i.column}:${i.code}`)).toEqual(['relations/src-b.csv:2:object:load/undirected-order']);
    expect(result.issues[0].message).toContain('subject armenia, object azerbaijan');
    // Directed types keep their order.
    expect(counts(dataset({ 'relations/src-a.csv': [REL_HEAD, 'csto,armenia,accusation,2022,,q,'] })).relations).toBe(2);
  });
  it('no black, near-black, white or near-white colours', () => {
    const types = [...base['relation-types.csv'], 'a_black,A,#000000,true,event,,x', 'b_dark,B,#111111,true,event,,x', 'c_white,C,#FFFFFF,true,event,,x', 'd_light,D,#f0f0f0,true,event,,x', 'e_fine,E,#777777,true,event,,x', 'f_yellow,F,#F0E442,true,event,,x'];
    expect(where(dataset({ 'relation-types.csv': types }))).toEqual([
      'relation-types.csv:5:color:load/invisible-color',
      'relation-types.csv:6:color:load/invisible-color',
      'relation-types.csv:7:color:load/invisible-color',
      'relation-types.csv:8:color:load/invisible-color',
    ]);
  });
  it('a quote must not cross a paragraph break', () => {
    const lines = [REL_HEAD, 'armenia,azerbaijan,alliance,2023-01,,"Armenia and\n\nAzerbaijan",', 'armenia,csto,membership,2023-01,,"Armenia and\r\n  \r\nthe CSTO",', 'armenia,azerbaijan,accusation,2023-01,,"one line\nbreak is fine",'];
    expect(where(dataset({ 'relations/src-b.csv': lines }))).toEqual(['relations/src-b.csv:2:quote:load/quote-paragraph-break', 'relations/src-b.csv:5:quote:load/quote-paragraph-break']);
  });
  it('a quote that spans a blank line of the text is refused, even when it is in the text verbatim', () => {
    const texts = new Map([...BASE_TEXTS, ['src-a', 'Armenia is a member of the CSTO.\n\nPashinyan accused Baku of aggression.']]);
    const lines = [REL_HEAD, 'armenia,csto,membership,2022-09,,"member of the CSTO.\n\nPashinyan",', 'nikol-pashinyan,azerbaijan,accusation,2022-09-13,,Pashinyan accused Baku,'];
    expect(where(dataset({ 'relations/src-a.csv': lines }), texts)).toEqual(['relations/src-a.csv:2:quote:load/quote-paragraph-break']);
  });
  it('200 characters means 200 code points, also outside the Basic Multilingual Plane', () => {
    const astral = '𝔸'.repeat(150);
    const texts = new Map([...BASE_TEXTS, ['src-b', astral + '𝔸'.repeat(60)]]);
    expect(where(dataset({ 'relations/src-b.csv': [REL_HEAD, `armenia,azerbaijan,alliance,2023,,${astral},`] }), texts)).toEqual([]);
    expect(where(dataset({ 'relations/src-b.csv': [REL_HEAD, `armenia,azerbaijan,alliance,2023,,${'𝔸'.repeat(200)},`] }), texts)).toEqual([]);
    expect(where(dataset({ 'relations/src-b.csv': [REL_HEAD, `armenia,azerbaijan,alliance,2023,,${'𝔸'.repeat(201)},`] }))).toEqual(['relations/src-b.csv:2:quote:load/quote-too-long']);
    expect(where(dataset({ 'relations/src-b.csv': [REL_HEAD, `armenia,azerbaijan,alliance,2023,,${'é'.repeat(201)},`] }))).toEqual(['relations/src-b.csv:2:quote:load/quote-too-long']);
  });
  it('the fixed column order', () => {
    expect(where(dataset({ 'relations/src-b.csv': ['object,subject,type,date,end_date,quote,note', 'azerbaijan,armenia,alliance,2023,,q,'] }))).toEqual(['relations/src-b.csv:1:object:csv/column-order']);
  });
});

describe('no misleading follow-on errors', () => {
  it('a sources.csv row rejected for its URL or date does not make its relations file "not in sources.csv"', () => {
    const files = dataset({ 'sources.csv': [SOURCES_HEAD, 'src-a,Article A,Outlet,2022-09-14,javascript:alert(1)', 'src-b,Article B,Outlet,2023-13,'] });
    expect(where(files)).toEqual(['sources.csv:2:url:load/bad-url', 'sources.csv:3:published:load/bad-date']);
  });
  it('relations that name a rejected actor or type get no "unknown" error', () => {
    const files = dataset({
      'actors.csv': [ACTORS_HEAD, 'armenia,Armenia,country,,', 'azerbaijan,Azerbaijan,state,,', 'csto,CSTO,organisation,,', 'nikol-pashinyan,Nikol Pashinyan,person,armenia,'],
      'relation-types.csv': [TYPES_HEAD, 'alliance,Alliance,#0072B2,maybe,state,,x', 'accusation,Accusation,#D55E00,true,event,112,x', 'membership,Membership,#33BBEE,true,state,,x'],
    });
    expect(where(files)).toEqual(['relation-types.csv:2:directed:load/bad-value', 'actors.csv:2:kind:load/bad-value']);
  });
  it('URLs that are not http(s), or do not parse, are refused', () => {
    const files = dataset({ 'sources.csv': [SOURCES_HEAD, 'src-a,A,O,2022,http://[bad', 'src-b,B,O,2023,data:text/html;base64;PHNjcmlwdD4='] });
    expect(where(files)).toEqual(['sources.csv:2:url:load/bad-url', 'sources.csv:3:url:load/bad-url']);
  });
  it('rows left out for a CSV problem (ragged, quoting) explain the references to their ids', () => {
    const files = dataset({
      'sources.csv': [SOURCES_HEAD, 'src-a,A,O,2022,https://example.org,extra', 'src-b,"B,O,2023,'],
      'actors.csv': [...base['actors.csv'].slice(0, 2), 'azerbaijan,Azerbaijan,state', ...base['actors.csv'].slice(3)],
    });
    expect(where(files)).toEqual(['actors.csv:3::csv/ragged-row', 'sources.csv:2::csv/ragged-row', 'sources.csv:3::csv/unterminated-quote']);
  });
  it('a missing sources.csv is one issue, not one per relations file', () => {
    expect(where(dataset({ 'sources.csv': null }))).toEqual(['sources.csv:0::files/missing']);
  });
  it('texts/<id>.txt in the dataset check the quotes, like --texts', () => {
    const files = dataset();
    files['texts/src-a.txt'] = BASE_TEXTS.get('src-a')!;
    files['texts/src-b.txt'] = 'something else';
    files['texts/src-z.txt'] = 'no such source';
    expect(where(files)).toEqual(['texts/src-z.txt:0::load/unknown-source', 'relations/src-b.csv:2:quote:load/quote-not-found']);
  });
  it('a relations file with no sources.csv row is still reported', () => {
    expect(where(dataset({ 'relations/src-c.csv': [REL_HEAD, 'armenia,csto,membership,2022,,q,'] }))).toEqual(['relations/src-c.csv:0::load/unknown-source']);
  });
});

describe('size limits', () => {
  it('a cell over 10,000 characters', () => {
    expect(where(dataset({ 'actors.csv': [...base['actors.csv'], `georgia,${'G'.repeat(10_001)},state,,`] }))).toEqual(['actors.csv:6:label:limits/cell-too-long']);
  });
  it('a file over the per-file limit is refused before it is parsed, with the limit in the message', () => {
    const files = dataset({ 'relations/src-a.csv': [REL_HEAD, ...Array.from({ length: 30_000 }, (_, i) => `armenia,csto,membership,2022,,q,${i}`)] });
    const result = loadDataset(files, { maxFileBytes: 512 * 1024 });
    expect(result.issues.map((i) => `${i.file}:${i.line}:${i.code}`)).toEqual(['relations/src-a.csv:0:limits/file-too-large']);
    expect(result.issues[0].message).toMatch(/^1\.1 MB, over the limit of 0\.5 MB per file/);
  });
  it('a dataset over the total limit is refused as a whole', () => {
    const result = loadDataset(dataset(), { maxTotalBytes: 500 });
    expect(result.issues.map((i) => `${i.file}:${i.line}:${i.code}`)).toEqual([':0:limits/dataset-too-large']);
  });
});
