/**
 * The row-checking machinery of the graph-data loader (load.ts): where issues
 * go, which ids are defined or refused, and the checks every file shares.
 * Issues that only follow from another one are held back here: a reference to
 * an id whose own row was refused is not reported again.
 */
import { parseCsv, type CsvColumns, type CsvRow, type CsvTable } from './csv';
import { CsvCursor } from './csv-cursor';
import { describeDateProblem, parsePartialDate, type PartialDate } from './dates';
import { MAX_CELL_CHARS, MAX_ID_CHARS } from './limits';
import type { DataIssue } from './model';
import { decodeDataFile, type FileContent } from './text-decode';
import { cellDigest } from './text-ranges';

/** Ids a file defines, and what a reference to a missing one means. */
export interface IdTable {
  ids: Set<string>;
  /** Ids of rows that were rejected: a reference to one is not reported again. */
  rejected: Set<string>;
  /** False when the file could not be read at all: no reference to it is reported. */
  complete: boolean;
}

export function idTable(): IdTable {
  return { ids: new Set(), rejected: new Set(), complete: true };
}

/** A reference to a missing id is an issue only when it is not explained by an issue already reported. */
export function isUnknown(table: IdTable, id: string): boolean {
  return table.complete && !table.ids.has(id) && !table.rejected.has(id);
}

/** One call of loadDataset: where issues go, its limits, and what it has parsed once. */
export interface LoadRun {
  issues: DataIssue[];
  maxFileBytes: number;
  dates: DateCache;
}

/** Real files repeat a few hundred dates over thousands of rows: each is parsed and checked once per load, in one look-up. */
export class DateCache {
  private entries = new Map<string, { problem: string | null; span: PartialDate | null }>();
  entry(text: string): { problem: string | null; span: PartialDate | null } {
    let entry = this.entries.get(text);
    if (entry === undefined) {
      const problem = describeDateProblem(text);
      this.entries.set(text, (entry = { problem, span: problem === null ? parsePartialDate(text) : null }));
    }
    return entry;
  }
  problem(text: string): string | null {
    return this.entry(text).problem;
  }
  span(text: string): PartialDate | null {
    return this.entry(text).span;
  }
}

export class Checker {
  private issues: DataIssue[];
  private dates: DateCache;
  constructor(
    private file: string,
    run: LoadRun,
  ) {
    this.issues = run.issues;
    this.dates = run.dates;
  }
  valid = true;
  private row: CsvRow | null = null;

  start(row: CsvRow): void {
    this.row = row;
    this.valid = true;
  }
  fail(column: string, code: string, message: string): void {
    this.issues.push({ file: this.file, line: this.row?.line ?? 0, column, code, message });
    this.valid = false;
  }
  required(column: string): string {
    const value = this.row!.values[column];
    if (!value) this.fail(column, 'load/required', 'required field is empty');
    return value;
  }
  date(column: string): boolean {
    return this.dateSpan(column) !== null;
  }
  /** The span of a valid date, or null (and the issue) for an invalid one. */
  dateSpan(column: string): PartialDate | null {
    const { problem, span } = this.dates.entry(this.row!.values[column]);
    if (problem) this.fail(column, 'load/bad-date', problem);
    return problem === null ? span : null;
  }
  id(column: string, pattern: RegExp, hint: string): string {
    const id = this.required(column);
    if (!id) return id;
    if (id.length > MAX_ID_CHARS) this.fail(column, 'load/bad-id', `${id.length} characters; ids have at most ${MAX_ID_CHARS}`);
    else if (!pattern.test(id)) this.fail(column, 'load/bad-id', `"${id}" ${hint}`);
    return id;
  }
  /** Records `id` as defined on this row, unless an earlier row defined it. */
  unique(column: string, id: string, firstLine: Map<string, number>): void {
    if (!id) return;
    const first = firstLine.get(id);
    if (first !== undefined) {
      this.fail(column, 'load/duplicate-id', `duplicate id "${id}" (first defined on line ${first})`);
      return;
    }
    firstLine.set(id, this.row!.line);
  }
  /** Puts the id in `ids` or `rejected`, by whether the row passed. */
  settle(id: string, table: IdTable): void {
    if (!id) return;
    if (this.valid) table.ids.add(id);
    else table.rejected.add(id);
  }
}

export interface ReadFile {
  table: CsvTable | null;
  damaged: Set<number>;
}

/** Decodes and parses one file, adding its issues; a row on a damaged line is left out (its issue is reported). */
export function readTable(file: string, content: FileContent, spec: CsvColumns, run: LoadRun): ReadFile {
  const issues = run.issues;
  const decoded = decodeDataFile(file, content, run.maxFileBytes);
  for (const issue of decoded.issues) issues.push(issue);
  if (decoded.issues.some((issue) => issue.code === 'limits/file-too-large' || issue.code === 'utf8/utf16')) {
    return { table: null, damaged: decoded.damagedLines };
  }
  const table = parseCsv(file, decoded.text, spec);
  for (const issue of table.issues) issues.push(issue);
  return { table: table.headerOk ? table : null, damaged: decoded.damagedLines };
}

/** Ids (first column) of rows left out for a CSV problem: references to them are explained already. */
export function rejectBrokenRows(table: CsvTable, known: IdTable): void {
  for (const row of table.brokenRows) {
    const id = row.cells[0]?.trim();
    if (id) known.rejected.add(id);
  }
}

export function isDamaged(row: CsvRow, damaged: Set<number>): boolean {
  if (damaged.size === 0) return false;
  for (let line = row.line; line <= row.lastLine; line++) if (damaged.has(line)) return true;
  return false;
}

export function checkCellLengths(check: Checker, row: CsvRow, header: readonly string[]): void {
  for (let c = 0; c < header.length; c++) {
    const length = row.values[header[c]].length;
    if (length > MAX_CELL_CHARS) check.fail(header[c], 'limits/cell-too-long', `${length} characters; a cell holds at most ${MAX_CELL_CHARS}`);
  }
}

/**
 * A row's duplicate hash, folded from each cell's cellDigest (over the cell's value) in column order. The
 * relations fast path has those of its id fields from their look-ups.
 */
export const ROW_HASH_SEED = 0x2545f491;

export function rowHashWith(row: number, cellDigest: number): number {
  const h = Math.imul(row ^ cellDigest, 0x85ebca6b);
  // Fold the high bits down: the table slot is the low bits, and FNV's low bits see only its input's low bits.
  return h ^ (h >>> 13);
}

/**
 * Finds exact duplicate rows of one file by a hash of their cells. It keeps
 * only each row's hash, offset and line in typed arrays, and on a hash match
 * reads the earlier row again from the file's text to compare its cells: a
 * row object or joined string per row cost more than the rows' columns.
 */
/** A presized table never starts above this (48 MB of slots); past it, it grows as it fills. */
const MAX_PRESIZED_SLOTS = 1 << 22;

export class DuplicateRows {
  private hashes: Int32Array;
  /** Offset + 1 of the row in each slot; 0 for an empty slot. */
  private offsets: Int32Array;
  private lines: Int32Array;
  private size = 0;
  private reader: CsvCursor;

  /**
   * `expectedRows` sizes the table so that it need not grow: growing it step by step from 1,024 slots cost
   * about 40 ms at 10^6 rows. A wrong guess only costs growing or unused slots.
   */
  constructor(
    text: string,
    private header: readonly string[],
    expectedRows = 0,
  ) {
    this.reader = new CsvCursor(text);
    // Under half full, as insert keeps it.
    let slots = 1 << 10;
    while (slots < expectedRows * 2 + 2 && slots < MAX_PRESIZED_SLOTS) slots *= 2;
    this.hashes = new Int32Array(slots);
    this.offsets = new Int32Array(slots);
    this.lines = new Int32Array(slots);
  }

  /** The line of an earlier row with the same cells, or null (and the row is remembered). */
  firstLineOf(values: Record<string, string>, offset: number, line: number): number | null {
    let hash = ROW_HASH_SEED;
    for (const column of this.header) {
      const value = values[column];
      hash = rowHashWith(hash, cellDigest(value, 0, value.length));
    }
    const mask = this.offsets.length - 1;
    let slot = hash & mask;
    while (this.offsets[slot] !== 0) {
      if (this.hashes[slot] === hash && this.sameRow(values, this.offsets[slot] - 1, this.lines[slot])) return this.lines[slot];
      slot = (slot + 1) & mask;
    }
    this.insert(slot, hash, offset, line);
    return null;
  }

  /**
   * For a row hashed as firstLineOf hashes it: false when no remembered row has this hash, and then the row
   * is remembered, so it is new. True means maybe a duplicate, and nothing is changed: firstLineOf decides.
   */
  rememberIfNew(hash: number, offset: number, line: number): boolean {
    const mask = this.offsets.length - 1;
    let slot = hash & mask;
    while (this.offsets[slot] !== 0) {
      if (this.hashes[slot] === hash) return true;
      slot = (slot + 1) & mask;
    }
    this.insert(slot, hash, offset, line);
    return false;
  }

  private insert(slot: number, hash: number, offset: number, line: number): void {
    this.hashes[slot] = hash;
    this.offsets[slot] = offset + 1;
    this.lines[slot] = line;
    if (++this.size * 2 > this.offsets.length) this.grow();
  }

  private sameRow(values: Record<string, string>, offset: number, line: number): boolean {
    const reader = this.reader;
    reader.seek(offset, line);
    reader.next();
    const header = this.header;
    for (let c = 0; c < header.length; c++) if (reader.field(c) !== values[header[c]]) return false;
    return true;
  }

  private grow(): void {
    const { hashes, offsets, lines } = this;
    const size = offsets.length * 2;
    this.hashes = new Int32Array(size);
    this.offsets = new Int32Array(size);
    this.lines = new Int32Array(size);
    const mask = size - 1;
    // Order along a probe run does not matter: remembered rows are all distinct, so at most one can equal a new row.
    for (let s = 0; s < offsets.length; s++) {
      if (offsets[s] === 0) continue;
      let slot = hashes[s] & mask;
      while (this.offsets[slot] !== 0) slot = (slot + 1) & mask;
      this.hashes[slot] = hashes[s];
      this.offsets[slot] = offsets[s];
      this.lines[slot] = lines[s];
    }
  }
}

export function codePointLength(text: string): number {
  let count = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0xd800 || c > 0xdbff || i + 1 >= text.length) count++;
    else {
      const next = text.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) i++;
      count++;
    }
  }
  return count;
}

