/**
 * Actor units: one or more mentions read as one actor taking part in a relation
 * ("Azerbaijani President Ilham Aliyev" is the person; "Azerbaijani troops" the state),
 * and lists of units joined by commas and "and" ("Armenia, Russia and Belarus").
 */
import type { Mention } from './types';
import type { Gazetteer } from './gazetteer';
import type { TitleMatch } from './titles';

/** An actor as it takes part in a relation: one or more mentions read as one. */
export interface Unit {
  start: number;
  end: number;
  actorId: string;
  /** Where the head mention is; quotes keep at least it. */
  headStart: number;
  headEnd: number;
  /** A bare demonym before a noun that is not an actor ("Armenian territory"). */
  modifier: boolean;
}

export type List = Unit[];

/** Nouns that, after a demonym, stand for the state itself. */
const STATE_NOUNS = /^ (?:troops|forces|soldiers|military|army|armed forces|army units|units|servicemen|side|government|authorities|officials|leadership|diplomats|border guards|police|navy|air force|warplanes|jets|helicopters|helicopter gunships|gunships|bombers|tanks|warships|gunboats|artillery|drones|gunmen|militants|fighters|leaders?|state|delegation|parliament|foreign ministry|defen[cs]e ministry|ministry|embass(?:y|ies)|consulates?|envoys?|ambassadors?|spokes(?:man|woman|person)|representatives|negotiators|peacekeepers)\b/;
const LIST_GLUE = /^(?:,|, and|and|or|, or|along with|, along with|as well as|, as well as|together with|&|and with|, with)(?: the)?$/;
export function buildUnits(text: string, folded: string, mentions: Mention[], titles: TitleMatch[], gazetteer: Gazetteer): Unit[] {
  const units: Unit[] = [];
  const titleBefore = new Map<number, TitleMatch>();
  for (const title of titles) for (const name of title.names) titleBefore.set(name.start, title);
  for (let i = 0; i < mentions.length; i++) {
    const mention = mentions[i];
    // "an anti-Syria journalist", "pro-Russian separatists": someone for or against the actor, not the actor;
    // "ex-Soviet allies", "post-Soviet states", "non-NATO members": what they were or are not, not the actor
    if (/\b(?:anti|pro|ex|post|non)-$/.test(folded.slice(Math.max(0, mention.start - 5), mention.start))) continue;
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
      } else unit.modifier = !isPeopleNoun(mention.text);
    }
    // a title before a known person: keep the title in the unit's span for quotes
    const title = titleBefore.get(mention.start);
    if (title && gazetteer.actors.get(mention.actorId)?.kind === 'person') {
      unit.start = Math.min(unit.start, title.start);
      // "U.S. Vice President Dick Cheney", "Russia's Foreign Minister X": the state before the title says whose
      // the person is, and is no second actor listed beside them
      const owner = units[units.length - 1];
      const ownerKind = owner && gazetteer.actors.get(owner.actorId)?.kind;
      if (owner && owner.end <= title.start && /^(?:'s)? ?$/.test(folded.slice(owner.end, title.start)) && (ownerKind === 'state' || ownerKind === 'organisation')) {
        units[units.length - 1] = { ...unit, start: owner.start };
        continue;
      }
    }
    units.push(unit);
  }
  return units;
}

/** "Palestinians", "Iraqis", "Afghans": a plural demonym names the people, a noun that acts, not a modifier ("Swiss", "Japanese" are both). */
function isPeopleNoun(text: string): boolean {
  return /[^s]s$/.test(text) && !/(?:ss|ese)$/.test(text.toLowerCase());
}

export function groupLists(folded: string, units: Unit[]): List[] {
  const lists: List[] = [];
  for (const unit of units) {
    const last = lists[lists.length - 1];
    if (last) {
      const prev = last[last.length - 1];
      const raw = folded.slice(prev.end, unit.start);
      const glue = raw.trim();
      // one reference read as several actors ("they", "the two leaders") shares one span
      const shared = prev.start === unit.start && prev.end === unit.end;
      if (shared || (prev.end <= unit.start && (LIST_GLUE.test(glue) || raw === '-' || glue === ''))) {
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
