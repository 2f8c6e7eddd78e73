/**
 * The relation-type vocabulary an import maps codes against: the bundled
 * relation-types.csv (or any with the same header), read with its own columns so that
 * columns added later (`plover`, ...) travel into the imported dataset unchanged.
 */
import Papa from 'papaparse';

export interface VocabularyType {
  id: string;
  label: string;
  directed: boolean;
  /** The row as written, by column. */
  row: Record<string, string>;
}

export interface Vocabulary {
  columns: string[];
  types: VocabularyType[];
  byId: Map<string, VocabularyType>;
  /** Lower-cased label or id -> type, for matching free-text type names. */
  byName: Map<string, VocabularyType>;
  byCameo: Map<string, VocabularyType>;
  /** `EVENT` and `EVENT:mode` (upper-case event, lower-case mode) -> type. */
  byPlover: Map<string, VocabularyType>;
  colors: Set<string>;
}

/** Cells may hold several codes: `042|043`, `CONSULT:host; CONSULT:visit`. */
function codes(cell: string | undefined): string[] {
  return (cell ?? '').split(/[|;,]/).map((c) => c.trim()).filter(Boolean);
}

export function readVocabulary(text: string): Vocabulary {
  const parsed = Papa.parse<Record<string, string>>(text.replace(/^\uFEFF/, ''), { header: true, skipEmptyLines: true });
  const columns = (parsed.meta.fields ?? []).map((c) => c.trim());
  const vocabulary: Vocabulary = {
    columns: columns.length ? columns : ['id', 'label', 'color', 'directed', 'temporal', 'cameo', 'description'],
    types: [],
    byId: new Map(),
    byName: new Map(),
    byCameo: new Map(),
    byPlover: new Map(),
    colors: new Set(),
  };
  for (const raw of parsed.data) {
    const row: Record<string, string> = {};
    for (const column of vocabulary.columns) row[column] = (raw[column] ?? '').trim();
    if (!row.id) continue;
    const type: VocabularyType = { id: row.id, label: row.label || row.id, directed: row.directed === 'true', row };
    vocabulary.types.push(type);
    vocabulary.byId.set(type.id, type);
    vocabulary.byName.set(type.id.toLowerCase(), type);
    if (!vocabulary.byName.has(type.label.toLowerCase())) vocabulary.byName.set(type.label.toLowerCase(), type);
    if (row.color) vocabulary.colors.add(row.color.toLowerCase());
    for (const code of codes(row.cameo)) if (!vocabulary.byCameo.has(code)) vocabulary.byCameo.set(code, type);
    for (const entry of codes(row.plover)) {
      const [event, mode] = entry.split(/[\s:/]+/);
      const key = mode ? `${event.toUpperCase()}:${mode.toLowerCase()}` : event.toUpperCase();
      if (!vocabulary.byPlover.has(key)) vocabulary.byPlover.set(key, type);
      // An event listed only with modes still answers for the bare event, after any bare entry.
      if (mode && !vocabulary.byPlover.has(`~${event.toUpperCase()}`)) vocabulary.byPlover.set(`~${event.toUpperCase()}`, type);
    }
  }
  return vocabulary;
}

/** CAMEO code -> type: the exact code, then its parents (0231 -> 023 -> 02). Codes stay text: `010` is not `10`. */
export function typeForCameo(vocabulary: Vocabulary, code: string): { type: VocabularyType; matched: string } | null {
  for (let n = code.length; n >= 2; n--) {
    const type = vocabulary.byCameo.get(code.slice(0, n));
    if (type) return { type, matched: code.slice(0, n) };
  }
  return null;
}

/** PLOVER event (and mode) -> type: `EVENT:mode` first, then the bare event. */
export function typeForPlover(vocabulary: Vocabulary, event: string, mode = ''): VocabularyType | null {
  const e = event.trim().toUpperCase();
  const m = mode.trim().toLowerCase();
  return (
    (m ? vocabulary.byPlover.get(`${e}:${m}`) : undefined) ?? vocabulary.byPlover.get(e) ?? vocabulary.byPlover.get(`~${e}`) ?? null
  );
}

/** The CAMEO root categories, for types the vocabulary lacks. */
export const CAMEO_ROOTS: Record<string, string> = {
  '01': 'Make public statement',
  '02': 'Appeal',
  '03': 'Express intent to cooperate',
  '04': 'Consult',
  '05': 'Engage in diplomatic cooperation',
  '06': 'Engage in material cooperation',
  '07': 'Provide aid',
  '08': 'Yield',
  '09': 'Investigate',
  '10': 'Demand',
  '11': 'Disapprove',
  '12': 'Reject',
  '13': 'Threaten',
  '14': 'Protest',
  '15': 'Exhibit force posture',
  '16': 'Reduce relations',
  '17': 'Coerce',
  '18': 'Assault',
  '19': 'Fight',
  '20': 'Use unconventional mass violence',
};
