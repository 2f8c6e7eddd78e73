/**
 * Bytes to text for imported files. Invalid UTF-8 is refused with the line it
 * is on, instead of being turned into U+FFFD and loaded as damaged text.
 */
import type { DataIssue } from './model';

export type Decoded = { ok: true; text: string } | { ok: false; issue: DataIssue };

export function decodeUtf8(file: string, bytes: Uint8Array): Decoded {
  try {
    return { ok: true, text: new TextDecoder('utf-8', { fatal: true }).decode(bytes).replace(/^\uFEFF/, '') };
  } catch {
    return { ok: false, issue: { file, line: lineOfInvalidUtf8(bytes), field: '', message: 'import: not valid UTF-8 (save the file as UTF-8; Latin-1 and Windows-1252 are not read)' } };
  }
}

/** 1-based line of the first byte sequence that is not UTF-8 (only called once decoding failed). */
function lineOfInvalidUtf8(bytes: Uint8Array): number {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  let line = 1;
  let start = 0;
  for (let i = 0; i <= bytes.length; i++) {
    if (i < bytes.length && bytes[i] !== 0x0a) continue;
    try {
      decoder.decode(bytes.subarray(start, i));
    } catch {
      return line;
    }
    line++;
    start = i + 1;
  }
  return line;
}
