/**
 * Seeded synthetic datasets for the bench. Free of Node APIs, because the
 * browser bench page generates its dataset with this same module.
 */
import { toCsv } from '../src/lib/core/csv';
import { dayNumber, formatDay } from '../src/lib/core/dates';
import { ACTOR_COLUMNS, ACTORS_FILE, RELATION_COLUMNS, RELATIONS_DIR, SOURCE_COLUMNS, SOURCES_FILE, TYPE_COLUMNS, TYPES_FILE, type DatasetFiles } from '../src/lib/core/load';
import { MODALITIES, type Actor, type ActorKind, type Dataset, type Modality, type Relation, type RelationType, type Source } from '../src/lib/core/model';
import type { RelationFilter } from '../src/lib/core/filter';

export type Random = () => number;

/** mulberry32: tiny, fast and good enough to make every run draw the same data. */
export function seededRandom(seed: number): Random {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Fixed "today", so states carried forward span the same days in every run. */
export const BENCH_TODAY = dayNumber(2025, 1, 1);
const FIRST_DAY = dayNumber(2014, 1, 1);
const LAST_DAY = dayNumber(2023, 12, 31);
export const SOURCE_COUNT = 50;

const TYPE_SPECS: Array<[id: string, directed: boolean, temporal: 'state' | 'event', color: string]> = [
  ['alliance', false, 'state', '#1b9e77'],
  ['membership', true, 'state', '#d95f02'],
  ['sanction', true, 'state', '#7570b3'],
  ['dispute', false, 'state', '#e7298a'],
  ['visit', true, 'event', '#66a61e'],
  ['meet', false, 'event', '#e6ab02'],
  ['provide_aid', true, 'event', '#a6761d'],
  ['praise', true, 'event', '#666666'],
  ['criticise', true, 'event', '#1f78b4'],
  ['threaten', true, 'event', '#b2df8a'],
  ['sign_agreement', false, 'event', '#fb9a99'],
  ['clash', false, 'event', '#e31a1c'],
];

/** Most rows are plain assertions, as in the bundled data. */
const MODALITY_WEIGHTS: Array<[Modality, number]> = [['asserted', 0.85], ['conditional', 0.05], ['denied', 0.02], ['reported', 0.08]];
/** Share of rows that come from the same statement as the row before them (a list of members, a call to both sides). */
const SHARED_STATEMENT = 0.3;

const KIND_WEIGHTS: Array<[ActorKind, number]> = [['state', 0.2], ['person', 0.45], ['organisation', 0.2], ['region', 0.05], ['group', 0.1]];

/** The actor count grows with the dataset, as it would in real collections. */
export function actorCountFor(relationCount: number): number {
  return relationCount >= 1_000_000 ? 2000 : relationCount >= 100_000 ? 1000 : 200;
}

function pickWeighted<T>(random: Random, weights: Array<[T, number]>): T {
  let r = random();
  for (const [value, weight] of weights) if ((r -= weight) < 0) return value;
  return weights[weights.length - 1][0];
}

/** Zipf-like sampler (s = 1) over indices 0..n-1: a few actors appear in most relations. */
function zipfSampler(random: Random, n: number): () => number {
  const cumulative = new Float64Array(n);
  let total = 0;
  for (let i = 0; i < n; i++) cumulative[i] = total += 1 / (i + 1);
  return () => {
    const r = random() * total;
    let lo = 0;
    let hi = n - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cumulative[mid] < r) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
}

function makeActors(random: Random, count: number): Actor[] {
  const actors: Actor[] = [];
  const states: string[] = [];
  for (let i = 0; i < count; i++) {
    const id = `actor-${String(i).padStart(4, '0')}`;
    const kind = pickWeighted(random, KIND_WEIGHTS);
    const affiliation = kind === 'person' && states.length > 0 && random() < 0.6 ? states[Math.floor(random() * states.length)] : null;
    actors.push({ id, label: `Actor ${i}`, kind, affiliation, aliases: random() < 0.2 ? [`A${i}`, `Alias ${i}`] : [] });
    if (kind === 'state') states.push(id);
  }
  return actors;
}

function partialDate(random: Random, day: number): string {
  const full = formatDay(day);
  const r = random();
  return r < 0.6 ? full : r < 0.85 ? full.slice(0, 7) : full.slice(0, 4);
}

/**
 * A relation dataset of `relationCount` rows over 2014-2023, split over SOURCE_COUNT sources in file order.
 * Sources are published one after another over the period, and each reports only what happened
 * before it was published, so its standing rows are attested through dates spread over ten years.
 */
export function generateDataset(relationCount: number, seed = 42): Dataset {
  const random = seededRandom(seed);
  const types: RelationType[] = TYPE_SPECS.map(([id, directed, temporal, color], i) => ({
    id, label: id.replace('_', ' '), color, directed, temporal, cameo: String(10 + i), description: `Synthetic ${temporal} type`,
  }));
  const stateTypes = types.filter((t) => t.temporal === 'state');
  const eventTypes = types.filter((t) => t.temporal === 'event');
  const actors = makeActors(random, actorCountFor(relationCount));
  const pickActor = zipfSampler(random, actors.length);
  const publishedDay = (s: number) => FIRST_DAY + Math.round(((s + 1) * (LAST_DAY + 15 - FIRST_DAY)) / SOURCE_COUNT);
  const sources: Source[] = Array.from({ length: SOURCE_COUNT }, (_, s) => ({
    id: `src-${String(s).padStart(2, '0')}`, title: `Synthetic source ${s}`, outlet: 'Bench Wire', published: formatDay(publishedDay(s)), url: `https://example.org/${s}`,
  }));

  const relations: Relation[] = new Array(relationCount);
  const rowKeys = new Set<string>();
  let blockSource = -1;
  let blockStart = 0;
  let statement = 0;
  for (let i = 0; i < relationCount; i++) {
    const s = Math.floor((i * SOURCE_COUNT) / relationCount);
    if (s !== blockSource) {
      blockSource = s;
      blockStart = i;
    }
    const subjectIndex = pickActor();
    let objectIndex = pickActor();
    while (objectIndex === subjectIndex) objectIndex = pickActor();
    // A row of the previous row's statement (a list of members, a call to both sides) shares its type, dates and modality.
    const previous = i > blockStart && random() < SHARED_STATEMENT ? relations[i - 1] : null;
    const isState = random() < 0.3;
    const type = previous ? types.find((t) => t.id === previous.type)! : isState ? stateTypes[Math.floor(random() * stateTypes.length)] : eventTypes[Math.floor(random() * eventTypes.length)];
    const day = FIRST_DAY + Math.floor(random() * (Math.min(LAST_DAY, publishedDay(s)) - FIRST_DAY + 1));
    const date = previous ? previous.date : partialDate(random, day);
    // A year- or month-precision date covers later days too, so end dates start after the period it names.
    const periodEnd = date.length === 4 ? dayNumber(Number(date), 12, 31) : date.length === 7 ? dayNumber(Number(date.slice(0, 4)), Number(date.slice(5)) + 1, 0) : day;
    const endDate = previous ? previous.endDate : type.temporal === 'state' && random() < 0.4 ? formatDay(Math.min(LAST_DAY, periodEnd + Math.floor(random() * 1500))) : '';
    // Undirected rows list the two ids alphabetically, as the loader requires.
    const [first, second] = !type.directed && actors[objectIndex].id < actors[subjectIndex].id ? [objectIndex, subjectIndex] : [subjectIndex, objectIndex];
    const subject = actors[first];
    const object = actors[second];
    const source = sources[s].id;
    const line = i - blockStart + 2;
    if (!previous) statement++;
    const quote = random() < 0.3 ? `${subject.label} and ${object.label}, officials said, agreed on "terms"` : `${subject.label} ${type.label} ${object.label}`;
    let note = random() < 0.1 ? 'synthetic' : '';
    // ...and no exact duplicate row within a source.
    const key = `${source}\u0000${subject.id}\u0000${object.id}\u0000${type.id}\u0000${date}\u0000${endDate}\u0000${quote}\u0000${note}`;
    if (rowKeys.has(key)) note = `synthetic ${i}`;
    else rowKeys.add(key);
    relations[i] = {
      id: `${source}:${line}`, source, line, subject: subject.id, object: object.id, type: type.id, date, endDate,
      statement: `st${statement}`, modality: previous ? previous.modality : pickWeighted(random, MODALITY_WEIGHTS), quote, note,
    };
  }
  return { types, actors, sources, relations };
}

/** The graph-data folder of a dataset, as loadDataset takes it. */
export function datasetToFiles(dataset: Dataset): DatasetFiles {
  const files: DatasetFiles = {
    [TYPES_FILE]: toCsv(TYPE_COLUMNS, dataset.types.map((t) => ({ ...t, directed: String(t.directed) }))),
    [ACTORS_FILE]: toCsv(ACTOR_COLUMNS, dataset.actors.map((a) => ({ ...a, affiliation: a.affiliation ?? '', aliases: a.aliases.join('|') }))),
    [SOURCES_FILE]: toCsv(SOURCE_COLUMNS, dataset.sources.map((source) => ({ ...source }))),
  };
  const bySource = new Map<string, Array<Record<string, string>>>();
  for (const r of dataset.relations) {
    let rows = bySource.get(r.source);
    if (!rows) bySource.set(r.source, (rows = []));
    rows.push({ subject: r.subject, object: r.object, type: r.type, date: r.date, end_date: r.endDate, quote: r.quote, note: r.note, statement: r.statement ?? '', modality: r.modality ?? '' });
  }
  for (const [source, rows] of bySource) files[`${RELATIONS_DIR}${source}.csv`] = toCsv([...RELATION_COLUMNS, 'statement', 'modality'], rows);
  return files;
}

/**
 * Random but repeatable filter states: windows of a month to three years, each type shown with p = 0.75;
 * half of them carry standing relations forward, and one in four hides a modality.
 */
export function randomFilters(typeCount: number, extent: { start: number; end: number }, count: number, seed = 7): RelationFilter[] {
  const random = seededRandom(seed);
  const filters: RelationFilter[] = [];
  for (let i = 0; i < count; i++) {
    const length = 30 + Math.floor(random() * 3 * 365);
    const from = extent.start + Math.floor(random() * Math.max(1, extent.end - extent.start - length));
    const typeMask = Uint8Array.from({ length: typeCount }, () => (random() < 0.75 ? 1 : 0));
    if (!typeMask.includes(1)) typeMask[Math.floor(random() * typeCount)] = 1;
    const carryForward = random() < 0.5;
    const modalityMask = random() < 0.25 ? Uint8Array.from(MODALITIES, (_, m) => (m === 1 + Math.floor(random() * 3) ? 0 : 1)) : undefined;
    filters.push({ from, to: from + length, typeMask, carryForward, modalityMask });
  }
  return filters;
}
