/**
 * Relative clauses on an actor, which name a cue's subject or object away from the verb:
 * "Syria, which accused Israel ..." and "Syria, which Israel accused ...".
 */
import type { CueMatch } from './cues';
import type { Sentence } from './sentences';
import type { List } from './units';

/** Words that may stand between a relative pronoun or its clause's subject and the verb. */
const RELATIVE_FILLER = '(?: (?:has|have|had|also|again|repeatedly|recently|previously|earlier|long|last [a-z]+|on [a-z]+day|itself|themselves))*';
const SUBJECT_RELATIVE = new RegExp(`^, (?:which|who|that)${RELATIVE_FILLER} $`);
const OBJECT_RELATIVE = /^, (?:which|whom|who|that) (?:the )?$/;
const AFTER_RELATIVE_SUBJECT = new RegExp(`^${RELATIVE_FILLER} $`);

/**
 * A cue inside a relative clause on an actor: "Syria, which accused Israel of ..." has Syria as its
 * subject; "Syria, which Israel accused of ..." has Israel as subject and the antecedent Syria as its
 * object. `clauseEnd` is where the relative clause can end at the earliest (its object is before it).
 */
export function relativeClause(cue: CueMatch, lists: List[], folded: string, sentence: Sentence): { subject: List; object: List | null; clauseEnd: number } | null {
  if (cue.rule.frame !== 'directed' && cue.rule.frame !== 'symmetric') return null;
  const before = lists.filter((list) => list[0].start >= sentence.start && list[list.length - 1].end <= cue.start);
  const last = before[before.length - 1];
  if (!last) return null;
  const clauseEnd = (/[,;]/.exec(folded.slice(cue.end, sentence.end))?.index ?? sentence.end - cue.end) + cue.end;
  // "Sharon, who has vowed not to return the Golan Heights to Syria": an intention told of the antecedent describes
  // them; what it names after the infinitive is the deed's, not a party promised anything
  if (SUBJECT_RELATIVE.test(folded.slice(last[last.length - 1].end, cue.start))) return cue.type === 'commitment' ? null : { subject: last, object: null, clauseEnd };
  const antecedent = before[before.length - 2];
  if (cue.passive || !antecedent || !AFTER_RELATIVE_SUBJECT.test(folded.slice(last[last.length - 1].end, cue.start))) return null;
  if (!OBJECT_RELATIVE.test(folded.slice(antecedent[antecedent.length - 1].end, last[0].start))) return null;
  return { subject: last, object: antecedent, clauseEnd };
}
