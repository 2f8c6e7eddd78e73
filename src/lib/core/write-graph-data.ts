/**
 * Dataset → graph-data files, for "Download dataset" and `import --out`.
 * loadDataset(writeGraphData(d)) deep-equals d: relation ids carry the line of
 * the row (`<source>:<line>`), so each row is written on the line it came
 * from, with blank lines (which the loader skips) filling the gaps.
 */
import { toCsv } from './csv';
import { ACTOR_COLUMNS, ACTORS_FILE, RELATION_COLUMNS, RELATIONS_DIR, SOURCE_COLUMNS, SOURCES_FILE, TYPE_COLUMNS, TYPES_FILE, type DatasetFiles } from './load';
import type { Actor, Dataset, Relation, RelationType, Source } from './model';

const typeRow = (t: RelationType) => ({ ...t, directed: String(t.directed) });
const actorRow = (a: Actor) => ({ ...a, affiliation: a.affiliation ?? '', aliases: a.aliases.join('|') });
const sourceRow = (s: Source) => ({ ...s });
const relationRow = (r: Relation) => ({ ...r, end_date: r.endDate });

function newlinesIn(csvLine: string): number {
  let count = 0;
  for (let i = csvLine.indexOf('\n'); i !== -1; i = csvLine.indexOf('\n', i + 1)) count++;
  return count;
}

/** One relations file, each row on its own line number; throws when two rows claim the same lines. */
function relationsCsv(sourceId: string, relations: Relation[]): string {
  const [header] = toCsv(RELATION_COLUMNS, []).split('\r\n');
  const out = [header];
  let line = 2;
  for (const relation of [...relations].sort((a, b) => a.line - b.line)) {
    if (relation.line < line) throw new Error(`write-graph-data: relation ${relation.id} cannot go on line ${relation.line} of ${sourceId}, line ${line} is next`);
    while (line < relation.line) {
      out.push('');
      line++;
    }
    const row = toCsv(RELATION_COLUMNS, [relationRow(relation)]).split('\r\n').slice(1, -1).join('\r\n');
    out.push(row);
    line += 1 + newlinesIn(row);
  }
  return out.join('\r\n') + '\r\n';
}

export function writeGraphData(dataset: Dataset): DatasetFiles {
  const files: DatasetFiles = {
    [TYPES_FILE]: toCsv(TYPE_COLUMNS, dataset.types.map(typeRow)),
    [ACTORS_FILE]: toCsv(ACTOR_COLUMNS, dataset.actors.map(actorRow)),
    [SOURCES_FILE]: toCsv(SOURCE_COLUMNS, dataset.sources.map(sourceRow)),
  };
  const bySource = new Map<string, Relation[]>(dataset.sources.map((s) => [s.id, []]));
  for (const relation of dataset.relations) bySource.get(relation.source)?.push(relation) ?? bySource.set(relation.source, [relation]);
  for (const [sourceId, relations] of bySource) files[`${RELATIONS_DIR}${sourceId}.csv`] = relationsCsv(sourceId, relations);
  return files;
}

/** The files of a graph-data zip: the CSVs, and the source texts under texts/ when there are any. */
export function graphDataZipEntries(dataset: Dataset, texts?: Record<string, string>): Record<string, string> {
  const entries: Record<string, string> = writeGraphData(dataset);
  for (const [id, text] of Object.entries(texts ?? {})) entries[`texts/${id}.txt`] = text;
  return entries;
}
