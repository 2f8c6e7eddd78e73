/**
 * Case- and diacritics-insensitive matching without losing offsets: `foldText` maps
 * every UTF-16 unit to exactly one unit, so a match at `i` in the folded text is at
 * `i` in the original and quotes stay verbatim.
 */

const APOSTROPHES = /['’ʼ‘`´]/;
const DASHES = /[‐‑‒–—−]/;
const SPACES = /\s/;

function foldUnit(unit: string): string {
  if (APOSTROPHES.test(unit)) return "'";
  if (DASHES.test(unit)) return '-';
  if (SPACES.test(unit)) return ' ';
  const lower = unit.toLowerCase();
  if (lower.length !== 1) return unit;
  const base = lower.normalize('NFD').replace(/\p{M}/gu, '');
  return base.length === 1 ? base : lower;
}

const cache = new Map<string, string>();

/** Lower case, no diacritics, one kind of apostrophe, dash and space; same length as the input. */
export function foldText(text: string): string {
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const unit = text[i];
    const code = unit.charCodeAt(0);
    if (code < 128) {
      out += code >= 65 && code <= 90 ? String.fromCharCode(code + 32) : code === 96 ? "'" : SPACES.test(unit) ? ' ' : unit;
      continue;
    }
    let folded = cache.get(unit);
    if (folded === undefined) {
      folded = foldUnit(unit);
      cache.set(unit, folded);
    }
    out += folded;
  }
  return out;
}

export const isWordChar = (unit: string | undefined): boolean => unit !== undefined && /[\p{L}\p{N}]/u.test(unit);

/** A folded term, as terms are matched: folded and with runs of spaces collapsed. */
export const foldTerm = (term: string): string => foldText(term.trim()).replace(/ +/g, ' ');

/** `Sergei Lavrov` → `sergei-lavrov`: the id form of the dataset (kebab case). */
export function slugify(label: string): string {
  return foldText(label)
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}
