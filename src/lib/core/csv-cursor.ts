/**
 * The RFC 4180 tokenizer behind every graph-data CSV file, one record at a
 * time: a record's fields are kept as offsets into the text, so reading a
 * million rows makes no cell arrays or row objects, and a value becomes a
 * string only when the caller asks for it (and lets it go after checking it).
 *
 * Hand-written rather than papaparse for two measured reasons: papaparse
 * guesses one line ending per file (in a CRLF file an LF-only row merged with
 * the next and every later line number was wrong), and its row arrays were the
 * main cost of loading 10^6 relations. `\n` and `\r\n` both end a row, a bare
 * `\r` is reported, and a quoting error is reported at the line it starts on,
 * after which reading resumes on the next line instead of swallowing the file.
 */

const QUOTE = 34;
const LF = 10;
const CR = 13;

export interface CsvRecordIssue {
  line: number;
  code: string;
  message: string;
}

/** Characters String.prototype.trim removes (ECMAScript WhiteSpace and LineTerminator). */
export function isTrimmed(c: number): boolean {
  if (c <= 32) return c === 32 || (c >= 9 && c <= 13);
  if (c < 0xa0) return false;
  return c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
}

export class CsvCursor {
  /** Line the current record starts on, and the line it ends on. */
  line = 1;
  lastLine = 1;
  /** Offset of the current record in the text, to read it again with `seek`. */
  offset = 0;
  /** Fields of the current record. */
  count = 0;
  /** True when the current record has a quoting error (reported in `issues`); its fields are those that could be read. */
  bad = false;
  readonly issues: CsvRecordIssue[] = [];
  /**
   * Where each field of the current record starts and ends in the text, inside its quotes and untrimmed.
   * Public so that the relations fast path reads ranges without making strings; callers must not write them.
   */
  starts = new Int32Array(16);
  ends = new Int32Array(16);
  /** 1 when the field is quoted and holds doubled quotes, which `field` undoes. */
  escaped = new Uint8Array(16);
  private i: number;
  private nextLine = 1;
  private bareCrReported = false;
  private readonly sep: number;
  private readonly n: number;

  constructor(
    readonly text: string,
    delimiter = ',',
  ) {
    this.sep = delimiter.charCodeAt(0);
    this.n = text.length;
    this.i = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  }

  /** Reads from `offset`, a record that starts on `line` (an offset an earlier record had); issues found then are not kept. */
  seek(offset: number, line: number): void {
    this.i = offset;
    this.nextLine = line;
    this.bareCrReported = true;
  }

  /** Offset and line where the next record starts, for a caller that reads simple records itself (the relations fast path). */
  get nextOffset(): number {
    return this.i;
  }
  get nextRecordLine(): number {
    return this.nextLine;
  }

  /**
   * Moves past a one-line record of `count` fields with no issue that the caller read itself, ending
   * at `end` (after its line ending), as next() would have read it; `field` and the ranges are then not set.
   */
  skipRecord(end: number, lineEnded: boolean, count: number): void {
    this.offset = this.i;
    this.line = this.lastLine = this.nextLine;
    this.count = count;
    this.bad = false;
    this.i = end;
    if (lineEnded) this.nextLine++;
  }

  /** The field as text; `trim` removes surrounding white space, as graph-data cells are read. */
  field(c: number, trim = true): string {
    let start = this.starts[c];
    let end = this.ends[c];
    const text = this.text;
    if (this.escaped[c]) {
      const value = text.slice(start, end).replace(/""/g, '"');
      return trim ? value.trim() : value;
    }
    if (trim) {
      while (start < end && isTrimmed(text.charCodeAt(start))) start++;
      while (end > start && isTrimmed(text.charCodeAt(end - 1))) end--;
    }
    return text.slice(start, end);
  }

  /** Whether the record is one empty (or white-space) field: a blank line. */
  isBlank(): boolean {
    return this.count === 1 && this.field(0) === '';
  }

  private push(start: number, end: number, escaped: boolean): void {
    if (this.count === this.starts.length) {
      const size = this.count * 2;
      const starts = new Int32Array(size);
      starts.set(this.starts);
      const ends = new Int32Array(size);
      ends.set(this.ends);
      const flags = new Uint8Array(size);
      flags.set(this.escaped);
      this.starts = starts;
      this.ends = ends;
      this.escaped = flags;
    }
    this.starts[this.count] = start;
    this.ends[this.count] = end;
    this.escaped[this.count] = escaped ? 1 : 0;
    this.count++;
  }

  private issue(line: number, code: string, message: string): void {
    this.issues.push({ line, code, message });
  }

  /** Reads the next record; false at the end of the text. One pass, no recursion, so a file of millions of rows is fine. */
  next(): boolean {
    const text = this.text;
    const n = this.n;
    const sep = this.sep;
    let i = this.i;
    if (i >= n) return false;
    let line = this.nextLine;
    const rowLine = line;
    this.offset = i;
    this.count = 0;
    this.bad = false;
    let rowEnded = false;
    while (!rowEnded) {
      if (i < n && text.charCodeAt(i) === QUOTE) {
        const open = i;
        const openLine = line;
        let escaped = false;
        let closed = false;
        i++;
        while (i < n) {
          const c = text.charCodeAt(i);
          if (c === QUOTE) {
            if (text.charCodeAt(i + 1) === QUOTE) {
              escaped = true;
              i += 2;
              continue;
            }
            closed = true;
            break;
          }
          if (c === LF) line++;
          else if (c === CR && text.charCodeAt(i + 1) !== LF) line++;
          i++;
        }
        if (!closed) {
          this.issue(openLine, 'csv/unterminated-quote', 'malformed CSV: a quoted field is never closed; every " inside a quoted field must be doubled ("")');
          // Resume on the line after the one the quote opened on, so later rows are still read.
          line = openLine;
          i = open;
          while (i < n && text.charCodeAt(i) !== LF && text.charCodeAt(i) !== CR) i++;
          i = skipLineEnd(text, i);
          line++;
          this.bad = true;
          break;
        }
        this.push(open + 1, i, escaped);
        i++;
        // After the closing quote: a delimiter, the end of the row, or an error.
        if (i < n && text.charCodeAt(i) !== sep && text.charCodeAt(i) !== LF && text.charCodeAt(i) !== CR) {
          if (!this.bad) this.issue(line, 'csv/text-after-quote', 'malformed CSV: text after the closing quote of a field; wrap the whole field in quotes and double any " inside it');
          this.bad = true;
          while (i < n && text.charCodeAt(i) !== sep && text.charCodeAt(i) !== LF && text.charCodeAt(i) !== CR) i++;
        }
      } else {
        const start = i;
        while (i < n) {
          const c = text.charCodeAt(i);
          if (c === sep || c === LF || c === CR) break;
          if (c === QUOTE && !this.bad) {
            this.issue(line, 'csv/stray-quote', 'malformed CSV: a " inside a field that does not start with a quote; wrap the field in quotes and double the " ("")');
            this.bad = true;
          }
          i++;
        }
        this.push(start, i, false);
      }
      if (i >= n) {
        rowEnded = true;
      } else {
        const c = text.charCodeAt(i);
        if (c === sep) i++;
        else {
          if (c === CR && text.charCodeAt(i + 1) !== LF && !this.bareCrReported) {
            this.issue(line, 'csv/bare-cr', 'a line ends in a carriage return without a line feed (old Mac line endings); save the file with LF or CRLF line endings');
            this.bareCrReported = true;
          }
          i = skipLineEnd(text, i);
          line++;
          rowEnded = true;
        }
      }
    }
    this.i = i;
    this.nextLine = line;
    this.line = rowLine;
    this.lastLine = Math.max(rowLine, line - (i >= n && !endsWithNewline(text) ? 0 : 1));
    return true;
  }
}

function endsWithNewline(text: string): boolean {
  const c = text.charCodeAt(text.length - 1);
  return c === LF || c === CR;
}

function skipLineEnd(text: string, i: number): number {
  if (text.charCodeAt(i) === CR) return text.charCodeAt(i + 1) === LF ? i + 2 : i + 1;
  if (text.charCodeAt(i) === LF) return i + 1;
  return i;
}
