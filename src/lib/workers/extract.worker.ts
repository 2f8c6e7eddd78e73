/**
 * Runs the source workbench's assistant off the main thread: new-actor proposals
 * from wink-nlp's tags, then relation extraction with them. The model (3.8 MB) is
 * loaded on the first request only, and warmed once, so later articles pay for
 * their own text alone.
 */
import type { Dataset } from '../core/model';
import { assistSource } from '../core/extract/assist';
import { extractCandidates } from '../core/extract/extract';
import { buildGazetteer, type Gazetteer } from '../core/extract/gazetteer';
import { proposeNewActors, winkTagger, type Tagger } from '../core/extract/new-actors';
import type { ExtractMessage, ExtractReply } from './extract-messages';
import { WARM_UP_TEXTS } from './extract-warm-up';

const post = (reply: ExtractReply) => (self as unknown as Worker).postMessage(reply);


let tagger: Promise<Tagger> | null = null;

function loadTagger(): Promise<Tagger> {
  return (tagger ??= (async () => {
    const [{ default: winkNLP }, { default: model }] = await Promise.all([import('wink-nlp'), import('wink-eng-lite-web-model')]);
    const loaded = winkTagger(winkNLP(model, ['sbd', 'pos']));
    for (let i = 0; i < 3; i++) for (const text of WARM_UP_TEXTS) loaded.tag(text);
    return loaded;
  })());
}

/** The dataset part of the last request, kept while the actors stay the same, so the gazetteer is built once. */
let cached: { key: string; dataset: Dataset; gazetteer: Gazetteer } | null = null;

/** The dataset's gazetteer, built once per set of actors, and the extractor run once on it so the first article is not timed on cold code. */
function datasetFor(request: ExtractMessage, tagger: Tagger): { dataset: Dataset; gazetteer: Gazetteer } {
  const key = JSON.stringify([request.actors, request.types]);
  if (cached?.key !== key) {
    const dataset: Dataset = { actors: request.actors, types: request.types, sources: [], relations: [] };
    cached = { key, dataset, gazetteer: buildGazetteer(dataset) };
    for (let i = 0; i < 3; i++) for (const text of WARM_UP_TEXTS) assistSource(text, dataset, cached.gazetteer, tagger, '2023-03-08');
  }
  return cached;
}

self.onmessage = async (event: MessageEvent<ExtractMessage>) => {
  const request = event.data;
  try {
    const t0 = performance.now();
    const ready = await loadTagger();
    if (request.kind === 'warm') {
      datasetFor(request, ready);
      post({ kind: 'warmed', id: request.id });
      return;
    }
    // Counts waiting for a warm-up still under way too: the user waits for it as well.
    const waited = performance.now() - t0;
    const modelMs = waited < 1 ? 0 : waited;
    const t1a = performance.now();
    const { dataset, gazetteer } = datasetFor(request, ready);
    const t1 = performance.now();
    // The two steps of assistSource, timed apart for the review screen's timing line.
    const proposals = proposeNewActors(request.text, gazetteer, ready);
    const t2 = performance.now();
    const extraction = extractCandidates(request.text, dataset, { published: request.published, extraActors: proposals });
    const t3 = performance.now();
    const words = request.text.split(/\s+/).filter(Boolean).length;
    post({ kind: 'done', id: request.id, extraction, proposals, timings: { modelMs, setupMs: t1 - t1a, proposeMs: t2 - t1, extractMs: t3 - t2, words } });
  } catch (error) {
    post({ kind: 'failed', id: request.id, message: `extract: ${(error as Error).message}` });
  }
};
