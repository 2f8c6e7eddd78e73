/**
 * New actors in a review: the tagger's proposals merged into the extraction, and the
 * view the core validator gets of a review whose accepted new actors join the dataset.
 */
import type { Extraction, NewActor } from '../core/extract/types';
import type { NewActorProposal } from '../core/extract/new-actors';
import type { Actor, Dataset } from '../core/model';
import type { Decision, Review, ReviewItem } from '../core/source-review';

/** A review as stored: the decision on each proposed new actor travels with it (absent: all open). */
export type ActorReview = Review & { actorDecisions?: Record<string, Decision> };

/** One row of the candidate list: a proposed new actor, or a candidate relation. */
export type Entry = { kind: 'actor'; actor: NewActor & { cue?: string }; decision: Decision } | { kind: 'relation'; item: ReviewItem; index: number };

export const decisionOf = (e: Entry): Decision => (e.kind === 'actor' ? e.decision : e.item.decision);

/** Ids of the new actors accepted in any of these reviews. */
export function acceptedActors(reviews: ActorReview[]): Set<string> {
  return new Set(reviews.flatMap((r) => Object.entries(r.actorDecisions ?? {}).filter(([, d]) => d === 'accepted').map(([id]) => id)));
}

/** The extraction with the tagger's proposals as its new actors: their suggested kind and affiliation win. */
export function withProposals(extraction: Extraction, proposals: NewActorProposal[]): Extraction {
  const byId = new Map(proposals.map((p) => [p.id, p]));
  const newActors = extraction.newActors.map((a) => {
    const p = byId.get(a.id);
    return p ? { id: a.id, label: a.label, kind: p.kind, affiliation: p.affiliation ?? a.affiliation, cue: p.cue } : a;
  });
  return { ...extraction, newActors };
}

/**
 * The dataset and review the validator sees: accepted new actors (with the proposed actors their
 * affiliation leads to) are actors of the dataset; the others stay proposals, added only if a row names them.
 */
export function forValidator(dataset: Dataset, review: ActorReview, accepted: ReadonlySet<string>): { dataset: Dataset; review: Review } {
  const proposed = new Map(review.newActors.map((a) => [a.id, a]));
  const keep = new Set<string>();
  for (const id of accepted) for (let a = proposed.get(id); a && !keep.has(a.id); a = a.affiliation ? proposed.get(a.affiliation) : undefined) keep.add(a.id);
  const existing = new Map(dataset.actors.map((a) => [a.id, a]));
  const added: Actor[] = [...keep].map((id) => {
    const a = proposed.get(id)!;
    return { id, label: a.label, kind: a.kind, affiliation: a.affiliation, aliases: existing.get(id)?.aliases ?? [] };
  });
  const actors = [...dataset.actors.filter((a) => !keep.has(a.id)), ...added];
  return { dataset: { ...dataset, actors }, review: { ...review, newActors: review.newActors.filter((a) => !keep.has(a.id)) } };
}
