/**
 * Statement ids numbered per relations file in the order they are first stored, the same way by the fast
 * path (from a range of the file's text) and the slow path (from the cursor's value), so both paths number
 * one id alike.
 */
import { isTrimmed, type CsvCursor } from './csv-cursor';
import type { RelationColumnsBuilder } from './relation-columns-builder';
import { RangeTable, digestRange } from './text-ranges';

export class StatementNumbers {
  private readonly ranges: RangeTable;
  private readonly escaped = new Map<string, number>();

  /**
   * `expected`: statement ids the file may hold, to presize the table by (a line each, in files made by a tool:
   * growing from 1,024 rehashed the table five times per file at 10^6 rows).
   */
  constructor(
    private readonly text: string,
    private readonly rows: RelationColumnsBuilder,
    expected = 1024,
  ) {
    this.ranges = new RangeTable(text, Math.max(1024, Math.min(1 << 20, expected)));
  }

  /** The number of the statement id at text[start, end). */
  ofRange(start: number, end: number, digest = digestRange(this.text, start, end)): number {
    let statement = this.ranges.findHashed(this.text, start, end, digest);
    if (statement < 0) {
      statement = this.rows.newStatement(this.text.slice(start, end));
      this.ranges.add(start, end, statement, digest);
    }
    return statement;
  }

  /**
   * The number of the statement id in field `c` of the cursor's record, for a row the slow path stores.
   * An escaped id (it holds a ") is not a range of the text: those have a map.
   */
  ofCursorField(cursor: CsvCursor, c: number, value: string): number {
    if (!cursor.escaped[c]) {
      // The value is the trimmed range of the field.
      let start = cursor.starts[c];
      while (isTrimmed(this.text.charCodeAt(start))) start++;
      return this.ofRange(start, start + value.length);
    }
    let statement = this.escaped.get(value);
    if (statement === undefined) this.escaped.set(value, (statement = this.rows.newStatement(value)));
    return statement;
  }
}
