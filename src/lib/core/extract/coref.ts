/**
 * References that name no actor: pronouns ("he", "she", "it", "they") and
 * definite descriptions ("the minister", "the two leaders", "the alliance",
 * "the country"). Each becomes a unit (or, for plurals, units sharing one span)
 * of the actor it most likely means, so the cue after it has a subject or object.
 * Antecedents are the nearest fitting actors before, in this sentence or earlier.
 */
import type { ActorKind } from '../model';
import type { Gazetteer } from './gazetteer';
import type { Sentence } from './sentences';
import type { Unit } from './units';

/** What the reader remembers across sentences. */
export interface Memory {
  /** Distinct actors in order of last mention, most recent last. */
  recent: Unit[];
  /** The first actor of the previous sentence: what a sentence-initial "it" carries on. */
  previousFirst: Unit | null;
  /** The previous sentence's first list of two or more actors: what a sentence-initial "they" carries on. */
  previousGroup: Unit[];
  /** The two states the text names most: whom "both sides" means. */
  parties: string[];
}

export const newMemory = (parties: string[]): Memory => ({ recent: [], previousFirst: null, previousGroup: [], parties });

type Reference = { re: RegExp; kinds: ActorKind[]; count: number; initialOnly?: boolean; carry?: 'first' | 'group' | 'parties'; counted?: boolean };
const NUMBER_WORDS: Record<string, number> = { three: 3, four: 4, five: 5, six: 6 };

const PERSON_NOUN = '(?:minister|president|prime minister|premier|foreign minister|defen[cs]e minister|leader|chancellor|secretary[- ]general|secretary|envoy|ambassador|spokes(?:man|woman|person)|official|diplomat|king|emir|monarch)';
const REFERENCES: Reference[] = [
  { re: /\b(?:both sides|the two sides|both parties|the two parties|the warring (?:parties|sides)|the two countries|both countries|the two neighbou?rs|the two states|the two nations)\b/g, kinds: ['state'], count: 2, carry: 'parties' },
  // "invited the three countries": the three states named before, earlier sentences first (the inviter is not among them)
  { re: /\bthe (three|four|five|six) (?:countries|states|nations|governments|neighbou?rs)\b/g, kinds: ['state'], count: 0, counted: true },
  { re: /\b(?:he|she)\b/g, kinds: ['person'], count: 1 },
  { re: new RegExp(`\\b(?:the two|both) (?:leaders|presidents|ministers|foreign ministers|prime ministers|men|officials|heads of state)\\b`, 'g'), kinds: ['person'], count: 2 },
  { re: new RegExp(`\\bthe (?:[a-z]+ )?${PERSON_NOUN}\\b(?! of\\b)`, 'g'), kinds: ['person'], count: 1 },
  { re: /\bthe (?:military |security |defen[cs]e |regional )?(?:alliance|bloc|organi[sz]ation|grouping|union|pact)\b(?! of\b)/g, kinds: ['organisation'], count: 1 },
  { re: /\bthe (?:country|state|government|nation|republic)\b(?! of\b)(?!'s? [a-z]+ (?:of|in)\b)/g, kinds: ['state'], count: 1 },
  { re: /^\W*(?:it|its)\b/g, kinds: ['state', 'organisation'], count: 1, initialOnly: true, carry: 'first' },
  { re: /^\W*(?:they|both)\b/g, kinds: ['state', 'organisation', 'person'], count: 2, initialOnly: true, carry: 'group' },
];

const kindOf = (gazetteer: Gazetteer, unit: Unit) => gazetteer.actors.get(unit.actorId)?.kind;

function unitAt(start: number, end: number, actorId: string): Unit {
  return { start, end, actorId, headStart: start, headEnd: end, modifier: false };
}

/** The nearest `count` distinct actors of the kinds before `at`: in the sentence first, then from memory. */
function antecedents(gazetteer: Gazetteer, units: Unit[], memory: Memory, at: number, ref: Reference): string[] {
  const pool = [...memory.recent, ...units.filter((u) => u.end <= at)];
  const found: string[] = [];
  for (let i = pool.length - 1; i >= 0 && found.length < ref.count; i--) {
    const kind = kindOf(gazetteer, pool[i]);
    if (kind && ref.kinds.includes(kind) && !pool[i].modifier && !found.includes(pool[i].actorId)) found.push(pool[i].actorId);
  }
  return found.length === ref.count ? found : [];
}

/** The nearest `count` distinct states from earlier sentences, then from this one before `at`. */
function countedAntecedents(gazetteer: Gazetteer, units: Unit[], memory: Memory, at: number, count: number): string[] {
  const inSentence = units.filter((u) => u.end <= at).reverse();
  const found: string[] = [];
  for (const unit of [...[...memory.recent].reverse(), ...inSentence]) {
    if (found.length === count) break;
    if (kindOf(gazetteer, unit) === 'state' && !unit.modifier && !found.includes(unit.actorId) && !inSentence.some((u) => u.actorId === unit.actorId && u !== unit)) found.push(unit.actorId);
  }
  return found.length === count ? found : [];
}

function carried(gazetteer: Gazetteer, memory: Memory, ref: Reference): string[] {
  if (ref.carry === 'parties') return memory.parties.length >= 2 ? memory.parties.slice(0, 2) : [];
  if (ref.carry === 'first') {
    const first = memory.previousFirst;
    return first && ref.kinds.includes(kindOf(gazetteer, first)!) ? [first.actorId] : [];
  }
  return memory.previousGroup.length >= 2 ? memory.previousGroup.map((u) => u.actorId) : [];
}

function referenceUnits(folded: string, sentence: Sentence, units: Unit[], gazetteer: Gazetteer, memory: Memory): Unit[] {
  const body = folded.slice(sentence.start, sentence.end);
  const out: Unit[] = [];
  const taken: [number, number][] = [];
  for (const ref of REFERENCES) {
    ref.re.lastIndex = 0;
    for (let m = ref.re.exec(body); m; m = ref.re.exec(body)) {
      const lead = /^\W*/.exec(m[0])![0].length;
      const start = sentence.start + m.index + lead;
      const end = sentence.start + m.index + m[0].length;
      if (taken.some(([a, b]) => start < b && end > a) || units.some((u) => start < u.end && end > u.start)) continue;
      const ids = ref.carry ? carried(gazetteer, memory, ref) : ref.counted ? countedAntecedents(gazetteer, units, memory, start, NUMBER_WORDS[m[1]]) : antecedents(gazetteer, units, memory, start, ref);
      if (!ids.length) continue;
      taken.push([start, end]);
      for (const id of ids) out.push(unitAt(start, end, id));
    }
  }
  return out;
}

function remember(gazetteer: Gazetteer, memory: Memory, units: Unit[]): void {
  for (const unit of units) {
    if (unit.modifier && kindOf(gazetteer, unit) !== 'state') continue;
    memory.recent = memory.recent.filter((u) => u.actorId !== unit.actorId);
    memory.recent.push(unit);
  }
  if (memory.recent.length > 12) memory.recent = memory.recent.slice(-12);
  memory.previousFirst = units.find((u) => !u.modifier) ?? null;
  const group: Unit[] = [];
  for (const unit of units) {
    if (group.length && unit.start - group[group.length - 1].end > 8) break;
    if (!group.some((u) => u.actorId === unit.actorId)) group.push(unit);
  }
  memory.previousGroup = group.length >= 2 ? group : [];
}

/** The sentence's units with its references resolved, in text order; updates the memory. */
export function resolveReferences(folded: string, sentence: Sentence, units: Unit[], gazetteer: Gazetteer, memory: Memory): Unit[] {
  const all = [...units, ...referenceUnits(folded, sentence, units, gazetteer, memory)].sort((a, b) => a.start - b.start);
  remember(gazetteer, memory, all);
  return all;
}
