import type { DatasetFiles } from '../load';
import type { DataIssue } from '../model';

export interface InputFile { path: string; bytes: Uint8Array }   // path relative to what the user opened (folder-relative or zip-entry path)

export type FormatId = 'graph-data' | 'edge-list' | 'gexf' | 'graphml' | 'gdelt' | 'polecat' | 'plover-json' | 'parquet';

export interface EdgeListMapping {
  subject: string; object: string;          // column names
  type?: string; date?: string; endDate?: string; quote?: string; source?: string; url?: string;
  delimiter?: ',' | '\t';
  defaultType?: string;                     // used when no type column
  kinds?: Record<string, string>;           // actor label -> kind chosen by the user for created actors
}

export interface ConvertOptions {
  /** The vocabulary to map codes against (the bundled relation-types.csv text, with cameo and plover columns). */
  vocabulary: string;
  mapping?: EdgeListMapping;      // edge-list
  typeAttribute?: string;         // gexf/graphml: which edge attribute gives the relation type
  name?: string;                  // dataset name for the source row(s)
  signal?: { aborted: boolean };  // cooperative cancel
  onProgress?: (p: { bytes: number; totalBytes: number; rows: number }) => void;
}

export interface ConvertReport {
  format: FormatId;
  /** e.g. { 'rows without two actors': 12, 'duplicate GLOBALEVENTID merged': 3 } */
  skipped: Record<string, number>;
  createdActors: string[];
  createdTypes: string[];
  notes: string[];
}

export interface ConvertResult {
  files: DatasetFiles;                 // graph-data files, ready for loadDataset
  texts?: Record<string, string>;      // source texts by source id, for verbatim quote checks
  report: ConvertReport;
  issues: DataIssue[];                 // problems in the INPUT (file, line, field), module-prefixed messages; non-empty => refuse
}

export interface InputFormat {
  id: FormatId;
  label: string;
  /** 0 = not this format; higher = more confident. Looks at names and the first bytes only. */
  detect(files: InputFile[]): number;
  convert(files: InputFile[], options: ConvertOptions): ConvertResult;
}
