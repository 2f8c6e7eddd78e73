/**
 * Dates in a sentence, resolved against the publication date: absolute ones
 * ("13 September 2022", "Sept. 13", "May 2021", "in 2020") and relative ones
 * ("on Wednesday", "yesterday", "last September", "this week", "six months
 * after ...", "two days ago"). Results are YYYY, YYYY-MM or YYYY-MM-DD, as
 * precise as the phrase is and no more.
 */

export interface DateMention {
  start: number;
  end: number;
  text: string;
  value: string;
  /** `after`: the phrase dates what follows it ("six months after a deal" dates the deal). */
  scope: 'sentence' | 'after';
}

const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];
const MONTH_RE = '(jan(?:uary|\\.)?|feb(?:ruary|\\.)?|mar(?:ch|\\.)?|apr(?:il|\\.)?|may|june?|july?|aug(?:ust|\\.)?|sept?(?:ember|\\.)?|oct(?:ober|\\.)?|nov(?:ember|\\.)?|dec(?:ember|\\.)?)';
const WEEKDAYS = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'];
const NUMBER_WORDS: Record<string, number> = {
  a: 1, an: 1, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10, eleven: 11, twelve: 12,
  several: 3, few: 3, eighteen: 18, twenty: 20, thirty: 30,
};

interface Day {
  y: number;
  m: number;
  d: number;
}

const pad = (n: number): string => String(n).padStart(2, '0');
const dayString = ({ y, m, d }: Day): string => `${y}-${pad(m)}-${pad(d)}`;
const monthString = (y: number, m: number): string => `${y}-${pad(m)}`;

function monthIndex(word: string): number {
  const w = word.toLowerCase().replace('.', '');
  return MONTHS.findIndex((name) => name.startsWith(w.slice(0, 3))) + 1;
}

function parsePublished(published: string): { day: Day; precision: 'year' | 'month' | 'day' } {
  const [y, m, d] = published.split('-').map(Number);
  if (!m) return { day: { y, m: 12, d: 31 }, precision: 'year' };
  if (!d) return { day: { y, m, d: 28 }, precision: 'month' };
  return { day: { y, m, d }, precision: 'day' };
}

function addDays(day: Day, n: number): Day {
  const t = new Date(Date.UTC(day.y, day.m - 1, day.d + n));
  return { y: t.getUTCFullYear(), m: t.getUTCMonth() + 1, d: t.getUTCDate() };
}

function addMonths(y: number, m: number, n: number): { y: number; m: number } {
  const total = y * 12 + (m - 1) + n;
  return { y: Math.floor(total / 12), m: (total % 12) + 1 };
}

const weekday = (day: Day): number => new Date(Date.UTC(day.y, day.m - 1, day.d)).getUTCDay();

/** The publication date as a value of its own precision. */
function publishedValue(published: string): string {
  return published;
}

function countOf(word: string): number {
  return /^\d+$/.test(word) ? Number(word) : (NUMBER_WORDS[word.toLowerCase()] ?? 0);
}

interface Rule {
  re: RegExp;
  resolve: (m: RegExpExecArray, published: string, future: boolean) => string | null;
  scope?: 'after';
}

function yearFor(month: number, day: Day, direction: 'past' | 'future' | 'nearest'): number {
  if (direction === 'future') return month >= day.m ? day.y : day.y + 1;
  return month <= day.m ? day.y : day.y - 1;
}

const RULES: Rule[] = [
  // 13 September 2022, September 13, 2022
  {
    re: new RegExp(`\\b(\\d{1,2})(?:st|nd|rd|th)? (?:of )?${MONTH_RE},? (\\d{4})\\b`, 'gi'),
    resolve: (m) => `${m[3]}-${pad(monthIndex(m[2]))}-${pad(Number(m[1]))}`,
  },
  {
    re: new RegExp(`\\b${MONTH_RE} (\\d{1,2})(?:st|nd|rd|th)?,? (\\d{4})\\b`, 'gi'),
    resolve: (m) => `${m[3]}-${pad(monthIndex(m[1]))}-${pad(Number(m[2]))}`,
  },
  { re: /\b(\d{4})-(\d{2})-(\d{2})\b/g, resolve: (m) => `${m[1]}-${m[2]}-${m[3]}` },
  // 13 September, September 13: the year of the publication, or the one before when that would be in the future
  {
    re: new RegExp(`\\b(\\d{1,2})(?:st|nd|rd|th)? (?:of )?${MONTH_RE}\\b`, 'gi'),
    resolve: (m, published, future) => {
      const { day } = parsePublished(published);
      const month = monthIndex(m[2]);
      return `${yearFor(month, day, future ? 'future' : 'past')}-${pad(month)}-${pad(Number(m[1]))}`;
    },
  },
  {
    re: new RegExp(`\\b${MONTH_RE} (\\d{1,2})(?:st|nd|rd|th)?\\b(?!,? \\d{4})`, 'gi'),
    resolve: (m, published, future) => {
      const { day } = parsePublished(published);
      const month = monthIndex(m[1]);
      if (Number(m[2]) > 31) return null;
      return `${yearFor(month, day, future ? 'future' : 'past')}-${pad(month)}-${pad(Number(m[2]))}`;
    },
  },
  // May 2021, in September 2020
  { re: new RegExp(`\\b${MONTH_RE},? (\\d{4})\\b`, 'gi'), resolve: (m) => monthString(Number(m[2]), monthIndex(m[1])) },
  // last/this/next September, in September
  {
    re: new RegExp(`\\b(last|this|next|in|since|until|by|early|late|mid-?) ${MONTH_RE}\\b(?! \\d)`, 'gi'),
    resolve: (m, published, future) => {
      const { day } = parsePublished(published);
      const month = monthIndex(m[2]);
      const which = m[1].toLowerCase();
      if (which === 'last') return monthString(month < day.m ? day.y : day.y - 1, month);
      if (which === 'next') return monthString(month > day.m ? day.y : day.y + 1, month);
      if (which === 'this') return monthString(day.y, month);
      return monthString(yearFor(month, day, future ? 'future' : 'past'), month);
    },
  },
  // on Wednesday, last Friday, next Monday, Wednesday
  {
    re: /\b(?:(last|next|this|on|early on|late on|later on|earlier on) )?(sunday|monday|tuesday|wednesday|thursday|friday|saturday)(?:'s)?\b/gi,
    resolve: (m, published, future) => {
      const { day, precision } = parsePublished(published);
      if (precision !== 'day') return null;
      const target = WEEKDAYS.indexOf(m[2].toLowerCase());
      const which = (m[1] ?? '').toLowerCase();
      const today = weekday(day);
      // "on Monday" in Monday's report is that day, even in a sentence that also speaks of later plans
      if (target === today && which !== 'next' && which !== 'last') return dayString(day);
      if (which === 'next' || (future && which !== 'last')) {
        const ahead = (target - today + 7) % 7 || 7;
        return dayString(addDays(day, ahead));
      }
      let back = (today - target + 7) % 7;
      if (which === 'last' && back === 0) back = 7;
      return dayString(addDays(day, -back));
    },
  },
  { re: /\b(yesterday)\b/gi, resolve: (_m, published) => relativeDays(published, -1) },
  { re: /\b(today|tonight|this morning|this afternoon|this evening)\b/gi, resolve: (_m, published) => relativeDays(published, 0) },
  { re: /\b(tomorrow)\b/gi, resolve: (_m, published) => relativeDays(published, 1) },
  // this week, last week, this month, last month, this year, last year
  {
    re: /\b(this|last|next|earlier this|later this|past) (week|month|year)\b/gi,
    resolve: (m, published) => {
      const { day, precision } = parsePublished(published);
      const which = m[1].toLowerCase();
      const shift = which === 'last' || which === 'past' ? -1 : which === 'next' ? 1 : 0;
      if (m[2].toLowerCase() === 'year') return String(day.y + shift);
      if (m[2].toLowerCase() === 'month') {
        const { y, m: month } = addMonths(day.y, day.m, shift);
        return monthString(y, month);
      }
      if (precision !== 'day') return publishedValue(published);
      if (shift === 0) return publishedValue(published);
      const moved = addDays(day, 7 * shift);
      return monthString(moved.y, moved.m);
    },
  },
  // six months after ..., two weeks before ...: dates what follows, counted back from the publication
  {
    re: /\b(\d+|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|several|few|eighteen|twenty|thirty) (day|week|month|year)s? (after|since)\b/gi,
    resolve: (m, published) => shifted(published, -countOf(m[1]), m[2].toLowerCase()),
    scope: 'after',
  },
  {
    re: /\b(\d+|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|several|few|eighteen|twenty|thirty) (day|week|month|year)s? (ago|earlier|before)\b/gi,
    resolve: (m, published) => shifted(published, -countOf(m[1]), m[2].toLowerCase()),
  },
  // in 2020, since 2020, 2020's
  { re: /\b(?:in|since|during|by|until|of|from|early|late) ((?:19|20)\d{2})\b/gi, resolve: (m) => m[1] },
];

function relativeDays(published: string, n: number): string | null {
  const { day, precision } = parsePublished(published);
  return precision === 'day' ? dayString(addDays(day, n)) : null;
}

function shifted(published: string, n: number, unit: string): string | null {
  if (!n) return null;
  const { day, precision } = parsePublished(published);
  if (unit === 'year') return String(day.y + n);
  if (unit === 'month') {
    const { y, m } = addMonths(day.y, day.m, n);
    return monthString(y, m);
  }
  if (precision !== 'day') return monthString(day.y, day.m);
  const moved = addDays(day, unit === 'week' ? 7 * n : n);
  return unit === 'week' ? monthString(moved.y, moved.m) : dayString(moved);
}

const FUTURE = /\b(will|would|shall|is scheduled|are scheduled|is set|are set|plans? to|is due|are due|is expected|are expected|upcoming|next)\b/i;
/** A past report between a date and the future word: "On Wednesday, the CSTO announced it would send ..." dates the report. */
const REPORTED = /\b(?:said|announced|told|stated|declared|warned|added|confirmed|agreed|decided|promised|pledged|vowed|threatened|insisted)\b/i;

/** Whether the phrase at `at` in `body` looks ahead: a future word before it, or after it with no past report between. */
function looksAhead(body: string, at: number, end: number): boolean {
  // "earlier on Wednesday", "earlier today": already past
  if (/\bearlier(?: on)? $/i.test(body.slice(Math.max(0, at - 12), at)) || /^earlier\b/i.test(body.slice(at, end))) return false;
  const before = body.slice(0, at);
  if (FUTURE.test(before)) return !REPORTED.test(before.slice(before.search(FUTURE)));
  const after = body.slice(end);
  const m = FUTURE.exec(after);
  return !!m && !REPORTED.test(after.slice(0, m.index));
}

/** Every date phrase in `text.slice(start, end)`, not overlapping, earliest first. */
export function findDates(text: string, start: number, end: number, published: string): DateMention[] {
  const body = text.slice(start, end);
  const found: DateMention[] = [];
  const taken: [number, number][] = [];
  for (const rule of RULES) {
    rule.re.lastIndex = 0;
    for (let m = rule.re.exec(body); m; m = rule.re.exec(body)) {
      const s = m.index;
      const e = s + m[0].length;
      if (taken.some(([a, b]) => s < b && e > a)) continue;
      const value = rule.resolve(m, published, looksAhead(body, s, e));
      if (!value) continue;
      taken.push([s, e]);
      found.push({ start: start + s, end: start + e, text: m[0], value, scope: rule.scope ?? 'sentence' });
    }
  }
  return found.sort((a, b) => a.start - b.start);
}

/** One phrase on its own, against a publication date: `resolveDate("last September", "2022-11-23")` is `2022-09`. */
export function resolveDate(phrase: string, published: string): string | null {
  const dates = findDates(phrase, 0, phrase.length, published);
  return dates.length ? dates[0].value : null;
}
