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

const NEGATION = /\b(not|n't|never|no longer|neither|nor|without|denied|denies|deny|refrained from|stopped short of)\b[^.;]{0,25}$/;
const REPORTED = /\b(reportedly|allegedly|purportedly|according to|is said to|are said to|was said to|were said to|claimed|claims|claim that|unconfirmed|rumou?red|sources said|it was reported|reports said|media reported)\b/;
const CONDITIONAL = /\b(if|unless|in case|should the|provided that|if need be|would|could|might|may|ready to|prepared to|threatened to|in the event)\b/;

/**
 * `before` is the folded text from the clause start to the cue, `sentence` the
 * whole folded sentence, `after` the clause after the cue.
 */
export function modalityOf(before: string, after: string, sentence: string): ModalityResult {
  const flags: CandidateFlag[] = [];
  let modality: Candidate['modality'] = 'asserted';
  if (NEGATION.test(before)) {
    modality = 'denied';
    flags.push('negated');
  }
  const tail = before.slice(-40) + ' ' + after.slice(0, 60);
  if (modality === 'asserted' && (CONDITIONAL.test(tail) || /\bif need be\b/.test(sentence))) {
    modality = 'conditional';
    flags.push('conditional');
  }
  if (REPORTED.test(sentence)) {
    if (modality === 'asserted') modality = 'reported';
    flags.push('reported');
  }
  return { modality, flags };
}
