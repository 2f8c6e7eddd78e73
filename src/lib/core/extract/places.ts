/** Where and about what, not who: actors named as a place, a venue or a topic. */
import type { List } from './units';

/** "a summit in Kinshasa", "talks at Camp David": where a meeting is held names no party to it. */
export function isVenue(list: List, folded: string): boolean {
  return isPlacePhrase(list, folded) && /\b(?:in|at) (?:the )?$/.test(folded.slice(Math.max(0, list[0].start - 8), list[0].start));
}

/** "in Moscow", "to Cairo": one actor after a preposition of place, naming where. */
export function isPlacePhrase(list: List, folded: string): boolean {
  return list.length === 1 && !list[0].modifier && /\b(?:in|at|to|from|into|near|outside|inside|toward|towards|across|via|through) (?:the )?$/.test(folded.slice(Math.max(0, list[0].start - 12), list[0].start)) && !/^'s\b/.test(folded.slice(list[0].end, list[0].end + 2));
}

/** "talks on Syria", "discussed the situation in Syria": the subject of talks, after a preposition of topic. */
export function isTopic(list: List, folded: string): boolean {
  return /\b(?:on|about|over|regarding|concerning|situation in|crisis in|war in|conflict in)(?: the)?(?: [a-z-]+)? $/.test(folded.slice(Math.max(0, list[0].start - 30), list[0].start));
}

/** "on the Thai border": a demonym naming where, not whom. */
export function isLocative(list: List, folded: string): boolean {
  const first = list[0];
  // "deploying troops along its borders with Israel": the state a border is shared with says where
  if (/\b(?:border|borders|frontier|frontiers|boundary) with (?:the )?$/.test(folded.slice(Math.max(0, first.start - 30), first.start))) return true;
  return first.modifier && /\b(?:on|near|along|across|at|from|to) the (?:[a-z-]+ )?$/.test(folded.slice(Math.max(0, first.start - 30), first.start)) && /^ (?:border|frontier|coast|side|shore)s?\b/.test(folded.slice(first.end, first.end + 12));
}
