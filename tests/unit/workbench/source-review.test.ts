import { describe, expect, it } from 'vitest';
import { resolve } from 'node:path';
import { readGraphDataFolder as readGraphData } from '../../../scripts/read-graph-data';
import { loadDataset } from '../../../src/lib/core/load';
import type { Candidate, Extraction } from '../../../src/lib/core/extract/types';
import { applyReview, checkSourceDraft, reviewOutcome, sourceIdFor, startReview, textsInFiles, type Review } from '../../../src/lib/core/source-review';

const bundled = loadDataset(readGraphData(resolve('graph-data')));
if (!bundled.ok) throw new Error('bundled dataset does not load');
const dataset = bundled.dataset;

const TEXT = 'Russian Foreign Minister Anna Petrova met Armenia’s prime minister on Tuesday.\n\nAzerbaijan accused Armenia of shelling.';
const draft = { title: 'Lavrov in Yerevan', outlet: 'Wire', published: '2022-10-05', url: 'https://example.org/a' };

function candidate(id: string, quote: string, fields: Partial<Candidate>): Candidate {
  const start = TEXT.indexOf(quote);
  return {
    id, subject: 'armenia', object: 'azerbaijan', type: 'accusation', date: '2022-10-05', endDate: '', quote, quoteStart: start, quoteEnd: start + quote.length,
    confidence: 0.8, cue: 'accused', statement: '', modality: 'asserted', flags: [], ...fields,
  };
}

const extraction: Extraction = {
  mentions: [{ start: 25, end: 36, text: 'Anna Petrova', actorId: 'anna_petrova', via: 'nlp' }],
  newActors: [{ id: 'anna_petrova', label: 'Anna Petrova', kind: 'person', affiliation: 'russia' }],
  candidates: [
    candidate('c1', 'Azerbaijan accused Armenia of shelling', { subject: 'azerbaijan', object: 'armenia' }),
    candidate('c2', 'Anna Petrova met Armenia’s prime minister', { subject: 'anna_petrova', object: 'armenia', type: 'meeting', cue: 'met', date: '2022-10-04' }),
  ],
};

function review(): Review {
  const source = { ...draft, id: sourceIdFor(draft, TEXT, new Set(dataset.sources.map((s) => s.id))) };
  return startReview(source, TEXT, extraction, dataset);
}

describe('a source draft', () => {
  it('needs a title, a real publication date, text, and an http(s) URL if any', () => {
    expect(checkSourceDraft(draft, TEXT)).toEqual({});
    expect(Object.keys(checkSourceDraft({ title: ' ', outlet: '', published: '', url: 'javascript:alert(1)' }, ' '))).toEqual(['title', 'published', 'url', 'text']);
    expect(checkSourceDraft({ ...draft, published: '2022-02-30' }, TEXT).published).toMatch(/YYYY-MM-DD/);
    expect(checkSourceDraft({ ...draft, url: '' }, TEXT)).toEqual({});
  });
  it('gets an id unlike any other source', () => {
    const id = sourceIdFor(draft, TEXT, new Set());
    expect(id).toMatch(/^user_[0-9a-f]{16}$/);
    expect(sourceIdFor(draft, TEXT, new Set([id]))).toBe(`${id}_2`);
  });
});

describe('applying a review', () => {
  it('starts with every candidate open, and fits the assistant’s slugs to kebab-case ids', () => {
    const r = review();
    expect(r.items.map((i) => i.decision)).toEqual(['open', 'open']);
    expect(r.newActors[0].id).toBe('anna-petrova');
    expect(r.items[1].candidate.subject).toBe('anna-petrova');
    expect(r.mentions[0].actorId).toBe('anna-petrova');
  });

  it('with nothing accepted, adds the source with an empty edge list and its text', () => {
    const outcome = reviewOutcome(dataset, review(), {});
    expect(outcome.ok).toBe(true);
    if (!outcome.ok) return;
    const id = review().source.id;
    expect(outcome.files[`relations/${id}.csv`]).toBe('subject,object,type,date,end_date,quote,note\r\n');
    expect(textsInFiles(outcome.files)).toEqual({ [id]: TEXT });
    expect(outcome.dataset.relations.length).toBe(dataset.relations.length);
    expect(outcome.dataset.actors.length).toBe(dataset.actors.length);
  });

  it('accepted candidates become the source’s rows in text order; a proposed actor is added only when used', () => {
    const r = review();
    r.items[0].decision = 'accepted';
    r.items[1].decision = 'rejected';
    let outcome = reviewOutcome(dataset, r, {});
    if (!outcome.ok) throw new Error(outcome.messages.join('\n'));
    expect(outcome.dataset.relations.filter((x) => x.source === r.source.id).map((x) => `${x.subject}>${x.object}:${x.type}:${x.quote}`)).toEqual(['azerbaijan>armenia:accusation:Azerbaijan accused Armenia of shelling']);
    expect(outcome.dataset.actors.some((a) => a.id === 'anna-petrova')).toBe(false);

    r.items[1].decision = 'accepted';
    outcome = reviewOutcome(dataset, r, {});
    if (!outcome.ok) throw new Error(outcome.messages.join('\n'));
    const rows = outcome.dataset.relations.filter((x) => x.source === r.source.id);
    expect(rows.map((x) => x.type)).toEqual(['meeting', 'accusation']);
    expect(outcome.dataset.actors.find((a) => a.id === 'anna-petrova')).toMatchObject({ kind: 'person', affiliation: 'russia' });

    // Rejected again on the grown dataset: the actor goes, since no row uses it any more.
    r.items[1].decision = 'rejected';
    const again = applyReview(outcome.dataset, r).dataset;
    expect(again.actors.some((a) => a.id === 'anna-petrova')).toBe(false);
    expect(again.relations.length).toBe(dataset.relations.length + 1);
  });

  it('an undirected type lists its pair alphabetically; identical accepted rows are merged', () => {
    const r = review();
    const undirected = dataset.types.find((t) => !t.directed)!;
    r.items = [0, 1].map((n) => ({ candidate: candidate(`u${n}`, 'Azerbaijan accused Armenia', { subject: 'azerbaijan', object: 'armenia', type: undirected.id }), decision: 'accepted', origin: 'manual' }));
    const outcome = reviewOutcome(dataset, r, {});
    if (!outcome.ok) throw new Error(outcome.messages.join('\n'));
    expect(outcome.merged).toBe(1);
    const rows = outcome.dataset.relations.filter((x) => x.source === r.source.id);
    expect(rows.map((x) => `${x.subject}>${x.object}`)).toEqual(['armenia>azerbaijan']);
    expect(rows[0].note).toBe('Added in review from a selection of the text.');
  });

  it('a quote across a paragraph break is refused at its own line, the rows after it keeping theirs', () => {
    const r = review();
    r.items[0].decision = 'accepted';
    r.items[1].decision = 'accepted';
    const across = 'shelling.';
    r.items[1].candidate = { ...r.items[1].candidate, quote: TEXT.slice(TEXT.indexOf('on Tuesday.'), TEXT.indexOf(across)), quoteStart: 0 };
    const outcome = reviewOutcome(dataset, r, {});
    if (outcome.ok) throw new Error('accepted a quote across paragraphs');
    expect(outcome.messages).toEqual([`relations/${r.source.id}.csv:2: quote: the quote crosses a paragraph break (a blank line); quote one paragraph, or make two rows [load/quote-paragraph-break] (candidate anna-petrova → armenia, meeting)`]);
  });

  it('refuses the whole review when a quote is not in the text, naming file, line, field and candidate', () => {
    const r = review();
    r.items[0].decision = 'accepted';
    r.items[0].candidate = { ...r.items[0].candidate, quote: 'Azerbaijan accused Armenia of shelling villages' };
    const outcome = reviewOutcome(dataset, r, {});
    expect(outcome.ok).toBe(false);
    if (outcome.ok) return;
    expect(outcome.messages).toEqual([`relations/${r.source.id}.csv:2: quote: not found verbatim in the text of source ${r.source.id} [load/quote-not-found] (candidate azerbaijan → armenia, accusation)`]);
  });
});
