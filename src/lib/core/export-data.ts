/** The visible relations as flat rows for CSV and JSON, with their source's outlet and date. */
import { RELATION_COLUMNS } from './load';
import { toCsv } from './csv';
import type { Actor, Relation, RelationType, Source } from './model';

export const EXPORT_COLUMNS = [...RELATION_COLUMNS, 'source', 'outlet', 'published'] as const;

export type ExportRow = Record<(typeof EXPORT_COLUMNS)[number], string>;

function exportRows(relations: readonly Relation[], sourcesById: ReadonlyMap<string, Source>): ExportRow[] {
  return relations.map((r) => {
    const source = sourcesById.get(r.source);
    return {
      subject: r.subject,
      object: r.object,
      type: r.type,
      date: r.date,
      end_date: r.endDate,
      quote: r.quote,
      note: r.note,
      source: r.source,
      outlet: source?.outlet ?? '',
      published: source?.published ?? '',
    };
  });
}

/**
 * Spreadsheets run a cell that starts with = + - @ (or a tab or carriage
 * return) as a formula, so a hostile quote could compute or fetch on opening.
 * Such cells get a leading apostrophe, which spreadsheets read as "text".
 */
export function spreadsheetSafe(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

export interface CsvOptions {
  /**
   * Start with a UTF-8 byte-order mark. Excel opens a CSV without one in the
   * system's legacy code page, so ’ “ ” in quotes come out as mojibake.
   */
  bom?: boolean;
}

export const UTF8_BOM = '\uFEFF';

/**
 * The rows as CSV for spreadsheets: UTF-8, CRLF line endings (RFC 4180), and
 * a byte-order mark when asked; see spreadsheetSafe for the one change made to cell text.
 */
export function relationsCsv(relations: readonly Relation[], sourcesById: ReadonlyMap<string, Source>, options: CsvOptions = {}): string {
  const rows = exportRows(relations, sourcesById).map(
    (row) => Object.fromEntries(Object.entries(row).map(([column, value]) => [column, spreadsheetSafe(value)])) as ExportRow,
  );
  return (options.bom ? UTF8_BOM : '') + toCsv(EXPORT_COLUMNS, rows);
}

export interface ViewDescription {
  from: string;
  to: string;
  types: readonly string[];
  focus: string | null;
  /** Pinned actors of a scope, and its depth. */
  scope?: readonly string[];
  depth?: number;
  /** People and bodies counted as their state or organisation. */
  rolledUp?: boolean;
  link: string;
}

/** A self-describing JSON document: the view, and the relations with the actors, types and sources they use. */
export function relationsJson(
  relations: readonly Relation[],
  view: ViewDescription,
  lookups: { actors: ReadonlyMap<string, Actor>; types: ReadonlyMap<string, RelationType>; sources: ReadonlyMap<string, Source> },
): string {
  const used = <T>(ids: Iterable<string>, map: ReadonlyMap<string, T>) => [...new Set(ids)].sort().map((id) => map.get(id)!).filter(Boolean);
  return JSON.stringify(
    {
      view,
      counts: { relations: relations.length },
      relations: exportRows(relations, lookups.sources),
      actors: used(relations.flatMap((r) => [r.subject, r.object]), lookups.actors),
      types: used(relations.map((r) => r.type), lookups.types),
      sources: used(relations.map((r) => r.source), lookups.sources),
    },
    null,
    2,
  );
}
