/**
 * The state a new person, party or group most likely belongs to when the text does not
 * say outright: "President Yoweri Museveni has threatened to ban Ugandan opposition
 * candidates", "Judge Alejandro Rivera opened investigations against 28 Chilean officials",
 * "the rebel Kurdistan Workers' Party ... the Turkish government". The sentence must name
 * exactly one state, and name it as a home rather than as a counterpart: by a demonym
 * ("Ugandan"), as a place ("in Sudan", "to Kyrgyzstan"), or through a group of it. "President
 * Bush warned Iraq" names Iraq as the one warned, so it gives nothing.
 */
import type { ActorKind } from '../model';
import type { Mention } from './types';
import type { Gazetteer } from './gazetteer';
import { rollUp } from './gazetteer';
import { foldTerm } from './fold';
import { stateOfCity } from './world-cities';

/** Organisations whose name says they are a domestic body: parties, fronts, unions. */
const DOMESTIC_BODY = /\b(?:Party|Front|Movement|Union|Congress|League|Brigades?|Rebels?|Army)\b/;

/** The sentence around `at`, roughly: from the last sentence end before it to the next. */
/** A sentence's end: a stop before a capital, a quote or the text's end ("the U.S. embassy" goes on), or a line break. */
const SENTENCE_END = /[.!?]["'”’)]*(?=\s+[\p{Lu}"“‘'(\d]|\s*$)|\n/gu;

export function sentenceOf(text: string, at: number): [number, number] {
  let start = 0;
  let end = text.length;
  SENTENCE_END.lastIndex = 0;
  for (let m = SENTENCE_END.exec(text); m; m = SENTENCE_END.exec(text)) {
    if (m.index < at) start = m.index + m[0].length;
    else {
      end = m.index;
      break;
    }
  }
  return [start, end];
}

const TITLE_AFTER = /^ (?:[a-z-]+ ){0,2}?(?:minister|president|premier|secretary|ambassador|envoy|leader|chancellor|king|spokes(?:man|woman|person)|official|general|commander|chief)\b/;

export function domesticState(text: string, folded: string, label: string, kind: ActorKind, at: number, mentions: Mention[], gz: Gazetteer, self: string): string | null {
  if (kind !== 'person' && kind !== 'group' && !(kind === 'organisation' && DOMESTIC_BODY.test(label))) return null;
  const [from, to] = sentenceOf(text, at);
  const states = new Map<string, boolean>();
  for (const m of mentions) {
    if (m.start < from || m.end > to || m.actorId === self) continue;
    // "met Indian Foreign Minister Jaishankar": a demonym on another person's title is that person's, not the sentence's
    if (m.via === 'demonym' && TITLE_AFTER.test(folded.slice(m.end, m.end + 40))) continue;
    const actor = gz.actors.get(m.actorId);
    const state = rollUp(gz, m.actorId);
    if (gz.actors.get(state)?.kind !== 'state') continue;
    const home = m.via === 'demonym' || (actor?.kind === 'group' && actor.affiliation === state) || /\b(?:in|to|across|throughout)\s+(?:the\s+)?$/.test(folded.slice(Math.max(0, m.start - 12), m.start));
    states.set(state, (states.get(state) ?? false) || home);
  }
  if (states.size !== 1) return null;
  const [[state, home]] = [...states];
  return home ? state : null;
}

/** The state a major city lies in ("Mombasa" → Kenya), as the gazetteer knows it, or null. */
export function stateOfPlace(label: string, gz: Gazetteer): string | null {
  const code = stateOfCity(foldTerm(label));
  if (!code) return null;
  for (const actor of gz.actors.values()) if (actor.kind === 'state' && actor.code === code) return actor.id;
  return null;
}
