/**
 * `npm run extract -- --text <file> --published YYYY-MM-DD [--data <graph-data dir>] --out <file.csv>`:
 * runs the source workbench's assistant on one text and writes its candidates in the
 * relations CSV columns, plus `confidence` and `cue`. Deterministic: the same input
 * gives the same bytes. Exit code 0 on success, 1 when the dataset is invalid, 2 on bad usage.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { loadDataset, RELATION_COLUMNS } from '../src/lib/core/load';
import { formatIssue } from '../src/lib/core/model';
import { toCsv } from '../src/lib/core/csv';
import { assistSource } from '../src/lib/core/extract/assist';
import { buildGazetteer } from '../src/lib/core/extract/gazetteer';
import { nodeTagger } from './wink-tagger';
import type { Candidate } from '../src/lib/core/extract/types';
import { FolderError, readGraphDataFolder } from './read-graph-data';

const USAGE = 'usage: npm run extract -- --text <file> --published YYYY-MM-DD [--data <graph-data dir>] --out <file.csv>';
export const CANDIDATE_COLUMNS = [...RELATION_COLUMNS, 'statement', 'modality', 'confidence', 'cue'] as const;

function fail(message: string): never {
  console.error(`extract: ${message}\n${USAGE}`);
  process.exit(2);
}

function parseArguments(argv: string[]): Record<string, string> {
  const values: Record<string, string> = {};
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (!['--text', '--published', '--data', '--out'].includes(arg)) fail(`unknown argument "${arg}"`);
    const value = argv[i + 1];
    if (value === undefined || value.startsWith('--')) fail(`${arg} needs a value`);
    values[arg] = value;
    i++;
  }
  for (const required of ['--text', '--published', '--out']) if (!values[required]) fail(`${required} is required`);
  if (!/^\d{4}(-\d{2}(-\d{2})?)?$/.test(values['--published'])) fail(`--published "${values['--published']}" is not YYYY, YYYY-MM or YYYY-MM-DD`);
  return values;
}

export function candidateRows(candidates: Candidate[]): Record<string, string>[] {
  return candidates.map((c) => ({
    subject: c.subject,
    object: c.object,
    type: c.type,
    date: c.date,
    end_date: c.endDate,
    quote: c.quote,
    note: c.flags.length ? `flags: ${c.flags.join(' ')}` : '',
    statement: c.statement,
    modality: c.modality,
    confidence: c.confidence.toFixed(2),
    cue: c.cue,
  }));
}

const args = parseArguments(process.argv.slice(2));
let text: string;
try {
  text = new TextDecoder('utf-8', { fatal: true }).decode(readFileSync(resolve(args['--text'])));
} catch (error) {
  fail(`cannot read --text ${args['--text']}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
}
let files;
try {
  files = readGraphDataFolder(resolve(args['--data'] ?? 'graph-data'));
} catch (error) {
  if (error instanceof FolderError) fail(error.message);
  throw error;
}
const loaded = loadDataset(files);
if (!loaded.ok) {
  console.error(loaded.issues.map(formatIssue).join('\n'));
  console.error(`extract: the dataset has ${loaded.issues.length} issue(s)`);
  process.exit(1);
}
// The app's assistant: new actors from the wink-nlp tagger, then relations that may name them.
const { extraction } = assistSource(text, loaded.dataset, buildGazetteer(loaded.dataset), nodeTagger(), args['--published']);
writeFileSync(resolve(args['--out']), toCsv(CANDIDATE_COLUMNS, candidateRows(extraction.candidates)));
const newActors = extraction.newActors.map((a) => `${a.id} (${a.kind}${a.affiliation ? `, ${a.affiliation}` : ''})`).join(', ');
console.log(`extract: ${extraction.candidates.length} candidates, ${extraction.mentions.length} mentions → ${args['--out']}`);
if (newActors) console.log(`extract: new actors: ${newActors}`);
