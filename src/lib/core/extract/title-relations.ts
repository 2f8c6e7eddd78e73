/**
 * Leadership and office from titles: "Prime Minister Nikol Pashinyan", "Russian Foreign
 * Minister Sergei Lavrov", "Armenia's ambassador to the CSTO".
 */
import type { Candidate, Mention } from './types';
import type { Gazetteer } from './gazetteer';
import type { Sentence } from './sentences';
import type { TitleMatch } from './titles';
import { selectQuote } from './quotes';

export function titleRelations(
  text: string,
  folded: string,
  titles: TitleMatch[],
  mentions: Mention[],
  gazetteer: Gazetteer,
  knownTypes: Set<string>,
  published: string,
  sentences: Sentence[],
): Candidate[] {
  const out: Candidate[] = [];
  const mentionAt = new Map(mentions.map((m) => [m.start, m]));
  for (const title of titles) {
    const type = title.role;
    if (!knownTypes.has(type)) continue;
    // "former president Uhuru Kenyatta": the post is no longer held, so it is no standing relation (the affiliation stays, new-actors.ts)
    if (/^former /.test(folded.slice(title.start, title.end))) continue;
    // whom the office is held in: "to the CSTO", a name or demonym just before ("Russian", "CSTO", "Armenia's")
    let affiliation: string | null = null;
    let affStart = title.start;
    if (title.ofStart >= 0) {
      const m = mentions.find((x) => x.start >= title.ofStart && x.end <= title.ofEnd);
      if (m) affiliation = m.actorId;
    }
    if (!affiliation) {
      const before = mentions.filter((m) => m.end <= title.start && title.start - m.end <= 3 && /^(?:'s)? ?$/.test(folded.slice(m.end, title.start)));
      const within = mentions.find((m) => m.start >= title.start && m.end <= title.end);
      const m = before[before.length - 1] ?? within;
      if (m) {
        affiliation = m.actorId;
        affStart = Math.min(affStart, m.start);
      }
    }
    const statement = title.names.length > 1 ? `t${title.start}` : '';
    for (const name of title.names) {
      const mention = mentionAt.get(name.start);
      if (!mention) continue;
      const person = gazetteer.actors.get(mention.actorId);
      if (!person || person.kind !== 'person') continue;
      let target = affiliation;
      if (!target) target = person.affiliation;
      if (!target || target === person.id) continue;
      if (person.isNew && !person.affiliation) person.affiliation = affiliation;
      const sentence = sentences.find((s) => s.start <= name.start && name.start < s.end)!;
      const quote = selectQuote(text, sentence, [{ start: affStart, end: name.end }, { start: title.start, end: name.end }]);
      out.push({
        id: '',
        subject: person.id,
        object: target,
        type,
        date: published,
        endDate: '',
        quote: quote.quote,
        quoteStart: quote.start,
        quoteEnd: quote.end,
        confidence: affiliation ? 0.85 : 0.7,
        cue: text.slice(title.start, title.end),
        statement,
        modality: 'asserted',
        flags: person.isNew ? ['new-actor'] : [],
      });
    }
  }
  return out;
}