/**
 * Zip reading and writing for imports and "Download dataset", through fflate.
 * A zip is untrusted input: its entry count and declared decompressed size are
 * capped before anything is inflated, and an entry whose path would land
 * outside the zip's folder (absolute, a drive letter, or a `..` segment) is
 * refused by name rather than silently dropped.
 */
import { unzipSync, zipSync, strToU8, type Zippable } from 'fflate';
import type { DataIssue } from './model';
import type { InputFile } from './formats/types';

export interface ZipLimits {
  maxEntries: number;
  /** Sum of the decompressed sizes of all entries. */
  maxTotalBytes: number;
}

export const ZIP_LIMITS: ZipLimits = { maxEntries: 20_000, maxTotalBytes: 1024 * 1024 * 1024 };

/** Finder and Explorer litter zips with these; they are never data. */
const JUNK = /(^|\/)(__MACOSX\/|\.DS_Store$|Thumbs\.db$)/;

export function isZip(file: InputFile): boolean {
  const b = file.bytes;
  return /\.zip$/i.test(file.path) || (b.length >= 4 && b[0] === 0x50 && b[1] === 0x4b && b[2] === 0x03 && b[3] === 0x04);
}

/** Why an entry path is unsafe, or null when it stays inside the zip's folder. */
export function unsafeEntryPath(name: string): string | null {
  const path = name.replace(/\\/g, '/');
  if (path.startsWith('/')) return 'absolute path';
  if (/^[a-zA-Z]:/.test(path)) return 'absolute path (drive letter)';
  if (path.split('/').includes('..')) return '".." leads outside the zip\'s folder';
  if (path.includes('\0')) return 'NUL byte in the name';
  return null;
}

class ZipLimitError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

const MB = (bytes: number) => `${Math.round(bytes / 1024 / 1024)} MB`;

/**
 * Unpacks one zip into input files whose paths are relative to the zip's root.
 * Returns issues (and no files) when the zip breaks a limit or holds an unsafe path.
 */
export function unzipInput(zip: InputFile, limits: ZipLimits = ZIP_LIMITS): { files: InputFile[]; issues: DataIssue[] } {
  const issues: DataIssue[] = [];
  const fail = (code: string, message: string) => ({ files: [], issues: [...issues, { file: zip.path, line: 0, column: '', code, message }] });
  let entries = 0;
  let total = 0;
  let unpacked: Record<string, Uint8Array>;
  try {
    unpacked = unzipSync(zip.bytes, {
      filter(entry) {
        if (entry.name.endsWith('/') || JUNK.test(entry.name)) return false;
        const unsafe = unsafeEntryPath(entry.name);
        if (unsafe) issues.push({ file: zip.path, line: 0, column: entry.name, code: 'zip/unsafe-path', message: `entry "${entry.name}" refused: ${unsafe}` });
        entries++;
        total += entry.originalSize;
        if (entries > limits.maxEntries) throw new ZipLimitError('zip/too-many-entries', `more than ${limits.maxEntries.toLocaleString('en')} entries; the limit keeps a hostile zip from exhausting the browser`);
        if (total > limits.maxTotalBytes) {
          throw new ZipLimitError('zip/too-large', `entries decompress to more than ${MB(limits.maxTotalBytes)} (the limit for one import, so that a zip bomb cannot exhaust memory)`);
        }
        return !unsafe;
      },
    });
  } catch (error) {
    if (error instanceof ZipLimitError) return fail(error.code, error.message);
    return fail('zip/unreadable', `not a readable zip file (${(error as Error).message})`);
  }
  if (issues.length) return { files: [], issues };
  const files = Object.entries(unpacked).map(([path, bytes]) => ({ path: path.replace(/\\/g, '/'), bytes }));
  if (files.length === 0) return fail('zip/empty', 'the zip holds no files');
  return { files, issues };
}

/** Replaces every zip among the inputs by its entries; with several inputs, entries keep the zip's name as their folder. */
export function expandZips(inputs: InputFile[], limits: ZipLimits = ZIP_LIMITS): { files: InputFile[]; issues: DataIssue[] } {
  const files: InputFile[] = [];
  const issues: DataIssue[] = [];
  for (const input of inputs) {
    if (!isZip(input)) {
      files.push(input);
      continue;
    }
    const unpacked = unzipInput(input, limits);
    issues.push(...unpacked.issues);
    const folder = inputs.length > 1 ? input.path.replace(/\.zip$/i, '') + '/' : '';
    for (const file of unpacked.files) files.push({ path: folder + file.path, bytes: file.bytes });
  }
  return { files, issues };
}

/** Packs text (or byte) files by path into one zip. A fixed date keeps the same dataset's zip byte-identical. */
export function zipFiles(files: Record<string, string | Uint8Array>): Uint8Array {
  const tree: Zippable = {};
  const mtime = new Date('2020-01-01T00:00:00Z');
  for (const [path, content] of Object.entries(files)) {
    tree[path] = [typeof content === 'string' ? strToU8(content) : content, { mtime }];
  }
  return zipSync(tree, { level: 6 });
}
