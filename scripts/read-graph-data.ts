/**
 * Reads a graph-data folder (and optionally a folder of source texts) from disk
 * for the Node tools. Which files count is decided by the same core function
 * the app uses (planDatasetFiles); this file only walks the folder and reads
 * bytes, so that invalid UTF-8 is reported by the loader instead of being
 * replaced on the way in.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { planDatasetFiles } from '../src/lib/core/dataset-files';
import type { FileContent } from '../src/lib/core/load';

/** Every file under `dir`, relative and with `/`; an empty folder as `name/`. Symbolic links are followed, folders that loop are not. */
export function listFolder(dir: string): string[] {
  const paths: string[] = [];
  const seen = new Set<string>();
  const walk = (absolute: string, relative: string) => {
    const { ino, dev } = statSync(absolute);
    const key = `${dev}:${ino}`;
    if (seen.has(key)) return;
    seen.add(key);
    const names = readdirSync(absolute).sort();
    if (names.length === 0 && relative) paths.push(`${relative}/`);
    for (const name of names) {
      const path = join(absolute, name);
      const rel = relative ? `${relative}/${name}` : name;
      let stats;
      try {
        stats = statSync(path);
      } catch {
        paths.push(rel); // a broken link: listed, and reported when read
        continue;
      }
      if (stats.isDirectory()) walk(path, rel);
      else paths.push(rel);
    }
  };
  walk(dir, '');
  return paths;
}

export class FolderError extends Error {}

/**
 * The files of a graph-data folder by relative path: bytes for the files the
 * dataset reads, empty for the others (the loader reports or ignores them by name).
 */
export function readGraphDataFolder(dir: string): Record<string, FileContent> {
  let paths: string[];
  try {
    if (!statSync(dir).isDirectory()) throw new FolderError(`${dir} is not a folder`);
    paths = listFolder(dir);
  } catch (error) {
    if (error instanceof FolderError) throw error;
    throw new FolderError(`cannot read the folder ${dir}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
  }
  const plan = planDatasetFiles(paths);
  const files: Record<string, FileContent> = Object.create(null);
  for (const path of paths) {
    if (!plan.files.has(path)) {
      files[path] = '';
      continue;
    }
    try {
      files[path] = readFileSync(join(dir, path));
    } catch (error) {
      throw new FolderError(`cannot read ${join(dir, path)}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
    }
  }
  return files;
}

/** Source texts by id (`<id>.txt`), as UTF-8. A Map, so that an id like `constructor` is just an id. */
export function readSourceTexts(dir: string): Map<string, string> {
  let names: string[];
  try {
    if (!statSync(dir).isDirectory()) throw new FolderError(`--texts ${dir} is not a folder`);
    names = readdirSync(dir).filter((name) => name.endsWith('.txt')).sort();
  } catch (error) {
    if (error instanceof FolderError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    throw new FolderError(code === 'ENOENT' ? `--texts ${dir}: no such folder` : `--texts ${dir}: cannot read it (${code ?? (error as Error).message})`);
  }
  const texts = new Map<string, string>();
  const decoder = new TextDecoder('utf-8');
  for (const name of names) {
    const path = join(dir, name);
    if (!statSync(path).isFile()) continue;
    texts.set(name.slice(0, -'.txt'.length), decoder.decode(readFileSync(path)));
  }
  return texts;
}
