/**
 * Objects a cue leaves unsaid or names only as "both sides": the two states the text
 * names most; and the accuser a rejection of "the accusations" answers.
 */
import type { Candidate } from './types';
import { rollUp, type Gazetteer } from './gazetteer';
import type { CueMatch } from './cues';
import type { List, Unit } from './units';
import { CLAUSE_BREAK, parentheticals, withoutRelativeClause, type Pair } from './pairs';

/** Words that stand for the two parties of the text's conflict. */
export const PARTIES = /\b(?:both sides|the two sides|both parties|the parties|the two parties|the warring parties|the two countries|both countries|the two neighbours|the two neighbors|the sides)\b/g;
export function findParties(folded: string, from: number, to: number): Unit | null {
  PARTIES.lastIndex = 0;
  const m = PARTIES.exec(folded.slice(from, Math.min(to, from + 60)));
  if (!m) return null;
  const start = from + m.index;
  return { start, end: start + m[0].length, actorId: '', headStart: start, headEnd: start + m[0].length, modifier: false };
}

/** Caller before the cue (or glued to it: "Russian-brokered"), the text's two parties as objects. */
export function partyPairs(cue: CueMatch, lists: List[], units: Unit[], inSentence: Unit[], folded: string, gazetteer: Gazetteer, phrase: Unit | null): Pair[] {
  let subjects: Unit[] | undefined;
  if (cue.rule.frame === 'reverse') subjects = lists.find((list) => list[0].start >= cue.end && list[0].start - cue.end <= 40);
  else {
    const glued = inSentence.find((u) => u.end <= cue.start && /^-?$/.test(folded.slice(u.end, cue.start)));
    const before = lists.filter((list) => list[list.length - 1].end <= cue.start && !CLAUSE_BREAK.test(folded.slice(list[list.length - 1].end, cue.start)));
    // "China, a close ally of Pakistan, called for restraint": the ally named in the aside is not the caller
    while (before.length > 1 && isInAside(before[before.length - 2], before[before.length - 1], folded)) before.pop();
    subjects = glued ? [glued] : before[before.length - 1];
  }
  if (!subjects) return [];
  const excluded = new Set(subjects.map((u) => u.actorId));
  for (const u of subjects) {
    const affiliation = gazetteer.actors.get(u.actorId)?.affiliation;
    if (affiliation) excluded.add(affiliation);
  }
  const parties = partiesOf(units, gazetteer).filter((id) => !excluded.has(id)).slice(0, 2);
  if (parties.length < 2) return [];
  const at = phrase ?? { start: cue.start, end: cue.end, actorId: '', headStart: cue.start, headEnd: cue.end, modifier: false };
  const pairs: Pair[] = [];
  for (const s of subjects) for (const id of parties) pairs.push([s, { ...at, actorId: id }]);
  return pairs;
}

export function conflictPairs(units: Unit[], gazetteer: Gazetteer, phrase: Unit): Pair[] {
  const parties = partiesOf(units, gazetteer).slice(0, 2);
  return parties.length === 2 ? [[{ ...phrase, actorId: parties[0] }, { ...phrase, actorId: parties[1] }]] : [];
}

/** The two states the text names most (earliest first among equals): whom "both sides" means. */
export function partiesOf(units: Unit[], gazetteer: Gazetteer): string[] {
  const counts = new Map<string, { n: number; first: number }>();
  for (const unit of units) {
    if (gazetteer.actors.get(unit.actorId)?.kind !== 'state') continue;
    const entry = counts.get(unit.actorId) ?? { n: 0, first: unit.start };
    entry.n++;
    counts.set(unit.actorId, entry);
  }
  return [...counts.entries()].sort((a, b) => b[1].n - a[1].n || a[1].first - b[1].first).map(([id]) => id);
}

function isInAside(previous: List, list: List, folded: string): boolean {
  return /^, (?:a|an|the|which|who|whose|once|now|itself|long)\b[^,;]*$/.test(folded.slice(previous[previous.length - 1].end, list[0].start)) && /^,/.test(folded.slice(list[list.length - 1].end));
}

/** Types whose object may be "both sides", or left unsaid ("called for a ceasefire", "a Russian-brokered truce"). */
export const PARTY_OBJECT_TYPES = new Set(['ceasefire_call', 'mediation']);

/**
 * "China called for restraint", "offered to mediate": an appeal for calm or an offer to mediate that
 * names no one is made to the text's parties, like a call for a ceasefire.
 */
export function isPartyAppeal(cue: CueMatch, folded: string): boolean {
  if (PARTY_OBJECT_TYPES.has(cue.type)) return true;
  if (cue.type === 'demand') return /^ (?:the |maximum |utmost |mutual |greater |more )?(?:restraint|calm|de-?escalation|dialogue)\b/.test(folded.slice(cue.end, cue.end + 30));
  return (cue.type === 'commitment' || cue.type === 'aid_offer') && /\b(?:mediate|broker|host talks)$/.test(cue.text);
}
/** What a rejection or denial can answer, by the noun after the cue, and the earlier types that made it. */
const ANSWERED: [RegExp, string[]][] = [
  [/accusation|allegation|claim|charge|criticism|accused|criticised|criticized/, ['accusation']],
  [/demand|call|request|appeal|ultimatum|truce|ceasefire|cease-fire/, ['demand', 'ceasefire_call', 'request_aid', 'threat']],
  [/offer|proposal|plan|initiative|mediation|talks|invitation/, ['aid_offer', 'mediation', 'commitment', 'demand', 'ceasefire_call']],
];

/**
 * "Russian officials rejected the criticism", "both sides dismissed the demands for a truce":
 * the object is whoever last made that accusation, demand or offer to the subject (or, failing
 * that, to anyone in the text), up to three of them.
 */
export function answerPairs(cue: CueMatch, lists: List[], folded: string, earlier: Candidate[], gazetteer: Gazetteer): Pair[] {
  const said = cue.text + folded.slice(cue.end, cue.end + 40);
  const types = ANSWERED.find(([re]) => re.test(said))?.[1];
  if (!types) return [];
  // "Syria, which accused Israel of ..., rejected the charge": an actor inside the aside after the subject is not the one answering
  const asides = parentheticals(folded, Math.max(0, cue.start - 200), cue.start);
  const inAside = (list: List) => asides.some(([a, b]) => list[0].start >= a && list[list.length - 1].end <= b && lists.some((l) => l[l.length - 1].end === a));
  const before = lists.filter((list) => list[list.length - 1].end <= cue.start && !inAside(list) && !CLAUSE_BREAK.test(withoutRelativeClause(folded.slice(list[list.length - 1].end, cue.start))));
  const subjects = before[before.length - 1];
  if (!subjects) return [];
  const pairs: Pair[] = [];
  const asked = [...earlier].reverse().filter((c) => types.includes(c.type));
  for (const subject of subjects) {
    const me = rollUp(gazetteer, subject.actorId);
    const toMe = asked.filter((c) => rollUp(gazetteer, c.object) === me && rollUp(gazetteer, c.subject) !== me);
    const askers = [...new Set(toMe.map((c) => c.subject))].slice(0, 3);
    for (const asker of askers) pairs.push([subject, { start: cue.start, end: cue.end, actorId: asker, headStart: cue.start, headEnd: cue.end, modifier: false }]);
  }
  return pairs;
}
