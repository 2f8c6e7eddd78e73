/**
 * `npm run bench:extract`: how well the source workbench's assistant proposes relations.
 *
 * (a) The bundled sources: the five articles in ../shared/sources/, scored against
 *     graph-data/relations/. SEEN data: the rules were written while reading them.
 * (b) PLOVER-coded sentences, ../shared/fixtures/plover/plover-gsr-dev.json, compared through
 *     the `plover` column of the relation types, split deterministically (extract-score.ts)
 *     into a development half, which rule writers may read, and a held-out half, which they
 *     must not: only its aggregate scores are printed, and it is the unseen measure.
 *
 * Keys: lenient = (source, subject, object, type), persons and bodies rolled up to their
 * state through `affiliation`; strict = the same plus the date. Also: time per 1,000 words.
 * `-- --errors` also prints the misses and false candidates of the bundled sources and the
 * development half (never of the held-out half). It scores what the app runs, new actors from
 * the wink-nlp tagger included; `-- --rules-only` scores the relation rules without them.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { loadDataset } from '../src/lib/core/load';
import type { Dataset } from '../src/lib/core/model';
import { assistSource } from '../src/lib/core/extract/assist';
import { buildGazetteer, type Gazetteer } from '../src/lib/core/extract/gazetteer';
import type { Extraction } from '../src/lib/core/extract/types';
import { nodeTagger } from '../scripts/wink-tagger';
import { readGraphDataFolder } from '../scripts/read-graph-data';
import { rollUpper, splitHalves, Table, row, tally, wordCount } from './extract-score';

const SHARED = resolve('..', 'shared');
const SOURCES_DIR = join(SHARED, 'sources');
const PLOVER_FILE = join(SHARED, 'fixtures', 'plover', 'plover-gsr-dev.json');
const SHOW_ERRORS = process.argv.includes('--errors');

// What the app runs: new actors from the wink tagger, then relations that may name them (core/extract/assist.ts).
// --rules-only scores the relation rules without new actors, as the extractor ran before the tagger joined it.
const RULES_ONLY = process.argv.includes('--rules-only');
const tagger = RULES_ONLY ? { tag: () => ({ tokens: [], sentenceStarts: new Set<number>() }), isDictionaryWord: () => true } : nodeTagger();
const gazetteers = new WeakMap<Dataset, Gazetteer>();
function extractCandidates(text: string, dataset: Dataset, options: { published: string }): Extraction {
  let gazetteer = gazetteers.get(dataset);
  if (!gazetteer) gazetteers.set(dataset, (gazetteer = buildGazetteer(dataset)));
  return assistSource(text, dataset, gazetteer, tagger, options.published).extraction;
}

function timePer1000Words(texts: { text: string; published: string }[], dataset: Dataset): number {
  let words = 0;
  for (const t of texts) words += wordCount(t.text);
  for (const t of texts) extractCandidates(t.text, dataset, { published: t.published }); // warm up
  // the median round: the machine is shared, and a mean would measure the neighbours' load as much as the extractor
  const rounds: number[] = [];
  for (let r = 0; r < 11; r++) {
    const start = performance.now();
    for (const t of texts) extractCandidates(t.text, dataset, { published: t.published });
    rounds.push(performance.now() - start);
  }
  rounds.sort((a, b) => a - b);
  return (rounds[5] / words) * 1000;
}

function benchSources(dataset: Dataset): void {
  console.log('\n(a) Bundled sources (SEEN: the rules were developed while reading them), answer graph-data/relations/');
  if (!existsSync(SOURCES_DIR)) {
    console.log(`    skipped: ${SOURCES_DIR} is absent`);
    return;
  }
  const texts: { id: string; text: string; published: string }[] = [];
  for (const source of dataset.sources) {
    const path = join(SOURCES_DIR, `${source.id}.txt`);
    if (!existsSync(path)) {
      console.log(`    ${source.id}: no text in ${SOURCES_DIR}, skipped`);
      continue;
    }
    texts.push({ id: source.id, text: readFileSync(path, 'utf8'), published: source.published });
  }
  const extractions = texts.map((t) => extractCandidates(t.text, dataset, { published: t.published }));
  const rollUp = rollUpper(dataset, extractions);
  const directed = new Map(dataset.types.map((t) => [t.id, t.directed]));
  const key = (source: string, s: string, o: string, type: string, date: string | null) => {
    let [a, b] = [rollUp(s), rollUp(o)];
    if (!directed.get(type)) [a, b] = [a, b].sort();
    return [source, a, b, type, date ?? ''].join('|');
  };
  for (const strict of [false, true]) {
    const table = new Table();
    texts.forEach((t, i) => {
      const gold = new Map<string, string>();
      for (const r of dataset.relations) if (r.source === t.id) gold.set(key(t.id, r.subject, r.object, r.type, strict ? r.date : null), r.type);
      const predicted = new Map<string, string>();
      for (const c of extractions[i].candidates) predicted.set(key(t.id, c.subject, c.object, c.type, strict ? c.date : null), `${c.type}\t${c.cue}\t${c.quote}`);
      for (const [k, type] of gold) {
        table.gold(type, predicted.has(k));
        if (SHOW_ERRORS && !predicted.has(k)) console.log(`    miss ${k}`);
      }
      for (const [k, info] of predicted) {
        table.predicted(info.split('\t')[0], gold.has(k));
        if (SHOW_ERRORS && !gold.has(k)) console.log(`    false ${k}\t${info}`);
      }
    });
    table.print(strict ? 'strict key (source, subject, object, type, date)' : 'lenient key (source, subject, object, type; rolled up to states)', 'type');
  }
  const ms = timePer1000Words(texts, dataset);
  console.log(`\n  time: ${ms.toFixed(1)} ms per 1,000 words (Node, ${texts.reduce((n, t) => n + wordCount(t.text), 0)} words, median of 11 rounds)`);
}

interface PloverRecord {
  id: string;
  date?: string;
  event: string;
  text?: string;
  source?: { actorText: string; code: string }[] | '';
  target?: { actorText: string; code: string }[] | '';
}

/** The GSR's older PLOVER names, as the 2021 manual (and the types' `plover` column) calls them. */
const PLOVER_RENAMED: Record<string, string> = { DISAPPROVE: 'ACCUSE', DEMAND: 'REQUEST', FIGHT: 'ASSAULT', INVESTIGATE: 'ACCUSE' };
/** CAMEO codes that are not ISO 3166 alpha-3. */
const CAMEO_CODES: Record<string, string> = { JAP: 'JPN', ITL: 'ITA' };

function scorePlover(title: string, records: PloverRecord[], dataset: Dataset, showErrors: boolean): void {
  const ploverOf = new Map(dataset.types.map((t) => [t.id, (t.plover ?? '').split('/')[0]]));
  const directed = new Map(dataset.types.map((t) => [t.id, t.directed]));
  const covered = new Set([...ploverOf.values()].filter(Boolean));
  const gazetteer = buildGazetteer(dataset);
  const extractions = records.map((r) => extractCandidates(r.text!, dataset, { published: r.date ?? '2000-01-01' }));
  const rollUp = rollUpper(dataset, extractions);
  const codeOf = (id: string) => gazetteer.actors.get(rollUp(id))?.code || rollUp(id);
  const norm = (code: string) => CAMEO_CODES[code.slice(0, 3)] ?? code.slice(0, 3);

  const table = new Table();
  const inScope = tally();
  const top = tally();
  records.forEach((record, i) => {
    const event = PLOVER_RENAMED[record.event] ?? record.event;
    const sources = (record.source || []).map((a) => norm(a.code));
    const targets = (record.target || []).map((a) => norm(a.code));
    const gold: { s: string; o: string; any: boolean; symmetric: boolean }[] = [];
    if (targets.length) for (const s of sources) for (const o of targets) gold.push({ s, o, any: false, symmetric: false });
    else if (sources.length > 1) {
      for (let a = 0; a < sources.length; a++) for (let b = a + 1; b < sources.length; b++) gold.push({ s: sources[a], o: sources[b], any: false, symmetric: true });
    } else for (const s of sources) gold.push({ s, o: '', any: true, symmetric: false });
    const predicted = extractions[i].candidates
      .map((c) => ({ s: codeOf(c.subject), o: codeOf(c.object), event: ploverOf.get(c.type) ?? '', type: c.type, cue: c.cue, symmetric: !directed.get(c.type), confidence: c.confidence }))
      .filter((p) => p.event);
    const unique = [...new Map(predicted.map((p) => [`${p.s}|${p.o}|${p.event}`, p])).values()];
    const matches = (g: (typeof gold)[number], p: (typeof unique)[number]) =>
      p.event === event && ((p.s === g.s && (g.any || p.o === g.o)) || ((g.symmetric || p.symmetric) && p.s === g.o && p.o === g.s));
    const hits = gold.map((g) => unique.some((p) => matches(g, p)));
    gold.forEach((g, k) => {
      table.gold(event + (covered.has(event) ? '' : ' (no type)'), hits[k]);
      if (covered.has(event)) (inScope.gold++, hits[k] && inScope.hitGold++);
    });
    for (const p of unique) {
      const hit = gold.some((g) => matches(g, p));
      table.predicted(p.event, hit);
      (inScope.predicted++, hit && inScope.hitPredicted++);
    }
    if (showErrors && (hits.some((h) => !h) || unique.some((p) => !gold.some((g) => matches(g, p))))) {
      console.log(`\n    ${record.id} gold ${event} ${gold.map((g) => `${g.s}>${g.o || '*'}`).join(' ')}\n    ${record.text}`);
      for (const p of unique) console.log(`      cand ${p.type}(${p.event}) ${p.s}>${p.o} "${p.cue}"${gold.some((g) => matches(g, p)) ? ' HIT' : ''}`);
    }
    // the GSR codes one event per sentence, so every other true relation counts against precision: also score the best candidate alone
    const best = [...unique].sort((a, b) => b.confidence - a.confidence)[0];
    if (covered.has(event)) {
      top.gold += gold.length;
      top.hitGold += best ? gold.filter((g) => matches(g, best)).length : 0;
    }
    if (best) (top.predicted++, gold.some((g) => matches(g, best)) && top.hitPredicted++);
  });
  table.print(`${title}: ${records.length} sentences; lenient key (sentence, source state, target state, PLOVER event); states by ISO3 code, organisations as IGO`, 'PLOVER event');
  console.log('  ' + row('ALL with a type', inScope));
  console.log('  ' + row('best per sentence', top) + '   (only the most confident candidate of each sentence, events with a type)');
  console.log('  strict key: not computable (every GSR record carries the placeholder date 2000-01-01, no event date)');
}

function benchPlover(dataset: Dataset): void {
  console.log('\n(b) PLOVER-coded sentences through the relation types\' plover column, split into a development half and a held-out half');
  if (!existsSync(PLOVER_FILE)) {
    console.log(`    skipped: ${PLOVER_FILE} is absent`);
    return;
  }
  const records = (JSON.parse(readFileSync(PLOVER_FILE, 'utf8')) as PloverRecord[]).filter((r) => r.text && r.event !== 'DOCUMENT');
  const { dev, heldOut } = splitHalves(records);
  scorePlover('(b1) development half (rules may be written while reading these)', dev, dataset, SHOW_ERRORS);
  scorePlover('(b2) HELD-OUT half (UNSEEN: never read while writing rules; aggregate scores only)', heldOut, dataset, false);
  const ms = timePer1000Words(records.map((r) => ({ text: r.text!, published: r.date ?? '2000-01-01' })), dataset);
  console.log(`\n  time: ${ms.toFixed(1)} ms per 1,000 words (Node, short sentences: per-call overhead dominates)`);
}

const loaded = loadDataset(readGraphDataFolder(resolve('graph-data')));
if (!loaded.ok) throw new Error('bench:extract: graph-data does not load');
benchSources(loaded.dataset);
benchPlover(loaded.dataset);
