/**
 * Visits read off a summit's place: "a CSTO summit in Yerevan", "a summit held in
 * Yerevan of this military alliance" is the organisation visiting the host state
 * (the `visit` type: visitor → host, including attending a summit the object hosts).
 */
import type { Candidate, Mention } from './types';
import type { Sentence } from './sentences';
import { findDates } from './dates';
import { rollUp } from './gazetteer';
import { selectQuote } from './quotes';
import type { TextContext } from './context';

const SUMMIT = /\bsummit (?:(?:was |being )?(?:held|hosted|taking place|opened|started|began) )?in /g;
const OWNER_AFTER = /^(?:[^.;,]{0,20}? )?of (?:the |this |that )?(?:(?:military|defen[cs]e|security|regional|political) )?(?:alliance|bloc|organi[sz]ation|grouping|union)\b/;

function organisationOf(ctx: TextContext, mentions: Mention[], start: number, placeEnd: number): string | null {
  const isOrganisation = (m: Mention) => ctx.gazetteer.actors.get(m.actorId)?.kind === 'organisation';
  const glued = mentions.find((m) => isOrganisation(m) && m.end <= start && /^(?:'s)? ?$/.test(ctx.folded.slice(m.end, start)));
  if (glued) return glued.actorId;
  const after = mentions.find((m) => isOrganisation(m) && m.start >= placeEnd && m.start - placeEnd <= 30 && /^ (?:of )?(?:the )?$/.test(ctx.folded.slice(placeEnd, m.start)));
  if (after) return after.actorId;
  if (!OWNER_AFTER.test(ctx.folded.slice(placeEnd, placeEnd + 80))) return null;
  // "of this military alliance": the organisation the text names last before
  const before = mentions.filter((m) => isOrganisation(m) && m.end <= start);
  return before.length ? before[before.length - 1].actorId : null;
}

export function summitVisits(ctx: TextContext, mentions: Mention[], sentences: Sentence[]): Candidate[] {
  if (!ctx.knownTypes.has('visit')) return [];
  const out: Candidate[] = [];
  SUMMIT.lastIndex = 0;
  for (let m = SUMMIT.exec(ctx.folded); m; m = SUMMIT.exec(ctx.folded)) {
    const end = m.index + m[0].length;
    const place = mentions.find((x) => x.start === end);
    const sentence = sentences.find((s) => s.start <= m!.index && m!.index < s.end);
    if (!place || !sentence) continue;
    const host = rollUp(ctx.gazetteer, place.actorId);
    const visitor = organisationOf(ctx, mentions, m.index, place.end);
    if (!visitor || ctx.gazetteer.actors.get(host)?.kind !== 'state' || visitor === host) continue;
    const dates = findDates(ctx.text, sentence.start, sentence.end, ctx.published).filter((d) => d.scope === 'sentence');
    const nearest = [...dates].sort((a, b) => Math.abs(a.start - m!.index) - Math.abs(b.start - m!.index))[0];
    const quote = selectQuote(ctx.text, sentence, [{ start: m.index, end: place.end }]);
    const isNew = ctx.gazetteer.actors.get(visitor)?.isNew || ctx.gazetteer.actors.get(host)?.isNew;
    out.push({
      id: '', subject: visitor, object: host, type: 'visit', date: nearest?.value ?? ctx.published, endDate: '',
      quote: quote.quote, quoteStart: quote.start, quoteEnd: quote.end, confidence: 0.6, cue: ctx.text.slice(m.index, end).trim(),
      statement: '', modality: 'asserted', flags: [...(nearest ? [] : (['date-guessed'] as const)), ...(isNew ? (['new-actor'] as const) : [])],
    });
  }
  return out;
}
