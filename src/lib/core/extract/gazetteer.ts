/**
 * The extractor's gazetteer: every name by which an actor can appear in a text.
 * Terms come from the dataset (labels and aliases) and from a general table of
 * world states and international organisations (names, demonyms, capitals, seats
 * of government), linked to the dataset's actor when it holds that state, and
 * proposed as a new actor otherwise. Matching ignores case and diacritics and
 * accepts a possessive after the name; a term written with a capital must be
 * written with one in the text ("US" is not "us", "Chad" is not "chad").
 */
import type { Actor, ActorKind, Dataset } from '../model';
import type { Mention, NewActor } from './types';
import { foldTerm, isWordChar, slugify } from './fold';
import { WORLD_ORGANISATIONS, WORLD_STATES } from './world';
import { addGenericMentions } from './generic-actors';
import { WORLD_LEADERS } from './world-leaders';
import { WORLD_GROUPS } from './world-groups';

export type MentionVia = Mention['via'];

export interface GazetteerActor {
  id: string;
  label: string;
  kind: ActorKind;
  affiliation: string | null;
  /** Not in the dataset: proposed from the world table or the text. */
  isNew: boolean;
  /** ISO3 code of a state, `IGO` for an international organisation, else empty. */
  code: string;
}

interface Term {
  folded: string;
  actorId: string;
  via: MentionVia;
  /** The term starts with a capital, so the text must too. */
  capital: boolean;
  /** Short all-capital terms (US, UN, EU) must match case exactly. */
  exact: string | null;
  /** Lower rank wins when two actors share a term. */
  rank: number;
}

export interface Gazetteer {
  actors: Map<string, GazetteerActor>;
  /** Terms by their first word, longest first. */
  byFirstWord: Map<string, Term[]>;
}

const firstWord = (folded: string): string => {
  const match = /^[^ \-'.]+/.exec(folded);
  return match ? match[0] : folded;
};

function addTerm(gazetteer: Gazetteer, raw: string, actorId: string, via: MentionVia, rank: number): void {
  const folded = foldTerm(raw);
  if (folded.length < 2) return;
  const trimmed = raw.trim();
  const capital = /^\p{Lu}/u.test(trimmed);
  const exact = /^[\p{Lu}.]{2,5}$/u.test(trimmed) ? trimmed : null;
  const key = firstWord(folded);
  // Copied on write, so that a per-text copy of the gazetteer never changes the shared one.
  const list = [...(gazetteer.byFirstWord.get(key) ?? [])];
  gazetteer.byFirstWord.set(key, list);
  if (list.some((term) => term.folded === folded && term.rank <= rank)) return;
  const index = list.findIndex((term) => term.folded === folded);
  if (index >= 0) list.splice(index, 1);
  list.push({ folded, actorId, via, capital, exact, rank });
  list.sort((a, b) => b.folded.length - a.folded.length || a.rank - b.rank);
}

/** The dataset actor a world entry stands for: same label or alias, folded. */
function datasetActorNamed(byName: Map<string, Actor>, names: string[]): Actor | undefined {
  for (const name of names) {
    const actor = byName.get(foldTerm(name));
    if (actor) return actor;
  }
  return undefined;
}

function retagAsDemonym(gazetteer: Gazetteer, demonym: string, actorId: string): void {
  const folded = foldTerm(demonym);
  const term = gazetteer.byFirstWord.get(firstWord(folded))?.find((t) => t.folded === folded && t.actorId === actorId);
  if (term) term.via = 'demonym';
}

export function buildGazetteer(dataset: Pick<Dataset, 'actors'>): Gazetteer {
  const gazetteer: Gazetteer = { actors: new Map(), byFirstWord: new Map() };
  const byName = new Map<string, Actor>();
  for (const actor of dataset.actors) {
    for (const name of [actor.label, ...actor.aliases]) if (!byName.has(foldTerm(name))) byName.set(foldTerm(name), actor);
    gazetteer.actors.set(actor.id, { id: actor.id, label: actor.label, kind: actor.kind, affiliation: actor.affiliation, isNew: false, code: '' });
  }
  const usedIds = new Set(dataset.actors.map((actor) => actor.id));
  const newId = (label: string): string => {
    let id = slugify(label);
    for (let n = 2; usedIds.has(id); n++) id = `${slugify(label)}-${n}`;
    usedIds.add(id);
    return id;
  };
  // Dataset names first: they win over the general table.
  for (const actor of dataset.actors) {
    addTerm(gazetteer, actor.label, actor.id, 'label', 0);
    for (const alias of actor.aliases) addTerm(gazetteer, alias, actor.id, 'alias', 1);
  }
  for (const state of WORLD_STATES) {
    const known = datasetActorNamed(byName, [state.name, ...state.aliases]);
    let id: string;
    if (known && known.kind === 'state') {
      id = known.id;
      gazetteer.actors.get(id)!.code = state.code;
    } else {
      if (known) continue;
      id = newId(state.name);
      gazetteer.actors.set(id, { id, label: state.name, kind: 'state', affiliation: null, isNew: true, code: state.code });
    }
    addTerm(gazetteer, state.name, id, known ? 'label' : 'label', 2);
    for (const alias of state.aliases) addTerm(gazetteer, alias, id, 'alias', 3);
    for (const demonym of state.demonyms) {
      addTerm(gazetteer, demonym, id, 'demonym', 3);
      // A dataset alias that is this state's demonym ("Russian") reads as one: "Russian Foreign Minister Sergei Lavrov" is the minister
      if (known) retagAsDemonym(gazetteer, demonym, id);
    }
    for (const capital of state.capitals) addTerm(gazetteer, capital, id, 'capital', 4);
  }
  const stateOfCode = new Map<string, string>();
  for (const actor of gazetteer.actors.values()) if (actor.kind === 'state' && actor.code) stateOfCode.set(actor.code, actor.id);
  // well-known leaders, so "Museveni said" is Uganda's; the dataset's own people (and their aliases) win
  for (const leader of WORLD_LEADERS) {
    if (datasetActorNamed(byName, [leader.name])) continue;
    const id = newId(leader.name);
    gazetteer.actors.set(id, { id, label: leader.name, kind: 'person', affiliation: stateOfCode.get(leader.code) ?? null, isNew: true, code: '' });
    addTerm(gazetteer, leader.name, id, 'label', 2);
    for (const short of leader.short) addTerm(gazetteer, short, id, 'alias', 3);
  }
  // well-known movements and armed groups, so "Hamas threatened" is a group of Palestine; the dataset's own actors win
  for (const group of WORLD_GROUPS) {
    if (datasetActorNamed(byName, [group.name, ...group.aliases])) continue;
    const id = newId(group.name);
    gazetteer.actors.set(id, { id, label: group.name, kind: 'group', affiliation: stateOfCode.get(group.code) ?? null, isNew: true, code: '' });
    addTerm(gazetteer, group.name, id, 'label', 2);
    for (const alias of group.aliases) addTerm(gazetteer, alias, id, 'alias', 3);
  }
  for (const organisation of WORLD_ORGANISATIONS) {
    const known = datasetActorNamed(byName, [organisation.name, ...organisation.aliases]);
    let id: string;
    if (known) {
      id = known.id;
      gazetteer.actors.get(id)!.code ||= 'IGO';
    } else {
      id = newId(organisation.name);
      gazetteer.actors.set(id, { id, label: organisation.name, kind: 'organisation', affiliation: null, isNew: true, code: 'IGO' });
    }
    addTerm(gazetteer, organisation.name, id, 'label', 2);
    for (const alias of organisation.aliases) addTerm(gazetteer, alias, id, 'alias', 3);
  }
  return gazetteer;
}

/** A copy that the extraction of one text may add to without touching the shared gazetteer. */
export function copyGazetteer(gazetteer: Gazetteer): Gazetteer {
  return { actors: new Map(gazetteer.actors), byFirstWord: new Map(gazetteer.byFirstWord) };
}

/** Adds an actor found in the text (a person after a title, say) and the names it can be referred to by. */
export function addTextActor(gazetteer: Gazetteer, label: string, kind: ActorKind, affiliation: string | null): GazetteerActor {
  const existing = lookupExact(gazetteer, label);
  if (existing) return gazetteer.actors.get(existing)!;
  let id = slugify(label);
  for (let n = 2; gazetteer.actors.has(id); n++) id = `${slugify(label)}-${n}`;
  const actor: GazetteerActor = { id, label, kind, affiliation, isNew: true, code: '' };
  gazetteer.actors.set(id, actor);
  addTerm(gazetteer, label, id, 'nlp', 5);
  if (kind === 'person') {
    const words = label.split(/\s+/);
    if (words.length > 1) addTerm(gazetteer, words[words.length - 1], id, 'nlp', 6);
  }
  return actor;
}

/**
 * A person named in full in this text ("Imran Khan") is then referred to by the surname alone ("Khan said"),
 * even when the shared gazetteer leaves that surname out as too common to stand alone: within a text that
 * names them it means them. Not when the surname is another actor's name, or a word the text also writes
 * in lower case. Returns whether a term was added.
 */
export function addSurname(gazetteer: Gazetteer, actorId: string, text: string): boolean {
  const actor = gazetteer.actors.get(actorId);
  const words = actor?.kind === 'person' ? actor.label.split(/\s+/) : [];
  const surname = words[words.length - 1] ?? '';
  if (words.length < 2 || !/^\p{Lu}[\p{L}'-]{2,}$/u.test(surname) || /^(?:May|March|April|June|July|August|Bush)$/.test(surname) || lookupExact(gazetteer, surname)) return false;
  if (new RegExp(`(?:^|[^\\p{L}])${surname.toLowerCase()}(?![\\p{L}])`, 'u').test(text)) return false;
  addTerm(gazetteer, surname, actorId, 'nlp', 6);
  return true;
}

/** The actor a whole name stands for, or null. */
export function lookupExact(gazetteer: Gazetteer, name: string): string | null {
  const folded = foldTerm(name);
  const term = gazetteer.byFirstWord.get(firstWord(folded))?.find((t) => t.folded === folded);
  return term ? term.actorId : null;
}

/**
 * Every mention in `text` (given with its fold), longest match first, left to
 * right, never overlapping. A possessive ('s, ’s, s') may follow a name. Actors named by
 * their role ("police in Nairobi", "Sudanese rebels") are placed in a state (generic-actors.ts).
 */
export function findMentions(text: string, folded: string, gazetteer: Gazetteer): Mention[] {
  const mentions: Mention[] = [];
  let i = 0;
  while (i < folded.length) {
    if (!isWordChar(folded[i]) || (i > 0 && isWordChar(folded[i - 1]))) {
      i++;
      continue;
    }
    let end = i;
    while (end < folded.length && isWordChar(folded[end])) end++;
    const candidates = gazetteer.byFirstWord.get(folded.slice(i, end));
    let matched: Term | undefined;
    if (candidates) {
      for (const term of candidates) {
        if (!folded.startsWith(term.folded, i)) continue;
        const after = i + term.folded.length;
        if (isWordChar(folded[after]) && !term.folded.endsWith('.')) continue;
        if (term.exact && text.slice(i, after) !== term.exact) continue;
        if (term.capital && !/\p{Lu}/u.test(text[i])) continue;
        matched = term;
        break;
      }
    }
    if (matched) {
      const after = i + matched.folded.length;
      mentions.push({ start: i, end: after, text: text.slice(i, after), actorId: matched.actorId, via: matched.via });
      i = after;
    } else i = end;
  }
  return addGenericMentions(text, folded, mentions, gazetteer);
}

export function toNewActor(actor: GazetteerActor): NewActor {
  return { id: actor.id, label: actor.label, kind: actor.kind, affiliation: actor.affiliation };
}

/**
 * Whether a mention may be a relation's subject or object. A new place in no known state
 * ("officials in Stepanakert", "an offer from Afganistan") is proposed for review, but until
 * the reviewer places it, it is where something happened rather than who did it: as an actor
 * its relations could be checked against nothing and were mostly wrong.
 */
export function takesPart(gazetteer: Gazetteer, mention: Mention): boolean {
  const actor = gazetteer.actors.get(mention.actorId);
  return !(actor?.isNew && actor.kind === 'region' && !actor.affiliation);
}

/** The state an actor belongs to, following affiliation (a minister → its state, a body → its organisation's ...). */
export function rollUp(gazetteer: Gazetteer, id: string): string {
  let current = id;
  const seen = new Set<string>();
  while (!seen.has(current)) {
    seen.add(current);
    const actor = gazetteer.actors.get(current);
    if (!actor || !actor.affiliation || actor.kind === 'state') return current;
    current = actor.affiliation;
  }
  return current;
}
