/**
 * The whole assistant, as the source workbench runs it in its worker and the CLI and
 * bench run it in Node: new actors proposed from the tagger's proper-noun runs
 * (new-actors.ts), then relation extraction that may name them. One function, so
 * `npm run extract` and `npm run bench:extract` score what the app proposes.
 */
import type { Dataset } from '../model';
import { extractCandidates } from './extract';
import type { Gazetteer } from './gazetteer';
import { proposeNewActors, type NewActorProposal, type Tagger } from './new-actors';
import type { Extraction } from './types';

export interface Assistance {
  proposals: NewActorProposal[];
  extraction: Extraction;
}

/** `gazetteer` is the dataset's (buildGazetteer), built once per dataset by the caller. */
export function assistSource(text: string, dataset: Dataset, gazetteer: Gazetteer, tagger: Tagger, published: string): Assistance {
  const proposals = proposeNewActors(text, gazetteer, tagger);
  return { proposals, extraction: extractCandidates(text, dataset, { published, extraActors: proposals }) };
}
