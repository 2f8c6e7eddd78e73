/**
 * `npm run check-data [-- --data <dir>] [--texts <dir>] [--json]`: validates a
 * graph-data folder (the bundled one by default) with the same loader the app
 * uses, and prints what the dataset holds. Every problem is one line,
 * `file:line: column: message [code]`; `--json` prints them as records instead.
 * Exit code 0 when the dataset is valid, 1 when it has issues, 2 on bad usage.
 */
import { resolve } from 'node:path';
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
    } else fail(`unknown argument "${arg}"; usage: npm run check-data -- [--data <graph-data dir>] [--texts <dir of source texts>] [--json]`);
  }
  return { data: values['--data'], texts: values['--texts'], json };
}

const args = parseArguments(process.argv.slice(2));
const dataDir = resolve(args.data ?? 'graph-data');
let files;
let texts;
try {
  texts = args.texts ? readSourceTexts(resolve(args.texts)) : undefined;
  files = readGraphDataFolder(dataDir);
} catch (error) {
  if (error instanceof FolderError) fail(error.message);
  throw error;
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
console.log(`${summary.actorCount} actors, ${summary.relationCount} relations, ${summary.sourceCount} sources, ${summary.typeCount} relation types`);
table('Actors per kind', summary.actorsPerKind);
table('Relations per type', summary.relationsPerType);
table('Relations per source', summary.relationsPerSource);
console.log(`\nDate range: ${summary.dateRange.from} to ${summary.dateRange.to}`);
