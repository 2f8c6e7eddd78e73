/**
 * The source workbench's assistant: from a text and the dataset, proposes
 * mentions, new actors and candidate relations, each with its verbatim quote.
 * Pure and deterministic: the same text, dataset and options give the same
 * result, in the browser and in Node.
 *
 * Steps: find titles and the people they name (new actors), match the gazetteer,
 * fold mentions into actor units (units.ts), then for each relation cue in a
 * sentence take the subject and object lists around it (pairs.ts) and fan them
 * out into candidates (cue-relations.ts); titles and phrase shapes add standing
 * relations (title-relations.ts, structural.ts).
 */
import type { Dataset } from '../model';
import type { Candidate, ExtractOptions, Extraction, Mention, NewActor } from './types';
import { foldText } from './fold';
import { addSurname, addTextActor, buildGazetteer, copyGazetteer, findMentions, lookupExact, takesPart, type Gazetteer } from './gazetteer';
import { splitSentences } from './sentences';
import { findTitles, type TitleMatch } from './titles';
import { buildUnits } from './units';
import { cueRelations } from './cue-relations';
import { structuralRelations } from './structural';
import { titleRelations } from './title-relations';
import { summitVisits } from './summits';
import type { TextContext } from './context';

const gazetteers = new WeakMap<object, Gazetteer>();

function gazetteerFor(dataset: Dataset): Gazetteer {
  let gazetteer = gazetteers.get(dataset.actors);
  if (!gazetteer) gazetteers.set(dataset.actors, (gazetteer = buildGazetteer(dataset)));
  return gazetteer;
}

/** People named after a title, so later bare surnames resolve to them; the shared gazetteer is copied only then. */
function withTitledPeople(shared: Gazetteer, titles: TitleMatch[]): Gazetteer {
  let gazetteer = shared;
  for (const title of titles) {
    for (const name of title.names) {
      if (lookupExact(gazetteer, name.text) || !name.text.includes(' ')) continue;
      if (gazetteer === shared) gazetteer = copyGazetteer(shared);
      addTextActor(gazetteer, name.text, 'person', null);
    }
  }
  return gazetteer;
}

/** Actors proposed from the text (new-actors.ts) or accepted in review take part like any other. */
function withExtraActors(gazetteer: Gazetteer, shared: Gazetteer, extras: readonly NewActor[]): Gazetteer {
  for (const extra of extras) {
    const known = lookupExact(gazetteer, extra.label);
    const titled = known && gazetteer !== shared ? gazetteer.actors.get(known) : undefined;
    // a person withTitledPeople added knows no affiliation yet; the proposal may ("President X ... Ugandan opposition")
    if (titled?.isNew && !titled.affiliation && extra.affiliation) gazetteer.actors.set(known!, { ...titled, affiliation: extra.affiliation });
    if (known) continue;
    if (gazetteer === shared) gazetteer = copyGazetteer(shared);
    addTextActor(gazetteer, extra.label, extra.kind, extra.affiliation);
  }
  return gazetteer;
}

/** One candidate per relation: the first (and so the best-quoted) of equal keys. */
function dedupe(candidates: Candidate[], types: TextContext['types']): Candidate[] {
  const used = new Set<string>();
  const result: Candidate[] = [];
  for (const candidate of candidates) {
    const directed = types.get(candidate.type)?.directed ?? true;
    const [a, b] = directed ? [candidate.subject, candidate.object] : [candidate.subject, candidate.object].sort();
    const key = `${a}|${b}|${candidate.type}|${candidate.date}|${candidate.modality}`;
    if (used.has(key)) continue;
    used.add(key);
    if (!directed) [candidate.subject, candidate.object] = [a, b];
    candidate.id = `c${result.length + 1}-${candidate.type}-${candidate.quoteStart}`;
    result.push(candidate);
  }
  return result;
}

function newActorsOf(gazetteer: Gazetteer, mentions: Mention[], candidates: Candidate[]): NewActor[] {
  const mentioned = new Set<string>([...mentions.map((m) => m.actorId), ...candidates.flatMap((c) => [c.subject, c.object])]);
  const newActors: NewActor[] = [];
  for (const id of [...mentioned].sort()) {
    const actor = gazetteer.actors.get(id);
    if (actor?.isNew) newActors.push({ id: actor.id, label: actor.label, kind: actor.kind, affiliation: actor.affiliation });
  }
  return newActors;
}

/** The mentions, once more when people named in full there may then be named by surname alone (gazetteer.ts addSurname). */
function withSurnames(text: string, folded: string, shared: Gazetteer, ctx: TextContext): Mention[] {
  const first = findMentions(text, folded, ctx.gazetteer);
  const people = [...new Set(first.filter((m) => /\s/.test(m.text.trim())).map((m) => m.actorId))];
  if (!people.length) return first;
  const gazetteer = ctx.gazetteer === shared ? copyGazetteer(shared) : ctx.gazetteer;
  if (!people.map((id) => addSurname(gazetteer, id, text)).some(Boolean)) return first;
  ctx.gazetteer = gazetteer;
  return findMentions(text, folded, gazetteer);
}

export function extractCandidates(text: string, dataset: Dataset, options: ExtractOptions & { extraActors?: readonly NewActor[] }): Extraction {
  const folded = foldText(text);
  const titles = findTitles(text, folded);
  const shared = gazetteerFor(dataset);
  const types = new Map(dataset.types.map((type) => [type.id, type]));
  const ctx: TextContext = { text, folded, gazetteer: withExtraActors(withTitledPeople(shared, titles), shared, options.extraActors ?? []), types, knownTypes: new Set(types.keys()), published: options.published };
  const mentions = withSurnames(text, folded, shared, ctx);
  const gazetteer = ctx.gazetteer;
  const sentences = splitSentences(text);
  const units = buildUnits(text, folded, mentions.filter((m) => takesPart(gazetteer, m)), titles, gazetteer);
  const candidates = [
    ...titleRelations(text, folded, titles, mentions, gazetteer, ctx.knownTypes, options.published, sentences),
    ...cueRelations(ctx, sentences, units),
    ...structuralRelations(text, folded, mentions, units, gazetteer, sentences, ctx.knownTypes, options.published),
    ...summitVisits(ctx, mentions, sentences),
  ];
  const result = dedupe(candidates, types);
  return { mentions, newActors: newActorsOf(gazetteer, mentions, result), candidates: result };
}
