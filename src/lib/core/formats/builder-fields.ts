/**
 * What the formats hand the graph-data builder, and the small helpers every format
 * shares with it: how its sources were coded, attribute column names, a refusal, and
 * the progress/cancel ticker.
 */
import type { DataIssue } from '../model';
import type { ConvertResult, FormatId } from './types';

/** How each format's sources were coded; machine-coded sources carry a URL and no quote. */
export const CODING: Record<FormatId, string> = {
  'graph-data': 'hand',
  'edge-list': 'import',
  gexf: 'import',
  graphml: 'import',
  gdelt: 'gdelt',
  polecat: 'polecat',
  'plover-json': 'hand',
  // Each aggregated row names its own coder (gdelt or polecat); this is the fallback.
  parquet: 'gdelt',
};

export interface SourceFields {
  title: string;
  outlet: string;
  published: string;
  url: string;
  coding: string;
  attrs?: Record<string, string>;
}

export interface RelationFields {
  subject: string;
  object: string;
  type: string;
  date: string;
  endDate?: string;
  quote?: string;
  note?: string;
  statement?: string;
  modality?: string;
  attrs?: Record<string, string>;
}

export interface NewType {
  label: string;
  directed: boolean;
  temporal: 'state' | 'event';
  cameo?: string;
  plover?: string;
  description?: string;
}

/** `GoldsteinScale` -> `attr_goldstein_scale`. */
export function attrColumn(name: string): string {
  const snake = name
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '');
  // Attribute columns start with a letter after the prefix: `attr_2020` would be refused.
  return `attr_${/^[a-z]/.test(snake) ? snake : `a${snake || 'value'}`}`;
}

/** A result that refuses the input: only issues, no files. */
export function refused(format: FormatId, issues: DataIssue[]): ConvertResult {
  return { files: {}, report: { format, skipped: {}, createdActors: [], createdTypes: [], notes: [] }, issues };
}

/** Cancel and progress, checked every `every` rows so that a 50 MB file stays responsive in a worker. */
export function progressTicker(
  options: { signal?: { aborted: boolean }; onProgress?: (p: { bytes: number; totalBytes: number; rows: number }) => void },
  totalBytes: number,
  every = 2000,
): (rows: number, bytes: number) => boolean {
  return (rows, bytes) => {
    if (rows % every !== 0) return !options.signal?.aborted;
    options.onProgress?.({ bytes, totalBytes, rows });
    return !options.signal?.aborted;
  };
}
