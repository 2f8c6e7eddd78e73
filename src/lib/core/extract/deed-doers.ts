/**
 * "Georgia condemned the attacks on Armenian villages by Azerbaijani troops": the one condemned
 * for a deed is its doer, named after "by", not the deed's target that happens to follow the verb.
 */
import type { CueMatch } from './cues';
import type { Pair } from './pairs';

/** Deeds whose doer a condemnation or accusation names through the noun ("the shelling by X"). */
const DEEDS = new Set(['attack', 'coercion', 'blockade']);

/** The accusation's pairs re-aimed at the doers of the nominal deed right after its verb, when that deed names them after it. */
export function accusedDoers(cue: CueMatch, next: CueMatch | undefined, pairs: Pair[], deedPairs: Pair[], folded: string): Pair[] {
  if (cue.type !== 'accusation' || !next || !DEEDS.has(next.type) || !pairs.length) return pairs;
  if (!/^ (?:the |a |an |these |those |its |their )?(?:recent |latest |continued |renewed |deadly |repeated )?$/.test(folded.slice(cue.end, next.start))) return pairs;
  const doers = deedPairs.map(([s]) => s).filter((s, i, all) => s.start >= next.end && /\bby\b/.test(folded.slice(next.end, s.start)) && all.findIndex((o) => o.actorId === s.actorId) === i);
  if (!doers.length) return pairs;
  const subjects = pairs.map(([s]) => s).filter((s, i, all) => all.findIndex((o) => o.actorId === s.actorId) === i);
  return subjects.flatMap((s) => doers.filter((d) => d.actorId !== s.actorId).map((d) => [s, d] as Pair));
}
