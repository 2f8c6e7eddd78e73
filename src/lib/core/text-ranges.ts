/**
 * Reading values straight from ranges of a text, without making a string:
 * a hash table whose keys are character ranges, and partial dates read from
 * their digits. The relations fast path (relation-fast-path.ts) uses them for
 * every row of a large file.
 */
import { MAX_ID_CHARS } from './limits';

export const FNV_SEED = 0x811c9dc5;
const FNV_PRIME = 0x01000193;

/**
 * A hash of text[start, end): every character of a value up to MAX_ID_CHARS long, so that ids (never longer)
 * are fully hashed and look-ups keep short probe chains whatever their shape; of a longer value (a quote or a
 * note), its length and eight pairs of characters spread over it. The duplicate-row hash over those is only a
 * filter before a full comparison, and reading each character of every quote was the fast path's largest cost
 * at 10^6 rows.
 */
export function digestRange(text: string, start: number, end: number): number {
  const length = end - start;
  if (length <= MAX_ID_CHARS) {
    // Two characters per step, as the fast path's scan folds them: half the chain of multiplications.
    let hash = FNV_SEED;
    let i = start;
    for (; i + 1 < end; i += 2) hash = fnvStep(hash, text.charCodeAt(i) | (text.charCodeAt(i + 1) << 16));
    if (i < end) hash = fnvStep(hash, text.charCodeAt(i));
    return shortDigest(hash, length);
  }
  return sampledDigest(text, start, end);
}

/**
 * The digest a row's duplicate hash takes of each cell (load-checks.ts): digestRange of a value of at most
 * FULL_CELL_DIGEST_CHARS characters, the sampled digest of a longer one. No look-up uses it, so a quote need not
 * be read character by character: hashing each quote in full was the fast path's largest cost at 10^6 rows, and
 * two rows that differ only in a quote's unsampled characters are told apart by the full comparison.
 */
export const FULL_CELL_DIGEST_CHARS = 16;

export function cellDigest(text: string, start: number, end: number): number {
  return end - start <= FULL_CELL_DIGEST_CHARS ? digestRange(text, start, end) : sampledDigest(text, start, end);
}

/** Of a value over FULL_CELL_DIGEST_CHARS characters: its length and eight pairs of characters spread over it. */
export function sampledDigest(text: string, start: number, end: number): number {
  const length = end - start;
  let hash = Math.imul(FNV_SEED ^ length, FNV_PRIME);
  // Pairs at start, start + step, ..., end - 2: the first and the last characters are always among them.
  const step = ((length - 2) / 7) | 0;
  for (let k = 0, i = start; k < 7; k++, i += step) hash = Math.imul(hash ^ (text.charCodeAt(i) | (text.charCodeAt(i + 1) << 16)), FNV_PRIME);
  return Math.imul(hash ^ (text.charCodeAt(end - 2) | (text.charCodeAt(end - 1) << 16)), FNV_PRIME);
}

/**
 * The digest of a value of at most MAX_ID_CHARS characters from `hash`, FNV_SEED folded by fnvStep with each
 * pair of its characters (c0 | c1 << 16), and a last odd one alone: the length comes last, so that a scan can hash a field before it knows where it ends.
 */
export function shortDigest(hash: number, length: number): number {
  return Math.imul(hash ^ length, FNV_PRIME);
}

export function fnvStep(hash: number, char: number): number {
  return Math.imul(hash ^ char, FNV_PRIME);
}

/** FNV's low bits are weak for short keys that differ in their last character: mix before masking. */
function mix(fnv: number): number {
  return Math.imul(fnv ^ (fnv >>> 15), 0x2c1b3c6d);
}

/**
 * Open addressing from character ranges of `keys` to numbers. A look-up hashes
 * the range it is given and compares characters on a hash match, so the answer
 * is exact. Keys are ranges of one text: the joined ids, or a file's own text.
 */
export class RangeTable {
  /** Entry + 1 per slot, 0 when empty. */
  private slots: Int32Array;
  private hashes: Int32Array;
  private keyStarts: Int32Array;
  private keyEnds: Int32Array;
  private values: Int32Array;
  private size = 0;
  /** Each key as a string, when kept: startsWith compares a short id faster than a loop of charCodeAt. */
  private readonly keyTexts: string[] | null;

  /** `keepKeyTexts`: for a table of few keys (ids, not every statement of a file), each is also kept as a string. */
  constructor(
    private readonly keys: string,
    capacity: number,
    keepKeyTexts = false,
  ) {
    this.keyTexts = keepKeyTexts ? [] : null;
    let slots = 16;
    while (slots < capacity * 2) slots *= 2;
    this.slots = new Int32Array(slots);
    const entries = Math.max(8, capacity);
    this.hashes = new Int32Array(entries);
    this.keyStarts = new Int32Array(entries);
    this.keyEnds = new Int32Array(entries);
    this.values = new Int32Array(entries);
  }

  /** The number of the key equal to text[start, end), or -1. */
  find(text: string, start: number, end: number): number {
    return this.findHashed(text, start, end, digestRange(text, start, end));
  }

  /** find, given digestRange(text, start, end). */
  findHashed(text: string, start: number, end: number, digest: number): number {
    const hash = mix(digest);
    const slots = this.slots;
    const mask = slots.length - 1;
    const length = end - start;
    const keys = this.keys;
    for (let slot = hash & mask; ; slot = (slot + 1) & mask) {
      const entry = slots[slot] - 1;
      if (entry < 0) return -1;
      if (this.hashes[entry] !== hash) continue;
      const from = this.keyStarts[entry];
      if (this.keyEnds[entry] - from !== length) continue;
      if (this.keyTexts !== null) {
        if (text.startsWith(this.keyTexts[entry], start)) return this.values[entry];
        continue;
      }
      let i = 0;
      while (i < length && text.charCodeAt(start + i) === keys.charCodeAt(from + i)) i++;
      if (i === length) return this.values[entry];
    }
  }

  /**
   * Adds the key keys[start, end) with its number; the caller knows it is not there yet. `digest`: its
   * digestRange when the caller has it (a look-up that missed), so that it is not hashed twice.
   */
  add(start: number, end: number, value: number, digest = digestRange(this.keys, start, end)): void {
    if (this.size === this.values.length) this.growEntries();
    if ((this.size + 1) * 2 > this.slots.length) this.growSlots();
    const entry = this.size++;
    const hash = mix(digest);
    this.hashes[entry] = hash;
    this.keyStarts[entry] = start;
    this.keyEnds[entry] = end;
    this.values[entry] = value;
    this.keyTexts?.push(this.keys.slice(start, end));
    this.place(entry, hash);
  }

  private place(entry: number, hash: number): void {
    const slots = this.slots;
    const mask = slots.length - 1;
    let slot = hash & mask;
    while (slots[slot] !== 0) slot = (slot + 1) & mask;
    slots[slot] = entry + 1;
  }

  private growEntries(): void {
    const size = this.values.length * 2;
    const grow = (array: Int32Array) => {
      const grown = new Int32Array(size);
      grown.set(array);
      return grown;
    };
    this.hashes = grow(this.hashes);
    this.keyStarts = grow(this.keyStarts);
    this.keyEnds = grow(this.keyEnds);
    this.values = grow(this.values);
  }

  private growSlots(): void {
    this.slots = new Int32Array(this.slots.length * 2);
    for (let entry = 0; entry < this.size; entry++) this.place(entry, this.hashes[entry]);
  }
}

/** A partial date's first and last day, and its precision as the columns code it (0 year, 1 month, 2 day). */
export interface DateRange {
  start: number;
  end: number;
  precision: number;
}

const ZERO = 48;
const DASH = 45;
const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function digits(text: string, start: number, count: number): number {
  let value = 0;
  for (let i = start; i < start + count; i++) {
    const d = text.charCodeAt(i) - ZERO;
    if (d < 0 || d > 9) return -1;
    value = value * 10 + d;
  }
  return value;
}

/** Days before each month's first in a common year and in a leap year. */
const DAYS_BEFORE_MONTH = [0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334, 0, 31, 60, 91, 121, 152, 182, 213, 244, 274, 305, 335];

/**
 * Days since 1970-01-01 of 1 January of years 0 to 10000 (four digits, and one past for the length of 9999), as
 * dates.ts's dayNumber gives them, made on first use from H. Hinnant's days_from_civil. A date is then two look-ups
 * and a sum: a Date per row cost more than the rest of the date check, and integer division per row was still the
 * date check's largest cost at 10^6 rows.
 */
let yearStarts: Int32Array | null = null;

function yearStartsTable(): Int32Array {
  const table = new Int32Array(10_002);
  for (let year = 0; year < table.length; year++) {
    const y = year - 1;
    const era = Math.floor(y / 400);
    const yearOfEra = y - era * 400;
    // 1 January is day 306 of the March-based year before it.
    table[year] = era * 146097 + yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + 306 - 719468;
  }
  return table;
}

function isLeap(starts: Int32Array, year: number): boolean {
  return starts[year + 1] - starts[year] === 366;
}

function daysIn(year: number, month: number): number {
  if (month !== 2) return DAYS_IN_MONTH[month - 1];
  return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28;
}

/** Days since 1970-01-01 of a proleptic Gregorian date of a year from 0 to 9999. */
function civilDay(year: number, month: number, day: number): number {
  const starts = (yearStarts ??= yearStartsTable());
  return starts[year] + DAYS_BEFORE_MONTH[(isLeap(starts, year) ? 12 : 0) + month - 1] + day - 1;
}

/**
 * The last day of the partial date that starts on `day` (a year's 1 January or a month's first), at `precision` as
 * the columns code it, for a year from 0 to 9999: what parseDateRange gives as its end, from the day alone.
 */
export function lastDayOfStart(day: number, precision: number): number {
  if (precision === 2) return day;
  const starts = (yearStarts ??= yearStartsTable());
  // 1970 + days / 365.2425 is within a year of the right one.
  let year = Math.min(9999, Math.max(0, 1970 + Math.floor(day / 365.2425)));
  while (year > 0 && starts[year] > day) year--;
  while (year < 9999 && starts[year + 1] <= day) year++;
  if (precision === 0) return starts[year + 1] - 1;
  const before = isLeap(starts, year) ? 12 : 0;
  const dayOfYear = day - starts[year];
  let month = 1;
  while (month < 12 && DAYS_BEFORE_MONTH[before + month] <= dayOfYear) month++;
  return starts[year] + DAYS_BEFORE_MONTH[before + month - 1] + daysIn(year, month) - 1;
}

/**
 * Reads `YYYY`, `YYYY-MM` or `YYYY-MM-DD` from text[start, end) into `out`, exactly as parsePartialDate reads
 * the same text; false for anything else, which the slow path explains.
 */
export function parseDateRange(text: string, start: number, end: number, out: DateRange): boolean {
  const length = end - start;
  if (length !== 4 && length !== 7 && length !== 10) return false;
  const year = digits(text, start, 4);
  if (year < 0) return false;
  if (length === 4) {
    out.start = civilDay(year, 1, 1);
    out.end = civilDay(year, 12, 31);
    out.precision = 0;
    return true;
  }
  if (text.charCodeAt(start + 4) !== DASH) return false;
  const month = digits(text, start + 5, 2);
  if (month < 1 || month > 12) return false;
  if (length === 7) {
    out.start = civilDay(year, month, 1);
    out.end = civilDay(year, month, daysIn(year, month));
    out.precision = 1;
    return true;
  }
  if (text.charCodeAt(start + 7) !== DASH) return false;
  const day = digits(text, start + 8, 2);
  if (day < 1 || day > daysIn(year, month)) return false;
  out.start = out.end = civilDay(year, month, day);
  out.precision = 2;
  return true;
}
