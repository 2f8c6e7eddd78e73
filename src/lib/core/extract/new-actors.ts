/**
 * New actors proposed from a text: people, organisations, groups and places the
 * dataset's gazetteer does not hold. A part-of-speech tagger (wink-nlp's lite web
 * model in the app; its entities are dates and numbers, so only its tags are used)
 * gives runs of proper nouns; the gazetteer and the title appositions take out what
 * is already known and say what a run is ("Russian Foreign Minister Sergei Lavrov":
 * a person serving Russia; "Azerbaijan's Ministry of Defence": a body of Azerbaijan;
 * "officials in Stepanakert": a place). Pure: the caller loads the model and passes
 * a tagger in, so core never imports it.
 */
import type { ActorKind } from '../model';
import type { Mention, NewActor } from './types';
import { foldText } from './fold';
import { addTextActor, copyGazetteer, findMentions, lookupExact, type Gazetteer } from './gazetteer';
import { findTitles, type TitleMatch } from './titles';
import { domesticState, stateOfPlace } from './domestic';

/** A token's span in the text and its Universal POS tag (PROPN, NOUN, ADP ...). */
export interface TaggedToken { start: number; end: number; pos: string }

/** `sentenceStarts`: the index of each sentence's first token. */
export interface Tagging { tokens: TaggedToken[]; sentenceStarts: ReadonlySet<number> }

export interface Tagger {
  tag(text: string): Tagging;
  /** Whether the word, lower-cased, is in the model's dictionary: "Officials" and "Relief" are, "Gerashchenko" is not. */
  isDictionaryWord(word: string): boolean;
}

/** What a proposal rests on, strongest first; a label seen twice keeps the stronger reading. */
export type ProposalCue = 'title' | 'organisation word' | 'place cue' | 'acronym' | 'name';

export interface NewActorProposal extends NewActor {
  cue: ProposalCue;
  /** Every span that names it, in text order. */
  mentions: Array<{ start: number; end: number }>;
}

const ORG_WORDS = /^(?:Ministry|Council|Organi[sz]ation|Party|Army|Committee|Union|Agency|Commission|Assembly|Parliament|Court|Service|Forces|Guard|Congress|Alliance|Institute|Bank|Fund|Office|Department|Federation|League|Association|Corporation|Company|Directorate|Bureau|Senate|Cabinet|Government|Police|Navy|Press|News|Watch|Network|Foundation|University|Centre|Center|Secretariat|Mission|Command|Staff|Inc|Ltd|Group)$/;
const GROUP_WORDS = /^(?:Front|Movement|Brigades?|Militia|Rebels|Battalion|Legion|Insurgents|Volunteers|Partisans)$/;
const PLACE_BEFORE = /\b(?:in|near|outside|around|across|into|from|at|village of|town of|city of|region of|province of|district of)\s+(?:the\s+)?$/i;
const PLACE_AFTER = /^\s+(?:region|province|city|town|village|district|oblast|governorate|county|valley|corridor|exclave|enclave|mountains?|river|pass|airport|port)\b/i;
const CONNECTOR = /^(?:of|for|and|on|the|de|al)$/;
const CALENDAR = /^(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)$/;
const HONORIFIC = /\b(?:Mr|Mrs|Ms|Dr|Sir|Madam)\.?\s+$/;
/** ", Azerbaijan's foreign minister" / ", the Armenian president" after a name: a person, and whom they serve. */
const ROLE_AFTER = /^,\s+(?:the\s+|an?\s+)?(?:(?:former|deputy|acting|top|chief)\s+)?(?:[a-z-]+\s+){0,2}(?:minister|president|prime minister|spokes(?:man|woman|person)|ambassador|envoy|leader|chief|secretary|commander|general|adviser|advisor|official|diplomat|negotiator|mayor|governor)\b/;

const CUE_RANK: Record<ProposalCue, number> = { title: 0, 'organisation word': 1, acronym: 2, 'place cue': 3, name: 4 };
interface Run { first: number; last: number }

interface Draft { label: string; kind: ActorKind; affiliation: string | null; cue: ProposalCue; at: number }

/**
 * Proposes the actors of `text` that `gazetteer` (built from the dataset) does not know, with a
 * suggested kind and affiliation. Ids are allocated as extractCandidates allocates them for the
 * same labels in the same order, so the proposals can be handed to it as extra actors.
 */
export function proposeNewActors(text: string, gazetteer: Gazetteer, tagger: Tagger): NewActorProposal[] {
  const folded = foldText(text);
  const titles = findTitles(text, folded);
  const gz = copyGazetteer(gazetteer);
  const drafts: Draft[] = [];
  const titleOfName = new Map<number, TitleMatch>();
  for (const title of titles) {
    for (const name of title.names) {
      titleOfName.set(name.start, title);
      if (!lookupExact(gz, name.text) && name.text.includes(' ')) {
        addTextActor(gz, name.text, 'person', null);
        drafts.push({ label: name.text, kind: 'person', affiliation: null, cue: 'title', at: name.start });
      }
    }
  }
  const known = findMentions(text, folded, gz);
  const covered = new Int32Array(text.length + 1).fill(-1);
  known.forEach((m, n) => covered.fill(n, m.start, m.end));
  for (const title of titles) covered.fill(-2, title.start, title.end);

  const { tokens, sentenceStarts } = tagger.tag(text);
  for (const run of properNounRuns(text, tokens, sentenceStarts, covered, tagger)) {
    let start = tokens[run.first].start;
    let end = tokens[run.last].end;
    let honorific = false;
    // "Mr. Smith": the honorific says person and is not part of the name
    const lead = /^(?:Mr|Mrs|Ms|Dr|Sir)\.?\s+/.exec(text.slice(start, end));
    if (lead) (start += lead[0].length), (honorific = true);
    const title = titleOfName.get(start);
    let words = text.slice(start, end).split(/\s+/);
    const isBody = words.some((w) => GROUP_WORDS.test(w) || ORG_WORDS.test(w));
    // "the Armenian National Congress", "Karabakh Liberation Front": a demonym or place written into a body's name is part of it
    const prefix = isBody ? known.find((m) => m.end + 1 === start && text[m.end] === ' ' && /^\p{Lu}/u.test(m.text)) : undefined;
    if (prefix) (start = prefix.start), (words = text.slice(start, end).split(/\s+/));
    // "the Secretariat of the CSTO", "Ministry of Defence of Armenia": the body's owner is part of its name
    const of = isBody && !prefix ? /^ of (?:the )?/.exec(folded.slice(end, end + 8)) : null;
    const owner = of ? known.find((m) => m.start === end + of[0].length && /^(?:state|organisation)$/.test(gz.actors.get(m.actorId)?.kind ?? '')) : undefined;
    if (owner) end = owner.end;
    const label = text.slice(start, end);
    // a lone dictionary word ("Mission", "Secretariat") names nothing in particular
    if (!label || /^\p{Lu}\.?$/u.test(label) || (words.length === 1 && !prefix && !owner && !title && tagger.isDictionaryWord(label))) continue;
    const before = text.slice(Math.max(0, start - 40), start);
    const after = text.slice(end, end + 80);
    let kind: ActorKind | null = null;
    let cue: ProposalCue = 'name';
    if (title) (kind = 'person'), (cue = 'title');
    else if (words.some((w) => GROUP_WORDS.test(w))) (kind = 'group'), (cue = 'organisation word');
    else if (words.some((w) => ORG_WORDS.test(w))) (kind = 'organisation'), (cue = 'organisation word');
    else if (words.length === 1 && /^\p{Lu}{2,6}$/u.test(label) && !/^\s*,/.test(after)) (kind = 'organisation'), (cue = 'acronym');
    else if (PLACE_BEFORE.test(before) || PLACE_AFTER.test(after) || isDateline(text, start, end) || stateAfterComma(known, gz, end, text)) (kind = 'region'), (cue = 'place cue');
    else if (honorific || HONORIFIC.test(before) || looksLikePersonName(words, before, tagger)) (kind = 'person'), (cue = 'name');
    if (!kind) continue;
    const namedOwner = owner?.actorId ?? (prefix && gz.actors.get(prefix.actorId)?.kind === 'state' ? prefix.actorId : null);
    drafts.push({ label, kind, affiliation: namedOwner, cue, at: start });
  }

  const proposals = mergeDrafts(drafts);
  for (const draft of proposals) if (!lookupExact(gz, draft.label)) addTextActor(gz, draft.label, draft.kind, null);
  const mentions = findMentions(text, folded, gz);
  const out: NewActorProposal[] = [];
  for (const draft of proposals) {
    const id = lookupExact(gz, draft.label);
    const actor = id ? gz.actors.get(id) : undefined;
    if (!actor || !actor.isNew || out.some((p) => p.id === actor.id)) continue;
    const spans = mentions.filter((m) => m.actorId === actor.id).map((m) => ({ start: m.start, end: m.end }));
    if (!spans.length) continue;
    const affiliation =
      draft.affiliation ?? affiliationOf(text, folded, spans, draft.kind, titleOfName, mentions, gz, actor.id) ?? (draft.kind === 'region' ? stateOfPlace(draft.label, gz) : domesticState(text, folded, draft.label, draft.kind, spans[0].start, mentions, gz, actor.id));
    actor.affiliation = affiliation;
    out.push({ id: actor.id, label: draft.label, kind: draft.kind, affiliation, cue: draft.cue, mentions: spans });
  }
  return out;
}

/** Two to four capitalised words, not after "the", at least one outside the dictionary: "Anton Gerashchenko", not "Emergency Relief". */
function looksLikePersonName(words: string[], before: string, tagger: Tagger): boolean {
  return words.length >= 2 && words.length <= 4 && !/\bthe\s+$/i.test(before) && words.every((w) => /^\p{Lu}\p{Ll}/u.test(w)) && words.some((w) => !tagger.isDictionaryWord(w));
}

/** "Goris, Armenia": a name followed by a state after a comma is a place in it. */
function stateAfterComma(known: Mention[], gz: Gazetteer, end: number, text: string): boolean {
  return text.startsWith(', ', end) && known.some((m) => m.start === end + 2 && m.via !== 'demonym' && gz.actors.get(m.actorId)?.kind === 'state');
}

/** A capitalised line opener before a comma ("STEPANAKERT, March 8 -"): a dateline names a place. */
function isDateline(text: string, start: number, end: number): boolean {
  return (start === 0 || text[start - 1] === '\n') && /^\p{Lu}[\p{Lu}\s-]+$/u.test(text.slice(start, end)) && text[end] === ',';
}

const isCapitalised = (text: string, token: TaggedToken) => /^\p{Lu}/u.test(text[token.start]);

/** Runs of capitalised proper nouns not covered by the gazetteer or a title, joined over "of", "for", "and". */
function properNounRuns(text: string, tokens: TaggedToken[], sentenceStarts: ReadonlySet<number>, covered: Int32Array, tagger: Tagger): Run[] {
  const runs: Run[] = [];
  let open: Run | null = null;
  const close = () => {
    if (open) {
      while (open.last > open.first && CONNECTOR.test(text.slice(tokens[open.last].start, tokens[open.last].end))) open.last--;
      runs.push(open);
    }
    open = null;
  };
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i];
    const word = text.slice(token.start, token.end);
    if (sentenceStarts.has(i)) close();
    const free = covered[token.start] === -1 && covered[token.end - 1] === -1;
    const nameLike = free && isCapitalised(text, token) && (token.pos === 'PROPN' || (open !== null && (token.pos === 'NOUN' || token.pos === 'ADJ'))) && !CALENDAR.test(word) && /\p{L}{2}/u.test(word);
    if (nameLike) {
      const initial = sentenceStarts.has(i) || (i > 0 && sentenceStarts.has(i - 1) && /^["“‘(]$/.test(text.slice(tokens[i - 1].start, tokens[i - 1].end)));
      // "Officials in ...", "Relief came ...": a dictionary word opening a sentence is capitalised for that reason alone
      if (!open && initial && tagger.isDictionaryWord(word) && !continuesName(text, tokens, i, covered)) continue;
      // A run only goes on over the space between words: "Ministry of Defence", never "Armenia. The".
      if (open && !/^\s?$/.test(text.slice(tokens[open.last].end, token.start)) && !CONNECTOR.test(text.slice(tokens[open.last].start, tokens[open.last].end))) close();
      if (open) open.last = i;
      else open = { first: i, last: i };
      continue;
    }
    const joins = open !== null && free && CONNECTOR.test(word) && /^\s$/.test(text.slice(tokens[open.last].end, token.start));
    if (joins) {
      open!.last = i;
      continue;
    }
    close();
  }
  close();
  return runs.filter((run) => !CONNECTOR.test(text.slice(tokens[run.first].start, tokens[run.first].end)));
}

/** The word after `i` is a capitalised proper noun too ("Human Rights Watch"), so `i` starts a name. */
function continuesName(text: string, tokens: TaggedToken[], i: number, covered: Int32Array): boolean {
  const next = tokens[i + 1];
  return !!next && next.pos === 'PROPN' && isCapitalised(text, next) && covered[next.start] === -1 && /^\s$/.test(text.slice(tokens[i].end, next.start));
}

/** One draft per label (folded): the strongest cue wins, then the earliest. Title persons come first, as the extractor adds them. */
function mergeDrafts(drafts: Draft[]): Draft[] {
  const byLabel = new Map<string, Draft>();
  for (const draft of drafts) {
    const key = foldText(draft.label);
    const seen = byLabel.get(key);
    if (!seen || CUE_RANK[draft.cue] < CUE_RANK[seen.cue]) byLabel.set(key, seen ? { ...draft, at: Math.min(seen.at, draft.at) } : draft);
  }
  return [...byLabel.values()].sort((a, b) => Number(a.cue !== 'title') - Number(b.cue !== 'title') || a.at - b.at);
}

/**
 * Whom an actor belongs to, from the first mention that says: a state or body named just before
 * ("Russian", "Azerbaijan's", "CSTO"), in the title ("representative to the CSTO"), after "of"
 * ("Ministry of Defence of Armenia"), in an apposition (", Azerbaijan's foreign minister") or
 * after a place (", Armenia").
 */
type Spans = Array<{ start: number; end: number }>;
function affiliationOf(text: string, folded: string, spans: Spans, kind: ActorKind, titleOfName: Map<number, TitleMatch>, mentions: Mention[], gz: Gazetteer, self: string): string | null {
  const usable = (id: string | undefined) => {
    const actor = id ? gz.actors.get(id) : undefined;
    if (!actor || actor.id === self) return null;
    if (kind === 'region') return actor.kind === 'state' ? actor.id : null;
    if (kind === 'organisation' || kind === 'group') return actor.kind === 'state' || actor.kind === 'organisation' ? actor.id : null;
    return actor.kind === 'state' || actor.kind === 'organisation' || actor.kind === 'group' ? actor.id : null;
  };
  const justBefore = (at: number) => {
    const m = [...mentions].reverse().find((x) => x.end <= at && at - x.end <= 24);
    if (!m) return null;
    // "Azerbaijan's (new) Ministry", "Russian Foreign Minister", "Armenian deputy minister": not "Armenia and the ..."
    const gap = folded.slice(m.end, at);
    const fits = /^'s\s(?:[a-z-]+\s){0,2}$/.test(gap) || (m.via === 'demonym' && /^\s(?:[a-z-]+\s){0,2}$/.test(gap)) || gap === ' ';
    return fits && !/\b(?:and|or|the|with|to|of|by|for|in|on|at)\s/.test(gap) ? usable(m.actorId) : null;
  };
  for (const span of spans) {
    const title = titleOfName.get(span.start);
    if (title) {
      const of = title.ofStart >= 0 ? mentions.find((x) => x.start >= title.ofStart && x.end <= title.ofEnd) : undefined;
      const within = mentions.find((x) => x.start >= title.start && x.end <= title.end);
      const found = usable(of?.actorId) ?? justBefore(title.start) ?? usable(within?.actorId) ?? (title.ofStart < 0 ? stateOfTitle(folded.slice(title.start, title.end), gz) : null);
      if (found) return found;
    }
    const before = justBefore(span.start);
    if (before) return before;
    const rest = folded.slice(span.end, span.end + 80);
    const of = /^ of (?:the )?/.exec(rest);
    if (of && kind !== 'person') {
      const m = mentions.find((x) => x.start === span.end + of[0].length);
      if (usable(m?.actorId)) return usable(m?.actorId);
    }
    const appositive = /^, (?:the |an? )?/.exec(rest);
    if (appositive) {
      const m = mentions.find((x) => x.start === span.end + appositive[0].length);
      if (m && kind === 'person' && ROLE_AFTER.test(rest)) return usable(m.actorId);
      if (m && kind === 'region' && gz.actors.get(m.actorId)?.kind === 'state') return m.actorId;
    }
  }
  return null;
}

/** Titles only one state's government uses: "Secretary of State Marco Rubio" is American without a demonym (Britain's are "Secretary of State for ..."). */
const NATIONAL_TITLES: [RegExp, string][] = [[/^secretary of state$/, 'USA']];
function stateOfTitle(title: string, gz: Gazetteer): string | null {
  const code = NATIONAL_TITLES.find(([re]) => re.test(title))?.[1];
  if (!code) return null;
  for (const actor of gz.actors.values()) if (actor.kind === 'state' && actor.code === code) return actor.id;
  return null;
}

/** The structural part of wink-nlp this file needs; the caller passes `winkNLP(model, ['sbd', 'pos'])`. */
type WinkOut = { out(what: unknown): unknown[] };
export interface WinkLike {
  readDoc(text: string): { tokens(): WinkOut; sentences(): WinkOut };
  its: { value: unknown; pos: unknown; precedingSpaces: unknown; span: unknown; uniqueId: unknown };
}

/** A Tagger over wink-nlp: tokens with offsets (wink keeps every character, so offsets add up), POS and sentences. */
export function winkTagger(nlp: WinkLike): Tagger {
  const dictionary = new Map<string, boolean>();
  // wink numbers words outside its lexicon from the lexicon's size up, in the order it meets them:
  // a word never seen before, read first, marks where the dictionary ends (so pass a fresh instance)
  const firstUnknown = (nlp.readDoc('qzxqjvkwpy').tokens().out(nlp.its.uniqueId) as number[])[0];
  return {
    tag(text) {
      const doc = nlp.readDoc(text);
      const values = doc.tokens().out(nlp.its.value) as string[];
      const tags = doc.tokens().out(nlp.its.pos) as string[];
      const spaces = doc.tokens().out(nlp.its.precedingSpaces) as string[];
      const tokens: TaggedToken[] = [];
      let at = 0;
      for (let i = 0; i < values.length; i++) {
        at += spaces[i].length;
        // wink keeps the text as written; should a token ever differ, find it rather than drift
        if (!text.startsWith(values[i], at)) at = Math.max(at, text.indexOf(values[i], at));
        tokens.push({ start: at, end: at + values[i].length, pos: tags[i] });
        at += values[i].length;
      }
      const sentenceStarts = new Set((doc.sentences().out(nlp.its.span) as Array<[number, number]>).map(([first]) => first));
      return { tokens, sentenceStarts };
    },
    isDictionaryWord(word) {
      const lower = word.toLowerCase();
      let known = dictionary.get(lower);
      if (known === undefined) {
        known = (nlp.readDoc(lower).tokens().out(nlp.its.uniqueId) as number[])[0] < firstUnknown;
        dictionary.set(lower, known);
      }
      return known;
    },
  };
}
