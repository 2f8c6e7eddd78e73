/**
 * A GDELT-2.0-shaped events export (61 tab-separated columns, no header), generated
 * deterministically and streamed to disk, for the aggregation test and bench. Besides
 * plain events it holds duplicate GLOBALEVENTIDs (identical rows, as GDELT repeats an
 * event across update files), rows without a second actor and rows with the same actor
 * on both sides, in known proportions.
 *
 * `expectedAggregate` is the independent computation the test checks DuckDB against: a
 * plain JavaScript pass over the file's lines, with its own CAMEO lookup and its own
 * period arithmetic, sharing no code with aggregate-sql.ts.
 */
import { createReadStream, createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { createInterface } from 'node:readline';
import Papa from 'papaparse';
import { seededRandom } from './generate';

interface FixtureActor {
  code: string;
  name: string;
  country: string;
  role: string;
}

const ACTORS: FixtureActor[] = [
  ...['ARM', 'AZE', 'RUS', 'USA', 'TUR', 'IRN', 'GEO', 'FRA', 'DEU', 'CHN', 'UKR', 'KAZ'].map((c) => ({ code: c, name: `${c} COUNTRY`, country: c, role: '' })),
  ...['ARMGOV', 'AZEGOV', 'RUSGOV', 'RUSMIL', 'USAGOV', 'TURGOV', 'IRNGOV', 'ARMMIL'].map((c) => ({ code: c, name: `${c.slice(0, 3)} COUNTRY`, country: c.slice(0, 3), role: c.slice(3) })),
];

/** Codes hit the vocabulary exactly, through their base, their root, the root's 0 code, or not at all (created root types). */
const EVENT_CODES = ['040', '042', '043', '0232', '0234', '045', '050', '051', '074', '112', '1121', '100', '120', '160', '190', '193', '191', '181', '183', '010', '013', '141'];

export const GDELT_URLS = 4000;

const EMPTY_GEO = '\t'.repeat(23);

/** Fields 5 to 14 of one side (code, name, country, known group, ethnic, religion 1 and 2, type 1 to 3), joined by tabs. */
function side(actor: FixtureActor | null): string {
  if (!actor) return '\t'.repeat(9);
  return [actor.code, actor.name, actor.country, '', '', '', '', actor.role, '', ''].join('\t');
}

export interface FixtureCounts {
  lines: number;
  duplicates: number;
  withoutTwoActors: number;
  sameActor: number;
}

/** One export line; exported so a test can check its 61 columns. */
export function gdeltLine(id: number, date: string, a1: FixtureActor | null, a2: FixtureActor | null, code: string, goldstein: string, mentions: number, url: string): string {
  return `${id}\t${date}\t${date.slice(0, 6)}\t${date.slice(0, 4)}\t\t${side(a1)}\t${side(a2)}\t1\t${code}\t${code.slice(0, 3)}\t${code.slice(0, 2)}\t1\t${goldstein}\t${mentions}\t1\t1\t0\t${EMPTY_GEO}\t${date}000000\t${url}`;
}

/** Writes `rows` lines to `path` in chunks; about 2 % duplicates, 3 % rows without two actors, 0.5 % same actor. */
export async function writeGdeltFixture(path: string, rows: number, seed = 12): Promise<FixtureCounts> {
  const random = seededRandom(seed);
  const out = createWriteStream(path);
  const counts: FixtureCounts = { lines: 0, duplicates: 0, withoutTwoActors: 0, sameActor: 0 };
  const recent: string[] = [];
  const start = Date.UTC(2021, 0, 1);
  const days = 730;
  let chunk: string[] = [];
  let id = 1_000_000_000;
  for (let i = 0; i < rows; i++) {
    const r = random();
    let line: string;
    if (r < 0.02 && recent.length) {
      line = recent[Math.floor(random() * recent.length)];
      counts.duplicates++;
    } else {
      id++;
      const a1 = ACTORS[Math.floor(random() * ACTORS.length)];
      let a2: FixtureActor | null = ACTORS[Math.floor(random() * ACTORS.length)];
      if (r < 0.05) {
        a2 = null;
        counts.withoutTwoActors++;
      } else if (r < 0.055) {
        a2 = a1;
        counts.sameActor++;
      } else if (a2 === a1) a2 = ACTORS[(ACTORS.indexOf(a1) + 1) % ACTORS.length];
      const day = new Date(start + Math.floor(random() * days) * 86_400_000).toISOString();
      const date = `${day.slice(0, 4)}${day.slice(5, 7)}${day.slice(8, 10)}`;
      const code = EVENT_CODES[Math.floor(random() * EVENT_CODES.length)];
      const goldstein = (Math.round(random() * 200) / 10 - 10).toFixed(1);
      const url = `https://news${Math.floor(random() * 40)}.example/story/${Math.floor(random() * GDELT_URLS)}`;
      line = gdeltLine(id, date, a1, a2, code, goldstein, 1 + Math.floor(random() * 20), url);
      if (recent.length < 1000) recent.push(line);
      else recent[Math.floor(random() * 1000)] = line;
    }
    chunk.push(line);
    counts.lines++;
    if (chunk.length === 20_000) {
      if (!out.write(chunk.join('\n') + '\n')) await once(out, 'drain');
      chunk = [];
    }
  }
  if (chunk.length) out.write(chunk.join('\n') + '\n');
  out.end();
  await once(out, 'finish');
  return counts;
}

export interface ExpectedGroup {
  count: number;
  first: string;
  last: string;
  urls: Set<string>;
}

export interface ExpectedAggregate {
  lines: number;
  events: number;
  duplicates: number;
  withoutTwoActors: number;
  sameActor: number;
  /** `period|subject|object|type` -> group, subject/object as GDELT codes. */
  groups: Map<string, ExpectedGroup>;
}

/** The vocabulary's CAMEO codes, read on their own: code -> [type id, directed]. */
function cameoLookup(vocabulary: string): (code: string) => [string, boolean] {
  const rows = Papa.parse<Record<string, string>>(vocabulary, { header: true, skipEmptyLines: true }).data;
  const byCode = new Map<string, [string, boolean]>();
  for (const row of rows) {
    for (const code of (row.cameo ?? '').split(/[|;,]/).map((c) => c.trim()).filter(Boolean)) {
      if (!byCode.has(code)) byCode.set(code, [row.id, row.directed === 'true']);
    }
  }
  return (code) => byCode.get(code) ?? byCode.get(code.slice(0, 3)) ?? byCode.get(code.slice(0, 2)) ?? byCode.get(`${code.slice(0, 2)}0`) ?? [`cameo_${code.slice(0, 2)}`, true];
}

/** ISO 8601 week of a UTC date, as `YYYY-Www`. */
function isoWeek(year: number, month: number, day: number): string {
  const date = new Date(Date.UTC(year, month - 1, day));
  const weekday = (date.getUTCDay() + 6) % 7;
  date.setUTCDate(date.getUTCDate() - weekday + 3);
  const weekYear = date.getUTCFullYear();
  const firstThursday = new Date(Date.UTC(weekYear, 0, 4));
  const week = 1 + Math.round((date.getTime() - firstThursday.getTime()) / 86_400_000 / 7 - ((firstThursday.getUTCDay() + 6) % 7) / 7 + 3 / 7);
  return `${weekYear}-W${String(week).padStart(2, '0')}`;
}

/** The plain JavaScript pass: the file's lines, merged by GLOBALEVENTID (first line wins), counted by pair, type and period. */
export async function expectedAggregate(path: string, vocabulary: string, by: 'month' | 'week' | 'day'): Promise<ExpectedAggregate> {
  const typeOf = cameoLookup(vocabulary);
  const seen = new Set<string>();
  const groups = new Map<string, ExpectedGroup>();
  const result: ExpectedAggregate = { lines: 0, events: 0, duplicates: 0, withoutTwoActors: 0, sameActor: 0, groups };
  const lines = createInterface({ input: createReadStream(path), crlfDelay: Infinity });
  for await (const line of lines) {
    if (!line) continue;
    result.lines++;
    const cells = line.split('\t');
    const id = cells[0];
    if (seen.has(id)) {
      result.duplicates++;
      continue;
    }
    seen.add(id);
    result.events++;
    const a1 = cells[5];
    const a2 = cells[15];
    if (!a1 || !a2) {
      result.withoutTwoActors++;
      continue;
    }
    if (a1 === a2) {
      result.sameActor++;
      continue;
    }
    const d = cells[1];
    const iso = `${d.slice(0, 4)}-${d.slice(4, 6)}-${d.slice(6, 8)}`;
    const period = by === 'day' ? iso : by === 'month' ? iso.slice(0, 7) : isoWeek(Number(d.slice(0, 4)), Number(d.slice(4, 6)), Number(d.slice(6, 8)));
    const [type, directed] = typeOf(cells[26]);
    const [s, o] = !directed && a2.toLowerCase() < a1.toLowerCase() ? [a2, a1] : [a1, a2];
    const key = `${period}|${s}|${o}|${type}`;
    const group = groups.get(key);
    if (!group) groups.set(key, { count: 1, first: iso, last: iso, urls: new Set(cells[60] ? [cells[60]] : []) });
    else {
      group.count++;
      if (iso < group.first) group.first = iso;
      if (iso > group.last) group.last = iso;
      if (cells[60]) group.urls.add(cells[60]);
    }
  }
  return result;
}

// A formula fixture, for 10^6 rows and more: DuckDB writes the file from range() in
// C++, and the expected aggregate is the same formula replayed in plain JavaScript,
// with no file reading, so a test of a million rows stays within seconds.

const FORMULA_DUPLICATE_EVERY = 50;
const FORMULA_START = Date.UTC(2021, 0, 1);
const FORMULA_DAYS = 730;

/** The event a formula row carries: row i repeats event i - 1 every 50th row. */
const formulaEvent = (i: number) => (i % FORMULA_DUPLICATE_EVERY === FORMULA_DUPLICATE_EVERY - 1 ? i - 1 : i);

interface FormulaEvent {
  a1: number | null;
  a2: number | null;
  code: string;
  day: number;
  url: string;
}

/** Event k: actors, code, day and URL from one multiplicative hash; every 31st has no second actor, every 97th no first, some the same actor twice. */
export function formulaFields(k: number): FormulaEvent {
  const h = (k * 2654435761) % 4294967296;
  const a1 = k % 97 === 0 ? null : h % ACTORS.length;
  let a2: number | null = Math.floor(h / ACTORS.length) % ACTORS.length;
  if (k % 31 === 0) a2 = null;
  else if (k % 211 === 5) a2 = a1;
  else if (a2 === a1) a2 = (a2 + 1) % ACTORS.length;
  return { a1, a2, code: EVENT_CODES[Math.floor(h / 400) % EVENT_CODES.length], day: Math.floor(h / 8800) % FORMULA_DAYS, url: `https://news${k % 40}.example/story/${k % GDELT_URLS}` };
}

/** The DuckDB statement that writes `rows` formula rows to `path` as a GDELT export (tab-separated, no header, empty for NULL). */
export function formulaFixtureSql(path: string, rows: number): string {
  const n = ACTORS.length;
  const list = (values: string[]) => `[${values.map((v) => (v ? `'${v}'` : 'NULL')).join(', ')}]`;
  const h = '((k * 2654435761) % 4294967296)';
  const a1 = `CASE WHEN k % 97 = 0 THEN NULL ELSE ${h} % ${n} END`;
  const raw2 = `(${h} // ${n}) % ${n}`;
  const a2 = `CASE WHEN k % 31 = 0 THEN NULL WHEN k % 211 = 5 THEN ${a1} WHEN ${raw2} = ${h} % ${n} THEN (${raw2} + 1) % ${n} ELSE ${raw2} END`;
  const pick = (values: string[], index: string) => `CASE WHEN ${index} IS NULL THEN NULL ELSE ${list(values)}[${index} + 1] END`;
  const actorSide = (index: string) => [
    pick(ACTORS.map((a) => a.code), index), pick(ACTORS.map((a) => a.name), index), pick(ACTORS.map((a) => a.country), index),
    'NULL', 'NULL', 'NULL', 'NULL', pick(ACTORS.map((a) => a.role || ''), index), 'NULL', 'NULL',
  ];
  const code = `${list(EVENT_CODES)}[((${h} // 400) % ${EVENT_CODES.length}) + 1]`;
  const date = `strftime(DATE '2021-01-01' + CAST((${h} // 8800) % ${FORMULA_DAYS} AS INTEGER), '%Y%m%d')`;
  const columns = [
    `1000000000 + k`, date, 'NULL', 'NULL', 'NULL',
    ...actorSide('a1i'), ...actorSide('a2i'),
    '1', 'code', 'left(code, 3)', 'left(code, 2)', '1', '1.0', '3', '1', '1', '0',
    ...Array.from({ length: 24 }, () => 'NULL'),
    `date || '000000'`, `'https://news' || (k % 40) || '.example/story/' || (k % ${GDELT_URLS})`,
  ];
  return `COPY (
  WITH ks AS (SELECT CASE WHEN i % ${FORMULA_DUPLICATE_EVERY} = ${FORMULA_DUPLICATE_EVERY - 1} THEN i - 1 ELSE i END AS k FROM range(${rows}) r(i)),
  e AS (SELECT k, ${a1} AS a1i, ${a2} AS a2i, ${code} AS code, ${date} AS date FROM ks)
  SELECT ${columns.map((c, i) => `${c} AS c${i}`).join(', ')} FROM e
) TO '${path.replace(/'/g, "''")}' (FORMAT csv, DELIMITER '\t', HEADER false)`;
}

/** The expected aggregate of formulaFixtureSql's file, replayed in JavaScript. */
export function formulaExpected(rows: number, vocabulary: string, by: 'month' | 'week' | 'day'): ExpectedAggregate {
  const typeOf = cameoLookup(vocabulary);
  // Dates, periods and types worked out once per day and code, not per row.
  const isoDays = Array.from({ length: FORMULA_DAYS }, (_, d) => new Date(FORMULA_START + d * 86_400_000).toISOString().slice(0, 10));
  const periods = isoDays.map((iso) => (by === 'day' ? iso : by === 'month' ? iso.slice(0, 7) : isoWeek(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)), Number(iso.slice(8, 10)))));
  const types = new Map(EVENT_CODES.map((code) => [code, typeOf(code)]));
  const groups = new Map<string, ExpectedGroup>();
  const result: ExpectedAggregate = { lines: rows, events: 0, duplicates: 0, withoutTwoActors: 0, sameActor: 0, groups };
  for (let i = 0; i < rows; i++) {
    const k = formulaEvent(i);
    if (k !== i) {
      result.duplicates++;
      continue;
    }
    result.events++;
    const e = formulaFields(k);
    if (e.a1 === null || e.a2 === null) {
      result.withoutTwoActors++;
      continue;
    }
    if (e.a1 === e.a2) {
      result.sameActor++;
      continue;
    }
    const iso = isoDays[e.day];
    const period = periods[e.day];
    const [type, directed] = types.get(e.code)!;
    const c1 = ACTORS[e.a1].code;
    const c2 = ACTORS[e.a2].code;
    const [s, o] = !directed && c2.toLowerCase() < c1.toLowerCase() ? [c2, c1] : [c1, c2];
    const key = `${period}|${s}|${o}|${type}`;
    const group = groups.get(key);
    if (!group) groups.set(key, { count: 1, first: iso, last: iso, urls: new Set([e.url]) });
    else {
      group.count++;
      if (iso < group.first) group.first = iso;
      if (iso > group.last) group.last = iso;
      group.urls.add(e.url);
    }
  }
  return result;
}
