/**
 * References that name no actor: "he", "she". Each becomes a unit of the
 * actor it most likely means, so the cue after it has a subject.
 */
import type { Gazetteer } from './gazetteer';
import type { Sentence } from './sentences';
import type { Unit } from './units';

const PRONOUN = /\b(he|she)\b/g;

/** What the reader remembers across sentences. */
export interface Memory {
  lastPerson: string | null;
}

export const newMemory = (): Memory => ({ lastPerson: null });

const isPerson = (gazetteer: Gazetteer, unit: Unit) => gazetteer.actors.get(unit.actorId)?.kind === 'person';

/** He / She: the last person named before, in the sentence or earlier. */
function pronounUnits(folded: string, sentence: Sentence, units: Unit[], gazetteer: Gazetteer, memory: Memory): Unit[] {
  const out: Unit[] = [];
  PRONOUN.lastIndex = 0;
  const body = folded.slice(sentence.start, sentence.end);
  for (let m = PRONOUN.exec(body); m; m = PRONOUN.exec(body)) {
    const at = sentence.start + m.index;
    const before = units.filter((u) => u.end <= at && isPerson(gazetteer, u));
    const person = before.length ? before[before.length - 1].actorId : memory.lastPerson;
    if (person) out.push({ start: at, end: at + m[0].length, actorId: person, headStart: at, headEnd: at + m[0].length, modifier: false });
  }
  return out;
}

/** The sentence's units with its references resolved, in text order; updates the memory. */
export function resolveReferences(folded: string, sentence: Sentence, units: Unit[], gazetteer: Gazetteer, memory: Memory): Unit[] {
  const all = [...units, ...pronounUnits(folded, sentence, units, gazetteer, memory)].sort((a, b) => a.start - b.start);
  for (const unit of all) if (isPerson(gazetteer, unit)) memory.lastPerson = unit.actorId;
  return all;
}
