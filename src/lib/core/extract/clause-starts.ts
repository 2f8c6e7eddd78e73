/**
 * Coordinated clauses: "France criticized Azerbaijan, and Armenia asked Russia for help",
 * "Russia called for a ceasefire and Kazakhstan backed Armenia". An actor after "and" that a
 * finite verb follows is the subject of a new clause, not one more object of the verb before it.
 */
import type { CueMatch } from './cues';
import type { List, Unit } from './units';

/** A cue that reads as a finite verb ("asked", "backs", "met"), not a noun ("talks", "the attack"). */
const FINITE = /^(?:[a-z]+(?:ed|es)|[a-z]*[^s\W]s|met|sent|took|told|held|gave|made|fought|struck|led|sought|broke|withdrew|won|began|kept|left|came|went|ran|hit|shot|stood|threw|drew|swore|rang|spoke|said)\b/;
/** What may stand between a clause's subject and its verb. */
const SUBJECT_GAP = /^(?:'s?)? ?(?:(?:also|then|later|too|itself|themselves|has|have|had|will|would|quickly|immediately|separately|in turn|for (?:its|their) part|on [a-z]+day),? )*$/;
/** "…, and X", "… and X", "…, while X": what opens a coordinated clause before its subject. */
const OPENS_CLAUSE = /(?:,? and|, while|, but|, whereas|; )(?: the)? ?$/;

/** The cue whose subject `unit` is, when `unit` opens a clause coordinated after an earlier cue. */
export function clauseVerbAfter(unit: Unit, cues: CueMatch[], folded: string): CueMatch | null {
  const verb = cues.find((cue) => cue.start >= unit.end && cue.start - unit.end <= 40);
  if (!verb || !FINITE.test(verb.text) || verb.passive || !SUBJECT_GAP.test(folded.slice(unit.end, verb.start))) return null;
  if (!cues.some((cue) => cue.end <= unit.start)) return null;
  return OPENS_CLAUSE.test(folded.slice(Math.max(0, unit.start - 12), unit.start)) ? verb : null;
}

/** Lists cut before each item that opens a coordinated clause: "Azerbaijan, and Armenia asked" is two lists. */
export function splitAtClauseStarts(lists: List[], cues: CueMatch[], folded: string): List[] {
  return lists.flatMap((list) => {
    const parts: List[] = [[list[0]]];
    for (const unit of list.slice(1)) {
      if (clauseVerbAfter(unit, cues, folded)) parts.push([unit]);
      else parts[parts.length - 1].push(unit);
    }
    return parts;
  });
}

/** An object of `cue` that is the subject of a later coordinated clause belongs to that clause. */
export function opensLaterClause(cue: CueMatch, object: Unit, cues: CueMatch[], folded: string): boolean {
  const verb = clauseVerbAfter(object, cues, folded);
  return verb !== null && verb.start > cue.end;
}

/** "talks with Pashinyan and called on …": a prepositional object right before a coordinated verb. */
export function isCoordinatedAfterPrepositionalObject(list: List, folded: string, cue: CueMatch): boolean {
  return /\b(?:with|to|for|from|against|by|of|on|about|toward|towards) (?:the |his |her |its |their )?$/.test(folded.slice(Math.max(0, list[0].start - 16), list[0].start)) && /^,? and (?:then |also |later )?$/.test(folded.slice(list[list.length - 1].end, cue.start));
}
