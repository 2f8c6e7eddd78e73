/**
 * The source workbench's assistant: from a text and the dataset, proposes
 * mentions, new actors and candidate relations, each with its verbatim quote.
 * Pure and deterministic: the same text, dataset and options give the same
 * result, in the browser and in Node.
 *
 * Steps: find titles and the people they name (new actors), match the gazetteer,
 * fold mentions into actor units ("Azerbaijani President Ilham Aliyev" is one
 * unit, headed by the person; "Azerbaijani troops" one headed by the state),
 * group units into lists, then for each relation cue in a sentence take the
 * subject and object lists around it and fan them out into candidates.
 */
import type { Dataset } from '../model';
import type { Candidate, CandidateFlag, ExtractOptions, Extraction, Mention, NewActor } from './types';
import { foldText } from './fold';
import { addTextActor, buildGazetteer, copyGazetteer, findMentions, lookupExact, rollUp, type Gazetteer } from './gazetteer';
import { splitSentences, type Sentence } from './sentences';
import { findDates, type DateMention } from './dates';
import { findCues, type CueMatch } from './cues';
import { findTitles, type TitleMatch } from './titles';
import { modalityOf } from './modality';
import { selectQuote } from './quotes';

/** An actor as it takes part in a relation: one or more mentions read as one. */
interface Unit {
  start: number;
  end: number;
  actorId: string;
  /** Where the head mention is; quotes keep at least it. */
  headStart: number;
  headEnd: number;
  /** A bare demonym before a noun that is not an actor ("Armenian territory"). */
  modifier: boolean;
}

type List = Unit[];

/** Nouns that, after a demonym, stand for the state itself. */
const STATE_NOUNS = /^ (?:troops|forces|soldiers|military|army|armed forces|army units|units|servicemen|side|government|authorities|officials|leadership|diplomats|border guards|police|navy|air force|warplanes|jets|artillery|drones|gunmen|militants|fighters|leaders?|state|delegation|parliament|foreign ministry|defen[cs]e ministry|ministry)\b/;
const LIST_GLUE = /^(?:,|, and|and|or|, or|along with|, along with|as well as|, as well as|together with|&|and with|, with)(?: the)?$/;
const AGREEMENT_NOUN = /\b(?:agreement|truce|deal|accord|ceasefire|cease-fire|armistice|treaty)\b/;
/** Words that stand for the two parties of the text's conflict. */
const PARTIES = /\b(?:both sides|the two sides|both parties|the parties|the two parties|the warring parties|the two countries|both countries|the two neighbours|the two neighbors|the sides)\b/g;
const PRONOUN = /\b(he|she)\b/g;
/** Between a cue and a subject, these end the clause. */
const CLAUSE_BREAK = /;|\bwho\b|\bwhich\b|\bwhile\b|\bwhereas\b|\bbut\b| - |, (?:citing|saying|adding|noting|arguing|claiming|stressing|calling)\b/;

const gazetteers = new WeakMap<object, Gazetteer>();

function gazetteerFor(dataset: Dataset): Gazetteer {
  let gazetteer = gazetteers.get(dataset.actors);
  if (!gazetteer) gazetteers.set(dataset.actors, (gazetteer = buildGazetteer(dataset)));
  return gazetteer;
}

const gap = (folded: string, a: number, b: number) => folded.slice(a, b).trim();

export function extractCandidates(text: string, dataset: Dataset, options: ExtractOptions & { extraActors?: readonly NewActor[] }): Extraction {
  const folded = foldText(text);
  let gazetteer = gazetteerFor(dataset);
  const types = new Map(dataset.types.map((type) => [type.id, type]));
  const knownTypes = new Set(types.keys());

  // 1. People named after a title, so later bare surnames resolve to them; the shared gazetteer is copied only then.
  const titles = findTitles(text, folded);
  let copied = false;
  for (const title of titles) {
    for (const name of title.names) {
      if (lookupExact(gazetteer, name.text) || !name.text.includes(' ')) continue;
      if (!copied) (gazetteer = copyGazetteer(gazetteer)), (copied = true);
      addTextActor(gazetteer, name.text, 'person', null);
    }
  }

  // 1b. Actors proposed from the text (new-actors.ts) or accepted in review take part like any other.
  for (const extra of options.extraActors ?? []) {
    if (lookupExact(gazetteer, extra.label)) continue;
    if (!copied) (gazetteer = copyGazetteer(gazetteer)), (copied = true);
    addTextActor(gazetteer, extra.label, extra.kind, extra.affiliation);
  }

  // 2. Mentions.
  const mentions = findMentions(text, folded, gazetteer);
  const sentences = splitSentences(text);
  const candidates: Candidate[] = [];
  const used = new Set<string>();
  const relationsFromTitles = titleRelations(text, folded, titles, mentions, gazetteer, knownTypes, options.published, sentences);
  candidates.push(...relationsFromTitles);

  // 3. Units: fold titles, demonym modifiers and possessives.
  const units = buildUnits(text, folded, mentions, titles, gazetteer);

  // 4. Cues, sentence by sentence.
  // one pass over the whole text is much cheaper than one per sentence; a cue across a sentence end is dropped
  const allCues = findCues(folded, knownTypes);
  let cueIndex = 0;
  let lastPerson: string | null = null;
  let paragraphDate: DateMention | null = null;
  let paragraphOfDate = -1;
  let unitIndex = 0;
  for (const sentence of sentences) {
    const inSentence: Unit[] = [];
    while (unitIndex < units.length && units[unitIndex].start < sentence.end) {
      if (units[unitIndex].start >= sentence.start) inSentence.push(units[unitIndex]);
      unitIndex++;
    }
    // He / She: the last person named before.
    PRONOUN.lastIndex = 0;
    const body = folded.slice(sentence.start, sentence.end);
    for (let m = PRONOUN.exec(body); m; m = PRONOUN.exec(body)) {
      const at = sentence.start + m.index;
      const before = inSentence.filter((u) => u.end <= at && gazetteer.actors.get(u.actorId)?.kind === 'person');
      const person = before.length ? before[before.length - 1].actorId : lastPerson;
      if (person) inSentence.push({ start: at, end: at + m[0].length, actorId: person, headStart: at, headEnd: at + m[0].length, modifier: false });
    }
    inSentence.sort((a, b) => a.start - b.start);
    for (const unit of inSentence) if (gazetteer.actors.get(unit.actorId)?.kind === 'person') lastPerson = unit.actorId;

    const lists = groupLists(folded, inSentence);
    const dates = findDates(text, sentence.start, sentence.end, options.published);
    // an event sentence without a date of its own takes the last one of its paragraph ("on Thursday ... He also said ...")
    if (sentence.paragraph !== paragraphOfDate) (paragraphDate = null), (paragraphOfDate = sentence.paragraph);
    const sentenceDates = dates.filter((d) => d.scope === 'sentence');
    const inherited = sentenceDates.length ? null : paragraphDate;
    if (sentenceDates.length) paragraphDate = sentenceDates[sentenceDates.length - 1];
    const cues: CueMatch[] = [];
    while (cueIndex < allCues.length && allCues[cueIndex].start < sentence.end) {
      const cue = allCues[cueIndex++];
      if (cue.start >= sentence.start && cue.end <= sentence.end) cues.push(cue);
    }
    cues.forEach((cue, c) => {
      let pairs = pairsFor(cue, lists, folded, sentence, gazetteer, inSentence, cues[c + 1]?.start);
      const partyPhrase = findParties(folded, cue.end, sentence.end);
      const noPartyObject = cue.type === 'mediation' && pairs.every(([, o]) => gazetteer.actors.get(o.actorId)?.kind === 'region');
      if (PARTY_OBJECT_TYPES.has(cue.type) && (!pairs.length || partyPhrase || noPartyObject)) pairs = partyPairs(cue, lists, units, inSentence, folded, gazetteer, partyPhrase);
      else if (cue.type === 'conflict' && !pairs.length && partyPhrase) pairs = conflictPairs(units, gazetteer, partyPhrase);
      if (!pairs.length && (cue.type === 'denial' || cue.type === 'rejection')) pairs = answerPairs(cue, lists, folded, candidates, gazetteer);
      if (!pairs.length) return;
      const statement = pairs.length > 1 ? `s${sentence.index + 1}-${c + 1}` : '';
      for (const [subject, object] of pairs) {
        const candidate = buildCandidate(text, folded, sentence, cue, subject, object, dates, options.published, types, statement, gazetteer, inherited);
        if (candidate) candidates.push(candidate);
      }
      // "a Russian-brokered truce": the parties it brokered between concluded it
      if (cue.type === 'mediation' && types.has('agreement') && pairs.length === 2 && AGREEMENT_NOUN.test(folded.slice(Math.max(sentence.start, cue.start - 40), Math.min(sentence.end, cue.end + 30)))) {
        const agreement = buildCandidate(text, folded, sentence, { ...cue, type: 'agreement' }, pairs[0][1], pairs[1][1], dates, options.published, types, statement, gazetteer);
        if (agreement) candidates.push({ ...agreement, confidence: Math.max(0.05, agreement.confidence - 0.1) });
      }
    });
  }

  candidates.push(...structuralRelations(text, folded, mentions, units, gazetteer, sentences, knownTypes, options.published));

  // 5. One candidate per relation: the first (and so the best-quoted) of equal keys.
  const result: Candidate[] = [];
  for (const candidate of candidates) {
    const directed = types.get(candidate.type)?.directed ?? true;
    const [a, b] = directed ? [candidate.subject, candidate.object] : [candidate.subject, candidate.object].sort();
    const key = `${a}|${b}|${candidate.type}|${candidate.date}|${candidate.modality}`;
    if (used.has(key)) continue;
    used.add(key);
    if (!directed) [candidate.subject, candidate.object] = [a, b];
    candidate.id = `c${result.length + 1}-${candidate.type}-${candidate.quoteStart}`;
    result.push(candidate);
  }

  const mentioned = new Set<string>([...mentions.map((m) => m.actorId), ...result.flatMap((c) => [c.subject, c.object])]);
  const newActors: NewActor[] = [];
  for (const id of [...mentioned].sort()) {
    const actor = gazetteer.actors.get(id);
    if (actor?.isNew) newActors.push({ id: actor.id, label: actor.label, kind: actor.kind, affiliation: actor.affiliation });
  }
  return { mentions, newActors, candidates: result };
}

/** "Russian officials rejected the criticism": the object is whoever last accused the subject. */
function answerPairs(cue: CueMatch, lists: List[], folded: string, earlier: Candidate[], gazetteer: Gazetteer): Pair[] {
  if (!/accusation|allegation|claim|charge|criticism|accused|criticised|criticized/.test(cue.text + folded.slice(cue.end, cue.end + 40))) return [];
  const before = lists.filter((list) => list[list.length - 1].end <= cue.start && !CLAUSE_BREAK.test(folded.slice(list[list.length - 1].end, cue.start)));
  const subjects = before[before.length - 1];
  if (!subjects) return [];
  const pairs: Pair[] = [];
  for (const subject of subjects) {
    const me = rollUp(gazetteer, subject.actorId);
    const accusation = [...earlier].reverse().find((c) => c.type === 'accusation' && rollUp(gazetteer, c.object) === me);
    if (accusation) pairs.push([subject, { start: cue.start, end: cue.end, actorId: accusation.subject, headStart: cue.start, headEnd: cue.end, modifier: false }]);
  }
  return pairs;
}

const ORG_NOUN = /^ (?:(?:military|defen[cs]e|security|political|economic|regional) )?(?:alliance|bloc|coalition|organi[sz]ation|union|grouping|pact)\b/;

/**
 * Relations read off the shape of a phrase rather than a verb: "a Russian-led bloc" and
 * "an alliance led by Russia" (leadership), "Armenia's southern Syunik province" (territory).
 */
function structuralRelations(
  text: string,
  folded: string,
  mentions: Mention[],
  units: Unit[],
  gazetteer: Gazetteer,
  sentences: Sentence[],
  knownTypes: Set<string>,
  published: string,
): Candidate[] {
  const out: Candidate[] = [];
  const kindOf = (id: string) => gazetteer.actors.get(id)?.kind;
  const organisations = new Map<string, number>();
  for (const m of mentions) if (kindOf(m.actorId) === 'organisation' && !gazetteer.actors.get(m.actorId)?.affiliation) organisations.set(m.actorId, (organisations.get(m.actorId) ?? 0) + 1);
  const mainOrganisation = [...organisations.entries()].sort((a, b) => b[1] - a[1])[0]?.[0] ?? null;
  const sentenceAt = (at: number) => sentences.find((x) => x.start <= at && at < x.end);
  const push = (type: string, subject: string, object: string, start: number, end: number, cue: string, confidence: number) => {
    const sentence = sentenceAt(start);
    if (!sentence || !knownTypes.has(type) || subject === object) return;
    const quote = selectQuote(text, sentence, [{ start, end }]);
    out.push({ id: '', subject, object, type, date: published, endDate: '', quote: quote.quote, quoteStart: quote.start, quoteEnd: quote.end, confidence, cue, statement: '', modality: 'asserted', flags: gazetteer.actors.get(subject)?.isNew || gazetteer.actors.get(object)?.isNew ? ['new-actor'] : [] });
  };
  if (knownTypes.has('leadership')) {
    const led = /\b([a-z]+)-led\b/g;
    for (let m = led.exec(folded); m; m = led.exec(folded)) {
      const leader = lookupExact(gazetteer, m[1]);
      if (!leader || kindOf(leader) !== 'state') continue;
      const end = m.index + m[0].length;
      const holder = mentions.find((x) => x.start <= m!.index && m!.index < x.end && kindOf(x.actorId) === 'organisation');
      const next = mentions.find((x) => x.start >= end && x.start - end <= 40 && kindOf(x.actorId) === 'organisation');
      const organisation = holder?.actorId ?? next?.actorId ?? (ORG_NOUN.test(folded.slice(end, end + 40)) ? mainOrganisation : null);
      if (organisation) push('leadership', leader, organisation, m.index, end + (ORG_NOUN.exec(folded.slice(end, end + 40))?.[0].length ?? 0), text.slice(m.index, end), 0.7);
    }
    const ledBy = /\b(alliance|bloc|coalition|organi[sz]ation|union|grouping|pact) led by /g;
    for (let m = ledBy.exec(folded); m; m = ledBy.exec(folded)) {
      const end = m.index + m[0].length;
      const leader = mentions.find((x) => x.start === end);
      if (!leader) continue;
      const before = mentions.filter((x) => x.end <= m!.index && m!.index - x.end <= 30 && kindOf(x.actorId) === 'organisation');
      const organisation = before[before.length - 1]?.actorId ?? mainOrganisation;
      if (organisation) push('leadership', leader.actorId, organisation, m.index, leader.end, 'led by', 0.7);
    }
  }
  if (knownTypes.has('territory')) {
    for (let i = 0; i + 1 < units.length; i++) {
      const state = units[i];
      const region = units[i + 1];
      if (kindOf(state.actorId) !== 'state' || kindOf(region.actorId) !== 'region') continue;
      if (!/^'s (?:[a-z-]+ ){0,2}$/.test(folded.slice(state.end, region.start))) continue;
      push('territory', state.actorId, region.actorId, state.start, region.end + (/^ (?:province|region|exclave|enclave|district|oblast|governorate|territory|state)\b/.exec(folded.slice(region.end, region.end + 14))?.[0].length ?? 0), "'s", 0.65);
    }
  }
  return out;
}

function findParties(folded: string, from: number, to: number): Unit | null {
  PARTIES.lastIndex = 0;
  const m = PARTIES.exec(folded.slice(from, Math.min(to, from + 60)));
  if (!m) return null;
  const start = from + m.index;
  return { start, end: start + m[0].length, actorId: '', headStart: start, headEnd: start + m[0].length, modifier: false };
}

/** Caller before the cue (or glued to it: "Russian-brokered"), the text's two parties as objects. */
function partyPairs(cue: CueMatch, lists: List[], units: Unit[], inSentence: Unit[], folded: string, gazetteer: Gazetteer, phrase: Unit | null): Pair[] {
  let subjects: Unit[] | undefined;
  if (cue.rule.frame === 'reverse') subjects = lists.find((list) => list[0].start >= cue.end && list[0].start - cue.end <= 40);
  else {
    const glued = inSentence.find((u) => u.end <= cue.start && /^-?$/.test(folded.slice(u.end, cue.start)));
    const before = lists.filter((list) => list[list.length - 1].end <= cue.start && !CLAUSE_BREAK.test(folded.slice(list[list.length - 1].end, cue.start)));
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

function conflictPairs(units: Unit[], gazetteer: Gazetteer, phrase: Unit): Pair[] {
  const parties = partiesOf(units, gazetteer).slice(0, 2);
  return parties.length === 2 ? [[{ ...phrase, actorId: parties[0] }, { ...phrase, actorId: parties[1] }]] : [];
}

function buildUnits(text: string, folded: string, mentions: Mention[], titles: TitleMatch[], gazetteer: Gazetteer): Unit[] {
  const units: Unit[] = [];
  const titleBefore = new Map<number, TitleMatch>();
  for (const title of titles) for (const name of title.names) titleBefore.set(name.start, title);
  for (let i = 0; i < mentions.length; i++) {
    const mention = mentions[i];
    const unit: Unit = { start: mention.start, end: mention.end, actorId: mention.actorId, headStart: mention.start, headEnd: mention.end, modifier: false };
    const previous = units[units.length - 1];
    const actor = gazetteer.actors.get(mention.actorId);
    if (previous && actor && actor.kind !== 'state' && actor.kind !== 'person' && /^(?:'s)? ?$/.test(folded.slice(previous.end, mention.start))) {
      const owner = gazetteer.actors.get(previous.actorId);
      // "Poland's parliament", "the Polish parliament": a body of the state named, whatever the alias says
      if (owner?.kind === 'state' && actor.affiliation && actor.affiliation !== owner.id && !/\p{Lu}/u.test(mention.text[0])) {
        previous.end = mention.end;
        previous.modifier = false;
        continue;
      }
    }
    if (mention.via === 'demonym') {
      const rest = folded.slice(mention.end, mention.end + 40);
      const next = mentions[i + 1];
      const nextIsPersonAfterTitle = next && titleBefore.has(next.start) && titleBefore.get(next.start)!.start >= mention.end - 1 && titleBefore.get(next.start)!.start - mention.end <= 2;
      if (nextIsPersonAfterTitle) {
        // "Azerbaijani President Ilham Aliyev": the person is the unit.
        units.push({ start: mention.start, end: next.end, actorId: next.actorId, headStart: next.start, headEnd: next.end, modifier: false });
        i++;
        continue;
      }
      const noun = STATE_NOUNS.exec(rest);
      if (noun) {
        unit.end = mention.end + noun[0].length;
      } else if (/^-/.test(rest)) {
        // "Armenian-Azerbaijani border": both states, read as a list
        unit.modifier = true;
      } else unit.modifier = true;
    }
    // a title before a known person: keep the title in the unit's span for quotes
    const title = titleBefore.get(mention.start);
    if (title && gazetteer.actors.get(mention.actorId)?.kind === 'person') unit.start = Math.min(unit.start, title.start);
    units.push(unit);
  }
  return units;
}

function groupLists(folded: string, units: Unit[]): List[] {
  const lists: List[] = [];
  for (const unit of units) {
    const last = lists[lists.length - 1];
    if (last) {
      const prev = last[last.length - 1];
      const raw = folded.slice(prev.end, unit.start);
      const glue = raw.trim();
      if (prev.end <= unit.start && (LIST_GLUE.test(glue) || raw === '-' || glue === '')) {
        const same = last.findIndex((u) => u.actorId === unit.actorId);
        // the same actor twice in a row ("YEREVAN — Armenia"): keep the later mention, nearer the cue
        if (same >= 0) last.splice(same, 1);
        last.push(unit);
        continue;
      }
    }
    lists.push([unit]);
  }
  return lists;
}

type Pair = [Unit, Unit];

/** "X, which has ..., attacked Y": the relative clause between a subject and its verb does not end the clause. */
function withoutRelativeClause(between: string): string {
  return between.replace(/^, (?:which|who|whose|whom|a|an|the|once|now|itself|long)\b.*, /, ' ');
}

/** Spans of ", a key ally of X," and ", which ...," asides between `from` and `to` (callers keep those right after an actor). */
function parentheticals(folded: string, from: number, to: number): [number, number][] {
  const spans: [number, number][] = [];
  const re = /, (?:which|who|whose|whom|a|an|the|once|now|itself|long)\b[^,;]*,/g;
  const body = folded.slice(from, to);
  for (let m = re.exec(body); m; m = re.exec(body)) spans.push([from + m.index, from + m.index + m[0].length]);
  return spans;
}

function pairsFor(cue: CueMatch, lists: List[], folded: string, sentence: Sentence, gazetteer: Gazetteer, units: Unit[], nextCueStart?: number): Pair[] {
  // lists inside an apposition or relative clause (", a key U.S. ally,") are not the subject of the verb after it
  const asides = parentheticals(folded, sentence.start, cue.start).filter(([a]) => lists.some((list) => list[list.length - 1].end === a));
  const before = lists.filter(
    (list) =>
      list[list.length - 1].end <= cue.start &&
      !asides.some(([a, b]) => list[0].start >= a && list[list.length - 1].end <= b) &&
      !CLAUSE_BREAK.test(withoutRelativeClause(folded.slice(list[list.length - 1].end, cue.start))),
  );
  // a cue with a gap ("asked the CSTO for assistance") can hold its object: anything after its first word counts
  const firstWordEnd = cue.start + (/^\S+/.exec(cue.text)?.[0].length ?? 0);
  const after = lists.filter((list) => list[0].start >= firstWordEnd && !CLAUSE_BREAK.test(folded.slice(cue.end, list[0].start)));
  // the unit that holds the cue ("Russian-brokered", "Azerbaijani incursions") is its subject
  const glued = units.find((u) => {
    const between = folded.slice(u.end, cue.start);
    return u.end <= cue.start && (between === '-' || /^'s (?:[a-z-]+ ){0,2}$/.test(between) || (between === ' ' && u.modifier));
  });
  let left = glued ? [glued] : before.length ? before[before.length - 1] : null;
  let right = after.length ? after[0] : null;
  // "... start exercises on Sunday and pointed to Aliyev": an actor after the next cue belongs to that cue
  // (only across a coordination: in "threatened to stop negotiations with Y" the object is still Y)
  if (right && nextCueStart !== undefined && right[0].start >= nextCueStart && /\band\b|,/.test(folded.slice(cue.end, nextCueStart))) right = null;
  if (right && right[0].start - cue.end > 90) right = null;
  if (left && right && left.includes(right[0])) right = null;
  if (left && withoutRelativeClause(folded.slice(left[left.length - 1].end, cue.start)).length > 120) left = null;

  const pairs: Pair[] = [];
  const add = (s: Unit, o: Unit) => {
    if (s.actorId !== o.actorId && !pairs.some(([a, b]) => a.actorId === s.actorId && b.actorId === o.actorId)) pairs.push([s, o]);
  };
  if (cue.rule.frame === 'membership') {
    // "X is a member of Y along with A, B": Y is the first unit after the cue, members are before it and listed after it
    if (!right) return pairs;
    const organisation = right[0];
    const members = [...(left ?? []), ...right.slice(1)];
    const next = after[1];
    if (next && /^(?:,? ?(?:along with|alongside|together with|as well as|with|and))$/.test(gap(folded, organisation.end, next[0].start))) members.push(...next);
    for (const member of members) add(member, organisation);
    return pairs;
  }
  if (cue.rule.frame === 'roster') {
    const organisation = left ? left[left.length - 1] : null;
    if (!organisation || !right || gazetteer.actors.get(organisation.actorId)?.kind !== 'organisation') return pairs;
    for (const member of right) if (gazetteer.actors.get(member.actorId)?.kind === 'state') add(member, organisation);
    return pairs;
  }
  if (cue.rule.frame === 'symmetric' && (/between$/.test(cue.text) || /^ (?:[a-z-]+ ){0,2}?between /.test(folded.slice(cue.end, cue.end + 40))) && right && right.length > 1) {
    for (let i = 0; i < right.length; i++) for (let j = i + 1; j < right.length; j++) add(right[i], right[j]);
    return pairs;
  }
  if (cue.rule.frame === 'reverse') {
    const by = after[0];
    if (!by || !left || by[0].start - cue.end > 40) return pairs;
    for (const subject of by) for (const object of left) add(subject, object);
    return kindsFit(cue.type, pairs, gazetteer);
  }
  if (cue.passive) {
    const by = after.find((list) => /\bby\b/.test(folded.slice(cue.end, list[0].start)));
    if (by && left) for (const s of by) for (const o of left) add(s, o);
    return pairs;
  }
  if (cue.rule.frame === 'symmetric' && left && left.length > 1) {
    for (let i = 0; i < left.length; i++) for (let j = i + 1; j < left.length; j++) add(left[i], left[j]);
    return pairs;
  }
  if (!left || !right) return pairs;
  for (const s of left) for (const o of right) add(s, o);
  return kindsFit(cue.type, pairs, gazetteer);
}

/** Territory is always state → region; other types take any actors. */
function kindsFit(type: string, pairs: Pair[], gazetteer: Gazetteer): Pair[] {
  if (type !== 'territory') return pairs;
  return pairs.filter(([s, o]) => gazetteer.actors.get(s.actorId)?.kind === 'state' && gazetteer.actors.get(o.actorId)?.kind === 'region');
}

/** The two states the text names most (earliest first among equals): whom "both sides" means. */
function partiesOf(units: Unit[], gazetteer: Gazetteer): string[] {
  const counts = new Map<string, { n: number; first: number }>();
  for (const unit of units) {
    if (gazetteer.actors.get(unit.actorId)?.kind !== 'state') continue;
    const entry = counts.get(unit.actorId) ?? { n: 0, first: unit.start };
    entry.n++;
    counts.set(unit.actorId, entry);
  }
  return [...counts.entries()].sort((a, b) => b[1].n - a[1].n || a[1].first - b[1].first).map(([id]) => id);
}

/** Types whose object may be "both sides", or left unsaid ("called for a ceasefire", "a Russian-brokered truce"). */
const PARTY_OBJECT_TYPES = new Set(['ceasefire_call', 'mediation']);

function buildCandidate(
  text: string,
  folded: string,
  sentence: Sentence,
  cue: CueMatch,
  subject: Unit,
  object: Unit,
  dates: DateMention[],
  published: string,
  types: Map<string, Dataset['types'][number]>,
  statement: string,
  gazetteer: Gazetteer,
  inherited: DateMention | null = null,
): Candidate | null {
  const type = types.get(cue.type);
  if (!type) return null;
  const clauseStart = Math.min(subject.start, object.start, cue.start);
  const mod = modalityOf(folded.slice(Math.max(sentence.start, clauseStart - 10), cue.start), folded.slice(cue.end, sentence.end), folded.slice(sentence.start, sentence.end));
  const flags: CandidateFlag[] = [...mod.flags];
  let date = '';
  const scoped = dates.filter((d) => d.scope === 'after' && d.end <= cue.start);
  const plain = dates.filter((d) => d.scope === 'sentence');
  if (scoped.length) date = scoped[scoped.length - 1].value;
  else if (plain.length) {
    // the date closest to the cue
    plain.sort((a, b) => Math.abs(a.start - cue.start) - Math.abs(b.start - cue.start));
    date = plain[0].value;
  }
  if (!date && inherited && type.temporal === 'event') date = inherited.value;
  if (!date) {
    date = published;
    if (type.temporal === 'event') flags.push('date-guessed');
  }
  if (gazetteer.actors.get(subject.actorId)?.isNew || gazetteer.actors.get(object.actorId)?.isNew) flags.push('new-actor');
  const quote = selectQuote(text, sentence, [cue, { start: subject.headStart, end: subject.headEnd }, { start: object.headStart, end: object.headEnd }]);
  const distance = Math.abs(cue.start - subject.end) + Math.abs(object.start - cue.end);
  let confidence = cue.rule.weight - Math.min(0.3, distance / 400);
  if (mod.modality !== 'asserted') confidence -= 0.15;
  if (flags.includes('new-actor')) confidence -= 0.05;
  confidence = Math.max(0.05, Math.min(0.99, Math.round(confidence * 100) / 100));
  return {
    id: '',
    subject: subject.actorId,
    object: object.actorId,
    type: type.id,
    date,
    endDate: '',
    quote: quote.quote,
    quoteStart: quote.start,
    quoteEnd: quote.end,
    confidence,
    cue: text.slice(cue.start, cue.end),
    statement,
    modality: mod.modality,
    flags: [...new Set(flags)],
  };
}

function titleRelations(
  text: string,
  folded: string,
  titles: TitleMatch[],
  mentions: Mention[],
  gazetteer: Gazetteer,
  knownTypes: Set<string>,
  published: string,
  sentences: Sentence[],
): Candidate[] {
  const out: Candidate[] = [];
  const mentionAt = new Map(mentions.map((m) => [m.start, m]));
  for (const title of titles) {
    const type = title.role;
    if (!knownTypes.has(type)) continue;
    // whom the office is held in: "to the CSTO", a name or demonym just before ("Russian", "CSTO", "Armenia's")
    let affiliation: string | null = null;
    let affStart = title.start;
    if (title.ofStart >= 0) {
      const m = mentions.find((x) => x.start >= title.ofStart && x.end <= title.ofEnd);
      if (m) affiliation = m.actorId;
    }
    if (!affiliation) {
      const before = mentions.filter((m) => m.end <= title.start && title.start - m.end <= 3 && /^(?:'s)? ?$/.test(folded.slice(m.end, title.start)));
      const within = mentions.find((m) => m.start >= title.start && m.end <= title.end);
      const m = before[before.length - 1] ?? within;
      if (m) {
        affiliation = m.actorId;
        affStart = Math.min(affStart, m.start);
      }
    }
    const statement = title.names.length > 1 ? `t${title.start}` : '';
    for (const name of title.names) {
      const mention = mentionAt.get(name.start);
      if (!mention) continue;
      const person = gazetteer.actors.get(mention.actorId);
      if (!person || person.kind !== 'person') continue;
      let target = affiliation;
      if (!target) target = person.affiliation;
      if (!target || target === person.id) continue;
      if (person.isNew && !person.affiliation) person.affiliation = affiliation;
      const sentence = sentences.find((s) => s.start <= name.start && name.start < s.end)!;
      const quote = selectQuote(text, sentence, [{ start: affStart, end: name.end }, { start: title.start, end: name.end }]);
      out.push({
        id: '',
        subject: person.id,
        object: target,
        type,
        date: published,
        endDate: '',
        quote: quote.quote,
        quoteStart: quote.start,
        quoteEnd: quote.end,
        confidence: affiliation ? 0.85 : 0.7,
        cue: text.slice(title.start, title.end),
        statement,
        modality: 'asserted',
        flags: person.isNew ? ['new-actor'] : [],
      });
    }
  }
  return out;
}
