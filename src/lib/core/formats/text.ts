/** Small text helpers shared by the import formats: decoding, ids, hashing, tab-separated rows. */
import type { DataIssue } from '../model';
import { decodeDataFile } from '../text-decode';

/**
 * Decodes a file the way the loader does (core/text-decode): UTF-8 only, a leading BOM
 * dropped, and invalid bytes, UTF-16, control characters and oversize files reported by
 * line with the loader's codes, so that an import refuses what graph-data would refuse.
 * Only the first problem is returned: the file is not read further.
 */
export function decodeUtf8(file: string, bytes: Uint8Array, module: string): { text: string; issue: DataIssue | null } {
  const decoded = decodeDataFile(file, bytes);
  const first = decoded.issues[0];
  if (!first) return { text: decoded.text, issue: null };
  return { text: decoded.text, issue: { ...first, message: `entente/${module}: ${first.message}` } };
}

export function lineAt(text: string, index: number): number {
  let line = 1;
  for (let i = text.indexOf('\n'); i !== -1 && i < index; i = text.indexOf('\n', i + 1)) line++;
  return line;
}

/** The first bytes of a file as text, for detect(): cheap and tolerant. */
export function head(bytes: Uint8Array, n = 4096): string {
  return new TextDecoder('utf-8').decode(bytes.subarray(0, n)).replace(/^\uFEFF/, '');
}

function ascii(label: string): string {
  return label.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLowerCase();
}

/** `Mme. Thénardier` -> `mme-thenardier`: the actor id rule of graph-data (kebab-case). */
export function kebabId(label: string): string {
  return ascii(label).replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '');
}

/** `Sub event / Armed clash` -> `sub_event_armed_clash`: the relation type id rule (snake_case, starts with a letter). */
export function snakeId(label: string): string {
  const id = ascii(label).replace(/[^a-z0-9]+/g, '_').replace(/^_+|_+$/g, '');
  return /^[a-z]/.test(id) ? id : id ? `t_${id}` : '';
}

/** 64-bit FNV-1a as 16 hex digits: stable source ids from URLs, the way the bundled sources are named. */
export function hash16(text: string): string {
  let h1 = 0x811c9dc5;
  let h2 = 0x01000193 ^ 0x5bd1e995;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 0x01000193) >>> 0;
    h2 = Math.imul(h2 ^ c, 0x01000193 + 0x2f) >>> 0;
  }
  return h1.toString(16).padStart(8, '0') + h2.toString(16).padStart(8, '0');
}

/** `http://www.example.com/a/b` -> `example.com`; '' when not an http(s) URL. */
export function hostOf(url: string): string {
  const match = /^https?:\/\/([^/?#:]+)/i.exec(url);
  return match ? match[1].toLowerCase().replace(/^www\./, '') : '';
}

export function isHttpUrl(url: string): boolean {
  return /^https?:\/\/\S+$/i.test(url);
}

/** `UNITED STATES` -> `United States`; labels in GDELT are upper-case. */
export function titleCase(text: string): string {
  return text.toLowerCase().replace(/(^|[\s\-'(/])(\p{L})/gu, (_, before: string, letter: string) => before + letter.toUpperCase());
}

/** Splits tab-separated text without quoting rules (GDELT, POLECAT), calling `row` with 1-based line numbers. */
export function forEachTsvLine(text: string, row: (cells: string[], line: number, offset: number) => boolean | void): void {
  let start = 0;
  let line = 0;
  while (start < text.length) {
    let end = text.indexOf('\n', start);
    if (end === -1) end = text.length;
    line++;
    let lineText = text.slice(start, end);
    if (lineText.endsWith('\r')) lineText = lineText.slice(0, -1);
    const offset = start;
    start = end + 1;
    if (lineText.trim() === '') continue;
    if (row(lineText.split('\t'), line, offset) === false) return;
  }
}

export function fileName(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1);
}

export const MAX_QUOTE_LENGTH = 200;

/**
 * The longest verbatim prefix of `text` that graph-data accepts as a quote: within the
 * first paragraph and at most 200 characters, cut at a word boundary. `cut` says whether text was lost.
 */
export function quoteFrom(text: string): { quote: string; cut: boolean } {
  const trimmed = text.trim();
  const paragraph = trimmed.split(/\r?\n\s*\r?\n/)[0].trim();
  if (paragraph.length <= MAX_QUOTE_LENGTH) return { quote: paragraph, cut: paragraph !== trimmed };
  let quote = paragraph.slice(0, MAX_QUOTE_LENGTH);
  const space = quote.lastIndexOf(' ');
  if (space > MAX_QUOTE_LENGTH / 2) quote = quote.slice(0, space);
  // Never split a surrogate pair.
  if (/[\uD800-\uDBFF]$/.test(quote)) quote = quote.slice(0, -1);
  return { quote: quote.trimEnd(), cut: true };
}

/**
 * A verbatim quote of at most 200 characters from `text` that contains `needle` (the
 * event's words) when it can, cut at word boundaries within one paragraph.
 */
export function quoteAround(text: string, needle: string): string {
  const whole = quoteFrom(text);
  if (!whole.cut) return whole.quote;
  const paragraphs = text.split(/\r?\n\s*\r?\n/);
  const paragraph = paragraphs.find((p) => needle && p.includes(needle)) ?? paragraphs[0];
  const at = needle ? paragraph.indexOf(needle) : 0;
  if (at < 0 || paragraph.length <= MAX_QUOTE_LENGTH) return quoteFrom(paragraph).quote;
  let start = Math.max(0, Math.min(at - 40, paragraph.length - MAX_QUOTE_LENGTH));
  if (start > 0) {
    const space = paragraph.indexOf(' ', start);
    start = space >= 0 && space < at ? space + 1 : start;
  }
  return quoteFrom(paragraph.slice(start)).quote;
}
