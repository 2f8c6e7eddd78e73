/**
 * The fast path's record scan (relation-fast-path.ts): finds one simple CSV record's field ranges in the
 * file's text, with their escaped flags, digests and packed id characters, and no string per cell.
 */
import { isTrimmed } from './csv-cursor';
import { MAX_CELL_CHARS, MAX_ID_CHARS } from './limits';
import { ID_PAIR_WORDS, packedPair } from './relation-lookups';
import { FNV_SEED, FULL_CELL_DIGEST_CHARS, cellDigest, digestRange, fnvStep, sampledDigest, shortDigest } from './text-ranges';

const QUOTE = 34;
const CR = 13;
const SEP = 44;
/** What scan returns for a record that is not simple: CsvCursor reads it and the slow path checks it. */
export const NOT_SIMPLE = 0;

export class RecordScan {
  /** Ranges of the current record's fields, their escaped flags and its duplicate hash. */
  readonly starts: Int32Array;
  readonly ends: Int32Array;
  readonly escaped: Uint8Array;
  /** digestRange of each field's value but the quote's and the note's, for the look-ups by id. */
  readonly digests: Int32Array;
  /** cellDigest of each field's value, for the row hash. */
  readonly rowDigests: Int32Array;
  /** 1 when a field read in one pass holds only printable ASCII (no white space), so it needs no trim check. */
  readonly plain: Uint8Array;
  /** Each short field's characters packed two to a word (packedPair), its first ID_PAIR_WORDS words: ids are compared by them. */
  readonly pairs: Int32Array;
  /** 1 when field c was read as a short field, so its pairs are its own, not a previous row's (else pairUp makes them). */
  readonly paired: Uint8Array;
  /**
   * The first LF, CR, " and comma at or after where they were last looked for (the text's length when there is
   * none). Kept, so that no search covers text another one has: lines without a comma or with an unclosed quote
   * would otherwise each search to the end of the text.
   */
  private lfAt = -1;
  private crAt = -1;
  private quoteAt = -1;
  private commaAt = -1;

  constructor(
    private readonly width: number,
    private readonly quoteColumn: number,
    private readonly noteColumn: number,
  ) {
    this.starts = new Int32Array(width);
    this.ends = new Int32Array(width);
    this.escaped = new Uint8Array(width);
    this.digests = new Int32Array(width);
    this.rowDigests = new Int32Array(width);
    this.plain = new Uint8Array(width);
    this.pairs = new Int32Array(width * ID_PAIR_WORDS);
    this.paired = new Uint8Array(width);
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
  scan(text: string, from: number): number {
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
    const quoteColumn = this.quoteColumn;
    const noteColumn = this.noteColumn;
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

  /** Fills field c's pairs from its range, as scan does for a short field (a longer field is no id: it keeps none). */
  pairUp(text: string, c: number): void {
    const start = this.starts[c];
    const end = this.ends[c];
    if (end - start > 2 * ID_PAIR_WORDS) return;
    for (let i = start, w = c * ID_PAIR_WORDS; i < end; i += 2, w++) this.pairs[w] = packedPair(text.charCodeAt(i), i + 1 < end ? text.charCodeAt(i + 1) : 0);
  }
}

/** The first `char` in text at or after `from`, or `n` (the text's length) when there is none. */
function nextIndex(text: string, char: string, from: number, n: number): number {
  const at = text.indexOf(char, from);
  return at < 0 ? n : at;
}
