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
import { addTextActor, buildGazetteer, copyGazetteer, findMentions, lookupExact, type Gazetteer } from './gazetteer';
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
const LIST_GLUE = /^(?:,|, and|and|or|, or|along with|, along with|as well as|, as well as|together with|&|and with|, with)$/;
const PRONOUN = /\b(he|she)\b/g;
/** Between a cue and a subject, these end the clause. */
const CLAUSE_BREAK = /;|\bwho\b|\bwhich\b|\bwhile\b|\bwhereas\b|\bbut\b| - /;

const gazetteers = new WeakMap<object, Gazetteer>();

function gazetteerFor(dataset: Dataset): Gazetteer {
  let gazetteer = gazetteers.get(dataset.actors);
  if (!gazetteer) gazetteers.set(dataset.actors, (gazetteer = buildGazetteer(dataset)));
  return gazetteer;
}

const gap = (folded: string, a: number, b: number) => folded.slice(a, b).trim();

export function extractCandidates(text: string, dataset: Dataset, options: ExtractOptions): Extraction {
  const folded = foldText(text);
  const gazetteer = copyGazetteer(gazetteerFor(dataset));
  const types = new Map(dataset.types.map((type) => [type.id, type]));
  const knownTypes = new Set(types.keys());

  // 1. People named after a title, so later bare surnames resolve to them.
  const titles = findTitles(text, folded);
  for (const title of titles) {
    for (const name of title.names) {
      if (lookupExact(gazetteer, name.text) || !name.text.includes(' ')) continue;
      addTextActor(gazetteer, name.text, 'person', null);
    }
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
  let lastPerson: string | null = null;
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
    const cues = findCues(body, knownTypes).map((cue) => ({ ...cue, start: cue.start + sentence.start, end: cue.end + sentence.start }));
    cues.forEach((cue, c) => {
      const pairs = pairsFor(cue, lists, folded, sentence, gazetteer, inSentence);
      if (!pairs.length) return;
      const statement = pairs.length > 1 ? `s${sentence.index + 1}-${c + 1}` : '';
      for (const [subject, object] of pairs) {
        const candidate = buildCandidate(text, folded, sentence, cue, subject, object, dates, options.published, types, statement, gazetteer);
        if (candidate) candidates.push(candidate);
      }
    });
  }

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

function buildUnits(text: string, folded: string, mentions: Mention[], titles: TitleMatch[], gazetteer: Gazetteer): Unit[] {
  const units: Unit[] = [];
  const titleBefore = new Map<number, TitleMatch>();
  for (const title of titles) for (const name of title.names) titleBefore.set(name.start, title);
  for (let i = 0; i < mentions.length; i++) {
    const mention = mentions[i];
    const unit: Unit = { start: mention.start, end: mention.end, actorId: mention.actorId, headStart: mention.start, headEnd: mention.end, modifier: false };
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
      const glue = gap(folded, prev.end, unit.start);
      if (prev.end <= unit.start && (LIST_GLUE.test(glue) || glue === '-' || glue === '')) {
        if (!last.some((u) => u.actorId === unit.actorId)) last.push(unit);
        continue;
      }
    }
    lists.push([unit]);
  }
  return lists;
}

type Pair = [Unit, Unit];

function pairsFor(cue: CueMatch, lists: List[], folded: string, sentence: Sentence, gazetteer: Gazetteer, units: Unit[]): Pair[] {
  const before = lists.filter((list) => list[list.length - 1].end <= cue.start && !CLAUSE_BREAK.test(folded.slice(list[list.length - 1].end, cue.start)));
  const after = lists.filter((list) => list[0].start >= cue.end && !CLAUSE_BREAK.test(folded.slice(cue.end, list[0].start)));
  // the unit that holds the cue ("Russian-brokered", "Azerbaijani incursions") is its subject
  const glued = units.find((u) => u.end <= cue.start && cue.start - u.end <= 1 && /^[- ]?$/.test(folded.slice(u.end, cue.start)));
  let left = glued ? [glued] : before.length ? before[before.length - 1] : null;
  let right = after.length ? after[0] : null;
  if (right && right[0].start - cue.end > 90) right = null;
  if (left && cue.start - left[left.length - 1].end > 120) left = null;
  void sentence;
  void gazetteer;

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
  if (cue.passive) {
    const by = after.find((list) => /\bby\b/.test(folded.slice(cue.end, list[0].start)));
    if (by && left) for (const s of by) for (const o of left) add(s, o);
    return pairs;
  }
  if (cue.rule.frame === 'symmetric' && left && left.length > 1 && !right) {
    for (let i = 0; i < left.length; i++) for (let j = i + 1; j < left.length; j++) add(left[i], left[j]);
    return pairs;
  }
  if (!left || !right) return pairs;
  for (const s of left) for (const o of right) if (!(s.modifier && o.modifier)) add(s, o);
  return pairs;
}

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
