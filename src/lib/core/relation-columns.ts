/**
 * Relation rows as columns: interned actor, type and source numbers, dates as
 * day numbers, quotes, notes and statement ids in string stores. This is what
 * the loader builds and what the index reads; `Dataset.relations` is a lazy
 * array over it (see lazy-array.ts), whose row objects are made only when read.
 *
 * Per row: 2 + 2 + 2 + 2 + 2 + 1 + 4 + 4 + 1 + 4 = 24 bytes of columns with
 * fewer than 65,536 actors and sources and files of fewer than 65,536 lines (2
 * more per column beyond that), plus 4 bytes of offset and the characters of its quote, 4 for its note when any
 * row has one, and its statement id once per statement.
 */
import { formatDay, parsePartialDate } from './dates';
import { lazyArray, lazyArraySource } from './lazy-array';
import { MODALITIES, type Dataset, type Modality, type Relation } from './model';
import { NO_ATTRIBUTES } from './csv';
import { storedString, storeBytes, type StringStore } from './string-store';
import { NO_END_DATE, columnsFromRelations } from './relation-columns-builder';

/** Uint16Array when every id fits, else Int32Array. */
export type IdColumn = Uint16Array | Int32Array;

export interface RelationColumns {
  count: number;
  sourceIds: readonly string[];
  actorIds: readonly string[];
  typeIds: readonly string[];
  source: IdColumn;
  /** 16 bits when every line number fits. */
  line: Uint16Array | Int32Array;
  subject: IdColumn;
  object: IdColumn;
  type: Uint16Array;
  /** Index into MODALITIES. */
  modality: Uint8Array;
  /** First day of `date`. */
  dateStart: Int32Array;
  /** Last day of `end_date`; unused when the row has none. */
  endDateEnd: Int32Array;
  /** Bits 0-1: precision of `date`; bits 2-3: precision of `end_date`, NO_END_DATE when empty. */
  precision: Uint8Array;
  quote: StringStore;
  note: StringStore;
  /** Statement number of each row, -1 when the row has no statement id; the id text is in `statementIds`. */
  statement: Int32Array;
  statementIds: StringStore;
  /** Rows with attribute values, by row; the others have none. */
  attributes: Map<number, Record<string, string>>;
}

export { NO_END_DATE, precisionCode } from './relation-columns-builder';
export type { ColumnRow } from './relation-columns-builder';

/** The text of a validated partial date, from its first or last day and its precision: exactly what was written. */
export function partialDateText(day: number, precision: number): string {
  const full = formatDay(day);
  return precision === 0 ? full.slice(0, 4) : precision === 1 ? full.slice(0, 7) : full;
}

/** Last day of the partial date that starts on `day` with this precision. */
function lastDayOf(day: number, precision: number): number {
  if (precision === 2) return day;
  return parsePartialDate(partialDateText(day, precision))!.end;
}

/** First day of the partial date that ends on `day`. */
function firstDayOf(day: number, precision: number): number {
  if (precision === 2) return day;
  return parsePartialDate(partialDateText(day, precision))!.start;
}

export function hasEndDate(columns: RelationColumns, i: number): boolean {
  return columns.precision[i] >> 2 !== NO_END_DATE;
}

/** Last day of the row's own `date` (a month-precision date covers the whole month). */
export function dateEndOf(columns: RelationColumns, i: number): number {
  return lastDayOf(columns.dateStart[i], columns.precision[i] & 3);
}

export function relationAt(columns: RelationColumns, i: number): Relation {
  const source = columns.sourceIds[columns.source[i]];
  const line = columns.line[i];
  const precision = columns.precision[i];
  const endPrecision = precision >> 2;
  const statement = columns.statement[i];
  return {
    id: `${source}:${line}`,
    source,
    line,
    subject: columns.actorIds[columns.subject[i]],
    object: columns.actorIds[columns.object[i]],
    type: columns.typeIds[columns.type[i]],
    date: partialDateText(columns.dateStart[i], precision & 3),
    endDate: endPrecision === NO_END_DATE ? '' : partialDateText(columns.endDateEnd[i], endPrecision),
    quote: storedString(columns.quote, i),
    note: storedString(columns.note, i),
    statement: statement < 0 ? '' : storedString(columns.statementIds, statement),
    modality: MODALITIES[columns.modality[i]] as Modality,
    attributes: columns.attributes.get(i) ?? NO_ATTRIBUTES,
  };
}

/** The row objects over `columns`, made when read. */
export function relationRows(columns: RelationColumns): Relation[] {
  return lazyArray(columns.count, (i) => relationAt(columns, i), columns);
}

/** The columns behind `dataset.relations`; built from the row objects when the dataset was assembled by hand. */
export function relationColumnsOf(dataset: Dataset): RelationColumns {
  const columns = lazyArraySource<RelationColumns>(dataset.relations);
  if (columns && columns.count === dataset.relations.length) return columns;
  return columnsFromRelations(dataset);
}

/** Columns whose endDateEnd an index has taken for its ends. */
const endsInColumns = new WeakSet<RelationColumns>();

/**
 * Where an index writes each row's end. A row with an end date ends on that date's last day, which is what
 * endDateEnd holds, and its slot of a row without one is unused: so the first index of the columns writes its
 * ends there, 4 bytes a row less (4 MB at a million rows). Another index of the same columns (another list of
 * sources, whose publication dates end standing rows elsewhere) gets an array of its own.
 */
export function endsArrayOf(columns: RelationColumns): Int32Array {
  if (endsInColumns.has(columns)) return new Int32Array(columns.count);
  claimEndsColumn(columns);
  return columns.endDateEnd;
}

/** Notes that an index holds its ends in the columns' endDateEnd (one built in a worker, whose arrays arrived here). */
export function claimEndsColumn(columns: RelationColumns): void {
  endsInColumns.add(columns);
}

/** Bytes the columns hold. */
export function columnBytes(columns: RelationColumns): number {
  const arrays = [columns.source, columns.line, columns.subject, columns.object, columns.type, columns.modality, columns.dateStart, columns.endDateEnd, columns.precision, columns.statement];
  return arrays.reduce((sum, a) => sum + a.byteLength, 0) + storeBytes(columns.quote) + storeBytes(columns.note) + storeBytes(columns.statementIds);
}

export { firstDayOf, lastDayOf };
