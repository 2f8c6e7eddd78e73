/**
 * GDELT 2.0-shaped events rows for tests and the import benchmark:
 * `npx tsx bench/gdelt-generate.ts 100000 /tmp/gdelt-100k.export.CSV`.
 * Deterministic (seeded), 61 tab-separated columns, about 1 in 20 rows without Actor2
 * and 1 in 50 a repeated GLOBALEVENTID, like real exports.
 */
import { writeFileSync } from 'node:fs';

const ACTORS = [
  ['ARM', 'ARMENIA', 'ARM', ''], ['AZE', 'AZERBAIJAN', 'AZE', ''], ['RUS', 'RUSSIA', 'RUS', ''], ['USA', 'UNITED STATES', 'USA', ''],
  ['RUSGOV', 'RUSSIA', 'RUS', 'GOV'], ['ARMGOV', 'YEREVAN', 'ARM', 'GOV'], ['AZEMIL', 'AZERBAIJAN', 'AZE', 'MIL'], ['FRA', 'FRANCE', 'FRA', ''],
  ['TUR', 'TURKEY', 'TUR', ''], ['IRN', 'IRAN', 'IRN', ''], ['GEO', 'GEORGIA', 'GEO', ''], ['EUR', 'EUROPE', '', ''],
];
const CODES = ['010', '0231', '036', '040', '042', '043', '051', '057', '0256', '070', '0874', '1056', '111', '120', '130', '138', '141', '173', '190', '193'];

function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => ((s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32);
}

export function gdeltRow(fields: Partial<Record<string, string>>): string {
  const cells = new Array<string>(61).fill('');
  const at: Record<string, number> = {
    GLOBALEVENTID: 0, SQLDATE: 1, Actor1Code: 5, Actor1Name: 6, Actor1CountryCode: 7, Actor1Type1Code: 12,
    Actor2Code: 15, Actor2Name: 16, Actor2CountryCode: 17, Actor2Type1Code: 22, IsRootEvent: 25, EventCode: 26,
    EventBaseCode: 27, EventRootCode: 28, QuadClass: 29, GoldsteinScale: 30, NumMentions: 31, NumSources: 32, NumArticles: 33,
    AvgTone: 34, DATEADDED: 59, SOURCEURL: 60,
  };
  for (const [name, value] of Object.entries(fields)) cells[at[name]] = value ?? '';
  return cells.join('\t');
}

const sourceUrl = (story: number) => `https://news${story % 50}.example.com/2022/story-${story}.html`;

export function generateGdelt(rows: number, seed = 1): string {
  const random = rng(seed);
  const pick = <T>(list: T[]): T => list[Math.floor(random() * list.length)];
  const lines: string[] = [];
  let id = 1_100_000_000;
  for (let i = 0; i < rows; i++) {
    const a = pick(ACTORS);
    let b = pick(ACTORS);
    if (b === a) b = ACTORS[(ACTORS.indexOf(a) + 1) % ACTORS.length];
    const noActor2 = random() < 0.05;
    const repeat = i > 0 && random() < 0.02;
    const code = pick(CODES);
    const day = 1 + Math.floor(random() * 28);
    const month = 1 + Math.floor(random() * 12);
    const date = `2022${String(month).padStart(2, '0')}${String(day).padStart(2, '0')}`;
    lines.push(
      gdeltRow({
        GLOBALEVENTID: String(repeat ? id : ++id), SQLDATE: date, Actor1Code: a[0], Actor1Name: a[1], Actor1CountryCode: a[2], Actor1Type1Code: a[3],
        Actor2Code: noActor2 ? '' : b[0], Actor2Name: noActor2 ? '' : b[1], Actor2CountryCode: noActor2 ? '' : b[2], Actor2Type1Code: noActor2 ? '' : b[3],
        IsRootEvent: '1', EventCode: code, EventBaseCode: code.slice(0, 3), EventRootCode: code.slice(0, 2),
        QuadClass: String(1 + Math.floor(random() * 4)), GoldsteinScale: (random() * 20 - 10).toFixed(1), NumMentions: String(1 + Math.floor(random() * 20)),
        NumSources: '1', NumArticles: '2', AvgTone: (random() * 10 - 5).toFixed(4), DATEADDED: `${date}120000`,
        // About three events per article, as in real exports.
        SOURCEURL: sourceUrl(Math.floor(random() * Math.max(1, rows / 3))),
      }),
    );
  }
  return lines.join('\n') + '\n';
}

if (process.argv[1]?.endsWith('gdelt-generate.ts')) {
  const rows = Number(process.argv[2] ?? 100_000);
  const out = process.argv[3] ?? `/tmp/gdelt-${rows}.export.CSV`;
  writeFileSync(out, generateGdelt(rows));
  console.log(`gdelt-generate: ${rows} rows -> ${out}`);
}
