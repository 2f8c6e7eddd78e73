/**
 * `npm run check-data [-- --data <dir|zip>] [--texts <dir>] [--json]`: validates a
 * graph-data folder or zip (the bundled folder by default) with the same loader the app
 * uses, and prints what the dataset holds. Every problem is one line,
 * `file:line: column: message [code]`; `--json` prints them as records instead.
 * Exit code 0 when the dataset is valid, 1 when it has issues, 2 on bad usage.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { FileContent } from '../src/lib/core/load';
import { graphDataRoot } from '../src/lib/core/formats/graph-data';
import { unzipInput } from '../src/lib/core/zip';
import { loadDataset } from '../src/lib/core/load';
import { formatIssue } from '../src/lib/core/model';
import { summarizeDataset } from '../src/lib/core/summary';
import { FolderError, readGraphDataFolder, readSourceTexts } from './read-graph-data';

const OPTIONS_WITH_VALUE = ['--data', '--texts'];
const FLAGS = ['--json'];

function fail(message: string): never {
  console.error(`check-data: ${message}`);
  process.exit(2);
}

function parseArguments(argv: string[]): { data?: string; texts?: string; json: boolean } {
  const values: Record<string, string> = {};
  let json = false;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (FLAGS.includes(arg)) json = true;
    else if (OPTIONS_WITH_VALUE.includes(arg)) {
      const value = argv[i + 1];
      if (value === undefined || value.startsWith('--')) fail(`${arg} needs a folder`);
      values[arg] = value;
      i++;
    } else fail(`unknown argument "${arg}"; usage: npm run check-data -- [--data <graph-data dir or zip>] [--texts <dir of source texts>] [--json]`);
  }
  return { data: values['--data'], texts: values['--texts'], json };
}

const args = parseArguments(process.argv.slice(2));
const dataDir = resolve(args.data ?? 'graph-data');
let files;
let texts;
try {
  texts = args.texts ? readSourceTexts(resolve(args.texts)) : undefined;
  files = /\.zip$/i.test(dataDir) ? readGraphDataZip(dataDir) : readGraphDataFolder(dataDir);
} catch (error) {
  if (error instanceof FolderError) fail(error.message);
  if ((error as NodeJS.ErrnoException).code === 'ENOENT') fail(`${dataDir} does not exist`);
  throw error;
}

/** A zip's entries under its graph-data folder (zips often wrap it in one more folder), as the app reads them. */
function readGraphDataZip(path: string): Record<string, FileContent> {
  const { files: entries, issues } = unzipInput({ path, bytes: new Uint8Array(readFileSync(path)) });
  if (issues.length) {
    process.stderr.write(issues.map(formatIssue).join('\n') + '\n');
    console.error(`\ncheck-data: ${issues.length} error${issues.length === 1 ? '' : 's'} in ${path}`);
    process.exit(1);
  }
  const root = graphDataRoot(entries) ?? '';
  const files: Record<string, FileContent> = Object.create(null);
  for (const entry of entries) if (entry.path.startsWith(root)) files[entry.path.slice(root.length)] = entry.bytes;
  return files;
}
const result = loadDataset(files, { texts });

if (args.json) {
  console.log(JSON.stringify({ ok: result.ok, folder: dataDir, issues: result.issues }, null, 1));
  process.exit(result.ok ? 0 : 1);
}

if (!result.ok) {
  const lines = result.issues.map(formatIssue);
  process.stderr.write(lines.join('\n') + '\n');
  console.error(`\ncheck-data: ${result.issues.length.toLocaleString('en')} error${result.issues.length === 1 ? '' : 's'} in ${dataDir}`);
  process.exit(1);
}

const summary = summarizeDataset(result.dataset);
const table = (title: string, rows: Array<[string, number]>) => {
  console.log(`\n${title}`);
  const width = rows.reduce((max, [k]) => Math.max(max, k.length), 0);
  for (const [key, n] of rows) console.log(`  ${key.padEnd(width)}  ${String(n).padStart(4)}`);
};
console.log(`check-data: ${dataDir}: 0 errors${texts ? `; every quote found verbatim in ${texts.size} source texts` : ' (quotes not checked: pass --texts <dir>)'}`);
console.log(`${summary.actorCount} actors, ${summary.relationCount} relations from ${summary.statementCount} statements, ${summary.sourceCount} sources, ${summary.typeCount} relation types`);
table('Actors per kind', summary.actorsPerKind);
table('Relations per type', summary.relationsPerType);
table('Relations per source', summary.relationsPerSource);
table('Statements per source', summary.statementsPerSource);
table('Relations per modality', summary.relationsPerModality);
console.log(`\nDate range: ${summary.dateRange.from} to ${summary.dateRange.to}`);
