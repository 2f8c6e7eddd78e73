/** The pairs of a deed written as a noun ("an attack by X on Y"), its doer after "by". */
import type { CueMatch } from './cues';
import type { List } from './units';
import { Pairs, type Pair } from './pair-set';

/** "an attack by Serbian forces on Kosovo", "the expulsion by X of Y's diplomats": a noun's doer after "by", its target after the preposition. */
export function nominalPairs(cue: CueMatch, after: List[], folded: string): Pair[] | null {
  const targetFirst = nominalTargetFirst(cue, after, folded);
  if (targetFirst) return targetFirst;
  const [by, target] = after;
  const gapToBy = folded.slice(cue.end, by?.[0].start ?? cue.end);
  if (!by || !(/^ (?:[a-z-]+ )?by (?:the )?$/.test(gapToBy) || (/ by$/.test(cue.text) && /^ (?:the )?$/.test(gapToBy)))) return null;
  // "decried the shelling by Azerbaijan": the noun's doer is Azerbaijan, and with no target named there is no pair, least of all the subject
  if (!target) return /\b(?:the|a|an|its|their|this|that|recent|latest|continued)(?: [a-z-]+)? $/.test(folded.slice(Math.max(0, cue.start - 20), cue.start)) ? [] : null;
  if (!/^ (?:[a-z-]+ ){0,2}?(?:on|against|of|into|at|in|to|with) (?:the |its |their )?(?:[a-z-]+ )?$/.test(folded.slice(by[by.length - 1].end, target[0].start))) return null;
  return new Pairs().cross(by, target);
}

/** "condemned the attacks on Armenian villages by Azerbaijan": the target named first, the doer after "by". */
function nominalTargetFirst(cue: CueMatch, after: List[], folded: string): Pair[] | null {
  const [target, by] = after;
  if (!target || !by) return null;
  const toTarget = folded.slice(cue.end, target[0].start);
  const onTarget = / (?:on|against|into)$/.test(cue.text) ? /^ (?:the |its |their )?(?:[a-z-]+ )?$/.test(toTarget) : /^ (?:on|against|into) (?:the |its |their )?(?:[a-z-]+ )?$/.test(toTarget);
  if (!onTarget || !/^(?: [a-z-]+){0,3} by (?:the )?$/.test(folded.slice(target[target.length - 1].end, by[0].start))) return null;
  return new Pairs().cross(by, target);
}
