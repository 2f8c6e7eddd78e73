/** Reads a graph-data folder (and optionally a folder of source texts) from disk for the Node tools. */
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { join, basename } from 'node:path';
import type { DatasetFiles } from '../src/lib/core/load';

export function readGraphDataFolder(dir: string): DatasetFiles {
  const files: DatasetFiles = {};
  for (const name of ['relation-types.csv', 'actors.csv', 'sources.csv']) {
    const path = join(dir, name);
    if (existsSync(path)) files[name] = readFileSync(path, 'utf8');
  }
  const relationsDir = join(dir, 'relations');
  if (existsSync(relationsDir)) {
    for (const name of readdirSync(relationsDir).filter((n) => n.endsWith('.csv'))) {
      files[`relations/${name}`] = readFileSync(join(relationsDir, name), 'utf8');
    }
  }
  return files;
}

export function readSourceTexts(dir: string): Record<string, string> {
  const texts: Record<string, string> = {};
  for (const name of readdirSync(dir).filter((n) => n.endsWith('.txt'))) {
    texts[basename(name, '.txt')] = readFileSync(join(dir, name), 'utf8');
  }
  return texts;
}
