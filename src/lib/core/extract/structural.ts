/**
 * Relations read off the shape of a phrase rather than a verb.
 */
import type { Candidate, Mention } from './types';
import { lookupExact, type Gazetteer } from './gazetteer';
import type { Sentence } from './sentences';
import { selectQuote } from './quotes';
import type { Unit } from './units';

const ORG_NOUN = /^ (?:(?:military|defen[cs]e|security|political|economic|regional) )?(?:alliance|bloc|coalition|organi[sz]ation|union|grouping|pact)\b/;

/**
 * Relations read off the shape of a phrase rather than a verb: "a Russian-led bloc" and
 * "an alliance led by Russia" (leadership), "Armenia's southern Syunik province" (territory).
 */
export function structuralRelations(
  text: string,
  folded: string,
  mentions: Mention[],
  units: Unit[],
  gazetteer: Gazetteer,
  sentences: Sentence[],
  knownTypes: Set<string>,
  published: string,
): Candidate[] {
  const out: Candidate[] = [];
  const kindOf = (id: string) => gazetteer.actors.get(id)?.kind;
  const organisations = new Map<string, number>();
  for (const m of mentions) if (kindOf(m.actorId) === 'organisation' && !gazetteer.actors.get(m.actorId)?.affiliation) organisations.set(m.actorId, (organisations.get(m.actorId) ?? 0) + 1);
  const mainOrganisation = [...organisations.entries()].sort((a, b) => b[1] - a[1])[0]?.[0] ?? null;
  const sentenceAt = (at: number) => sentences.find((x) => x.start <= at && at < x.end);
  const push = (type: string, subject: string, object: string, start: number, end: number, cue: string, confidence: number) => {
    const sentence = sentenceAt(start);
    if (!sentence || !knownTypes.has(type) || subject === object) return;
    const quote = selectQuote(text, sentence, [{ start, end }]);
    out.push({ id: '', subject, object, type, date: published, endDate: '', quote: quote.quote, quoteStart: quote.start, quoteEnd: quote.end, confidence, cue, statement: '', modality: 'asserted', flags: gazetteer.actors.get(subject)?.isNew || gazetteer.actors.get(object)?.isNew ? ['new-actor'] : [] });
  };
  if (knownTypes.has('leadership')) {
    const led = /\b([a-z]+)-led\b/g;
    for (let m = led.exec(folded); m; m = led.exec(folded)) {
      const leader = lookupExact(gazetteer, m[1]);
      if (!leader || kindOf(leader) !== 'state') continue;
      const end = m.index + m[0].length;
      const holder = mentions.find((x) => x.start <= m!.index && m!.index < x.end && kindOf(x.actorId) === 'organisation');
      const next = mentions.find((x) => x.start >= end && x.start - end <= 40 && kindOf(x.actorId) === 'organisation');
      const organisation = holder?.actorId ?? next?.actorId ?? (ORG_NOUN.test(folded.slice(end, end + 40)) ? mainOrganisation : null);
      if (organisation) push('leadership', leader, organisation, m.index, end + (ORG_NOUN.exec(folded.slice(end, end + 40))?.[0].length ?? 0), text.slice(m.index, end), 0.7);
    }
    const ledBy = /\b(alliance|bloc|coalition|organi[sz]ation|union|grouping|pact) led by /g;
    for (let m = ledBy.exec(folded); m; m = ledBy.exec(folded)) {
      const end = m.index + m[0].length;
      const leader = mentions.find((x) => x.start === end);
      if (!leader) continue;
      const before = mentions.filter((x) => x.end <= m!.index && m!.index - x.end <= 30 && kindOf(x.actorId) === 'organisation');
      const organisation = before[before.length - 1]?.actorId ?? mainOrganisation;
      if (organisation) push('leadership', leader.actorId, organisation, m.index, leader.end, 'led by', 0.7);
    }
  }
  if (knownTypes.has('territory')) {
    for (let i = 0; i + 1 < units.length; i++) {
      const state = units[i];
      const region = units[i + 1];
      if (kindOf(state.actorId) !== 'state' || kindOf(region.actorId) !== 'region') continue;
      if (!/^'s (?:[a-z-]+ ){0,2}$/.test(folded.slice(state.end, region.start))) continue;
      push('territory', state.actorId, region.actorId, state.start, region.end + (/^ (?:province|region|exclave|enclave|district|oblast|governorate|territory|state)\b/.exec(folded.slice(region.end, region.end + 14))?.[0].length ?? 0), "'s", 0.65);
    }
  }
  return out;
}
