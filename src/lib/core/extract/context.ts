/**
 * What every step of one extraction reads: the text, its folded form, the
 * gazetteer (with this text's new people) and the dataset's relation types.
 */
import type { Dataset } from '../model';
import type { Gazetteer } from './gazetteer';

export interface TextContext {
  text: string;
  folded: string;
  gazetteer: Gazetteer;
  types: Map<string, Dataset['types'][number]>;
  knownTypes: Set<string>;
  published: string;
}

export const kindOf = (ctx: TextContext, actorId: string) => ctx.gazetteer.actors.get(actorId)?.kind;
