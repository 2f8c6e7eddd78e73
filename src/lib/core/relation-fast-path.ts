/**
 * The relations reader's fast path (issue 12): a common row, one that is valid
 * and has nothing unusual, is checked and stored from character ranges of the
 * file's text, with no string per cell. Ids are found by a hash of their
 * characters, dates are read from digits into day numbers, and the duplicate
 * hash is taken over the same trimmed, unescaped characters DuplicateRows
 * hashes. Any row this path is not sure of (an unknown id, a bad date, an
 * escaped id, a quote with a line break, a possible duplicate...) is left to
 * the slow path in relation-reader.ts, untouched, so every issue, with its line,
 * field and order, is the slow path's own.
 *
 * At 10^6 rows the slow path's short-lived cell strings, its Map look-ups by
 * string and its date cache were most of the load time.
 */
import { isTrimmed, type CsvCursor } from './csv-cursor';
import { MAX_CELL_CHARS, MAX_ID_CHARS, MAX_QUOTE_CODE_POINTS } from './limits';
import { ROW_HASH_END_OF_CELL, ROW_HASH_PRIME, ROW_HASH_SEED, type DuplicateRows, type IdTable, type LoadRun } from './load-checks';
import { DEFAULT_MODALITY, MODALITIES, type RelationType } from './model';
import { NO_END_DATE } from './relation-columns-builder';
import type { RelationColumnsBuilder } from './relation-columns-builder';
import { RangeTable, parseDateRange, type DateRange } from './text-ranges';

/** Tests set this to false to compare the fast path with the slow one; nothing else should. */
export const fastPathSwitch = { enabled: true };

/** Look-ups by character range, made once per load from the valid actors and types. */
export interface RelationLookups {
  actors: RangeTable;
  types: RangeTable;
  /** Rank of each actor number in the ids' string order, for the undirected-order check. */
  actorRank: Int32Array;
  /** 1 for each directed type number. */
  directed: Uint8Array;
}

/** Ids, by number, that the slow path would accept: those in `table` (numbers from `index`). */
function rangeTableOf(index: Map<string, number>, accepted: (id: string) => boolean): RangeTable {
  const ids = [...index.keys()].filter(accepted);
  const table = new RangeTable(ids.join(''), ids.length);
  let offset = 0;
  for (const id of ids) {
    table.add(offset, offset + id.length, index.get(id)!);
    offset += id.length;
  }
  return table;
}

export function relationLookups(actors: IdTable, actorIndex: Map<string, number>, types: Map<string, RelationType>, typeIndex: Map<string, number>): RelationLookups {
  const actorIds: string[] = [];
  for (const [id, n] of actorIndex) actorIds[n] = id;
  const order = actorIds.map((_, n) => n).sort((a, b) => (actorIds[a] < actorIds[b] ? -1 : actorIds[a] > actorIds[b] ? 1 : 0));
  const actorRank = new Int32Array(actorIds.length);
  order.forEach((n, rank) => (actorRank[n] = rank));
  const directed = new Uint8Array(typeIndex.size);
  for (const [id, n] of typeIndex) directed[n] = types.get(id)?.directed ? 1 : 0;
  return {
    actors: rangeTableOf(actorIndex, (id) => actors.ids.has(id)),
    types: rangeTableOf(typeIndex, (id) => types.has(id)),
    actorRank,
    directed,
  };
}

const QUOTE = 34;
const LF = 10;
const CR = 13;
const PRECISION_SHIFT = 2;

export interface FastPathFile {
  text: string;
  header: readonly string[];
  lookups: RelationLookups;
  rows: RelationColumnsBuilder;
  sourceIndex: number;
  quotesRequired: boolean;
  sourceText: string | undefined;
  duplicates: DuplicateRows;
  damaged: Set<number>;
  run: LoadRun;
}

/** The fast path over one relations file. */
export class RelationFastPath {
  private readonly width: number;
  private readonly col: { subject: number; object: number; type: number; date: number; endDate: number; quote: number; note: number; statement: number; modality: number };
  /** Whether the file can use the fast path at all: attribute columns take the slow path. */
  readonly usable: boolean;
  /** Trimmed ranges of the current record's fields. */
  private starts: Int32Array;
  private ends: Int32Array;
  private readonly date: DateRange = { start: 0, end: 0, precision: 0 };
  private readonly endDate: DateRange = { start: 0, end: 0, precision: 0 };
  /** Statement ids of this file already numbered, keyed by their first range in the text. */
  private readonly statements: RangeTable;
  private readonly modalityText: string;
  private readonly modalityStarts: number[] = [];
  private readonly defaultModality = MODALITIES.indexOf(DEFAULT_MODALITY);

  constructor(private readonly file: FastPathFile) {
    const header = file.header;
    this.width = header.length;
    const at = (name: string) => header.indexOf(name);
    this.col = { subject: at('subject'), object: at('object'), type: at('type'), date: at('date'), endDate: at('end_date'), quote: at('quote'), note: at('note'), statement: at('statement'), modality: at('modality') };
    this.usable = fastPathSwitch.enabled && !header.some((column) => column.startsWith('attr_'));
    this.starts = new Int32Array(this.width);
    this.ends = new Int32Array(this.width);
    this.statements = new RangeTable(file.text, 1024);
    this.modalityText = MODALITIES.join('');
    let offset = 0;
    for (const m of MODALITIES) {
      this.modalityStarts.push(offset);
      offset += m.length;
    }
    this.modalityStarts.push(offset);
  }

  /** The modality number of the range, -1 when it names none. */
  private modalityOf(start: number, end: number): number {
    const text = this.file.text;
    const names = this.modalityText;
    for (let m = 0; m < MODALITIES.length; m++) {
      const from = this.modalityStarts[m];
      if (this.modalityStarts[m + 1] - from !== end - start) continue;
      let i = 0;
      while (i < end - start && text.charCodeAt(start + i) === names.charCodeAt(from + i)) i++;
      if (i === end - start) return m;
    }
    return -1;
  }

  /**
   * Checks and stores the cursor's record when it is a common valid row; false, with nothing changed,
   * when the slow path must read it. The caller has reported the cursor's issues and checked the width.
   */
  take(cursor: CsvCursor): boolean {
    const file = this.file;
    const text = file.text;
    const damaged = file.damaged;
    if (damaged.size > 0) for (let line = cursor.line; line <= cursor.lastLine; line++) if (damaged.has(line)) return false;
    const rawStarts = cursor.starts;
    const rawEnds = cursor.ends;
    const escaped = cursor.escaped;
    const starts = this.starts;
    const ends = this.ends;
    const col = this.col;
    let hash = ROW_HASH_SEED;
    let quoteLength = 0;
    let quoteBreaks = false;
    for (let c = 0; c < this.width; c++) {
      let s = rawStarts[c];
      let e = rawEnds[c];
      while (s < e && isTrimmed(text.charCodeAt(s))) s++;
      while (e > s && isTrimmed(text.charCodeAt(e - 1))) e--;
      starts[c] = s;
      ends[c] = e;
      let length = e - s;
      if (escaped[c]) {
        // Inside a quoted field every " is doubled: hash one of each pair, as the unescaped value has it.
        length = 0;
        for (let i = s; i < e; i++) {
          const ch = text.charCodeAt(i);
          if (ch === QUOTE) i++;
          hash = Math.imul(hash ^ ch, ROW_HASH_PRIME);
          length++;
        }
      } else {
        for (let i = s; i < e; i++) hash = Math.imul(hash ^ text.charCodeAt(i), ROW_HASH_PRIME);
      }
      hash = Math.imul(hash ^ ROW_HASH_END_OF_CELL, ROW_HASH_PRIME);
      if (length > MAX_CELL_CHARS) return false;
      if (c === col.quote) {
        quoteLength = length;
        for (let i = s; i < e && !quoteBreaks; i++) {
          const ch = text.charCodeAt(i);
          quoteBreaks = ch === LF || ch === CR;
        }
      }
    }
    // Ids: known, unescaped, not the same actor twice, and in order for an undirected type.
    const lookups = file.lookups;
    if (escaped[col.subject] || escaped[col.object] || escaped[col.type]) return false;
    const subject = lookups.actors.find(text, starts[col.subject], ends[col.subject]);
    if (subject < 0) return false;
    const object = lookups.actors.find(text, starts[col.object], ends[col.object]);
    if (object < 0 || object === subject) return false;
    const type = lookups.types.find(text, starts[col.type], ends[col.type]);
    if (type < 0) return false;
    if (!lookups.directed[type] && lookups.actorRank[subject] > lookups.actorRank[object]) return false;
    // Dates: valid, and the end not before the start.
    if (escaped[col.date] || !parseDateRange(text, starts[col.date], ends[col.date], this.date)) return false;
    const hasEnd = ends[col.endDate] > starts[col.endDate];
    if (hasEnd && (escaped[col.endDate] || !parseDateRange(text, starts[col.endDate], ends[col.endDate], this.endDate) || this.endDate.end < this.date.start)) return false;
    // The quote: present when required, short enough in UTF-16 units (code points are the slow path's), on one line.
    let quote = '';
    if (quoteLength === 0) {
      if (file.quotesRequired) return false;
    } else {
      if (quoteLength > MAX_QUOTE_CODE_POINTS || quoteBreaks) return false;
      quote = cellText(text, starts[col.quote], ends[col.quote], escaped[col.quote] === 1);
      if (file.sourceText !== undefined && !file.sourceText.includes(quote)) return false;
    }
    // Statement: a token of at most MAX_ID_CHARS, unescaped.
    const hasStatement = col.statement >= 0 && ends[col.statement] > starts[col.statement];
    if (hasStatement) {
      const s = starts[col.statement];
      const e = ends[col.statement];
      if (escaped[col.statement] || e - s > MAX_ID_CHARS) return false;
      for (let i = s; i < e; i++) if (isTrimmed(text.charCodeAt(i))) return false;
    }
    let modality = this.defaultModality;
    if (col.modality >= 0 && ends[col.modality] > starts[col.modality]) {
      if (escaped[col.modality]) return false;
      modality = this.modalityOf(starts[col.modality], ends[col.modality]);
      if (modality < 0) return false;
    }
    // A row whose hash was seen may be a duplicate: the slow path compares it.
    if (file.duplicates.rememberIfNew(hash, cursor.offset, cursor.line)) return false;
    // A row with any issue is not stored; once there is an issue the whole dataset is refused anyway.
    if (file.run.issues.length > 0) return true;
    let statement = -1;
    if (hasStatement) {
      const s = starts[col.statement];
      const e = ends[col.statement];
      statement = this.statements.find(text, s, e);
      if (statement < 0) {
        statement = file.rows.statementNumber(file.sourceIndex, text.slice(s, e));
        this.statements.add(s, e, statement);
      }
    }
    const note = ends[col.note] > starts[col.note] ? cellText(text, starts[col.note], ends[col.note], escaped[col.note] === 1) : '';
    const precision = this.date.precision | ((hasEnd ? this.endDate.precision : NO_END_DATE) << PRECISION_SHIFT);
    file.rows.addParsed(file.sourceIndex, cursor.line, subject, object, type, modality, this.date.start, hasEnd ? this.endDate.end : 0, precision, quote, note, statement);
    return true;
  }
}

/** The trimmed range's value, as CsvCursor.field gives it. */
function cellText(text: string, start: number, end: number, escaped: boolean): string {
  const value = text.slice(start, end);
  return escaped ? value.replace(/""/g, '"') : value;
}
