/**
 * Whether a cue is asserted by the text, or only reported, negated or
 * conditional. Looked for in the words of the cue's clause: a negation just
 * before the cue ("did not accuse", "has never criticised"), a hedge of
 * reported speech anywhere in the sentence ("reportedly", "according to",
 * "allegedly"), a condition or a modal ("if need be", "could", "would").
 */
import type { Candidate, CandidateFlag } from './types';

export interface ModalityResult {
  modality: Candidate['modality'];
  flags: CandidateFlag[];
}

// "denied the charge, blaming Y": a denial's reach ends at the comma, where a participle starts its own act
const NEGATION = /\b(?:(?:not|n't|never|no longer|neither|nor|without|refrained from|stopped short of)\b[^.;]{0,25}|(?:denied|denies|deny)\b[^.;,]{0,25})$/;
const REPORTED = /\b(reportedly|allegedly|purportedly|according to|is said to|are said to|was said to|were said to|claimed|claims|claim that|unconfirmed|rumou?red|sources said|it was reported|reports said|media reported)\b/;
const CONDITIONAL = /\b(if|unless|in case|should the|provided that|if need be|would|could|might|may|ready to|prepared to|threatened to|in the event)\b/;

/** For a threat, "would" and "will" announce what is threatened ("said it would retaliate"); only doubt or a condition hedges it. */
const THREAT_HEDGE = /\b(if|unless|in case|should the|provided that|if need be|could|might|may|in the event)\b/;
const CONDITION = /\b(if|unless|in case|provided that|in the event)\b/;
/** A coordinated clause's start: ", and", " and <verb>ed", " but", " while". */
const COORDINATION = /,? and (?=[a-z]+(?:ed|s)\b|said|warned|told|met|sent|held|gave|made)|,? and (?:then |also |later )?$|, but\b| but\b| while\b| whereas\b|;/g;

function coordinationAt(text: string): number {
  COORDINATION.lastIndex = 0;
  const m = COORDINATION.exec(text);
  return m ? m.index : text.length;
}

function ownClauseBefore(before: string): string {
  COORDINATION.lastIndex = 0;
  let end = -1;
  for (let m = COORDINATION.exec(before); m; m = COORDINATION.exec(before)) end = m.index + m[0].length;
  return end < 0 ? before : before.slice(end);
}

/**
 * `before` is the folded text from the clause start to the cue, `sentence` the
 * whole folded sentence, `after` the clause after the cue.
 */
export function modalityOf(before: string, after: string, sentence: string, type = ''): ModalityResult {
  const flags: CandidateFlag[] = [];
  let modality: Candidate['modality'] = 'asserted';
  // "denied any role and warned that …", "called for a ceasefire and said it would …": a negation or a
  // modal of a coordinated clause is not this cue's
  const own = ownClauseBefore(before);
  if (NEGATION.test(own)) {
    modality = 'denied';
    flags.push('negated');
  }
  const rest = after.slice(0, 60);
  // "warned that it would respond": the modal after a threat is what is threatened, not a doubt about the threat;
  // a condition ("if", "unless") still makes it conditional
  const tail = own.slice(-40) + ' ' + (type === 'threat' ? '' : rest.slice(0, coordinationAt(rest)));
  if (modality === 'asserted' && ((type === 'threat' ? THREAT_HEDGE : CONDITIONAL).test(tail) || CONDITION.test(rest) || /\bif need be\b/.test(sentence))) {
    modality = 'conditional';
    flags.push('conditional');
  }
  if (REPORTED.test(sentence)) {
    if (modality === 'asserted') modality = 'reported';
    flags.push('reported');
  }
  return { modality, flags };
}
