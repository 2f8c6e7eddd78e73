/**
 * `npm run check-data [-- --texts <dir>] [-- --data <dir>]`: validates graph-data
 * with the same loader the app uses and prints what the dataset holds.
 */
import { resolve } from 'node:path';
import { loadDataset } from '../src/lib/core/load';
import { formatIssue } from '../src/lib/core/model';
import { summarizeDataset } from '../src/lib/core/summary';
import { readGraphDataFolder, readSourceTexts } from './read-graph-data';

function argument(name: string): string | undefined {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

const dataDir = resolve(argument('--data') ?? 'graph-data');
const textsDir = argument('--texts');
const texts = textsDir ? readSourceTexts(resolve(textsDir)) : undefined;
const result = loadDataset(readGraphDataFolder(dataDir), { texts });

if (!result.ok) {
  for (const issue of result.issues) console.error(formatIssue(issue));
  console.error(`\ncheck-data: ${result.issues.length} error${result.issues.length === 1 ? '' : 's'} in ${dataDir}`);
  process.exit(1);
}

const summary = summarizeDataset(result.dataset);
const table = (title: string, rows: Array<[string, number]>) => {
  console.log(`\n${title}`);
  const width = Math.max(...rows.map(([k]) => k.length));
  for (const [key, n] of rows) console.log(`  ${key.padEnd(width)}  ${String(n).padStart(4)}`);
};
console.log(`check-data: ${dataDir}: 0 errors${texts ? `; every quote found verbatim in ${Object.keys(texts).length} source texts` : ' (quotes not checked: pass --texts <dir>)'}`);
console.log(`${summary.actorCount} actors, ${summary.relationCount} relations, ${summary.sourceCount} sources, ${summary.typeCount} relation types`);
table('Actors per kind', summary.actorsPerKind);
table('Relations per type', summary.relationsPerType);
table('Relations per source', summary.relationsPerSource);
console.log(`\nDate range: ${summary.dateRange.from} to ${summary.dateRange.to}`);
