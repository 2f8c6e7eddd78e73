import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import Papa from 'papaparse';
import type { InputFile } from '../../../src/lib/core/formats/types';

export const FIXTURES = resolve(__dirname, '../../fixtures/import');
export const SHARED = resolve(__dirname, '../../../../shared/fixtures');
export const vocabulary = readFileSync(resolve(FIXTURES, 'vocabulary.csv'), 'utf8');

export function file(path: string, text: string): InputFile {
  return { path, bytes: new TextEncoder().encode(text) };
}

export function fixture(name: string): InputFile {
  return { path: name, bytes: new Uint8Array(readFileSync(resolve(FIXTURES, name))) };
}

/** A shared fixture, or null (the caller skips with a message) when ../shared/fixtures is absent. */
export function shared(path: string): InputFile | null {
  const full = resolve(SHARED, path);
  return existsSync(full) ? { path: path.slice(path.lastIndexOf('/') + 1), bytes: new Uint8Array(readFileSync(full)) } : null;
}

/** The rows of one output CSV file, by column. */
export function rows(text: string | undefined): Record<string, string>[] {
  if (text === undefined) throw new Error('no such output file');
  return Papa.parse<Record<string, string>>(text, { header: true, skipEmptyLines: true }).data;
}

/** All relation rows of a result, with their source id. */
export function relations(files: Record<string, string>): Array<Record<string, string> & { source: string }> {
  return Object.keys(files)
    .filter((p) => p.startsWith('relations/'))
    .sort()
    .flatMap((p) => rows(files[p]).map((r) => ({ ...r, source: p.slice('relations/'.length, -4) })));
}
