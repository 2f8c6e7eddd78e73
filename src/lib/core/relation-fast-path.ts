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
import { ROW_HASH_SEED, rowHashWith, type DuplicateRows, type LoadRun } from './load-checks';
import { DEFAULT_MODALITY, MODALITIES } from './model';
import { ID_PAIR_WORDS, PairTable, packedPair, type RelationLookups } from './relation-lookups';
import { NO_END_DATE } from './relation-columns-builder';
import type { RelationColumnsBuilder } from './relation-columns-builder';
import { FNV_SEED, FULL_CELL_DIGEST_CHARS, RangeTable, cellDigest, digestRange, fnvStep, parseDateRange, sampledDigest, shortDigest, type DateRange } from './text-ranges';

/**
 * Tests set `enabled` to false to compare the fast path with the slow one, and read `taken` (rows the fast
 * path took) to know that it ran; nothing else should touch them.
 */
export const fastPathSwitch = { enabled: true, taken: 0 };

const QUOTE = 34;
const CR = 13;
const SEP = 44;
const PRECISION_SHIFT = 2;
const NOT_SIMPLE = 0;

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
  /** Ranges of the current record's fields, their escaped flags and its duplicate hash. */
  private readonly starts: Int32Array;
  private readonly ends: Int32Array;
  private readonly escaped: Uint8Array;
  /** digestRange of each field's value but the quote's and the note's, for the look-ups by id. */
  private readonly digests: Int32Array;
  /** cellDigest of each field's value, for the row hash. */
  private readonly rowDigests: Int32Array;
  /** 1 when a field read in one pass holds only printable ASCII (no white space), so it needs no trim check. */
  private readonly plain: Uint8Array;
  /** Each short field's characters packed two to a word (packedPair), its first ID_PAIR_WORDS words: ids are compared by them. */
  private readonly pairs: Int32Array;
  /** 1 when field c was read as a short field, so its pairs are its own, not a previous row's (else pairUp makes them). */
  private readonly paired: Uint8Array;
  /**
   * The first LF, CR, " and comma at or after where they were last looked for (the text's length when there is
   * none). Kept, so that no search covers text another one has: lines without a comma or with an unclosed quote
   * would otherwise each search to the end of the text.
   */
  private lfAt = -1;
  private crAt = -1;
  private quoteAt = -1;
  private commaAt = -1;
  private readonly date: DateRange = { start: 0, end: 0, precision: 0 };
  private readonly endDate: DateRange = { start: 0, end: 0, precision: 0 };
  /** Statement ids of this file already numbered, keyed by their first range in the text. */
  private readonly statements: RangeTable;
  private readonly escapedStatements = new Map<string, number>();
  private readonly modalities: PairTable;
  private readonly defaultModality = MODALITIES.indexOf(DEFAULT_MODALITY);

  constructor(private readonly file: FastPathFile) {
    const header = file.header;
    this.width = header.length;
    const at = (name: string) => header.indexOf(name);
    this.col = { subject: at('subject'), object: at('object'), type: at('type'), date: at('date'), endDate: at('end_date'), quote: at('quote'), note: at('note'), statement: at('statement'), modality: at('modality') };
    this.usable = fastPathSwitch.enabled && !header.some((column) => column.startsWith('attr_'));
    this.starts = new Int32Array(this.width);
    this.ends = new Int32Array(this.width);
    this.escaped = new Uint8Array(this.width);
    this.digests = new Int32Array(this.width);
    this.rowDigests = new Int32Array(this.width);
    this.plain = new Uint8Array(this.width);
    this.pairs = new Int32Array(this.width * ID_PAIR_WORDS);
    this.paired = new Uint8Array(this.width);
    this.modalities = new PairTable(MODALITIES, MODALITIES.map((_, m) => m));
    this.statements = new RangeTable(file.text, 1024);
  }

  /**
   * Reads one simple record at `from`: every field on one line, no surrounding white space, quoted or not,
   * none longer than MAX_CELL_CHARS, exactly `width` of them. Sets the ranges, the escaped flags and the
   * digests; returns the
   * offset after the record and its line ending, negated minus one when no line ending followed (the end of
   * the text), or NOT_SIMPLE, and then CsvCursor reads it.
   *
   * Separators are found with indexOf, which V8 runs as a memchr over the text: a loop that read every
   * character and tested it for , " CR and LF was the fast path's largest cost at 10^6 rows.
   */
  private scan(text: string, from: number): number {
    const n = text.length;
    if (this.lfAt < from) this.lfAt = nextIndex(text, '\n', from, n);
    const lf = this.lfAt;
    // The record ends at its line ending: LF, or CR LF.
    const recordEnd = lf < n && lf > from && text.charCodeAt(lf - 1) === CR ? lf - 1 : lf;
    // Any other CR on the line (a bare one) is CsvCursor's to read.
    if (this.crAt < from) this.crAt = nextIndex(text, '\r', from, n);
    if (this.crAt < recordEnd) return NOT_SIMPLE;
    const starts = this.starts;
    const ends = this.ends;
    const escaped = this.escaped;
    const digests = this.digests;
    const rowDigests = this.rowDigests;
    const plain = this.plain;
    const pairs = this.pairs;
    const paired = this.paired;
    const last = this.width - 1;
    const quoteColumn = this.col.quote;
    const noteColumn = this.col.note;
    let i = from;
    for (let c = 0; c <= last; c++) {
      let start = i;
      let end: number;
      let hasEscapes = 0;
      if (text.charCodeAt(i) === QUOTE && i < recordEnd) {
        start = ++i;
        for (;;) {
          if (this.quoteAt < i) this.quoteAt = nextIndex(text, '"', i, n);
          const q = this.quoteAt;
          if (q >= recordEnd) return NOT_SIMPLE;
          i = q;
          if (text.charCodeAt(q + 1) !== QUOTE) break;
          hasEscapes = 1;
          i = q + 2;
        }
        end = i++;
        if (c < last ? text.charCodeAt(i) !== SEP || i >= recordEnd : i !== recordEnd) return NOT_SIMPLE;
      } else if (c < last && text.charCodeAt(i) === SEP) {
        // An empty field (no end date, no note): nothing to search for.
        end = i;
      } else if (c !== quoteColumn && c !== noteColumn) {
        // A short field (an id, a date, a statement or a modality): read and hashed in one pass, which costs
        // less than a search for its comma and then a second pass for its digest.
        // Two characters per step of the hash (see shortDigest), so the chain of multiplications is half as long.
        let hash = FNV_SEED;
        let ch = 0;
        let printable = 1;
        let word = c * ID_PAIR_WORDS;
        const lastWord = word + ID_PAIR_WORDS;
        while (i < recordEnd && (ch = text.charCodeAt(i)) !== SEP && ch !== QUOTE) {
          if (ch <= 32 || ch >= 127) printable = 0;
          const first = ch;
          if (++i >= recordEnd || (ch = text.charCodeAt(i)) === SEP || ch === QUOTE) {
            hash = fnvStep(hash, first);
            if (word < lastWord) pairs[word] = first;
            break;
          }
          if (ch <= 32 || ch >= 127) printable = 0;
          const pair = packedPair(first, ch);
          hash = fnvStep(hash, pair);
          if (word < lastWord) pairs[word++] = pair;
          i++;
        }
        if (i < recordEnd ? ch === QUOTE || c === last : c < last) return NOT_SIMPLE;
        end = i;
        const length = end - start;
        if (!printable && length > 0 && (isTrimmed(text.charCodeAt(start)) || isTrimmed(text.charCodeAt(end - 1)))) return NOT_SIMPLE;
        if (length > MAX_CELL_CHARS) return NOT_SIMPLE;
        starts[c] = start;
        ends[c] = end;
        escaped[c] = 0;
        plain[c] = printable;
        paired[c] = 1;
        const digest = length <= MAX_ID_CHARS ? shortDigest(hash, length) : digestRange(text, start, end);
        digests[c] = digest;
        rowDigests[c] = length <= FULL_CELL_DIGEST_CHARS ? digest : sampledDigest(text, start, end);
        i++;
        continue;
      } else {
        if (this.commaAt < i) this.commaAt = nextIndex(text, ',', i, n);
        const comma = this.commaAt;
        if (c < last) {
          if (comma >= recordEnd) return NOT_SIMPLE;
          end = comma;
        } else {
          if (comma < recordEnd) return NOT_SIMPLE;
          end = recordEnd;
        }
        if (this.quoteAt < i) this.quoteAt = nextIndex(text, '"', i, n);
        if (this.quoteAt < end) return NOT_SIMPLE;
        i = end;
      }
      if (end > start && (isTrimmed(text.charCodeAt(start)) || isTrimmed(text.charCodeAt(end - 1)))) return NOT_SIMPLE;
      if (end - start > MAX_CELL_CHARS) return NOT_SIMPLE;
      starts[c] = start;
      ends[c] = end;
      escaped[c] = hasEscapes;
      plain[c] = 0;
      paired[c] = 0;
      // Here rather than in a loop of its own: one pass over the fields per row. The quote and the note are
      // looked up by nothing, so they need only the row hash's digest.
      if (c === quoteColumn || c === noteColumn) rowDigests[c] = cellDigest(text, start, end);
      else {
        const digest = digestRange(text, start, end);
        digests[c] = digest;
        rowDigests[c] = end - start <= FULL_CELL_DIGEST_CHARS ? digest : sampledDigest(text, start, end);
      }
      // Past the separator (the last field has none).
      i++;
    }
    return lf < n ? lf + 1 : -n - 1;
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
    const after = this.scan(text, from);
    if (after === NOT_SIMPLE) return false;
    const starts = this.starts;
    const ends = this.ends;
    const escaped = this.escaped;
    const col = this.col;
    // Ids: known, unescaped, not the same actor twice, and in order for an undirected type.
    const lookups = file.lookups;
    if (escaped[col.subject] || escaped[col.object] || escaped[col.type]) return false;
    // A quoted id was read by a search, not character by character: its pairs are made here.
    if (!this.paired[col.subject]) this.pairUp(text, col.subject);
    if (!this.paired[col.object]) this.pairUp(text, col.object);
    if (!this.paired[col.type]) this.pairUp(text, col.type);
    // Ids read as short fields (a quoted one is left to the slow path) are compared by their pairs.
    const digests = this.digests;
    const pairs = this.pairs;
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
      if (!this.plain[col.statement]) for (let i = s; i < e; i++) if (isTrimmed(text.charCodeAt(i))) return false;
    }
    let modality = this.defaultModality;
    if (col.modality >= 0 && ends[col.modality] > starts[col.modality]) {
      if (escaped[col.modality]) return false;
      if (!this.paired[col.modality]) this.pairUp(text, col.modality);
      modality = this.modalities.findPairs(pairs, col.modality * ID_PAIR_WORDS, ends[col.modality] - starts[col.modality], digests[col.modality]);
      if (modality < 0) return false;
    }
    // A row whose hash was seen may be a duplicate: the slow path compares it. The hash is over the values, so
    // an escaped quote or note is hashed unescaped (no other field with escapes gets here).
    const note = ends[col.note] > starts[col.note] ? cellText(text, starts[col.note], ends[col.note], escaped[col.note] === 1) : '';
    const rowDigests = this.rowDigests;
    if (escaped[col.quote]) rowDigests[col.quote] = cellDigest(quote, 0, quote.length);
    if (escaped[col.note]) rowDigests[col.note] = cellDigest(note, 0, note.length);
    let hash = ROW_HASH_SEED;
    for (let c = 0; c < this.width; c++) hash = rowHashWith(hash, rowDigests[c]);
    if (file.duplicates.rememberIfNew(hash, from, line)) return false;
    cursor.skipRecord(after < 0 ? -after - 1 : after, after >= 0, this.width);
    fastPathSwitch.taken++;
    // A row with any issue is not stored; once there is an issue the whole dataset is refused anyway.
    if (file.run.issues.length > 0) return true;
    const statement = hasStatement ? this.statementOf(starts[col.statement], ends[col.statement], digests[col.statement]) : -1;
    const precision = this.date.precision | ((hasEnd ? this.endDate.precision : NO_END_DATE) << PRECISION_SHIFT);
    file.rows.addParsed(file.sourceIndex, line, subject, object, type, modality, this.date.start, hasEnd ? this.endDate.end : 0, precision, quote, note, statement);
    return true;
  }

  /** Fills field c's pairs from its range, as scan does for a short field (a longer field is no id: it keeps none). */
  private pairUp(text: string, c: number): void {
    const start = this.starts[c];
    const end = this.ends[c];
    if (end - start > 2 * ID_PAIR_WORDS) return;
    for (let i = start, w = c * ID_PAIR_WORDS; i < end; i += 2, w++) this.pairs[w] = packedPair(text.charCodeAt(i), i + 1 < end ? text.charCodeAt(i + 1) : 0);
  }

  /** The number of the statement id at text[start, end), numbered in this file as first stored. */
  private statementOf(start: number, end: number, digest = digestRange(this.file.text, start, end)): number {
    const text = this.file.text;
    let statement = this.statements.findHashed(text, start, end, digest);
    if (statement < 0) {
      statement = this.file.rows.newStatement(text.slice(start, end));
      this.statements.add(start, end, statement);
    }
    return statement;
  }

  /**
   * The number of the statement id in field `c` of the cursor's record, for a row the slow path stores, so that
   * both paths number the same ids alike. An escaped id (it holds a ") is not a range of the text: those have a map.
   */
  slowStatementOf(cursor: CsvCursor, c: number, value: string): number {
    if (!cursor.escaped[c]) {
      // The value is the trimmed range of the field.
      const text = this.file.text;
      let start = cursor.starts[c];
      while (isTrimmed(text.charCodeAt(start))) start++;
      return this.statementOf(start, start + value.length);
    }
    let statement = this.escapedStatements.get(value);
    if (statement === undefined) this.escapedStatements.set(value, (statement = this.file.rows.newStatement(value)));
    return statement;
  }
}

/** The first `char` in text at or after `from`, or `n` (the text's length) when there is none. */
function nextIndex(text: string, char: string, from: number, n: number): number {
  const at = text.indexOf(char, from);
  return at < 0 ? n : at;
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
