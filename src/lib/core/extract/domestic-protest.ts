/**
 * Protests that name no target. "Thousands of Kenyans marched through Nairobi", "Iraqi Kurds
 * demonstrated in Kirkuk": a street protest with no one named is aimed at the authorities of
 * the state it happens in, and PLOVER codes it so (Kenya → Kenya). The dataset cannot hold a
 * state protesting against itself (a self-relation), so the protesters stay a group of their
 * own, affiliated with the state ("Kenyan protesters", "Iraqi Kurds"), and the state is the
 * target: rolled up to states the pair is the domestic event, and in review it reads as
 * what the text says. The state is only taken from the protesters themselves, never guessed.
 */
import { rollUp, type Gazetteer } from './gazetteer';
import type { CueMatch } from './cues';
import type { Sentence } from './sentences';
import type { List, Unit } from './units';
import { CLAUSE_BREAK, type Pair } from './pairs';
import { groupActor } from './generic-actors';

/** Nouns after a plural demonym that make it the state's organs, not its people. */
const ORGAN_AFTER = /^ (?:troops|forces|soldiers|officials|authorities|police|government|army|diplomats|leaders)\b/;

/** The state the unit's people belong to, and the group that stands for them. */
function protesters(unit: Unit, folded: string, gazetteer: Gazetteer, groupsOnly: boolean): { group: string; state: string } | null {
  const actor = gazetteer.actors.get(unit.actorId);
  if (!actor) return null;
  if (actor.kind === 'group' && actor.affiliation && gazetteer.actors.get(actor.affiliation)?.kind === 'state') return { group: actor.id, state: actor.affiliation };
  if (actor.kind !== 'state' || groupsOnly) return null;
  // "Kenyans", "thousands of Algerians": the people, named by the plural demonym
  const words = folded.slice(unit.start, unit.end);
  if (!/^[a-z'-]+s$/.test(words) || words === actor.label.toLowerCase() || ORGAN_AFTER.test(folded.slice(unit.end, unit.end + 14))) return null;
  return { group: groupActor(gazetteer, actor.id, 'protesters'), state: actor.id };
}

/** "demonstrated in Kirkuk", "marched through Nairobi": the place is where, not whom. */
const LOCATIVE = /(?:^|\s)(?:in|through|across|throughout|at|near|around|into)\s+(?:the\s+)?(?:[a-z-]+\s+){0,3}$/;

/** A place the protest happens in, not its target: a region, or a state's own city ("Algerians rallied in Algiers"). */
export function isProtestVenue(cue: CueMatch, [subject, object]: Pair, folded: string, gazetteer: Gazetteer): boolean {
  if (cue.type !== 'protest' || object.start < cue.end) return false;
  if (/^block/.test(cue.text) && /\b(?:to|from|into|towards?)\s+(?:the\s+)?$/.test(folded.slice(cue.end, object.start))) return true;
  if (!LOCATIVE.test(folded.slice(cue.start, object.start)) || /\b(?:against|outside|in front of)\b/.test(folded.slice(cue.start, object.start))) return false;
  if (/^ (?:embass(?:y|ies)|consulates?|missions?|headquarters|offices)\b/.test(folded.slice(object.end, object.end + 14))) return false;
  return gazetteer.actors.get(object.actorId)?.kind === 'region' || rollUp(gazetteer, object.actorId) === rollUp(gazetteer, subject.actorId);
}

/** (protesters, their state) for a protest cue whose sentence names its doers before it and no target; for a retreat, (rebels, their state). */
export function domesticProtestPairs(cue: CueMatch, lists: List[], folded: string, sentence: Sentence, gazetteer: Gazetteer): Pair[] {
  // rebels who disarm or pull back with no one named de-escalate towards their own state, as a protest is aimed at it
  if (!(cue.type === 'protest' || cue.type === 'retreat') || cue.passive) return [];
  const groupsOnly = cue.type === 'retreat';
  const before = lists.filter((list) => list[list.length - 1].end <= cue.start && list[0].start >= sentence.start);
  const doers = before[before.length - 1];
  if (!doers || cue.start - doers[doers.length - 1].end > 120 || CLAUSE_BREAK.test(folded.slice(doers[doers.length - 1].end, cue.start))) return [];
  // "... before they demobilize", "unless the rebels disarm": a subordinate clause names a condition, not an event
  if (/\b(?:before|after|until|unless|if|once|when|so that)\s+(?:the\s+)?$/.test(folded.slice(Math.max(sentence.start, doers[0].start - 20), doers[0].start))) return [];
  const pairs: Pair[] = [];
  for (const unit of doers) {
    const found = protesters(unit, folded, gazetteer, groupsOnly);
    if (!found) continue;
    // the target stands where its doers are written: the text names the state only through them
    pairs.push([{ ...unit, actorId: found.group }, { ...unit, actorId: found.state }]);
  }
  return pairs;
}
