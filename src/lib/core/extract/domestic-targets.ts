/**
 * Violence and repression aimed at the doers' own country when the text names no other actor:
 * "Burmese troops captured a guerrilla stronghold", "Chinese police arrested dozens of monks",
 * "Sudanese rebels shelled the regional capital". PLOVER codes these as domestic events
 * (Myanmar → Myanmar). As in domestic-protest.ts, the dataset holds no self-relation, so the
 * side the text leaves unnamed becomes a group of the state ("Burmese guerrillas") or the
 * state itself, and the pair rolls up to the domestic event. The state is only taken from
 * the doers, and only when the words after the cue name people or places of the kind such
 * acts are aimed at, before the clause ends.
 */
import { rollUp, type Gazetteer } from './gazetteer';
import type { CueMatch } from './cues';
import type { Sentence } from './sentences';
import type { List, Unit } from './units';
import { ACCUSED_OF, CLAUSE_BREAK, type Pair } from './pairs';
import { groupActor } from './generic-actors';

const PEOPLE = /^[^,;.:]{0,50}?\b(rebels?|guerrillas?|insurgents?|militants?|separatists?|protesters|demonstrators|students|dissidents|activists|journalists|civilians|villagers|monks|opposition (?:supporters|activists|leaders|members)|strikers)\b/;
const PLACE = /^[^,;.:]{0,40}?\b(?:the |a |an )(?:[a-z-]+ ){0,2}?(?:capital|city|town|villages?|province|region|stronghold|base|camps?|positions|headquarters)\b/;
const ROLE_OF_PLACE = /\b(rebel|guerrilla|insurgent|militant|separatist)(?:-held)? (?:[a-z-]+ )?(?:stronghold|base|camps?|positions|headquarters|territory)\b/;

export function domesticTargetPairs(cue: CueMatch, lists: List[], folded: string, sentence: Sentence, gazetteer: Gazetteer): Pair[] {
  if (!(cue.type === 'attack' || cue.type === 'coercion') || cue.passive || cue.agentless) return [];
  const before = lists.filter((list) => list[list.length - 1].end <= cue.start && list[0].start >= sentence.start);
  const doers = before[before.length - 1];
  if (!doers || cue.start - doers[doers.length - 1].end > 60 || CLAUSE_BREAK.test(folded.slice(doers[doers.length - 1].end, cue.start))) return [];
  // "Indian and Pakistani troops exchanged fire, killing 12 civilians": the dead of a clash between two states are neither's own people
  if (new Set(doers.map((u) => rollUp(gazetteer, u.actorId))).size > 1) return [];
  // "the group, which he accused of attacking civilians": the one accusing is not the one who did it
  if (ACCUSED_OF.test(folded.slice(doers[doers.length - 1].end, cue.start))) return [];
  const after = folded.slice(cue.end, sentence.end);
  const people = PEOPLE.exec(after);
  const place = people ? null : PLACE.exec(after);
  if (!people && !place) return [];
  const role = people?.[1] ?? ROLE_OF_PLACE.exec(place![0])?.[1];
  const pairs: Pair[] = [];
  for (const unit of doers) {
    const actor = gazetteer.actors.get(unit.actorId);
    const state = rollUp(gazetteer, unit.actorId);
    if (!actor || gazetteer.actors.get(state)?.kind !== 'state') continue;
    // the state's own forces against its people; its rebels against the state, or against a group of it
    let target: string | null = null;
    if (actor.id === state) target = role ? groupActor(gazetteer, state, role.endsWith('s') ? role : `${role}s`) : null;
    else if (actor.kind === 'group' || actor.kind === 'organisation') target = role && !/^(?:rebel|guerrilla|insurgent|militant|separatist)/.test(role) ? groupActor(gazetteer, state, role) : state;
    if (target && target !== actor.id) pairs.push([unit, { ...unit, actorId: target, start: cue.end, end: cue.end, headStart: cue.end, headEnd: cue.end, modifier: false }]);
  }
  return pairs;
}

/**
 * "A journalist has been killed in a car bomb explosion in eastern Beirut": violence whose doer the
 * text does not name, where every actor the sentence names belongs to one state, is coded as that
 * state's domestic event (PLOVER: Lebanon → Lebanon). The doer becomes "Lebanese attackers", to be
 * named by the reviewer; a sentence naming actors of two states is left alone, since either may be the doer.
 * A protest by people the gazetteer cannot place ("Islamic fundamentalists continued their hunger strike
 * to demand the resignation of the Algerian President") is read the same way.
 */
/** What the unnamed doers of each kind of deed are called: "Lebanese attackers", "Algerian protesters". */
const UNNAMED_DOERS: Record<string, string> = { attack: 'attackers', protest: 'protesters' };
const CASUALTIES = /\b(?:killed|killing|dead|died|wounded|wounding|injur(?:ed|ing)|explo(?:ded|sion)|blast|bomb(?:s|ed|ing)?|assassinat\w*|thwarted|foiled)\b/;

export function unattributedPairs(cue: CueMatch, units: Unit[], folded: string, sentence: Sentence, gazetteer: Gazetteer): Pair[] {
  const role = UNNAMED_DOERS[cue.type];
  if (!role || !units.length) return [];
  // a deed that happened, with its toll: not "an attack on one is an attack on all", nor an aggression recalled
  if (cue.type === 'attack' && !cue.agentless && !CASUALTIES.test(folded.slice(cue.start, sentence.end))) return [];
  const states = new Set(units.map((u) => rollUp(gazetteer, u.actorId)));
  const [state] = states;
  if (states.size !== 1 || gazetteer.actors.get(state)?.kind !== 'state') return [];
  const target = units.find((u) => u.actorId === state) ?? units[units.length - 1];
  const doer = groupActor(gazetteer, state, role);
  if (doer === target.actorId || units.some((u) => u.actorId === doer)) return [];
  return [[{ ...target, actorId: doer, start: cue.start, end: cue.start, headStart: cue.start, headEnd: cue.start, modifier: false }, target]];
}
