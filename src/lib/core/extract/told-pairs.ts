/**
 * "Azerbaijan told Armenia it would use force": a threat, demand or warning the speaker tells
 * someone, with a pronoun for the speaker in the told clause, is aimed at the one told. The
 * clause itself names no object (or only the one told, as its nearest actor before the verb).
 */
import type { CueMatch } from './cues';
import type { List } from './units';
import type { Pair } from './pairs';
import type { Sentence } from './sentences';

const TOLD_TYPES = new Set(['threat', 'demand', 'rejection', 'commitment']);
const TOLD = /^(?:'s [a-z -]{1,40}?)?,?(?: [a-z]+ly)? (?:has |have |had |also )?(?:told|tells|warned|warns|informed|informs|assured|assures|reminded|notified) (?:the )?$/;
const PRONOUN_CLAUSE = /^,? (?:that )?(?:it|they|he|she|its (?:army|forces|troops|government)|their (?:forces|troops)) (?:[a-z']+ ){0,4}$/;

export function toldPairs(cue: CueMatch, lists: List[], folded: string, sentence: Sentence): Pair[] {
  if (!TOLD_TYPES.has(cue.type) || cue.passive) return [];
  const before = lists.filter((list) => list[list.length - 1].end <= cue.start && list[0].start >= sentence.start);
  const told = before[before.length - 1];
  const speaker = before[before.length - 2];
  if (!told || !speaker || !PRONOUN_CLAUSE.test(folded.slice(told[told.length - 1].end, cue.start))) return [];
  if (!TOLD.test(folded.slice(speaker[speaker.length - 1].end, told[0].start))) return [];
  return speaker.flatMap((s) => told.filter((t) => t.actorId !== s.actorId).map((t) => [s, t] as Pair));
}
