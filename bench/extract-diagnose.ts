/**
 * `npx tsx bench/extract-diagnose.ts`: why the assistant misses PLOVER relations, by class.
 *
 * For each missed gold pair: `actor` when the source or target state is not among the
 * sentence's resolved mentions, `cue` when the actors are found but no cue of the gold
 * event fires, `pairing` when both are there but no candidate joins them (direction,
 * clause, embedding or modality). The development half is listed sentence by sentence
 * with `--list`; the held-out half only as class counts, never its sentences.
 */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { loadDataset } from '../src/lib/core/load';
import { assistSource } from '../src/lib/core/extract/assist';
import { buildGazetteer } from '../src/lib/core/extract/gazetteer';
import { findCues } from '../src/lib/core/extract/cues';
import { foldText } from '../src/lib/core/extract/fold';
import { nodeTagger } from '../scripts/wink-tagger';
import { readGraphDataFolder } from '../scripts/read-graph-data';
import { rollUpper, splitHalves } from './extract-score';

const PLOVER_FILE = join(resolve('..', 'shared'), 'fixtures', 'plover', 'plover-gsr-dev.json');
const RENAMED: Record<string, string> = { DISAPPROVE: 'ACCUSE', DEMAND: 'REQUEST', FIGHT: 'ASSAULT', INVESTIGATE: 'ACCUSE' };
const CAMEO_CODES: Record<string, string> = { JAP: 'JPN', ITL: 'ITA' };
const norm = (code: string) => CAMEO_CODES[code.slice(0, 3)] ?? code.slice(0, 3);

interface PloverRecord {
  id: string;
  event: string;
  text?: string;
  source?: { code: string }[] | '';
  target?: { code: string }[] | '';
}

const loaded = loadDataset(readGraphDataFolder(resolve('graph-data')));
if (!loaded.ok) throw new Error('extract-diagnose: graph-data does not load');
const dataset = loaded.dataset;
const gazetteer = buildGazetteer(dataset);
const tagger = nodeTagger();
const ploverOf = new Map(dataset.types.map((t) => [t.id, (t.plover ?? '').split('/')[0]]));
const knownTypes = new Set(dataset.types.map((t) => t.id));
const records = (JSON.parse(readFileSync(PLOVER_FILE, 'utf8')) as PloverRecord[]).filter((r) => r.text && r.event !== 'DOCUMENT');
const { dev, heldOut } = splitHalves(records);

function diagnose(half: PloverRecord[], list: boolean): Record<string, number> {
  const counts: Record<string, number> = { hit: 0, actor: 0, cue: 0, pairing: 0 };
  for (const record of half) {
    const event = RENAMED[record.event] ?? record.event;
    const extraction = assistSource(record.text!, dataset, gazetteer, tagger, '2000-01-01').extraction;
    const rollUp = rollUpper(dataset, [extraction]);
    const codeOf = (id: string) => gazetteer.actors.get(rollUp(id))?.code || rollUp(id);
    const found = new Set(extraction.mentions.map((m) => codeOf(m.actorId)));
    const cues = findCues(foldText(record.text!), knownTypes).filter((c) => ploverOf.get(c.type) === event);
    const predicted = extraction.candidates.filter((c) => ploverOf.get(c.type) === event).map((c) => [codeOf(c.subject), codeOf(c.object)]);
    const sources = (record.source || []).map((a) => norm(a.code));
    const targets = (record.target || []).map((a) => norm(a.code));
    const golds = targets.length ? sources.flatMap((s) => targets.map((o) => [s, o])) : sources.map((s) => [s, '']);
    for (const [s, o] of golds) {
      const hit = predicted.some(([ps, po]) => (ps === s && (!o || po === o)) || (ps === o && po === s));
      const why = hit ? 'hit' : !found.has(s) || (o && !found.has(o)) ? 'actor' : !cues.length ? 'cue' : 'pairing';
      counts[why]++;
      if (why !== 'hit') counts[`${event} ${why}`] = (counts[`${event} ${why}`] ?? 0) + 1;
      // a confusion count: which other types fired where the gold event's cue did not
      if (why === 'cue') for (const t of new Set(extraction.candidates.map((c) => c.type))) counts[`${event} cue, got ${t}`] = (counts[`${event} cue, got ${t}`] ?? 0) + 1;
      if (list && why !== 'hit') {
        const missing = [s, o].filter((c) => c && !found.has(c)).join(',');
        console.log(`${why.padEnd(8)} ${event.padEnd(9)} ${s}>${o || '*'} ${why === 'actor' ? `missing ${missing} found ${[...found].join(',')}` : `cues ${cues.map((c) => c.text).join('|')}`}\n         ${record.text}`);
      }
    }
  }
  return counts;
}

console.log('development half', diagnose(dev, process.argv.includes('--list')));
console.log('held-out half (counts only)', diagnose(heldOut, false));
