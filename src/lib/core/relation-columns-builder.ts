/**
 * Building relation columns (relation-columns.ts) row by row: the loader adds
 * each valid row, its ids already numbers and its dates days, and a dataset
 * assembled in code is turned into columns the same way. Kept apart from the
 * reading side so that each reads as one concern.
 */
import type { DatePrecision, PartialDate } from './dates';
import { parsePartialDate } from './dates';
import { MODALITIES, type Dataset } from './model';
import { NO_ATTRIBUTES } from './csv';
import { StringStoreBuilder } from './string-store';
import type { IdColumn, RelationColumns } from './relation-columns';

/** The end-date precision of a row that has no end date. */
export const NO_END_DATE = 3;
const PRECISION_CODE: Record<DatePrecision, number> = { year: 0, month: 1, day: 2 };

export function precisionCode(precision: DatePrecision): number {
  return PRECISION_CODE[precision];
}

function idColumn(capacity: number, distinct: number): IdColumn {
  return distinct <= 0x10000 ? new Uint16Array(capacity) : new Int32Array(capacity);
}

function grow<T extends Uint8Array | Uint16Array | Int32Array>(array: T, size: number): T {
  const grown = new (array.constructor as new (n: number) => T)(size);
  grown.set(array);
  return grown;
}

/** One row, its ids already resolved to numbers and its dates to days. */
export interface ColumnRow {
  source: number;
  line: number;
  subject: number;
  object: number;
  type: number;
  modality: number;
  date: PartialDate;
  endDate: PartialDate | null;
  quote: string;
  note: string;
  /** Statement id as written, '' for none; numbered per source. */
  statement: string;
  attributes: Record<string, string>;
}

export class RelationColumnsBuilder {
  private count = 0;
  private capacity: number;
  private source: IdColumn;
  private line: Int32Array;
  private subject: IdColumn;
  private object: IdColumn;
  private type: Uint16Array;
  private modality: Uint8Array;
  private dateStart: Int32Array;
  private endDateEnd: Int32Array;
  private precision: Uint8Array;
  private statement: Int32Array;
  private quote: StringStoreBuilder;
  private note: StringStoreBuilder;
  private statementIds = new StringStoreBuilder();
  private statementsBySource = new Map<number, Map<string, number>>();
  private attributes = new Map<number, Record<string, string>>();

  constructor(
    private ids: { sourceIds: readonly string[]; actorIds: readonly string[]; typeIds: readonly string[] },
    capacity = 1024,
  ) {
    this.capacity = Math.max(16, capacity);
    const n = this.capacity;
    this.source = idColumn(n, ids.sourceIds.length);
    this.line = new Int32Array(n);
    this.subject = idColumn(n, ids.actorIds.length);
    this.object = idColumn(n, ids.actorIds.length);
    this.type = new Uint16Array(n);
    this.modality = new Uint8Array(n);
    this.dateStart = new Int32Array(n);
    this.endDateEnd = new Int32Array(n);
    this.precision = new Uint8Array(n);
    this.statement = new Int32Array(n);
    this.quote = new StringStoreBuilder(n);
    this.note = new StringStoreBuilder(n);
  }

  get size(): number {
    return this.count;
  }

  private growTo(size: number): void {
    this.capacity = size;
    this.source = grow(this.source, size);
    this.line = grow(this.line, size);
    this.subject = grow(this.subject, size);
    this.object = grow(this.object, size);
    this.type = grow(this.type, size);
    this.modality = grow(this.modality, size);
    this.dateStart = grow(this.dateStart, size);
    this.endDateEnd = grow(this.endDateEnd, size);
    this.precision = grow(this.precision, size);
    this.statement = grow(this.statement, size);
  }

  add(row: ColumnRow): void {
    const precision = PRECISION_CODE[row.date.precision] | ((row.endDate ? PRECISION_CODE[row.endDate.precision] : NO_END_DATE) << 2);
    const statement = row.statement ? this.statementNumber(row.source, row.statement) : -1;
    const i = this.addParsed(row.source, row.line, row.subject, row.object, row.type, row.modality, row.date.start, row.endDate ? row.endDate.end : 0, precision, row.quote, row.note, statement);
    this.setAttributes(i, row.attributes);
  }

  /** The number of a statement id in its source, numbered as first stored; statement ids are scoped to their source. */
  statementNumber(source: number, id: string): number {
    let known = this.statementsBySource.get(source);
    if (!known) this.statementsBySource.set(source, (known = new Map()));
    let s = known.get(id);
    if (s === undefined) known.set(id, (s = this.newStatement(id)));
    return s;
  }

  /** A number for a statement id the caller knows is new in its source (the reader numbers them per file). */
  newStatement(id: string): number {
    const s = this.statementIds.size;
    this.statementIds.push(id);
    return s;
  }

  /** Attribute values of row `i`, when it has any. */
  setAttributes(i: number, attributes: Record<string, string>): void {
    if (attributes !== NO_ATTRIBUTES && Object.keys(attributes).length > 0) this.attributes.set(i, attributes);
  }

  /**
   * One row given as numbers, as the reader's fast path has them (`precision` packed as the column holds it,
   * `statement` from statementNumber or -1); returns its row number.
   */
  addParsed(source: number, line: number, subject: number, object: number, type: number, modality: number, dateStart: number, endDateEnd: number, precision: number, quote: string, note: string, statement: number): number {
    if (this.count === this.capacity) this.growTo(this.capacity * 2);
    const i = this.count++;
    this.source[i] = source;
    this.line[i] = line;
    this.subject[i] = subject;
    this.object[i] = object;
    this.type[i] = type;
    this.modality[i] = modality;
    this.dateStart[i] = dateStart;
    this.endDateEnd[i] = endDateEnd;
    this.precision[i] = precision;
    this.quote.push(quote);
    this.note.push(note);
    this.statement[i] = statement;
    return i;
  }

  finish(): RelationColumns {
    const n = this.count;
    const fit = <T extends Uint8Array | Uint16Array | Int32Array>(array: T): T => (array.length === n ? array : (array.slice(0, n) as T));
    const columns: RelationColumns = {
      count: n,
      sourceIds: this.ids.sourceIds,
      actorIds: this.ids.actorIds,
      typeIds: this.ids.typeIds,
      source: fit(this.source),
      line: narrowed(fit(this.line)),
      subject: fit(this.subject),
      object: fit(this.object),
      type: fit(this.type),
      modality: fit(this.modality),
      dateStart: fit(this.dateStart),
      endDateEnd: fit(this.endDateEnd),
      precision: fit(this.precision),
      quote: this.quote.finish(),
      note: this.note.finish(),
      statement: fit(this.statement),
      statementIds: this.statementIds.finish(),
      attributes: this.attributes,
    };
    return columns;
  }
}

/** A column of small non-negative numbers (line numbers: files rarely reach 65,536 lines) in 16 bits when they fit: 2 MB less at a million rows. */
function narrowed(column: Int32Array): Uint16Array | Int32Array {
  for (let i = 0; i < column.length; i++) if (column[i] < 0 || column[i] > 0xffff) return column;
  return Uint16Array.from(column);
}

/** Columns of rows given as objects (a dataset assembled in code or in a test); rows must name known ids. */
export function columnsFromRelations(dataset: Dataset): RelationColumns {
  const sourceIds = dataset.sources.map((s) => s.id);
  const sourceIndex = new Map(sourceIds.map((id, i) => [id, i]));
  // Rows may name a source the list lacks (a dataset assembled by hand): it gets a number of its own.
  for (const relation of dataset.relations) {
    if (!sourceIndex.has(relation.source)) sourceIndex.set(relation.source, sourceIds.push(relation.source) - 1);
  }
  const actorIds = dataset.actors.map((a) => a.id);
  const typeIds = dataset.types.map((t) => t.id);
  const actorIndex = new Map(actorIds.map((id, i) => [id, i]));
  const typeIndex = new Map(typeIds.map((id, i) => [id, i]));
  const modalityIndex = new Map<string, number>(MODALITIES.map((m, i) => [m, i]));
  const dates = new Map<string, PartialDate | null>();
  const dateOf = (text: string) => {
    let date = dates.get(text);
    if (date === undefined) dates.set(text, (date = parsePartialDate(text)));
    return date;
  };
  const builder = new RelationColumnsBuilder({ sourceIds, actorIds, typeIds }, dataset.relations.length);
  for (const relation of dataset.relations) {
    const type = typeIndex.get(relation.type);
    if (type === undefined) throw new Error(`entente/relation-columns: unknown relation type "${relation.type}" in ${relation.id}`);
    const subject = actorIndex.get(relation.subject);
    const object = actorIndex.get(relation.object);
    if (subject === undefined || object === undefined) throw new Error(`entente/relation-columns: unknown actor in ${relation.id}`);
    const date = dateOf(relation.date);
    const endDate = relation.endDate ? dateOf(relation.endDate) : null;
    if (!date || (relation.endDate && !endDate)) throw new Error(`entente/relation-columns: invalid date in ${relation.id}`);
    builder.add({
      source: sourceIndex.get(relation.source)!,
      line: relation.line,
      subject,
      object,
      type,
      modality: modalityIndex.get(relation.modality || 'asserted') ?? 0,
      date,
      endDate,
      quote: relation.quote,
      note: relation.note,
      statement: relation.statement ?? '',
      attributes: relation.attributes ?? NO_ATTRIBUTES,
    });
  }
  return builder.finish();
}
