/** Small exact GDELT and POLECAT fixtures: periods, CAMEO fallback, duplicate ids, rows without two actors, outputs that load. */
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { gzipSync } from 'node:zlib';
import { zipSync } from 'fflate';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { gdeltLine } from '../../../bench/gdelt-fixture';
import { aggregate, type AggregateOptions } from '../../../scripts/aggregate';
import { parquetFormat } from '../../../src/lib/core/formats/parquet';
import { loadDataset } from '../../../src/lib/core/load';

const dir = mkdtempSync(join(tmpdir(), 'entente-aggregate-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Columns in an unusual order, to show they are read by name; `consult` is undirected. */
const VOCABULARY = [
  'id,color,label,directed,temporal,description,cameo,plover',
  'request,#0072b2,Request,true,event,Asks for help.,0232,REQUEST',
  'appeal,#e69f00,Appeal,true,event,Appeals.,02,',
  'consult,#cc79a7,Consult,false,event,Talks.,040,CONSULT',
  'fight,#d55e00,Fight,false,state,Fighting.,19,ASSAULT',
  'visit,#009e73,Visit,true,event,Visits.,,CONSULT/visit',
].join('\n') + '\n';

const A = (code: string, country = code.slice(0, 3), name = `${country} NAME`) => ({ code, name, country, role: code.length > 3 ? code.slice(3) : '' });
const ARM = A('ARM');
const AZE = A('AZE');
const RUS = A('RUS');
const RUSGOV = A('RUSGOV');
const USA = A('USA');

let fileNo = 0;
function gdeltFile(lines: string[]): string {
  const path = join(dir, `${++fileNo}.export.CSV`);
  writeFileSync(path, lines.join('\n') + '\n');
  return path;
}

const run = (inputs: string[], extra: Partial<AggregateOptions> = {}) => aggregate({ format: 'gdelt', inputs, by: 'month', vocabulary: VOCABULARY, threads: 1, ...extra });
const key = (r: { period: string; subject: string; object: string; type: string; count: number }) => `${r.period} ${r.subject}>${r.object} ${r.type} ×${r.count}`;

describe('aggregate: GDELT periods', { timeout: 60_000 }, () => {
  // 2021-01-03 is a Sunday (ISO week 2020-W53); 2021-01-04 a Monday (2021-W01).
  const file = gdeltFile([
    gdeltLine(1, '20210103', ARM, AZE, '0232', '1.0', 2, 'https://a.example/1'),
    gdeltLine(2, '20210104', ARM, AZE, '0232', '3.0', 3, 'https://a.example/2'),
    gdeltLine(3, '20210131', ARM, AZE, '0232', '2.0', 1, 'https://a.example/2'),
    gdeltLine(4, '20210201', ARM, AZE, '0232', '2.0', 1, 'https://a.example/3'),
  ]);

  it('by month: count, first and last dates, URLs', async () => {
    const { rows } = await run([file]);
    expect(rows.map(key)).toEqual(['2021-01 ARM>AZE request ×3', '2021-02 ARM>AZE request ×1']);
    expect(rows[0]).toMatchObject({ period_start: '2021-01-01', period_end: '2021-01-31', first: '2021-01-03', last: '2021-01-31', sources: 2, urls: 'https://a.example/1 https://a.example/2', score: 2, mentions: 6 });
  });

  it('reads a zipped export and a gzipped one like the plain file', async () => {
    const bytes = readFileSync(file);
    const zip = join(dir, 'periods.export.CSV.zip');
    writeFileSync(zip, zipSync({ 'periods.export.CSV': new Uint8Array(bytes) }));
    const gz = join(dir, 'periods.export.CSV.gz');
    writeFileSync(gz, gzipSync(bytes));
    const plain = (await run([file])).rows.map(key);
    expect((await run([zip])).rows.map(key)).toEqual(plain);
    expect((await run([gz])).rows.map(key)).toEqual(plain);
  });

  it('by ISO week, Monday to Sunday', async () => {
    const { rows } = await run([file], { by: 'week' });
    expect(rows.map((r) => `${r.period} ${r.period_start}..${r.period_end} ×${r.count}`)).toEqual([
      '2020-W53 2020-12-28..2021-01-03 ×1',
      '2021-W01 2021-01-04..2021-01-10 ×1',
      '2021-W04 2021-01-25..2021-01-31 ×1',
      '2021-W05 2021-02-01..2021-02-07 ×1',
    ]);
  });

  it('by day', async () => {
    const { rows } = await run([file], { by: 'day' });
    expect(rows.map((r) => `${r.period} ${r.period_start}..${r.period_end}`)).toEqual([
      '2021-01-03 2021-01-03..2021-01-03',
      '2021-01-04 2021-01-04..2021-01-04',
      '2021-01-31 2021-01-31..2021-01-31',
      '2021-02-01 2021-02-01..2021-02-01',
    ]);
  });
});

describe('aggregate: GDELT codes, duplicates and skipped rows', { timeout: 60_000 }, () => {
  const file = gdeltFile([
    gdeltLine(10, '20210105', ARM, AZE, '0232', '1', 1, 'https://b.example/exact'),
    gdeltLine(11, '20210105', ARM, AZE, '0231', '1', 1, 'https://b.example/base'), // 0231, 023: none; root 02
    gdeltLine(12, '20210105', RUS, ARM, '042', '1', 1, 'https://b.example/root0'), // 042, 04: none; 040, undirected
    gdeltLine(13, '20210105', ARM, AZE, '193', '1', 1, 'https://b.example/multi'), // root 19
    gdeltLine(14, '20210105', ARM, AZE, '181', '1', 1, 'https://b.example/unmapped'), // root 18: created type
    gdeltLine(15, '20210110', USA, RUSGOV, '0232', '1', 1, 'https://b.example/dup-first'),
    gdeltLine(15, '20210120', USA, RUSGOV, '0232', '1', 1, 'https://b.example/dup-later'), // same id, added later
    gdeltLine(16, '20210105', ARM, null, '0232', '1', 1, 'https://b.example/one-actor'),
    gdeltLine(17, '20210105', null, AZE, '0232', '1', 1, 'https://b.example/other-actor'),
    gdeltLine(18, '20210105', ARM, ARM, '0232', '1', 1, 'https://b.example/same-actor'),
    '19\t20210105\tonly three columns',
  ]);

  it('maps codes exactly, then by base, root and root 0; creates a type for an unmapped root', async () => {
    const { rows } = await run([file]);
    expect(rows.filter((r) => r.first === '2021-01-05').map(key)).toEqual([
      '2021-01 ARM>AZE appeal ×1',
      '2021-01 ARM>AZE cameo_18 ×1',
      '2021-01 ARM>AZE fight ×1',
      '2021-01 ARM>AZE request ×1',
      '2021-01 ARM>RUS consult ×1', // undirected: alphabetical, though RUS was Actor1
    ]);
  });

  it('merges a duplicate GLOBALEVENTID before counting (the first added wins) and counts what it skips', async () => {
    const summary = await run([file]);
    const dup = summary.rows.filter((r) => r.subject === 'USA');
    expect(dup.map(key)).toEqual(['2021-01 USA>RUSGOV request ×1']);
    expect(dup[0]).toMatchObject({ first: '2021-01-10', urls: 'https://b.example/dup-first', object_kind: 'organisation', subject_kind: 'state' });
    expect(summary.inputRows).toBe(10);
    expect(summary.skipped).toEqual({
      'duplicate GLOBALEVENTID merged': 1,
      'rows without two actors': 2,
      'rows with the same actor on both sides': 1,
      'lines DuckDB could not read (wrong number of columns)': 1,
    });
  });

  it('--actors keeps events between the listed actors, matching codes or their country', async () => {
    const { rows } = await run([file], { actors: ['USA', 'RUS'] });
    expect(rows.map(key)).toEqual(['2021-01 USA>RUSGOV request ×1']);
  });

  it('writes graph-data the loader accepts, and the same through Parquet and the app format', async () => {
    const out = join(dir, 'graph-data');
    await run([file], { out });
    const files: Record<string, string> = {};
    for (const name of ['relation-types.csv', 'actors.csv', 'sources.csv']) files[name] = readFileSync(join(out, name), 'utf8');
    for (const name of readdirSync(join(out, 'relations'))) files[`relations/${name}`] = readFileSync(join(out, 'relations', name), 'utf8');
    const loaded = loadDataset(files);
    expect(loaded.issues).toEqual([]);
    const dataset = loaded.dataset!;
    expect(dataset.sources.map((s) => [s.id, s.coding])).toEqual([['gdelt-2021-01', 'gdelt']]);
    expect(dataset.types.find((t) => t.id === 'cameo_18')).toMatchObject({ label: 'Assault', cameo: '18', directed: true });
    expect(dataset.actors.find((a) => a.id === 'rusgov')).toMatchObject({ label: 'Rus Name (RUSGOV)', kind: 'organisation', aliases: ['RUSGOV'] });
    const consult = dataset.relations.find((r) => r.type === 'consult')!;
    expect(consult).toMatchObject({ subject: 'arm', object: 'rus', date: '2021-01', quote: '' });
    expect(consult.attributes).toMatchObject({ count: '1', first: '2021-01-05', last: '2021-01-05', sources: '1', urls: 'https://b.example/root0' });

    const parquet = join(dir, 'out.parquet');
    await run([file], { out: parquet });
    const bytes = new Uint8Array(readFileSync(parquet));
    expect(parquetFormat.detect([{ path: 'x.bin', bytes }])).toBeGreaterThan(0.9);
    expect(parquetFormat.detect([{ path: 'x.csv', bytes: new TextEncoder().encode('a,b\n') }])).toBe(0);
    const converted = parquetFormat.convert([{ path: 'out.parquet', bytes }], { vocabulary: VOCABULARY });
    expect(converted.issues).toEqual([]);
    const fromParquet = loadDataset(converted.files);
    expect(fromParquet.ok).toBe(true);
    expect(fromParquet.dataset!.relations.map((r) => [r.subject, r.object, r.type, r.attributes?.count])).toEqual(dataset.relations.map((r) => [r.subject, r.object, r.type, r.attributes?.count]));
  });

  it('refuses a file that is not Parquet with a message naming it', () => {
    const result = parquetFormat.convert([{ path: 'bad.parquet', bytes: new TextEncoder().encode('PAR1 not really') }], { vocabulary: VOCABULARY });
    expect(result.issues).toEqual([expect.objectContaining({ file: 'bad.parquet', code: 'parquet/unreadable', message: expect.stringContaining('parquet:') })]);
  });
});

describe('aggregate: POLECAT', { timeout: 60_000 }, () => {
  const header = ['Event ID', 'Event Date', 'Event Type', 'Event Mode', 'Event Intensity', 'Actor Name', 'Actor Country', 'Primary Actor Sector', 'Recipient Name', 'Recipient Country', 'Primary Recipient Sector', 'Story ID', 'Source', 'Publication Date', 'URL'];
  const row = (cells: Record<string, string>) => header.map((h) => cells[h] ?? '').join('\t');
  const path = join(dir, 'polecat.tsv');
  writeFileSync(
    path,
    [
      header.join('\t'),
      // one event, two stories: counted once, both URLs kept
      row({ 'Event ID': 'e1', 'Event Date': '2022-03-01', 'Event Type': 'CONSULT', 'Event Mode': 'visit', 'Actor Name': 'Armenia', 'Actor Country': 'ARM', 'Recipient Name': 'Russia', 'Recipient Country': 'RUS', 'Story ID': 's1', 'Publication Date': '2022-03-01', URL: 'https://p.example/1' }),
      row({ 'Event ID': 'e1', 'Event Date': '2022-03-01', 'Event Type': 'CONSULT', 'Event Mode': 'visit', 'Actor Name': 'Armenia', 'Actor Country': 'ARM', 'Recipient Name': 'Russia', 'Recipient Country': 'RUS', 'Story ID': 's2', 'Publication Date': '2022-03-02', URL: 'https://p.example/2' }),
      // compound actors: one pair per actor and recipient
      row({ 'Event ID': 'e2', 'Event Date': '2022-03-05', 'Event Type': 'CONSULT', 'Actor Name': 'Russia;Azerbaijan', 'Actor Country': 'RUS;AZE', 'Recipient Name': 'Armenia', 'Recipient Country': 'ARM', 'Story ID': 's3', URL: 'https://p.example/3' }),
      row({ 'Event ID': 'e3', 'Event Date': '2022-03-06', 'Event Type': 'ACCUSE', 'Actor Name': 'Armenia', 'Recipient Name': 'Azerbaijan', 'Event Intensity': '-4', 'Story ID': 's4' }),
      row({ 'Event ID': 'e4', 'Event Date': '2022-03-06', 'Event Type': 'ACCUSE', 'Actor Name': 'Armenia', 'Recipient Name': '', 'Story ID': 's5' }),
    ].join('\n') + '\n',
  );

  it('merges an event across stories, splits compound actors, maps PLOVER event and mode', async () => {
    const summary = await aggregate({ format: 'polecat', inputs: [path], by: 'month', vocabulary: VOCABULARY, threads: 1 });
    expect(summary.rows.map(key)).toEqual([
      '2022-03 Armenia>Azerbaijan consult ×1', // e2: Azerbaijan -> Armenia, undirected, so alphabetical
      '2022-03 Armenia>Azerbaijan plover_accuse ×1', // ACCUSE is not in the vocabulary: created
      '2022-03 Armenia>Russia consult ×1', // e2: Russia -> Armenia
      '2022-03 Armenia>Russia visit ×1', // e1: CONSULT/visit, directed
    ]);
    const visit = summary.rows.find((r) => r.type === 'visit')!;
    expect(visit).toMatchObject({ sources: 2, urls: 'https://p.example/1 https://p.example/2', mentions: 2 });
    expect(summary.skipped).toEqual({ 'rows repeating an Event ID (stories merged)': 1, 'rows without two actors': 1 });

    const out = join(dir, 'polecat-out');
    await aggregate({ format: 'polecat', inputs: [path], by: 'week', vocabulary: VOCABULARY, threads: 1, out });
    const files: Record<string, string> = {};
    for (const name of ['relation-types.csv', 'actors.csv', 'sources.csv']) files[name] = readFileSync(join(out, name), 'utf8');
    for (const name of readdirSync(join(out, 'relations'))) files[`relations/${name}`] = readFileSync(join(out, 'relations', name), 'utf8');
    const loaded = loadDataset(files);
    expect(loaded.issues).toEqual([]);
    expect(loaded.dataset!.relations.every((r) => r.date === '2022-02-28' && r.endDate === '2022-03-06')).toBe(true);
    expect(loaded.dataset!.types.find((t) => t.id === 'plover_accuse')).toMatchObject({ label: 'Accuse', plover: 'ACCUSE' });
  });
});
