/**
 * Code tables for the aggregate queries: CAMEO and PLOVER codes mapped to relation types
 * through the vocabulary's `cameo` and `plover` columns, and the VALUES table the SQL joins.
 */
import Papa from 'papaparse';
import { sqlString } from './aggregate-schema';

export interface CodeRow {
  code: string;
  type: string;
  directed: boolean;
}

/** A vocabulary cell may hold several codes: `042|043`, `CONSULT/visit; CONSULT/host`. */
function codesOf(cell: string | undefined): string[] {
  return (cell ?? '').split(/[|;,]/).map((c) => c.trim()).filter(Boolean);
}

function vocabularyRows(vocabulary: string): Array<Record<string, string>> {
  const parsed = Papa.parse<Record<string, string>>(vocabulary.replace(/^\uFEFF/, ''), { header: true, skipEmptyLines: true, transformHeader: (h) => h.trim() });
  return parsed.data.filter((row) => (row.id ?? '').trim());
}

/** CAMEO code -> type, from the vocabulary's `cameo` column (read by name); the first type listing a code wins. */
export function cameoCodeTable(vocabulary: string): CodeRow[] {
  const seen = new Map<string, CodeRow>();
  for (const row of vocabularyRows(vocabulary)) {
    for (const code of codesOf(row.cameo)) {
      if (/^\d{2,4}$/.test(code) && !seen.has(code)) seen.set(code, { code, type: row.id.trim(), directed: row.directed?.trim() === 'true' });
    }
  }
  return [...seen.values()];
}

/**
 * PLOVER key -> type, from the `plover` column: `EVENT:mode` for an entry with a mode,
 * `EVENT` for a bare one, and `~EVENT` for an event listed only with modes (the fallback
 * for its other modes), the same precedence as the POLECAT import.
 */
export function ploverCodeTable(vocabulary: string): CodeRow[] {
  const seen = new Map<string, CodeRow>();
  for (const row of vocabularyRows(vocabulary)) {
    const type = row.id.trim();
    const directed = row.directed?.trim() === 'true';
    for (const entry of codesOf(row.plover)) {
      const [event, mode] = entry.split(/[\s:/]+/);
      const key = mode ? `${event.toUpperCase()}:${mode.toLowerCase()}` : event.toUpperCase();
      if (!seen.has(key)) seen.set(key, { code: key, type, directed });
      if (mode && !seen.has(`~${event.toUpperCase()}`)) seen.set(`~${event.toUpperCase()}`, { code: `~${event.toUpperCase()}`, type, directed });
    }
  }
  return [...seen.values()];
}

/** A VALUES table; DuckDB needs at least one row, so an empty table is one row that matches nothing. */
export function codeValues(rows: CodeRow[]): string {
  const body = rows.length ? rows : [{ code: '\u0000', type: '', directed: true }];
  return `(VALUES ${body.map((r) => `(${sqlString(r.code)}, ${sqlString(r.type)}, ${r.directed})`).join(', ')}) AS t(code, type, directed)`;
}
