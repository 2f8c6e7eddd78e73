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
import { MAX_ID_CHARS, MAX_QUOTE_CODE_POINTS } from './limits';
import { ROW_HASH_SEED, rowHashWith, type DuplicateRows, type LoadRun } from './load-checks';
import { DEFAULT_MODALITY, MODALITIES } from './model';
import { ID_PAIR_WORDS, PairTable, type RelationLookups } from './relation-lookups';
import { NO_END_DATE } from './relation-columns-builder';
import { NOT_SIMPLE, RecordScan } from './relation-record-scan';
import { StatementNumbers } from './statement-numbers';
import type { RelationColumnsBuilder } from './relation-columns-builder';
import { cellDigest, parseDateRange, type DateRange } from './text-ranges';

/**
 * Tests set `enabled` to false to compare the fast path with the slow one, and read `taken` (rows the fast
 * path took) to know that it ran; nothing else should touch them.
 */
export const fastPathSwitch = { enabled: true, taken: 0 };

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
  /** Lines the file is estimated to hold (estimatedLines). */
  lines: number;
}

/** The fast path over one relations file. */
export class RelationFastPath {
  private readonly width: number;
  private readonly col: { subject: number; object: number; type: number; date: number; endDate: number; quote: number; note: number; statement: number; modality: number };
  /** Whether the file can use the fast path at all: attribute columns take the slow path. */
  readonly usable: boolean;
  /** The current record's field ranges, flags, digests and packed id characters. */
  private readonly record: RecordScan;
  private readonly date: DateRange = { start: 0, end: 0, precision: 0 };
  private readonly endDate: DateRange = { start: 0, end: 0, precision: 0 };
  /** Statement ids numbered alike by both paths; the slow path (relation-reader.ts) numbers through it too. */
  readonly statements: StatementNumbers;
  private readonly modalities: PairTable;
  private readonly defaultModality = MODALITIES.indexOf(DEFAULT_MODALITY);

  constructor(private readonly file: FastPathFile) {
    const header = file.header;
    this.width = header.length;
    const at = (name: string) => header.indexOf(name);
    this.col = { subject: at('subject'), object: at('object'), type: at('type'), date: at('date'), endDate: at('end_date'), quote: at('quote'), note: at('note'), statement: at('statement'), modality: at('modality') };
    this.usable = fastPathSwitch.enabled && !header.some((column) => column.startsWith('attr_'));
    this.record = new RecordScan(this.width, this.col.quote, this.col.note);
    this.modalities = new PairTable(MODALITIES, MODALITIES.map((_, m) => m));
    this.statements = new StatementNumbers(file.text, file.rows, this.col.statement >= 0 ? file.lines : 0);
  }

  /**
   * Checks and stores the record at the cursor when it is a simple, valid row, and moves the cursor past it;
   * false, with nothing changed, when the cursor must read it and the slow path check it.
   */
  takeNext(cursor: CsvCursor): boolean {
    const file = this.file;
    const text = file.text;
    const from = cursor.nextOffset;
    if (from >= text.length) return false;
    const line = cursor.nextRecordLine;
    if (file.damaged.size > 0 && file.damaged.has(line)) return false;
    const record = this.record;
    const after = record.scan(text, from);
    if (after === NOT_SIMPLE) return false;
    const starts = record.starts;
    const ends = record.ends;
    const escaped = record.escaped;
    const col = this.col;
    // Ids: known, unescaped, not the same actor twice, and in order for an undirected type.
    const lookups = file.lookups;
    if (escaped[col.subject] || escaped[col.object] || escaped[col.type]) return false;
    // A quoted id was read by a search, not character by character: its pairs are made here.
    if (!record.paired[col.subject]) record.pairUp(text, col.subject);
    if (!record.paired[col.object]) record.pairUp(text, col.object);
    if (!record.paired[col.type]) record.pairUp(text, col.type);
    // Ids read as short fields (a quoted one is left to the slow path) are compared by their pairs.
    const digests = record.digests;
    const pairs = record.pairs;
    const subject = lookups.actors.findPairs(pairs, col.subject * ID_PAIR_WORDS, ends[col.subject] - starts[col.subject], digests[col.subject]);
    if (subject < 0) return false;
    const object = lookups.actors.findPairs(pairs, col.object * ID_PAIR_WORDS, ends[col.object] - starts[col.object], digests[col.object]);
    if (object < 0 || object === subject) return false;
    const type = lookups.types.findPairs(pairs, col.type * ID_PAIR_WORDS, ends[col.type] - starts[col.type], digests[col.type]);
    if (type < 0) return false;
    if (!lookups.directed[type] && lookups.actorRank[subject] > lookups.actorRank[object]) return false;
    // Dates: valid, and the end not before the start.
    if (escaped[col.date] || !parseDateRange(text, starts[col.date], ends[col.date], this.date)) return false;
    const hasEnd = ends[col.endDate] > starts[col.endDate];
    if (hasEnd && (escaped[col.endDate] || !parseDateRange(text, starts[col.endDate], ends[col.endDate], this.endDate) || this.endDate.end < this.date.start)) return false;
    // The quote: present when required, and short enough in UTF-16 units (code points are the slow path's).
    // It has no line break, so no paragraph break: scan leaves those to the slow path.
    let quote = '';
    if (ends[col.quote] === starts[col.quote]) {
      if (file.quotesRequired) return false;
    } else {
      if (ends[col.quote] - starts[col.quote] > MAX_QUOTE_CODE_POINTS && !escaped[col.quote]) return false;
      quote = cellText(text, starts[col.quote], ends[col.quote], escaped[col.quote] === 1);
      if (quote.length > MAX_QUOTE_CODE_POINTS) return false;
      if (file.sourceText !== undefined && !file.sourceText.includes(quote)) return false;
    }
    // Statement: a token of at most MAX_ID_CHARS, unescaped.
    const hasStatement = col.statement >= 0 && ends[col.statement] > starts[col.statement];
    if (hasStatement) {
      const s = starts[col.statement];
      const e = ends[col.statement];
      if (escaped[col.statement] || e - s > MAX_ID_CHARS) return false;
      if (!record.plain[col.statement]) for (let i = s; i < e; i++) if (isTrimmed(text.charCodeAt(i))) return false;
    }
    let modality = this.defaultModality;
    if (col.modality >= 0 && ends[col.modality] > starts[col.modality]) {
      if (escaped[col.modality]) return false;
      if (!record.paired[col.modality]) record.pairUp(text, col.modality);
      modality = this.modalities.findPairs(pairs, col.modality * ID_PAIR_WORDS, ends[col.modality] - starts[col.modality], digests[col.modality]);
      if (modality < 0) return false;
    }
    // A row whose hash was seen may be a duplicate: the slow path compares it. The hash is over the values, so
    // an escaped quote or note is hashed unescaped (no other field with escapes gets here).
    const note = ends[col.note] > starts[col.note] ? cellText(text, starts[col.note], ends[col.note], escaped[col.note] === 1) : '';
    const rowDigests = record.rowDigests;
    if (escaped[col.quote]) rowDigests[col.quote] = cellDigest(quote, 0, quote.length);
    if (escaped[col.note]) rowDigests[col.note] = cellDigest(note, 0, note.length);
    let hash = ROW_HASH_SEED;
    for (let c = 0; c < this.width; c++) hash = rowHashWith(hash, rowDigests[c]);
    if (file.duplicates.rememberIfNew(hash, from, line)) return false;
    cursor.skipRecord(after < 0 ? -after - 1 : after, after >= 0, this.width);
    fastPathSwitch.taken++;
    // A row with any issue is not stored; once there is an issue the whole dataset is refused anyway.
    if (file.run.issues.length > 0) return true;
    const statement = hasStatement ? this.statements.ofRange(starts[col.statement], ends[col.statement], digests[col.statement]) : -1;
    const precision = this.date.precision | ((hasEnd ? this.endDate.precision : NO_END_DATE) << PRECISION_SHIFT);
    file.rows.addParsed(file.sourceIndex, line, subject, object, type, modality, this.date.start, hasEnd ? this.endDate.end : 0, precision, quote, note, statement);
    return true;
  }
}

/** The trimmed range's value, as CsvCursor.field gives it. */
function cellText(text: string, start: number, end: number, escaped: boolean): string {
  if (!escaped) return text.slice(start, end);
  // Pieces up to each doubled quote's first ", found by indexOf: a regex replace per escaped quote cost 3-4 times as much.
  let value = '';
  let from = start;
  for (let q = text.indexOf('"', from); q >= 0 && q < end; q = text.indexOf('"', from)) {
    value += text.slice(from, q + 1);
    from = q + 2;
  }
  return value + text.slice(from, end);
}
