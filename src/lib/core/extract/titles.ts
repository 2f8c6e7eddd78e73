/**
 * Office and leadership appositions: "Prime Minister Nikol Pashinyan",
 * "Russian Foreign Minister Sergei Lavrov", "CSTO Secretary General Stanislav
 * Zas", "its permanent representative to the CSTO, Viktor Biyagov", "their
 * Russian counterparts, Sergei Shoigu and Sergei Lavrov". They name people the
 * dataset may not hold yet, say whom they serve, and give leadership or office
 * relations. Found on the folded text; names must be capitalised in the original.
 */

const LEADER = [
  'president', 'prime minister', 'premier', 'chancellor', 'king', 'queen', 'emir', 'crown prince', 'sultan', 'supreme leader',
  'secretary general', 'secretary-general', 'speaker', 'chairman', 'chairwoman', 'chairperson', 'leader', 'chief of staff',
  'commander-in-chief', 'head of state', 'pope', 'monarch', 'dictator', 'prince',
];
const OFFICE = [
  'deputy prime minister', 'vice president', 'vice-president', 'first deputy', 'foreign minister', 'foreign secretary',
  'defen[cs]e minister', 'defen[cs]e secretary', 'interior minister', 'finance minister', 'economy minister', 'energy minister',
  'justice minister', 'minister of (?:foreign affairs|defen[cs]e|the interior|internal affairs|finance|economy|justice|energy|emergency situations|territorial administration)',
  'deputy foreign minister', 'deputy defen[cs]e minister', 'deputy minister', 'minister', 'secretary of state', 'state secretary',
  'ambassador', 'envoy', 'special envoy', 'spokesman', 'spokeswoman', 'spokesperson', 'press secretary', 'permanent representative',
  'representative', 'general', 'lieutenant general', 'major general', 'colonel', 'admiral', 'marshal', 'commander', 'chief of the general staff',
  'senator', 'lawmaker', 'deputy speaker', 'adviser', 'advisor', 'aide', 'counterparts?', 'foreign policy chief', 'security chief',
  'intelligence chief', 'army chief', 'military chief', 'national security adviser', 'mayor', 'governor', 'ombudsman',
];

export type TitleRole = 'leadership' | 'office';

export interface TitleMatch {
  /** Span of the title words in the text. */
  start: number;
  end: number;
  role: TitleRole;
  /** Span of "to the CSTO" / "of Armenia" after the title, if any. */
  ofStart: number;
  ofEnd: number;
  /** Names that follow the title, as written. */
  names: { start: number; end: number; text: string }[];
}

const TITLE_RE = new RegExp(
  `\\b(?:(?:acting|former|deputy|first|then|new|outgoing|incoming) )?(${[...OFFICE, ...LEADER].sort((a, b) => b.length - a.length).join('|')})\\b`,
  'g',
);
const LEADER_RE = new RegExp(`^(?:(?:acting|former|first|then|new|outgoing|incoming) )?(?:${LEADER.join('|')})$`);

/** Capitalised words that are not a name, though they follow a title ("General Assembly", "President said"). */
const NOT_NAME = /^(?:Assembly|Council|Ministry|Committee|Office|Department|Staff|Union|Secretariat|Parliament|Government|Administration|Court|Commission|Service|Forces?|Army|Guard|Directorate|Said|Says|The|A|An|In|On|At|Of|And|For|To|Who|Which|Has|Had|Was|Is|Will|Would|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|January|February|March|April|May|June|July|August|September|October|November|December)$/;

const NAME_WORD = "\\p{Lu}[\\p{L}'’.-]*";
const NAME_AT = new RegExp(`^(,? )((?:${NAME_WORD} ){0,3}${NAME_WORD})`, 'u');
const NEXT_NAME = new RegExp(`^(,? and |, )((?:${NAME_WORD} ){0,3}${NAME_WORD})`, 'u');

function readName(text: string, at: number, re: RegExp): { start: number; end: number; text: string; next: number } | null {
  const m = re.exec(text.slice(at, at + 80));
  if (!m) return null;
  const words = m[2].split(' ');
  let kept = 0;
  while (kept < words.length && !NOT_NAME.test(words[kept].replace(/[’'.]s?$/, ''))) kept++;
  if (kept === 0) return null;
  let name = words.slice(0, kept).join(' ');
  name = name.replace(/(?:['’]s|['’])$/, '').replace(/\.$/, '');
  const start = at + m[1].length;
  return { start, end: start + name.length, text: name, next: start + name.length };
}

/** Every title followed by one or more names. `folded` is foldText(text). */
export function findTitles(text: string, folded: string): TitleMatch[] {
  const found: TitleMatch[] = [];
  TITLE_RE.lastIndex = 0;
  for (let m = TITLE_RE.exec(folded); m; m = TITLE_RE.exec(folded)) {
    const start = m.index;
    const end = start + m[0].length;
    const role: TitleRole = LEADER_RE.test(m[0]) ? 'leadership' : 'office';
    let ofStart = -1;
    let ofEnd = -1;
    const of = /^ (?:to|of|for|at) (?:the )?((?:[\p{L}-]+ ){0,3}?[\p{L}-]+)(?=,)/u.exec(folded.slice(end, end + 60));
    let after = end;
    if (of) {
      ofStart = end + of[0].length - of[1].length;
      ofEnd = end + of[0].length;
      after = ofEnd;
    }
    const first = readName(text, after, NAME_AT);
    if (!first) continue;
    const names = [first];
    if (/counterparts|representatives|ministers/.test(m[0]) || /^,/.test(text.slice(after))) {
      for (let next = readName(text, first.next, NEXT_NAME); next; next = readName(text, next.next, NEXT_NAME)) names.push(next);
    }
    found.push({ start, end, role, ofStart, ofEnd, names });
    TITLE_RE.lastIndex = Math.max(TITLE_RE.lastIndex, names[names.length - 1].end);
  }
  return found;
}
