/**
 * Checks of hostile containers before they are opened, for the import formats:
 * a zip whose entries would unpack into gigabytes, and XML (GEXF, GraphML) with
 * a DTD (entity expansion, external entities) or nesting deep enough to exhaust
 * a reader. They return issues in the loader's form and never throw.
 */
import {
  MAX_XML_BYTES,
  MAX_XML_DEPTH,
  MAX_ZIP_COMPRESSION_RATIO,
  MAX_ZIP_DECOMPRESSED_BYTES,
  MAX_ZIP_ENTRIES,
} from './limits';
import type { DataIssue } from './model';

/** What a zip's central directory declares for an entry (fflate's `unzip` filter gets these). */
export interface ZipEntryInfo {
  name: string;
  /** Compressed size in bytes. */
  size: number;
  /** Declared uncompressed size in bytes. */
  originalSize: number;
}

/** Entries smaller than this are not held to the compression ratio: a small file of repeated text can compress a thousand times. */
const RATIO_FLOOR_BYTES = 1024 * 1024;

const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

/**
 * Issues with a zip's declared entries: too many, too large unpacked, a
 * suspicious compression ratio, a path outside the archive. Declared sizes can
 * lie, so the unpacking code must also stop at the same budget.
 */
export function zipEntryIssues(archive: string, entries: readonly ZipEntryInfo[]): DataIssue[] {
  const issues: DataIssue[] = [];
  const add = (file: string, code: string, message: string) => issues.push({ file, line: 0, column: '', code, message });
  if (entries.length > MAX_ZIP_ENTRIES) add(archive, 'limits/zip-entries', `${entries.length.toLocaleString('en')} entries, over the limit of ${MAX_ZIP_ENTRIES.toLocaleString('en')}`);
  let total = 0;
  for (const entry of entries) {
    total += entry.originalSize;
    const name = entry.name.replace(/\\/g, '/');
    if (name.startsWith('/') || /^[A-Za-z]:/.test(name) || name.split('/').includes('..')) {
      add(`${archive}:${entry.name}`, 'files/unsafe-path', 'a path outside the archive (zip slip); it is not unpacked');
    }
    if (entry.originalSize > RATIO_FLOOR_BYTES && entry.originalSize > entry.size * MAX_ZIP_COMPRESSION_RATIO) {
      add(`${archive}:${entry.name}`, 'limits/zip-ratio', `unpacks ${Math.round(entry.originalSize / Math.max(1, entry.size))} times its packed size (over ${MAX_ZIP_COMPRESSION_RATIO}); a zip bomb?`);
    }
  }
  if (total > MAX_ZIP_DECOMPRESSED_BYTES) add(archive, 'limits/zip-size', `unpacks to ${mb(total)}, over the limit of ${mb(MAX_ZIP_DECOMPRESSED_BYTES)}`);
  return issues;
}

function lineOf(text: string, index: number, from: { index: number; line: number }): number {
  for (let i = from.index; i < index; i++) if (text.charCodeAt(i) === 10) from.line++;
  from.index = index;
  return from.line;
}

/**
 * Issues with XML text before it reaches a parser: over the size limit, a
 * DOCTYPE or ENTITY declaration (refused outright: GEXF and GraphML need none),
 * or elements nested deeper than MAX_XML_DEPTH. Reports the line of each.
 */
export function xmlSafetyIssues(file: string, text: string): DataIssue[] {
  const issues: DataIssue[] = [];
  if (text.length > MAX_XML_BYTES) {
    return [{ file, line: 0, column: '', code: 'limits/file-too-large', message: `${mb(text.length)}, over the limit of ${mb(MAX_XML_BYTES)} per file` }];
  }
  const cursor = { index: 0, line: 1 };
  // Comments, CDATA and processing instructions hold no elements; DOCTYPE and ENTITY are refused; every other `<` opens or closes a tag.
  const token = /<!--[\s\S]*?-->|<!\[CDATA\[[\s\S]*?\]\]>|<\?[\s\S]*?\?>|<!(DOCTYPE|ENTITY)\b|<(\/?)[A-Za-z_][^\s/>]*(?:"[^"]*"|'[^']*'|[^'">])*?(\/?)>/gi;
  let depth = 0;
  let deepReported = false;
  for (let match = token.exec(text); match; match = token.exec(text)) {
    if (match[1]) {
      const line = lineOf(text, match.index, cursor);
      issues.push({ file, line, column: '', code: 'limits/xml-doctype', message: `a <!${match[1].toUpperCase()}> declaration; GEXF and GraphML files need none, and it could expand entities or load external files, so the file is refused` });
      continue;
    }
    if (match[0].startsWith('<!') || match[0].startsWith('<?')) continue;
    if (match[2] === '/') depth--;
    else if (match[3] !== '/') {
      depth++;
      if (depth > MAX_XML_DEPTH && !deepReported) {
        issues.push({ file, line: lineOf(text, match.index, cursor), column: '', code: 'limits/xml-depth', message: `elements nested more than ${MAX_XML_DEPTH} deep` });
        deepReported = true;
      }
    }
  }
  return issues;
}
