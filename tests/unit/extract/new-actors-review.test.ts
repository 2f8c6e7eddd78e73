import { describe, expect, test } from 'vitest';
import { acceptedActors, forValidator, withProposals, type ActorReview } from '../../../src/lib/state/actor-review';
import { reviewOutcome, startReview } from '../../../src/lib/core/source-review';
import type { Extraction } from '../../../src/lib/core/extract/types';
import type { NewActorProposal } from '../../../src/lib/core/extract/new-actors';
import { readFileSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { loadDataset } from '../../../src/lib/core/load';

/** The bundled graph-data, as the app opens it: the validator refuses a dataset it could not load. */
function bundled() {
  const root = 'graph-data';
  const files: Record<string, string> = {};
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (/\.(csv|md)$/.test(entry.name)) files[relative(root, path)] = readFileSync(path, 'utf8');
    }
  };
  walk(root);
  return loadDataset(files).dataset!;
}

const TEXT = "Azerbaijan's Ministry of Defence said Stepanakert was calm.";
const dataset = bundled();
const source = { id: 'user_0123456789abcdef', title: 'T', outlet: 'O', published: '2023-03-08', url: '' };
const extraction: Extraction = {
  mentions: [
    { start: 0, end: 10, text: 'Azerbaijan', actorId: 'azerbaijan', via: 'label' },
    { start: 13, end: 32, text: 'Ministry of Defence', actorId: 'ministry-of-defence', via: 'nlp' },
    { start: 38, end: 49, text: 'Stepanakert', actorId: 'stepanakert', via: 'nlp' },
  ],
  newActors: [
    { id: 'ministry-of-defence', label: 'Ministry of Defence', kind: 'organisation', affiliation: null },
    { id: 'stepanakert', label: 'Stepanakert', kind: 'region', affiliation: null },
  ],
  candidates: [],
};
const proposals: NewActorProposal[] = [{ id: 'ministry-of-defence', label: 'Ministry of Defence', kind: 'organisation', affiliation: 'azerbaijan', cue: 'organisation word', mentions: [{ start: 13, end: 32 }] }];

function outcome(review: ActorReview) {
  const checked = forValidator(dataset, review, acceptedActors([review]));
  return reviewOutcome(checked.dataset, checked.review, {});
}

describe('new actors in a review', () => {
  test('the tagger’s suggested kind and affiliation win over the extraction’s', () => {
    expect(withProposals(extraction, proposals).newActors[0]).toMatchObject({ affiliation: 'azerbaijan', cue: 'organisation word' });
  });

  test('an accepted new actor joins the dataset through the validator; an open one does not', () => {
    const review: ActorReview = { ...startReview(source, TEXT, withProposals(extraction, proposals), dataset), actorDecisions: { 'ministry-of-defence': 'accepted' } };
    const result = outcome(review);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.dataset.actors.find((a) => a.id === 'ministry-of-defence')).toMatchObject({ kind: 'organisation', affiliation: 'azerbaijan' });
    expect(result.dataset.actors.some((a) => a.id === 'stepanakert')).toBe(false);
    expect(result.files['actors.csv']).toContain('ministry-of-defence,Ministry of Defence,organisation,azerbaijan,');
  });

  test('an accepted actor whose affiliation names another proposal brings it along; reopening takes both out again', () => {
    const base = startReview(source, TEXT, extraction, dataset);
    const newActors = base.newActors.map((a) => (a.id === 'ministry-of-defence' ? { ...a, affiliation: 'stepanakert' } : a));
    const accepted = outcome({ ...base, newActors, actorDecisions: { 'ministry-of-defence': 'accepted' } });
    expect(accepted.ok && accepted.dataset.actors.filter((a) => a.id === 'stepanakert' || a.id === 'ministry-of-defence').length).toBe(2);
    if (!accepted.ok) return;
    // the next commit starts from the stored dataset, which now holds both
    const checked = forValidator(accepted.dataset, { ...base, newActors, actorDecisions: {} }, new Set());
    const reopened = reviewOutcome(checked.dataset, checked.review, {});
    expect(reopened.ok && reopened.dataset.actors.some((a) => a.id === 'ministry-of-defence' || a.id === 'stepanakert')).toBe(false);
  });

  test('an affiliation the dataset does not hold is refused, naming actors.csv', () => {
    const base = startReview(source, TEXT, extraction, dataset);
    const newActors = base.newActors.map((a) => (a.id === 'stepanakert' ? { ...a, affiliation: 'nowhere' } : a));
    const result = outcome({ ...base, newActors, actorDecisions: { stepanakert: 'accepted' } });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.messages.join('\n')).toMatch(/actors\.csv:\d+/);
  });
});
