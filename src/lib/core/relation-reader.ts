/**
 * Reads and checks one `relations/<source>.csv` file straight into the
 * relation columns: each record is tokenized as offsets (csv-cursor.ts), its
 * cells become short-lived strings in one reused row, and a valid row is
 * copied into the columns. No cell arrays or row objects are made per row, and
 * no cell string outlives its check (quotes are copied into the string store),
 * so the file's text can be freed once it is read. At 10^6 rows, the row
 * objects and cell arrays of a parse-then-check design were the measured cost
 * of the load (issue 12).
 *
 * A file whose header cannot be used is handed to parseCsv, so that it reports
 * exactly what the small files report.
 */
import { attributesOf, headerIssues, normalizeColumns, parseCsv, type CsvColumns, type CsvRow } from './csv';
import { CsvCursor } from './csv-cursor';
import { MAX_ID_CHARS, MAX_QUOTE_CODE_POINTS } from './limits';
import { Checker, DuplicateRows, checkCellLengths, codePointLength, isDamaged, isUnknown, type IdTable, type LoadRun } from './load-checks';
import { DEFAULT_MODALITY, MODALITIES, type RelationType } from './model';
import { NO_END_DATE, precisionCode, type RelationColumnsBuilder } from './relation-columns-builder';
import type { PartialDate } from './dates';
import { decodeDataFile, type FileContent } from './text-decode';
import { RelationFastPath } from './relation-fast-path';
import type { RelationLookups } from './relation-lookups';

export const RELATION_COLUMNS = ['subject', 'object', 'type', 'date', 'end_date', 'quote', 'note'] as const;
export const RELATION_OPTIONAL_COLUMNS = ['statement', 'modality'] as const;
const RELATION_SPEC: CsvColumns = { required: RELATION_COLUMNS, optional: RELATION_OPTIONAL_COLUMNS, attributes: true };

const STATEMENT_ID = /^\S+$/;
const BLANK_LINE = /\n[ \t]*\r?\n|\r\r/;
const MODALITY_INDEX = new Map<string, number>(MODALITIES.map((m, i) => [m, i]));

export interface RelationContext {
  actors: IdTable;
  types: Map<string, RelationType>;
  typeTable: IdTable;
  /** Numbers of the valid actors, types and this file's source, as the columns store them. */
  actorIndex: Map<string, number>;
  typeIndex: Map<string, number>;
  /** The same, by character range, for the fast path. */
  lookups: RelationLookups;
  sourceIndex: number;
  /** Where valid rows go. */
  rows: RelationColumnsBuilder;
  /** Whether quotes are required (hand-coded source). */
  quotesRequired: boolean;
  sourceText: string | undefined;
}

/** The header of a file that can be read row by row, or null when parseCsv has reported why not. */
function readHeader(file: string, text: string, cursor: CsvCursor, run: LoadRun): string[] | null {
  const spec = normalizeColumns(RELATION_SPEC);
  const usable = cursor.next() && !cursor.bad && !cursor.isBlank() && !cursor.issues.some((issue) => issue.line === 1 && issue.code !== 'csv/bare-cr');
  const header = usable ? Array.from({ length: cursor.count }, (_, c) => cursor.field(c)) : [];
  if (usable && headerIssues(file, header, spec).length === 0) return header;
  for (const issue of parseCsv(file, text, spec).issues) run.issues.push(issue);
  return null;
}

/** Lines ending in LF in the text, from the first 64 Ki characters: enough to presize a table by. */
export function estimatedLines(text: string): number {
  const sample = Math.min(text.length, 1 << 16);
  let lines = 0;
  for (let at = text.indexOf('\n'); at >= 0 && at < sample; at = text.indexOf('\n', at + 1)) lines++;
  return sample === text.length ? lines + 1 : Math.ceil(((lines + 1) * text.length) / sample);
}

/** Lines of a relations file's content, text or bytes (LF bytes counted the same way), to presize the columns by. */
export function estimatedContentLines(content: FileContent): number {
  if (typeof content === 'string') return estimatedLines(content);
  const sample = Math.min(content.byteLength, 1 << 16);
  let lines = 0;
  for (let at = content.indexOf(10); at >= 0 && at < sample; at = content.indexOf(10, at + 1)) lines++;
  return sample === content.byteLength ? lines + 1 : Math.ceil(((lines + 1) * content.byteLength) / sample);
}

export function readRelations(sourceId: string, file: string, content: FileContent, context: RelationContext, run: LoadRun): void {
  const decoded = decodeDataFile(file, content, run.maxFileBytes);
  for (const issue of decoded.issues) run.issues.push(issue);
  if (decoded.issues.some((issue) => issue.code === 'limits/file-too-large' || issue.code === 'utf8/utf16')) return;
  const text = decoded.text;
  const damaged = decoded.damagedLines;
  const cursor = new CsvCursor(text);
  const header = readHeader(file, text, cursor, run);
  if (!header) return;
  const check = new Checker(file, run);
  const lines = estimatedLines(text);
  const duplicates = new DuplicateRows(text, header, lines);
  const hasAttributes = header.some((column) => column.startsWith('attr_'));
  // One row object for the whole file, its cells replaced on every record.
  const values: Record<string, string> = {};
  for (const column of header) values[column] = '';
  const row: CsvRow = { line: 0, lastLine: 0, values };
  const out: RowDates = { date: null!, endDate: null };
  const statementColumn = header.indexOf('statement');
  const width = header.length;
  const fast = new RelationFastPath({ text, header, lookups: context.lookups, rows: context.rows, sourceIndex: context.sourceIndex, quotesRequired: context.quotesRequired, sourceText: context.sourceText, duplicates, damaged, run, lines });
  const fastUsable = fast.usable;
  let reported = 0;
  for (;;) {
    // A record the fast path takes is valid and stored (or remembered), and makes no issue.
    if (fastUsable && fast.takeNext(cursor)) continue;
    if (!cursor.next()) break;
    for (; reported < cursor.issues.length; reported++) {
      const issue = cursor.issues[reported];
      run.issues.push({ file, line: issue.line, column: '', code: issue.code, message: issue.message });
    }
    if (cursor.bad || cursor.isBlank()) continue;
    if (cursor.count !== width) {
      run.issues.push({ file, line: cursor.line, column: '', code: 'csv/ragged-row', message: `ragged row: ${cursor.count} field${cursor.count === 1 ? '' : 's'} where the header has ${width}` });
      continue;
    }
    for (let c = 0; c < width; c++) values[header[c]] = cursor.field(c);
    row.line = cursor.line;
    row.lastLine = cursor.lastLine;
    check.start(row);
    if (isDamaged(row, damaged)) continue;
    checkRelation(check, row, header, context, sourceId, out);
    const first = duplicates.firstLineOf(values, cursor.offset, cursor.line);
    if (first !== null) check.fail('', 'load/duplicate-row', `the same row as line ${first}; a relation is coded once`);
    // A row with any issue is not stored; once there is an issue the whole dataset is refused anyway.
    if (check.valid && run.issues.length === 0) {
      const { subject, object, type, modality = '', statement = '' } = values;
      const date = out.date;
      const end = out.endDate;
      const precision = precisionCode(date.precision) | ((end ? precisionCode(end.precision) : NO_END_DATE) << 2);
      const i = context.rows.addParsed(
        context.sourceIndex,
        row.line,
        context.actorIndex.get(subject) ?? 0,
        context.actorIndex.get(object) ?? 0,
        context.typeIndex.get(type) ?? 0,
        MODALITY_INDEX.get(modality || DEFAULT_MODALITY) ?? 0,
        date.start,
        end ? end.end : 0,
        precision,
        values.quote,
        values.note,
        statement ? fast.statements.ofCursorField(cursor, statementColumn, statement) : -1,
      );
      if (hasAttributes) context.rows.setAttributes(i, attributesOf(header, values, true));
    }
  }
  for (; reported < cursor.issues.length; reported++) {
    const issue = cursor.issues[reported];
    run.issues.push({ file, line: issue.line, column: '', code: issue.code, message: issue.message });
  }
}

/** Every check of one relation row but the duplicate one, in the order its issues are reported. */
/** The dates of a row, as checkRelation read them. */
interface RowDates {
  date: PartialDate;
  endDate: PartialDate | null;
}

function checkRelation(check: Checker, row: CsvRow, header: readonly string[], context: RelationContext, sourceId: string, out: RowDates): void {
  const { subject, object, type, date, end_date: endDate, quote, statement = '', modality = '' } = row.values;
  checkCellLengths(check, row, header);
  let actorsOk = true;
  for (const column of ['subject', 'object'] as const) {
    const id = check.required(column);
    if (!id) actorsOk = false;
    else if (!context.actors.ids.has(id)) {
      actorsOk = false;
      if (isUnknown(context.actors, id)) check.fail(column, 'load/unknown-actor', `unknown actor id "${id}"`);
    }
  }
  if (subject && subject === object) check.fail('object', 'load/self-relation', `relation of "${subject}" with itself`);
  if (check.required('type')) {
    const relationType = context.types.get(type);
    if (!relationType) {
      if (isUnknown(context.typeTable, type)) check.fail('type', 'load/unknown-type', `unknown relation type "${type}"`);
    } else if (!relationType.directed && actorsOk && subject > object) {
      check.fail('object', 'load/undirected-order', `"${type}" is undirected, so the two ids go in alphabetical order: subject ${object}, object ${subject}`);
    }
  }
  const start = check.required('date') ? check.dateSpan('date') : null;
  const end = endDate ? check.dateSpan('end_date') : null;
  if (start && end && end.end < start.start) check.fail('end_date', 'load/end-before-start', `${endDate} is before date ${date}`);
  if (!quote) {
    if (context.quotesRequired) check.fail('quote', 'load/required', 'required field is empty');
  } else {
    // Code points never outnumber UTF-16 units, so only a long string needs counting.
    const length = quote.length <= MAX_QUOTE_CODE_POINTS ? quote.length : codePointLength(quote);
    if (length > MAX_QUOTE_CODE_POINTS) check.fail('quote', 'load/quote-too-long', `${length} characters; keep quotes to at most ${MAX_QUOTE_CODE_POINTS}`);
    else if ((quote.includes('\n') || quote.includes('\r')) && BLANK_LINE.test(quote)) check.fail('quote', 'load/quote-paragraph-break', 'the quote crosses a paragraph break (a blank line); quote one paragraph, or make two rows');
    else if (context.sourceText !== undefined && !context.sourceText.includes(quote)) {
      check.fail('quote', 'load/quote-not-found', `not found verbatim in the text of source ${sourceId}`);
    }
  }
  if (statement && (statement.length > MAX_ID_CHARS || !STATEMENT_ID.test(statement))) {
    check.fail('statement', 'load/bad-statement', `"${statement}" must be a token without spaces, at most ${MAX_ID_CHARS} characters`);
  }
  if (modality && !(MODALITIES as readonly string[]).includes(modality)) {
    check.fail('modality', 'load/bad-modality', `"${modality}" must be one of ${MODALITIES.join(', ')} (empty means ${DEFAULT_MODALITY})`);
  }
  // Kept for the columns, so that a date is looked up once per row.
  out.date = start!;
  out.endDate = end;
}
