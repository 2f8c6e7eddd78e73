/**
 * From a file's bytes (or text) to checked text. Invalid UTF-8 used to become
 * U+FFFD without a word; now every line that holds it is reported, and so is
 * every line with a control character (a NUL means a binary or UTF-16 file).
 * The app receives the bundled files as text, the CLI reads bytes: both end
 * here and report the same lines with the same codes.
 */
import { MAX_FILE_BYTES } from './limits';
import type { DataIssue } from './model';

export type FileContent = string | Uint8Array;

export interface DecodedFile {
  text: string;
  issues: DataIssue[];
  /** Lines the issues are on, so that rows on them are not validated a second time. */
  damagedLines: Set<number>;
}

const fatalDecoder = new TextDecoder('utf-8', { fatal: true });
const lenientDecoder = new TextDecoder('utf-8');

/** Bytes or UTF-16 units of a file's content. */
export function contentSize(content: FileContent): number {
  return typeof content === 'string' ? content.length : content.byteLength;
}

function utf16Issue(file: string, bytes: Uint8Array): DataIssue | null {
  const le = bytes[0] === 0xff && bytes[1] === 0xfe;
  const be = bytes[0] === 0xfe && bytes[1] === 0xff;
  if (!le && !be) return null;
  return { file, line: 1, column: '', code: 'utf8/utf16', message: `the file is UTF-16 (${le ? 'little' : 'big'}-endian), not UTF-8; save it as UTF-8` };
}

// U+FFFD: what invalid UTF-8 decodes to. C0 controls other than tab, LF and CR, and DEL. A BOM after the start.
const SUSPECT = /[\uFFFD\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F\uFEFF]/g;

function describe(char: string): { code: string; message: string } {
  if (char === '\uFFFD') {
    return { code: 'utf8/invalid', message: 'invalid UTF-8 on this line (bytes of another encoding such as Latin-1 or Windows-1252, which show as �); save the file as UTF-8' };
  }
  if (char === '\uFEFF') return { code: 'text/bom', message: 'a byte order mark (U+FEFF) inside the file, not at its start: were two files joined? Remove it' };
  const hex = char.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0');
  const name = char === '\u0000' ? ' (NUL: is this a binary or UTF-16 file?)' : '';
  return { code: 'text/control-character', message: `control character U+${hex}${name} on this line; remove it` };
}

/** Line numbers as the CSV reader counts them: `\n`, `\r\n` and a bare `\r` each end a line. */
function lineAt(text: string, from: number, to: number, line: number): number {
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || (c === 13 && text.charCodeAt(i + 1) !== 10)) line++;
  }
  return line;
}

/** Decodes and checks one file; never throws. */
export function decodeDataFile(file: string, content: FileContent, maxBytes = MAX_FILE_BYTES): DecodedFile {
  const issues: DataIssue[] = [];
  const damagedLines = new Set<number>();
  const size = contentSize(content);
  if (size > maxBytes) {
    const mb = (n: number) => `${(n / 1024 / 1024).toFixed(1)} MB`;
    issues.push({ file, line: 0, column: '', code: 'limits/file-too-large', message: `${mb(size)}, over the limit of ${mb(maxBytes)} per file, past which reading it could exhaust a browser tab's memory; split it (relations can be spread over several sources)` });
    return { text: '', issues, damagedLines };
  }
  let text: string;
  if (typeof content === 'string') {
    text = content;
  } else {
    const utf16 = utf16Issue(file, content);
    if (utf16) return { text: '', issues: [utf16], damagedLines: new Set([1]) };
    try {
      text = fatalDecoder.decode(content);
    } catch {
      text = lenientDecoder.decode(content);
    }
  }
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);

  SUSPECT.lastIndex = 0;
  let line = 1;
  let scanned = 0;
  for (let match = SUSPECT.exec(text); match; match = SUSPECT.exec(text)) {
    line = lineAt(text, scanned, match.index, line);
    scanned = match.index;
    if (damagedLines.has(line)) continue;
    damagedLines.add(line);
    issues.push({ file, line, column: '', ...describe(match[0]) });
  }
  return { text, issues, damagedLines };
}
