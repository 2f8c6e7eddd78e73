/**
 * Subject and object of a cue: the unit lists around it in its sentence, read
 * through the cue's frame (directed, passive, symmetric, membership, roster, reverse).
 */
import { rollUp, type Gazetteer } from './gazetteer';
import type { Sentence } from './sentences';
import type { CueMatch } from './cues';
import type { List, Unit } from './units';
import { Pairs, type Pair } from './pair-set';
import { nominalPairs } from './nominal-pairs';
import { isCoordinatedAfterPrepositionalObject } from './clause-starts';
import { isLocative, isPlacePhrase, isTopic, isVenue } from './places';
import { relativeClause } from './relative-clauses';

export type { Pair } from './pair-set';

/** Between a cue and a subject, these end the clause. */
export const CLAUSE_BREAK = /;|\bwho\b|\bwhich\b|\bwhile\b|\bwhereas\b|\bbut\b| - |, (?:citing|saying|adding|noting|arguing|claiming|stressing|calling)\b|\band (?:said|says|added|noted|stressed|warned|announced)\b/;
const gap = (folded: string, a: number, b: number) => folded.slice(a, b).trim();
/** "X, which has ..., attacked Y": the relative clause between a subject and its verb does not end the clause. */
export function withoutRelativeClause(between: string): string {
  return between.replace(/^, (?:which|who|whose|whom|a|an|the|once|now|itself|long)\b.*, /, ' ');
}

/** Spans of ", a key ally of X," and ", which ...," asides between `from` and `to` (callers keep those right after an actor). */
export function parentheticals(folded: string, from: number, to: number): [number, number][] {
  const spans: [number, number][] = [];
  const re = /, (?:which|who|whose|whom|a|an|the|once|now|itself|long)\b[^,;]*,/g;
  const body = folded.slice(from, to);
  for (let m = re.exec(body); m; m = re.exec(body)) spans.push([from + m.index, from + m.index + m[0].length]);
  return spans;
}

/** The lists a cue can take: `left` its subject side, `right` the first list after it, `after` all lists after it. */
interface Sides {
  left: List | null;
  right: List | null;
  after: List[];
}

function sidesOf(cue: CueMatch, lists: List[], folded: string, sentence: Sentence, units: Unit[], nextCueStart?: number): Sides {
  // lists inside an apposition or relative clause (", a key U.S. ally,") are not the subject of the verb after it
  const asides = parentheticals(folded, sentence.start, cue.start).filter(([a]) => lists.some((list) => list[list.length - 1].end === a));
  const addressees: List[] = [];
  const read = lists.flatMap((list) => {
    if (list[list.length - 1].end > cue.start || !isAddressee(list, folded, sentence)) return [list];
    // "In a letter to Kofi Annan, Iraq demanded": a fronted phrase's last item after a bare comma is the clause's subject
    const last = list[list.length - 1];
    const fronted = list.length > 1 && /^, (?:the )?$/.test(folded.slice(list[list.length - 2].end, last.start)) && /^\W*(?:in|with|through)\b/.test(folded.slice(sentence.start, list[0].start));
    const addressee = fronted ? list.slice(0, -1) : list;
    addressees.push(addressee);
    return fronted ? [addressee, [last]] : [list];
  });
  const before = read.filter(
    (list) =>
      list[list.length - 1].end <= cue.start &&
      !addressees.includes(list) &&
      !asides.some(([a, b]) => list[0].start >= a && list[list.length - 1].end <= b) &&
      !CLAUSE_BREAK.test(withoutRelativeClause(folded.slice(list[list.length - 1].end, cue.start))),
  );
  // "Merkel arrived in Moscow for talks with Putin", "Barak flew to Cairo to meet Mubarak": a place the subject went to
  // or is in is no subject, when an actor before it can be
  while (before.length > 1 && isPlacePhrase(before[before.length - 1], folded)) before.pop();
  // "Putin had spoken by phone with Pashinyan and called on both sides": the object of a preposition is
  // no subject of a verb coordinated after it; the clause's subject before it is
  while (before.length > 1 && isCoordinatedAfterPrepositionalObject(before[before.length - 1], folded, cue)) before.pop();
  // a cue with a gap ("asked the CSTO for assistance") can hold its object: anything after its first word counts
  const firstWordEnd = cue.start + (/^\S+/.exec(cue.text)?.[0].length ?? 0);
  // "expressed Egypt's support for Sudan": a possessive inside the cue says whose the act is, not at whom
  const inner = !SPEECH_ACTS.has(cue.type) ? undefined : lists.find((list) => list[0].start >= firstWordEnd && list[list.length - 1].end < cue.end && /^['’]s\b/.test(folded.slice(list[list.length - 1].end, list[list.length - 1].end + 2)));
  const after = lists.filter((list) => list !== inner && list[0].start >= firstWordEnd && !CLAUSE_BREAK.test(folded.slice(cue.end, list[0].start)));
  // the unit that holds the cue ("Russian-brokered", "Azerbaijani incursions") is its subject
  const glued = units.find((u) => {
    const between = folded.slice(u.end, cue.start);
    return u.end <= cue.start && (between === '-' || /^'s (?:[a-z-]+ ){0,2}$/.test(between) || (between === ' ' && u.modifier));
  });
  let left = glued ? [glued] : before.length && !inPrepositionalPhrase(cue, folded, sentence) && !nominalOfOthers(cue, folded, sentence) ? before[before.length - 1] : null;
  if (left && !glued) left = reporterOf(cue, left, before, folded, sentence);
  // "the militia, which the government accused of attacking civilians": the accuser did not do the deed
  if (left && !glued && ARMED_ACTS.has(cue.type) && ACCUSED_OF.test(folded.slice(left[left.length - 1].end, cue.start))) left = null;
  const told = left && !glued ? toldPronoun(left, before, folded, sentence, cue) : null;
  if (told) left = told.teller;
  const relative = glued ? null : relativeClause(cue, lists, folded, sentence);
  if (relative && !left) left = relative.subject;
  // troops sent "to the Iraqi border" are aimed at Iraq, and pulled back from it withdraw from Iraq:
  // only for mobilisation, retreat and a border closed is the border its object
  // "held talks with Zarif on Syria": what talks are about is no party to them
  let right = after.find((list) => (cue.type === 'mobilisation' || cue.type === 'retreat' || cue.type === 'blockade' || !(isLocative(list, folded) || isWhereOfDeed(cue, list, folded))) && !(cue.type === 'meeting' && (isTopic(list, folded) || isVenue(list, folded)))) ?? null;
  // "... start exercises on Sunday and pointed to Aliyev": an actor after the next cue belongs to that cue
  // (only across a coordination: in "threatened to stop negotiations with Y" the object is still Y)
  if (right && nextCueStart !== undefined && right[0].start >= nextCueStart && /\band\b|,/.test(folded.slice(cue.end, nextCueStart))) right = null;
  // "extradited Russian businessman Ivan Petrov to France": the one handed over is no party; the state receiving him is
  if (/^(?:extradit|hand(?:s|ed|ing)? over|deport)/.test(cue.text) && cue.type === 'cooperation') right = after.find((list) => /\bto (?:the )?$/.test(folded.slice(list[0].start - 8, list[0].start))) ?? null;
  if (right && right[0].start - cue.end > 90) right = null;
  // "the government and FARC rebels agreed to resume talks in Havana": with the parties listed before, a place after is the venue
  if (right && left && left.length > 1 && (cue.rule.frame === 'symmetric' || cue.type === 'commitment') && /\b(?:in|at) (?:the )?$/.test(folded.slice(Math.max(0, right[0].start - 8), right[0].start)) && isPlacePhrase(right, folded)) right = null;
  if (right && addresseeMissed(cue, folded.slice(cue.end, right[0].start))) right = null;
  // "Syria, which Israel accused of ...": the antecedent is the object the relative clause leaves out
  if (relative?.object && left === relative.subject && (!right || right[0].start > relative.clauseEnd)) right = relative.object;
  // "warned Turkey it would veto its EU bid": the bid is the addressee's, and so is the veto's object
  if (told && right && /\b(?:its|their) $/.test(folded.slice(Math.max(0, right[0].start - 6), right[0].start)) && /^ (?:membership )?(?:bid|application|candidacy|accession|membership)\b/.test(folded.slice(right[right.length - 1].end, right[right.length - 1].end + 25))) right = told.addressee;
  if (left && right && left.includes(right[0])) right = null;
  if (left && withoutRelativeClause(folded.slice(left[left.length - 1].end, cue.start)).length > 120) left = null;
  // "Iraq, in a letter to the Security Council, demanded an end to sanctions": what is said there is said to the addressee
  if (!right && addressees.length && SPEECH_ACTS.has(cue.type) && !cue.passive) right = addressees[addressees.length - 1];
  return { left, right, after };
}

/**
 * "urged Congress to approve aid to Colombia": after a verb of asking, the one asked stands before
 * "to"; an actor after the infinitive belongs to the deed asked for, so an unnamed addressee leaves
 * no object rather than Colombia.
 */
function addresseeMissed(cue: CueMatch, gapToObject: string): boolean {
  // "rejected a UN demand to withdraw from Kuwait": an actor after the infinitive and its preposition is where the deed asked for goes
  if (cue.type === 'demand' && /\bto$/.test(cue.text) && /^ (?:[a-z]+ ){1,3}?(?:from|out of|into|to|in|on|against|with|towards?) (?:the )?$/.test(gapToObject)) return true;
  return cue.type === 'demand' && /^(?:urg|ask|call(?:s|ed|ing)? (?:on|upon)|press|told|tell|encourag|invit|implor|exhort|persuad|order)/.test(cue.text) && !/\bto$/.test(cue.text) && /\bto\b/.test(gapToObject);
}

/** "in a letter to X", "in a message sent to X": X is whom a statement is addressed to, never its author. */
const ADDRESSED = /\b(?:in|with|through) (?:a|an|his|her|its|their|the) (?:[a-z-]+ ){0,2}?(?:letter|message|note|cable|telegram|speech|address|statement|appeal|memorandum)(?: (?:sent|delivered|addressed))? to (?:the )?$/;
function isAddressee(list: List, folded: string, sentence: Sentence): boolean {
  return ADDRESSED.test(folded.slice(Math.max(sentence.start, list[0].start - 60), list[0].start));
}

/** Cues that are things said: after a report ("noted that X ... and pointed to Y") they go with the one reporting. */
const SPEECH_ACTS = new Set(['accusation', 'demand', 'ceasefire_call', 'support', 'threat', 'rejection', 'denial', 'request_aid']);
const REPORT_THAT = /\b(?:said|says|noted|notes|stated|added|argued|claimed|insisted|stressed|explained|recalled|pointed out|told [^\s,;.]+(?: [^\s,;.]+)?) (?:that )?(?:the )?$/;

/**
 * "He noted that the Azerbaijani military is to start exercises and pointed to Aliyev's threats": a
 * speech act coordinated after a reported clause is the reporter's, not the reported subject's; the
 * reporter is the list before "that", or nobody named (a pronoun the text leaves unresolved).
 */
function reporterOf(cue: CueMatch, left: List, before: List[], folded: string, sentence: Sentence): List | null {
  if (!SPEECH_ACTS.has(cue.type) || cue.passive) return left;
  const lead = folded.slice(Math.max(sentence.start, left[0].start - 60), left[0].start);
  if (!REPORT_THAT.test(lead) || !/ and (?:also |then |later )?$/.test(folded.slice(left[left.length - 1].end, cue.start).slice(-12))) return left;
  const reporter = before.filter((list) => list[list.length - 1].end <= left[0].start - lead.length + lead.search(REPORT_THAT));
  return reporter.length ? reporter[reporter.length - 1] : null;
}

/**
 * "France warned Turkey it would veto ...": after a verb of telling, the pronoun that opens the told
 * clause is the teller, and the one told (the list nearest the cue) is no subject of it.
 */
function toldPronoun(left: List, before: List[], folded: string, sentence: Sentence, cue: CueMatch): { teller: List | null; addressee: List } | null {
  if (!/^,? (?:that )?(?:it|they) (?:[a-z]+ ){0,2}$/.test(folded.slice(left[left.length - 1].end, cue.start))) return null;
  if (!/\b(?:warned|warns|told|tells|assured|assures|informed|reminded|notified)(?: on [a-z]+day)? (?:the )?$/.test(folded.slice(Math.max(sentence.start, left[0].start - 30), left[0].start))) return null;
  const teller = before.filter((list) => list[list.length - 1].end < left[0].start).pop() ?? null;
  return { teller, addressee: left };
}

/**
 * "attacking a tanker off Oman", "struck a convoy near Syria": with the deed's object already named,
 * a state after a preposition of nearness says where it happened, not to whom.
 */
function isWhereOfDeed(cue: CueMatch, list: List, folded: string): boolean {
  const between = folded.slice(cue.end, list[0].start);
  return /^ (?:[^\s,;.]+ ){1,5}?(?:off|near|outside|along|close to|not far from|off the coast of|near the coast of)(?: the)? $/.test(between) && !/^'s\b/.test(folded.slice(list[0].end, list[0].end + 2));
}

/**
 * "killed in the second-worst attack", "during an invasion": a nominal cue inside a prepositional
 * phrase names no doer before it; only a possessive or demonym glued to it does.
 */
function inPrepositionalPhrase(cue: CueMatch, folded: string, sentence: Sentence): boolean {
  if (cue.rule.frame !== 'directed') return false;
  const before = folded.slice(Math.max(sentence.start, cue.start - 50), cue.start);
  return /\b(?:in|of|on|at|after|during|for|from|with|amid|over|since|despite|before|following|against) (?:the|a|an|this|that|its|their|his|her)(?: [a-z-]+){0,2} $/.test(before);
}

/** Verbs whose subject does the deed its object names: "launched an attack", "stepped up the shelling". */
const DOING = /^(?:launch|carr(?:y|ies|ied) out|conduct|stag|mount|step(?:s|ped)? up|continu|beg[iau]n|start|intensif|escalat|resum|renew|unleash|wag|mak|made|open|order|announc|plan|threat|vow|pledg|promis|prepar|lead|led|spearhead|initiat|undert|direct|pursu|expand|extend|widen|broaden|keep|kept|maintain|press|push|impos|tighten|enforc|lift|eas|end|halt|stop|suspend|call)/;
const NOT_A_VERB = /^(?:and|or|but|nor|as|than|that|which|who|whose|not|also|yet|so|then|both|either|neither)$/;

/**
 * "Turkey condemned the attack on its embassy", "Russia denied the shelling": a deed named by a noun
 * after another verb and its article is not that verb's subject's deed; only a verb of doing
 * ("launched an attack") makes it so.
 */
function nominalOfOthers(cue: CueMatch, folded: string, sentence: Sentence): boolean {
  if (cue.rule.frame !== 'directed' || cue.passive || !ARMED_ACTS.has(cue.type)) return false;
  const m = /\b([a-z]+)(?: (?:up|out|off))? (?:the|an?|its|their|his|her|this|that|these|those|such|new|fresh|further|more|any)(?: [a-z-]+){0,2} $/.exec(folded.slice(Math.max(sentence.start, cue.start - 50), cue.start));
  if (!m || NOT_A_VERB.test(m[1])) return false;
  return !DOING.test(m[0]);
}

/** "X is a member of Y along with A, B": Y is the first unit after the cue, members are before it and listed after it. */
function membershipPairs({ left, right, after }: Sides, folded: string): Pair[] {
  if (!right) return [];
  const organisation = right[0];
  const members = [...(left ?? []), ...right.slice(1)];
  const next = after[1];
  if (next && /^(?:,? ?(?:along with|alongside|together with|as well as|with|and))$/.test(gap(folded, organisation.end, next[0].start))) members.push(...next);
  return new Pairs().cross(members, [organisation]);
}

/** "Y, which includes A, B and C": the organisation before, its member states after. */
function rosterPairs({ left, right }: Sides, gazetteer: Gazetteer): Pair[] {
  const organisation = left ? left[left.length - 1] : null;
  if (!organisation || !right || gazetteer.actors.get(organisation.actorId)?.kind !== 'organisation') return [];
  return new Pairs().cross(right.filter((member) => gazetteer.actors.get(member.actorId)?.kind === 'state'), [organisation]);
}

const isBetween = (cue: CueMatch, folded: string) => /between$/.test(cue.text) || /^ (?:[a-z-]+ ){0,2}?between /.test(folded.slice(cue.end, cue.end + 40));

/**
 * "Armenia accused Azerbaijan of shelling villages, and called on Russia to help": a verb
 * coordinated after the sentence's main (first) cue shares its subject, not its object.
 */
function coordinatedSubject(cue: CueMatch, main: CueMatch | undefined, sides: Sides, lists: List[], folded: string, sentence: Sentence, units: Unit[]): List | null {
  if (!main) return null;
  // "Russia criticised the EU plan and said it backed Serbia's position": "it" is the main clause's subject
  const selfReported = /(?:^|,| ) ?and (?:said|added|stressed|announced|insisted) (?:that )?(?:it|they|he|she) (?:also |would |will |had |has |was |is )?$/.test(folded.slice(main.end, cue.start).slice(-44));
  if (!selfReported && (!sides.left || sides.left[0].start < main.end)) return null;
  if (!selfReported && !/(?:^|,| ) ?and (?:then |also |later |has |have |had )?$/.test(folded.slice(main.end, cue.start).slice(-20))) return null;
  if (/[;:]/.test(folded.slice(main.end, cue.start))) return null;
  return sidesOf(main, lists, folded, sentence, units, cue.start).left;
}

const ARMED_ACTS = new Set(['attack', 'conflict', 'coercion', 'blockade']);
/** Between an accuser and the deed: " accused of ", " blamed for ". */
export const ACCUSED_OF = /^ (?:has |have |had |also |again )*(?:accus|blam|charg|suspect|condemn|criticis|criticiz|denounc)\w* (?:[^\s,;.]+ ){0,3}?(?:of|for) $/;

/**
 * "Russian troops shelled the town of Kharkiv, killing five civilians": an armed deed in a participle
 * clause after the main one is done by the main clause's subject, not by the actor written nearest it.
 */
function participleSubject(cue: CueMatch, main: CueMatch | undefined, lists: List[], folded: string, sentence: Sentence, units: Unit[]): List | null {
  if (!main || main === cue || main.passive || !/^[a-z]+ing\b/.test(cue.text)) return null;
  // "Turkey voiced support for Baku, urging Armenia to end ...": a thing said in a participle is said by the main clause's subject
  if (!(ARMED_ACTS.has(cue.type) && ARMED_ACTS.has(main.type)) && !SPEECH_ACTS.has(cue.type)) return null;
  const between = folded.slice(main.end, cue.start);
  if (!/, (?:also |reportedly |allegedly )?$/.test(between) || /[;:]|\b(?:who|which|while|but|after|before|when)\b/.test(between)) return null;
  return sidesOf(main, lists, folded, sentence, units, cue.start).left;
}

export function pairsFor(cue: CueMatch, lists: List[], folded: string, sentence: Sentence, gazetteer: Gazetteer, units: Unit[], nextCueStart?: number, main?: CueMatch, reporter?: List | null): Pair[] {
  const sides = sidesOf(cue, lists, folded, sentence, units, nextCueStart);
  // "Israel must withdraw, Mubarak said": a thing said whose sayer the clause does not name is the reporter's
  // (not when it names the reporter's own state: "... help for Armenia," Pashinyan said asks no one of Armenia)
  if (reporter && !sides.left && SPEECH_ACTS.has(cue.type) && !cue.passive && cue.rule.frame === 'directed' && !sides.right?.some((u) => rollUp(gazetteer, u.actorId) === rollUp(gazetteer, reporter[0].actorId))) sides.left = reporter;
  const shared = coordinatedSubject(cue, main, sides, lists, folded, sentence, units) ?? participleSubject(cue, main, lists, folded, sentence, units);
  if (shared) sides.left = shared;
  const joiner = sides.left && !cue.passive ? joinerOf(sides.left, lists, folded, cue) : null;
  if (joiner && sides.left) sides.left = [...joiner, ...sides.left];
  const { left, right, after } = sides;
  const frame = cue.rule.frame;
  if (frame === 'membership') return kindsFit(cue.type, membershipPairs(sides, folded), gazetteer);
  if (frame === 'roster') return rosterPairs(sides, gazetteer);
  if (frame === 'symmetric' && isBetween(cue, folded) && right && right.length > 1) return new Pairs().among(right);
  if (frame === 'patient') return patientPairs(left, lists, folded, sentence, reporter ?? null);
  if (frame === 'reverse') {
    const by = after[0];
    if (!by || !left || by[0].start - cue.end > 40) return [];
    return kindsFit(cue.type, new Pairs().cross(by, left), gazetteer);
  }
  // "Ethiopia rejected a warning from Egypt", "received criticism from France": a thing said, as a noun, is the one after "from"'s, to the clause's subject
  if (frame === 'directed' && !cue.passive && left && after[0] && isNounFrom(cue, after[0], folded)) return kindsFit(cue.type, new Pairs().cross(after[0], left), gazetteer);
  const nominal = frame === 'directed' && !cue.passive ? nominalPairs(cue, after, folded) : null;
  if (nominal) return kindsFit(cue.type, nominal, gazetteer);
  if (cue.agentless && frame === 'directed') return [];
  if (cue.passive) {
    const by = after.find((list) => /\bby\b/.test(folded.slice(cue.end, list[0].start)));
    return by && left ? new Pairs().cross(by, left) : [];
  }
  if (frame === 'symmetric' && left && left.length > 1) return new Pairs().among(left);
  // "Greece and Turkey pledged to settle their dispute": a commitment of several, to nobody else, binds each to the others
  if ((cue.type === 'commitment' || /\bjoint\b/.test(cue.text)) && left && left.length > 1 && !right) return mutual(left);
  // "India and Pakistan accused each other of ...": each of the several does it to the others
  if (left && left.length > 1 && /^ (?:[a-z-]+ )?(?:each other|one another)\b/.test(folded.slice(cue.end, cue.end + 30))) return mutual(left);
  if (!left || !right) return [];
  const pairs = new Pairs().cross(left, right);
  // "called for the release of Chinese fishermen held by Japan": an object that is the subject itself names no one else; the next actor does
  const next = after[after.indexOf(right) + 1];
  if (!pairs.length && next && next[0].start - right[right.length - 1].end < 60 && !/[;,]/.test(folded.slice(right[right.length - 1].end, next[0].start))) pairs.push(...new Pairs().cross(left, next));
  return kindsFit(cue.type, pairs, gazetteer);
}

/** "X said on Monday that", "X warned": a speaker and the verb that puts what follows in their mouth. */
const SAID_OF = /^(?:'s)?,? (?:[^,;.]{0,40}? )?(?:said|says|warned|warns|told(?: [^\s,;.]+){1,3}?|declared|stated|insisted|charged|claimed|alleged|added|believes|believed|maintained|asserted|concluded|announced|argued|accused|suggested|made clear|repeated|reiterated)(?: (?:on )?[a-z]+day| today| yesterday| again)?(?: that)? (?:the )?$/;

/** "Britain said Russia was behind the poisoning": the one said to be behind it is the object, the speaker the subject. */
function patientPairs(left: List | null, lists: List[], folded: string, sentence: Sentence, reporter: List | null): Pair[] {
  if (!left) return [];
  const before = lists.filter((list) => list[list.length - 1].end <= left[0].start && list[0].start >= sentence.start).pop();
  const speaker = before && SAID_OF.test(folded.slice(before[before.length - 1].end, left[0].start)) ? before : !before ? reporter : null;
  return speaker ? new Pairs().cross(speaker, left) : [];
}

/** "Britain joined the United States in air strikes on Iraq": who joins another in a deed does it too. */
function joinerOf(left: List, lists: List[], folded: string, cue: CueMatch): List | null {
  if (!/^ in\b/.test(folded.slice(left[left.length - 1].end, cue.start))) return null;
  const joiner = lists.filter((list) => list[list.length - 1].end <= left[0].start).pop();
  if (!joiner) return null;
  return /^,? (?:has |have |had |also |on [a-z]+day )*join(?:ed|s)? (?:the )?$/.test(folded.slice(joiner[joiner.length - 1].end, left[0].start)) ? joiner : null;
}

function isNounFrom(cue: CueMatch, list: List, folded: string): boolean {
  return SPEECH_ACTS.has(cue.type) && /\b(?:a|an|the|fresh|new|repeated)(?: [a-z-]+)? $/.test(folded.slice(Math.max(0, cue.start - 20), cue.start)) && /^ from (?:the )?$/.test(folded.slice(cue.end, list[0].start));
}

function mutual(list: List): Pair[] {
  const pairs = new Pairs();
  for (const a of list) for (const b of list) pairs.add(a, b);
  return pairs.list;
}

/** Territory is always state → region, membership never of a state; other types take any actors. */
export function kindsFit(type: string, pairs: Pair[], gazetteer: Gazetteer): Pair[] {
  // a state "joined" or listed with another state is no member of it
  if (type === 'membership' || type === 'observer') return pairs.filter(([, o]) => gazetteer.actors.get(o.actorId)?.kind !== 'state');
  if (type !== 'territory') return pairs;
  return pairs.filter(([s, o]) => gazetteer.actors.get(s.actorId)?.kind === 'state' && gazetteer.actors.get(o.actorId)?.kind === 'region');
}
