/**
 * One candidate from a cue and its two units: type, date, modality, quote and confidence.
 */
import type { Candidate, CandidateFlag } from './types';
import type { TextContext } from './context';
import type { Sentence } from './sentences';
import type { DateMention } from './dates';
import type { CueMatch } from './cues';
import { modalityOf } from './modality';
import { selectQuote } from './quotes';
import type { Unit } from './units';

/** Words that make a brokered cue an agreement between the parties brokered for. */
export const AGREEMENT_NOUN = /\b(?:agreement|truce|deal|accord|ceasefire|cease-fire|armistice|treaty)\b/;

/** Where the cue's date comes from: the sentence's dates, and the paragraph's last date when the sentence has none. */
export interface DateContext {
  dates: DateMention[];
  inherited: DateMention | null;
}

/** A relative or subordinate clause between a date and the cue ("..., where fighting has escalated in recent days") dates something else. */
const CLAUSE_BOUNDARY = /;|, (?:where|which|when|while|whereas|who|after|before|since|as)\b| but |\. /;

function sameClause(folded: string, date: DateMention, cue: CueMatch): boolean {
  const between = date.end <= cue.start ? folded.slice(date.end, cue.start) : folded.slice(cue.end, date.start);
  return !CLAUSE_BOUNDARY.test(between);
}

/** The event's own date: a date that scopes what follows it, else the one nearest the cue, else the paragraph's, else publication. */
function eventDate(folded: string, cue: CueMatch, { dates, inherited }: DateContext, temporal: string, published: string): { date: string; guessed: boolean } {
  const scoped = dates.filter((d) => d.scope === 'after' && d.end <= cue.start);
  if (scoped.length) return { date: scoped[scoped.length - 1].value, guessed: false };
  // "accused Pakistan of sheltering militants behind last month's attack": a possessive date after the cue dates the deed it names, not the cue
  const plain = dates.filter((d) => d.scope === 'sentence' && sameClause(folded, d, cue) && !(d.start >= cue.end && /^['’]s\b/.test(folded.slice(d.end, d.end + 3))));
  if (plain.length) {
    const nearest = [...plain].sort((a, b) => Math.abs(a.start - cue.start) - Math.abs(b.start - cue.start))[0];
    return { date: nearest.value, guessed: false };
  }
  if (inherited && temporal === 'event') return { date: inherited.value, guessed: false };
  return { date: published, guessed: temporal === 'event' };
}

function confidenceOf(cue: CueMatch, subject: Unit, object: Unit, asserted: boolean, isNew: boolean): number {
  const distance = Math.abs(cue.start - subject.end) + Math.abs(object.start - cue.end);
  let confidence = cue.rule.weight - Math.min(0.3, distance / 400);
  if (!asserted) confidence -= 0.15;
  if (isNew) confidence -= 0.05;
  return Math.max(0.05, Math.min(0.99, Math.round(confidence * 100) / 100));
}

export function buildCandidate(ctx: TextContext, sentence: Sentence, cue: CueMatch, subject: Unit, object: Unit, when: DateContext, statement: string): Candidate | null {
  const { text, folded, gazetteer } = ctx;
  const type = ctx.types.get(cue.type);
  if (!type) return null;
  const clauseStart = Math.min(subject.start, object.start, cue.start);
  const mod = modalityOf(folded.slice(Math.max(sentence.start, clauseStart - 10), cue.start), folded.slice(cue.end, sentence.end), folded.slice(sentence.start, sentence.end));
  const flags: CandidateFlag[] = [...mod.flags];
  const { date, guessed } = eventDate(folded, cue, when, type.temporal, ctx.published);
  if (guessed) flags.push('date-guessed');
  const isNew = !!(gazetteer.actors.get(subject.actorId)?.isNew || gazetteer.actors.get(object.actorId)?.isNew);
  if (isNew) flags.push('new-actor');
  const quote = selectQuote(text, sentence, [cue, { start: subject.headStart, end: subject.headEnd }, { start: object.headStart, end: object.headEnd }]);
  return {
    id: '',
    subject: subject.actorId,
    object: object.actorId,
    type: type.id,
    date,
    endDate: '',
    quote: quote.quote,
    quoteStart: quote.start,
    quoteEnd: quote.end,
    confidence: confidenceOf(cue, subject, object, mod.modality === 'asserted', isNew),
    cue: text.slice(cue.start, cue.end),
    statement,
    modality: mod.modality,
    flags: [...new Set(flags)],
  };
}
