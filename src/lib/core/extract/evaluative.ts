/**
 * Words that judge a deed while naming it. "The Azerbaijani aggression against Armenia", Pashinyan
 * said: calling a deed aggression accuses its doer, and it is the speaker who
 * accuses; the text does not assert the attack itself. Without a speaker in the sentence the
 * word stays the deed it names (a narrator's "external aggression" in a treaty's purpose).
 */
import type { CueMatch } from './cues';
import type { Sentence } from './sentences';
import type { Unit } from './units';
import { attributionSpans } from './clauses';

const EVALUATIVE = /^aggression\b/;
/** "what Yerevan regards as Azerbaijani aggression": the one who regards, calls or describes. */
const REGARDS_AS = /\b(?:regards?|regarded|calls?|called|describes?|described|terms?|termed|considers?|considered|sees|saw|brands?|branded)(?: it| this| them| what)? as (?:[a-z-]+ ){0,3}$/;
const SPEECH_AFTER = /^(?:,? (?:[a-z-]+ ){0,3}?)(?:said|says|told|stated|declared|added|noted|stressed|wrote)\b/;

export const isEvaluative = (cue: CueMatch): boolean => cue.type === 'attack' && EVALUATIVE.test(cue.text);

/** Who uses the judging word: the sentence's reporter, the one who "regards it as", or the subject of a verb of saying. */
export function speakerOf(folded: string, sentence: Sentence, units: Unit[], cue: CueMatch): Unit | null {
  for (const [a, b] of attributionSpans(folded, sentence)) {
    const reporter = units.find((u) => u.start >= a && u.end <= b);
    if (reporter) return reporter;
  }
  const regards = REGARDS_AS.exec(folded.slice(sentence.start, cue.start));
  if (regards) return units.filter((u) => u.end <= sentence.start + regards.index).pop() ?? null;
  return units.find((u) => (u.end <= cue.start || u.start >= cue.end) && SPEECH_AFTER.test(folded.slice(u.end, u.end + 50))) ?? null;
}
