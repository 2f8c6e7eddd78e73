/**
 * Relations from cues, sentence by sentence: each cue's subject and object lists
 * fan out into one candidate per pair, all sharing one statement.
 */
import type { Candidate } from './types';
import type { Sentence } from './sentences';
import { findDates, type DateMention } from './dates';
import { findCues, type CueMatch } from './cues';
import { groupLists, type Unit } from './units';
import { CLAUSE_BREAK, pairsFor, type Pair } from './pairs';
import { opensLaterClause, splitAtClauseStarts } from './clause-starts';
import { answerPairs, conflictPairs, findParties, isPartyAppeal, partiesOf, partyPairs } from './parties';
import { AGREEMENT_NOUN, buildCandidate } from './candidate';
import { newMemory, resolveReferences } from './coref';
import type { TextContext } from './context';
import { announcedThreat, attributionSpans, intendedCommitment, isEmbedded, trailingSpeakerStart } from './clauses';
import { domesticProtestPairs, isProtestVenue } from './domestic-protest';
import { domesticTargetPairs, unattributedPairs } from './domestic-targets';
import { isEvaluative, speakerOf } from './evaluative';
import { rollUp } from './gazetteer';
import { accusedDoers } from './deed-doers';
import { toldPairs } from './told-pairs';

/** The sentence's dates, and the paragraph's last one for a sentence without its own ("on Thursday ... He also said ..."). */
function paragraphDates(ctx: TextContext) {
  let last: DateMention | null = null;
  let paragraph = -1;
  return (sentence: Sentence) => {
    const dates = findDates(ctx.text, sentence.start, sentence.end, ctx.published);
    if (sentence.paragraph !== paragraph) (last = null), (paragraph = sentence.paragraph);
    // "last month's attack" dates that attack only, not the sentences after it
    const own = dates.filter((d) => d.scope === 'sentence' && !/^['’]s\b/.test(ctx.folded.slice(d.end, d.end + 3)));
    const inherited = own.length ? null : last;
    if (own.length) last = own[own.length - 1];
    return { dates, inherited };
  };
}

/** Items of a sorted array that start inside the sentence; `cursor` keeps the place across sentences. */
function takeInside<T extends { start: number; end: number }>(items: T[], cursor: { i: number }, sentence: Sentence, whole: boolean): T[] {
  const out: T[] = [];
  while (cursor.i < items.length && items[cursor.i].start < sentence.end) {
    const item = items[cursor.i++];
    if (item.start >= sentence.start && (!whole || item.end <= sentence.end)) out.push(item);
  }
  return out;
}

interface SentenceView {
  sentence: Sentence;
  units: Unit[];
  lists: Unit[][];
  cues: CueMatch[];
  /** Who reports the sentence (", the Egyptian president said."): the speaker of a speech act that names none before it. */
  reporter: Unit[] | null;
  dates: DateMention[];
  inherited: DateMention | null;
}

/** "NATO peacekeeping troops have arrived in Bosnia": forces arriving are deployed, not visiting. */
function isDeployment(folded: string, subjectStart: number, cueStart: number): boolean {
  return /\b(?:troops|forces|soldiers|peacekeep\w*|contingent|units|battalions?|brigades?|warships|jets|aircraft)\b/.test(folded.slice(subjectStart, cueStart));
}

/**
 * "expressed concern over the clashes between Armenia and Azerbaijan": concern about, or condemnation
 * of, an event between parties blames neither of them; only naming one side as its doer would.
 */
function isPartyToEventBlamed(folded: string, cue: CueMatch, object: Unit): boolean {
  return /\b(?:clash(?:es)?|fighting|hostilities|conflict|war|tensions?|violence|escalation|confrontations?|dispute|standoff|battles?|skirmish(?:es)?)\b(?: [a-z-]+){0,3} between (?:[^,;.]{0,80} )?$/.test(folded.slice(cue.end, object.start));
}

/**
 * "Two Indian soldiers died in a Pakistani attack": the doer is glued to the noun, the victims are the
 * clause's subject, who died, were killed or were wounded in it.
 */
function victimPairs(cue: CueMatch, lists: Unit[][], folded: string): Pair[] {
  const doer = lists.find((list) => list.length === 1 && list[0].end <= cue.start && /^(?:'s)? (?:[a-z-]+ )?$/.test(folded.slice(list[0].end, cue.start)));
  if (!doer) return [];
  const victims = lists.filter((list) => list[list.length - 1].end <= doer[0].start).pop();
  if (!victims) return [];
  const gap = folded.slice(victims[victims.length - 1].end, doer[0].start);
  if (!/^ (?:[a-z-]+ ){0,2}?(?:(?:were|was|have been|had been|are|is) )?(?:killed|died|dead|wounded|injured|hurt|slain|perished) in (?:an?|the|a fresh|a new) (?:[a-z-]+ )?$/.test(gap)) return [];
  return victims.filter((v) => v.actorId !== doer[0].actorId).map((v) => [doer[0], v] as Pair);
}

/** Types a group can aim at its own state with no one else named (PLOVER codes them as domestic events). */
const OWN_STATE_TYPES = new Set(['threat', 'demand', 'rejection', 'accusation', 'protest', 'ceasefire_call', 'request_aid']);

/**
 * "Nigerian oil workers threatened to go on strike", "Ugandan rebels rejected the offer": a group of a state
 * that says or does this to no one the sentence names does it to its own state, when the sentence names no other.
 */
function ownStatePairs(cue: CueMatch, lists: Unit[][], units: Unit[], folded: string, sentence: Sentence, gazetteer: TextContext['gazetteer']): Pair[] {
  if (!OWN_STATE_TYPES.has(cue.type) || cue.passive || cue.rule.frame !== 'directed') return [];
  const doers = lists.filter((list) => list[list.length - 1].end <= cue.start && list[0].start >= sentence.start).pop();
  if (!doers || cue.start - doers[doers.length - 1].end > 80 || CLAUSE_BREAK.test(folded.slice(doers[doers.length - 1].end, cue.start))) return [];
  const states = new Set(units.map((u) => rollUp(gazetteer, u.actorId)));
  const [state] = states;
  if (states.size !== 1 || gazetteer.actors.get(state)?.kind !== 'state') return [];
  return doers
    .filter((u) => u.actorId !== state && gazetteer.actors.get(u.actorId)?.kind === 'group')
    .map((u) => [u, { ...u, actorId: state, start: cue.end, end: cue.end, headStart: cue.end, headEnd: cue.end, modifier: false }] as Pair);
}

/**
 * "President Suharto stepped down": a leader who quits yields to his own state (CAMEO 0831), which the
 * sentence need not name; the person's affiliation is the object.
 */
function resignationPairs(cue: CueMatch, lists: Unit[][], folded: string, sentence: Sentence, gazetteer: TextContext['gazetteer']): Pair[] {
  if (cue.type !== 'concession' || !/^(?:resign|st(?:ep|ood|and))/.test(cue.text)) return [];
  const doers = lists.filter((list) => list[list.length - 1].end <= cue.start && list[0].start >= sentence.start).pop();
  if (!doers || cue.start - doers[doers.length - 1].end > 60 || CLAUSE_BREAK.test(folded.slice(doers[doers.length - 1].end, cue.start))) return [];
  return doers.flatMap((u) => {
    const person = gazetteer.actors.get(u.actorId);
    const state = person?.kind === 'person' ? rollUp(gazetteer, u.actorId) : '';
    return state && state !== u.actorId ? [[u, { ...u, actorId: state, start: cue.end, end: cue.end, headStart: cue.end, headEnd: cue.end, modifier: false }] as Pair] : [];
  });
}

/** "vowed to wipe Y off the map": a threat vowed is made, not only intended. */
function isVowedThreat(folded: string, sentence: Sentence, cue: CueMatch): boolean {
  return cue.type === 'threat' && /\b(?:vow|pledg|promis|swore|swear|sworn)[a-z]* to (?:[a-z-]+ ){0,2}$/.test(folded.slice(Math.max(sentence.start, cue.start - 40), cue.start));
}

/** "protested in Lahore against the Danish cartoons": past the venue, what the crowd is against is the target. */
function protestTargetPairs(cue: CueMatch, lists: Unit[][], folded: string, sentence: Sentence): Pair[] {
  const before = lists.filter((list) => list[list.length - 1].end <= cue.start && list[0].start >= sentence.start);
  // "students clashed with police during a protest against Y": the protest in a phrase is the clause subject's, not the police's
  const inPhrase = /\b(?:during|at|in|amid|after|following) (?:a|an|the|their|its)(?: [a-z-]+){0,2} $/.test(folded.slice(Math.max(sentence.start, cue.start - 40), cue.start));
  const doers = inPhrase ? before[0] : before[before.length - 1];
  // the preposition may end the cue itself ("a protest against the Iranian government")
  const target = lists.find((list) => list[0].start >= cue.end && /\b(?:against|outside|in front of|at|on) (?:the )?(?:[a-z-]+ )?$/.test(folded.slice(Math.max(cue.start, cue.end - 12), list[0].start)));
  if (!doers || !target || target[0].start - cue.end > 100 || /[;]/.test(folded.slice(cue.end, target[0].start)) || CLAUSE_BREAK.test(folded.slice(doers[doers.length - 1].end, cue.start))) return [];
  return doers.flatMap((d) => target.filter((t) => t.actorId !== d.actorId).map((t) => [d, t] as Pair));
}

/** "Aliyev and Pashinyan both rejected the possibility of talks": several who refuse talks with no one else named refuse each other. */
function mutualRefusalPairs(cue: CueMatch, lists: Unit[][], folded: string, sentence: Sentence): Pair[] {
  if (!/^ (?:[a-z-]+ ){0,4}?(?:talks|negotiations|dialogue|meeting|meet)\b[^,;.]{0,20}(?:[,;.]|$)/.test(folded.slice(cue.end, sentence.end))) return [];
  const subjects = lists.filter((list) => list[list.length - 1].end <= cue.start && !CLAUSE_BREAK.test(folded.slice(list[list.length - 1].end, cue.start))).pop();
  if (!subjects || subjects.length < 2) return [];
  return subjects.flatMap((a) => subjects.filter((b) => b.actorId !== a.actorId).map((b) => [a, b] as Pair));
}

/** Moves made on "both sides" of the text's conflict (support "for both sides' efforts" names no party). */
const BOTH_SIDES_TYPES = new Set(['threat', 'demand', 'revocation', 'coercion', 'accusation', 'aid_offer', 'commitment']);

function pairsOfCue(ctx: TextContext, view: SentenceView, c: number, allUnits: Unit[], earlier: Candidate[]): Pair[] {
  const { folded, gazetteer } = ctx;
  const { sentence, lists, units, cues } = view;
  const cue = cues[c];
  let pairs = pairsFor(cue, lists, folded, sentence, gazetteer, units, cues[c + 1]?.start, c > 0 ? cues[0] : undefined, view.reporter).filter(([, object]) => !opensLaterClause(cue, object, cues, folded));
  const partyPhrase = findParties(folded, cue.end, sentence.end);
  const noPartyObject = cue.type === 'mediation' && pairs.every(([, o]) => gazetteer.actors.get(o.actorId)?.kind === 'region');
  if (isPartyAppeal(cue, folded) && (!pairs.length || partyPhrase || noPartyObject)) pairs = partyPairs(cue, lists, allUnits, units, folded, gazetteer, partyPhrase);
  else if (cue.type === 'conflict' && !pairs.length && partyPhrase) pairs = conflictPairs(allUnits, gazetteer, partyPhrase);
  // "threatened to freeze funds for both sides": "both sides" are the text's parties whatever the cue
  else if (!pairs.length && partyPhrase && BOTH_SIDES_TYPES.has(cue.type) && cue.rule.frame === 'directed' && !cue.passive) pairs = partyPairs(cue, lists, allUnits, units, folded, gazetteer, partyPhrase);
  if (!pairs.length && cue.type === 'rejection') pairs = mutualRefusalPairs(cue, lists, folded, sentence);
  if (!pairs.length && (cue.type === 'denial' || cue.type === 'rejection')) pairs = answerPairs(cue, lists, folded, earlier, gazetteer);
  if (cue.type === 'protest') pairs = pairs.filter((pair) => !isProtestVenue(cue, pair, folded, gazetteer));
  if (!pairs.length && cue.type === 'protest') pairs = protestTargetPairs(cue, lists, folded, sentence);
  if (!pairs.length && (cue.type === 'protest' || cue.type === 'retreat')) pairs = domesticProtestPairs(cue, lists, folded, sentence, gazetteer);
  if (!pairs.length && cue.type === 'attack') pairs = victimPairs(cue, lists, folded);
  if (!pairs.length && (cue.type === 'attack' || cue.type === 'coercion')) pairs = domesticTargetPairs(cue, lists, folded, sentence, gazetteer);
  if (cue.type === 'accusation') pairs = pairs.filter(([, object]) => !isPartyToEventBlamed(folded, cue, object));
  const next = cues[c + 1];
  if (cue.type === 'accusation' && next) pairs = accusedDoers(cue, next, pairs, pairsFor(next, lists, folded, sentence, gazetteer, units, cues[c + 2]?.start, cues[0], view.reporter), folded);
  if (!pairs.length) pairs = toldPairs(cue, lists, folded, sentence);
  if (!pairs.length) pairs = unattributedPairs(cue, units, folded, sentence, gazetteer);
  if (!pairs.length) pairs = ownStatePairs(cue, lists, units, folded, sentence, gazetteer);
  if (!pairs.length) pairs = resignationPairs(cue, lists, folded, sentence, gazetteer);
  if (cue.type === 'visit') pairs = pairs.filter(([subject]) => !isDeployment(folded, subject.start, cue.start));
  return pairs;
}

/** "told Y to release them or face consequences", "gave Y until Friday to leave or else": a demand with a penalty attached (CAMEO 13). */
const PENALTY_ATTACHED = /^[^.;]{0,90}?\b(?:or (?:else )?(?:face|risk|suffer|be (?:hit|punished|attacked|expelled|sanctioned))\b|or else\b)/;

function isUltimatum(folded: string, sentence: Sentence, cue: CueMatch, knownTypes: Set<string>): boolean {
  return cue.type === 'demand' && knownTypes.has('threat') && PENALTY_ATTACHED.test(folded.slice(cue.end, sentence.end));
}

/** The type a cue asserts: coercion announced is a threat, cooperation announced a commitment, else its own. */
function readAs(ctx: TextContext, sentence: Sentence, cue: CueMatch): CueMatch {
  if (announcedThreat(ctx.folded, sentence, cue, ctx.knownTypes) || isUltimatum(ctx.folded, sentence, cue, ctx.knownTypes)) return { ...cue, type: 'threat' };
  if (intendedCommitment(ctx.folded, sentence, cue, ctx.knownTypes)) return { ...cue, type: 'commitment' };
  return cue;
}

/** "vowed to cut off gas", "would consider imposing sanctions": a promise whose deed is a threat is that threat, not a commitment. */
function governsThreat(ctx: TextContext, view: SentenceView, c: number): boolean {
  const cue = view.cues[c];
  const next = view.cues[c + 1];
  if (cue.type !== 'commitment' || !next || next.start - cue.end > 40 || /[,;]| and /.test(ctx.folded.slice(cue.end, next.start))) return false;
  return readAs(ctx, view.sentence, next).type === 'threat';
}

/**
 * "demonstrated in Kirkuk calling for independence", "blocked roads to press their demands": what a
 * protest demands is its purpose (CAMEO 141x "demonstrate for ..."), coded with the protest, not a demand of its own.
 */
function isProtestPurpose(folded: string, view: SentenceView, c: number): boolean {
  const cue = view.cues[c];
  if (cue.type !== 'demand') return false;
  const protest = view.cues.slice(0, c).reverse().find((other) => other.type === 'protest');
  if (!protest || cue.start - protest.end > 120 || /[;]|\b(?:and|but) (?:also |later )?(?:said|says|has|have|had|was|were)\b/.test(folded.slice(protest.end, cue.start))) return false;
  return /^(?:demanding|calling for|urging|asking for|seeking|pressing for|to demand|to call for|to press|demands? for|calls? for)\b/.test(cue.text) || /\b(?:to|to press|their|its)(?: [a-z-]+)? $/.test(folded.slice(Math.max(0, cue.start - 20), cue.start));
}

function candidatesOfCue(ctx: TextContext, view: SentenceView, c: number, pairs: Pair[]): Candidate[] {
  const { folded, types } = ctx;
  const { sentence } = view;
  const cue = view.cues[c];
  const out: Candidate[] = [];
  const statement = pairs.length > 1 ? `s${sentence.index + 1}-${c + 1}` : '';
  const read = readAs(ctx, sentence, cue);
  for (const [subject, object] of pairs) {
    const candidate = buildCandidate(ctx, sentence, read, subject, object, view, statement);
    if (candidate) out.push(candidate);
  }
  // "a Russian-brokered truce": the parties it brokered between concluded it
  if (cue.type === 'mediation' && types.has('agreement') && pairs.length === 2 && AGREEMENT_NOUN.test(folded.slice(Math.max(sentence.start, cue.start - 40), Math.min(sentence.end, cue.end + 30)))) {
    const agreement = buildCandidate(ctx, sentence, { ...cue, type: 'agreement' }, pairs[0][1], pairs[1][1], { dates: view.dates, inherited: null }, statement);
    if (agreement) out.push({ ...agreement, confidence: Math.max(0.05, agreement.confidence - 0.1) });
  }
  return out;
}

/** "the Azerbaijani aggression", Pashinyan said: the speaker accuses the doer glued to the judging word. */
function evaluativeAccusations(ctx: TextContext, view: SentenceView, c: number, inSentence: Unit[]): Candidate[] {
  const cue = view.cues[c];
  const speaker = speakerOf(ctx.folded, view.sentence, inSentence, cue);
  const doers = inSentence.filter((u) => u.end <= cue.start && /^(?:'s|-)? ?(?:[a-z-]+ )?$/.test(ctx.folded.slice(u.end, cue.start)) && (u.modifier || /^(?:'s|-)/.test(ctx.folded.slice(u.end, cue.start))));
  if (!speaker) return [];
  const accusation = { ...view, cues: view.cues.map((other, k) => (k === c ? { ...cue, type: 'accusation' } : other)) };
  return candidatesOfCue(ctx, accusation, c, doers.filter((d) => d.actorId !== speaker.actorId).map((d) => [speaker, d] as Pair));
}

/** Units that only say who reports the sentence ("..., the agency said.") take no part in its events. */
function withoutReporters(folded: string, sentence: Sentence, units: Unit[], cues: CueMatch[]): { units: Unit[]; reporter: Unit[] | null } {
  const spans = attributionSpans(folded, sentence).filter(([a, b]) => !cues.some((cue) => cue.start >= a && cue.end <= b));
  if (!spans.length) {
    const from = trailingSpeakerStart(folded, sentence);
    const speaker = from === null ? undefined : units.find((u) => u.start >= from);
    return { units, reporter: speaker ? [speaker] : null };
  }
  const inside = units.filter((u) => spans.some(([a, b]) => u.start >= a && u.end <= b));
  // the reporter is the attribution's first actor, and only a named one who says: not "..., witnesses said", nor a medium "reported"
  const lead = inside[0];
  const says = lead && /^(?:'s [a-z -]{0,30}?|,? [a-z -]{0,30}?)?(?: (?:said|says|told|added|stated|warned|insisted|declared|charged|claimed|wrote)\b)/.test(folded.slice(lead.end, lead.end + 60));
  return { units: units.filter((u) => !inside.includes(u)), reporter: says ? [lead] : null };
}

export function cueRelations(ctx: TextContext, sentences: Sentence[], allUnits: Unit[]): Candidate[] {
  // one pass over the whole text is much cheaper than one per sentence; a cue across a sentence end is dropped
  const allCues = findCues(ctx.folded, ctx.knownTypes);
  const cueCursor = { i: 0 };
  const unitCursor = { i: 0 };
  const memory = newMemory(partiesOf(allUnits, ctx.gazetteer));
  const datesOf = paragraphDates(ctx);
  const candidates: Candidate[] = [];
  for (const sentence of sentences) {
    const inSentence = resolveReferences(ctx.folded, sentence, takeInside(allUnits, unitCursor, sentence, false), ctx.gazetteer, memory);
    const cues = takeInside(allCues, cueCursor, sentence, true);
    const { units, reporter } = withoutReporters(ctx.folded, sentence, inSentence, cues);
    const view: SentenceView = { sentence, units, lists: splitAtClauseStarts(groupLists(ctx.folded, units), cues, ctx.folded), cues, reporter, ...datesOf(sentence) };
    view.cues.forEach((cue, c) => {
      // the user of a judging word accuses the deed's doer, whatever the clause does with the deed
      if (isEvaluative(cue) && ctx.knownTypes.has('accusation')) candidates.push(...evaluativeAccusations(ctx, view, c, inSentence));
      // "refused to lift the curfew" is no lifting; "decided to lift it" commits to it, "plans to impose sanctions" threatens them
      if (isEmbedded(ctx.folded, sentence, cue) && readAs(ctx, sentence, cue) === cue && !isVowedThreat(ctx.folded, sentence, cue)) return;
      if (governsThreat(ctx, view, c) || isProtestPurpose(ctx.folded, view, c)) return;
      const pairs = pairsOfCue(ctx, view, c, allUnits, candidates);
      if (pairs.length) candidates.push(...candidatesOfCue(ctx, view, c, pairs));
    });
  }
  return candidates;
}
