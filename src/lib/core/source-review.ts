/**
 * The review of one added source: its text and metadata, what the assistant
 * proposed, and the decision on each candidate. Accepted candidates become the
 * source's edge list (`relations/<source id>.csv`), new actors they use are
 * added to actors.csv, and the text goes in as `texts/<id>.txt`, so that the
 * one loader checks every quote verbatim. Nothing here touches storage or the
 * DOM: the result is graph-data files, valid or refused as a whole.
 */
import { formatIssue, type Actor, type DataIssue, type Dataset, type Relation, type Source } from './model';
import type { Candidate, Extraction, Mention, NewActor } from './extract/types';
import { loadDataset, type DatasetFiles } from './load';
import { writeGraphData } from './write-graph-data';
import { hash16, kebabId } from './formats/text';
import { parsePartialDate } from './dates';
import { safeHref } from './links';

export type Decision = 'open' | 'accepted' | 'rejected';

export interface ReviewItem {
  candidate: Candidate;
  decision: Decision;
  /** Proposed by the assistant, or added by the reviewer from a selection. */
  origin: 'assistant' | 'manual';
}

export interface SourceDraft {
  id: string;
  title: string;
  outlet: string;
  /** YYYY-MM-DD: relative dates in the text resolve against it. */
  published: string;
  url: string;
}

export interface Review {
  source: SourceDraft;
  text: string;
  mentions: Mention[];
  newActors: NewActor[];
  items: ReviewItem[];
}

export type DraftErrors = Partial<Record<'title' | 'outlet' | 'published' | 'url' | 'text', string>>;

const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** What is wrong with a source before it is added, by field; empty when it can be added. */
export function checkSourceDraft(draft: Omit<SourceDraft, 'id'>, text: string): DraftErrors {
  const errors: DraftErrors = {};
  if (!draft.title.trim()) errors.title = 'Title: give the article’s title.';
  if (!draft.published.trim()) errors.published = 'Publication date: required, since dates such as “on Wednesday” are read from it.';
  else if (!DAY.test(draft.published.trim()) || !parsePartialDate(draft.published.trim())) errors.published = 'Publication date: write it as YYYY-MM-DD, for example 2022-09-14.';
  const url = draft.url.trim();
  if (url && (!/^https?:\/\/\S+$/i.test(url) || !safeHref(url))) errors.url = 'URL: only http:// or https:// addresses.';
  if (!text.trim()) errors.text = 'Text: paste the article or choose a .txt, .md or .html file.';
  return errors;
}

/** A source id for an added article (`user_<16 hex>`), like the ids imports give; unique in `taken`. */
export function sourceIdFor(draft: Omit<SourceDraft, 'id'>, text: string, taken: ReadonlySet<string>): string {
  const base = `user_${hash16(`${draft.title}\u0000${draft.published}\u0000${text}`)}`;
  let id = base;
  for (let n = 2; taken.has(id); n++) id = `${base}_${n}`;
  return id;
}

/** graph-data actor ids are kebab-case; the assistant's slugs are made to fit, everywhere they appear. */
function fitActorId(id: string, known: ReadonlySet<string>): string {
  return known.has(id) ? id : kebabId(id) || 'actor';
}

/** A review of `text` from the assistant's extraction; every candidate starts open. */
export function startReview(source: SourceDraft, text: string, extraction: Extraction, dataset: Dataset): Review {
  const known = new Set(dataset.actors.map((a) => a.id));
  const fit = (id: string) => fitActorId(id, known);
  const newActors = extraction.newActors
    .filter((a) => !known.has(fit(a.id)))
    .map((a) => ({ ...a, id: fit(a.id), affiliation: a.affiliation ? fit(a.affiliation) : null }));
  return {
    source,
    text,
    mentions: extraction.mentions.map((m) => ({ ...m, actorId: fit(m.actorId) })),
    newActors,
    items: extraction.candidates.map((c) => ({ candidate: { ...c, subject: fit(c.subject), object: fit(c.object) }, decision: 'open', origin: 'assistant' })),
  };
}

/** The row a candidate becomes; `note` says where it came from. */
function noteOf(item: ReviewItem): string {
  if (item.origin === 'manual') return 'Added in review from a selection of the text.';
  const flags = item.candidate.flags.length ? `; flags: ${item.candidate.flags.join(', ')}` : '';
  return `Proposed by the assistant (cue “${item.candidate.cue}”, confidence ${item.candidate.confidence.toFixed(2)}${flags}); accepted in review.`;
}

export interface AppliedReview {
  dataset: Dataset;
  /** Accepted candidate id by relations-file line, to point an issue back at its candidate. */
  lineOf: Map<string, number>;
  /** Accepted candidates that repeat another accepted row exactly, merged into it. */
  merged: number;
}

/**
 * The dataset with this review applied: its source (re)placed, its relations the accepted
 * candidates in text order, and the proposed actors they use added (and those no row uses any more taken out).
 */
export function applyReview(dataset: Dataset, review: Review): AppliedReview {
  const id = review.source.id;
  const types = new Map(dataset.types.map((t) => [t.id, t]));
  const accepted = review.items.filter((i) => i.decision === 'accepted').sort((a, b) => a.candidate.quoteStart - b.candidate.quoteStart || a.candidate.id.localeCompare(b.candidate.id));
  const rows: Relation[] = [];
  const lineOf = new Map<string, number>();
  const seen = new Map<string, number>();
  let merged = 0;
  let nextLine = 2;
  for (const item of accepted) {
    const c = item.candidate;
    const swap = types.get(c.type)?.directed === false && c.object < c.subject;
    const relation: Relation = {
      id: '',
      source: id,
      line: nextLine,
      subject: swap ? c.object : c.subject,
      object: swap ? c.subject : c.object,
      type: c.type,
      date: c.date,
      endDate: c.endDate,
      quote: c.quote,
      note: noteOf(item),
      statement: c.statement.replace(/\s+/g, '-'),
      modality: c.modality,
      attributes: {},
    };
    relation.id = `${id}:${relation.line}`;
    const key = [relation.subject, relation.object, relation.type, relation.date, relation.endDate, relation.quote, relation.statement, relation.modality].join('\u0000');
    const line = seen.get(key);
    if (line !== undefined) {
      lineOf.set(c.id, line);
      merged++;
      continue;
    }
    seen.set(key, relation.line);
    lineOf.set(c.id, relation.line);
    rows.push(relation);
    // A quote with a line break spans that many more lines of the CSV file.
    nextLine += 1 + (relation.quote.match(/\n/g)?.length ?? 0);
  }
  const relations = [...dataset.relations.filter((r) => r.source !== id), ...rows];

  const proposed = new Map(review.newActors.map((a) => [a.id, a]));
  const used = new Set<string>();
  for (const r of relations) used.add(r.subject).add(r.object);
  // A proposed person brings the proposed state or body it is affiliated with.
  for (const actorId of [...used]) {
    for (let a = proposed.get(actorId); a?.affiliation && !used.has(a.affiliation); a = proposed.get(a.affiliation)) used.add(a.affiliation);
  }
  const existing = dataset.actors.filter((a) => !proposed.has(a.id) || used.has(a.id) || dataset.actors.some((b) => b.affiliation === a.id && !proposed.has(b.id)));
  const existingIds = new Set(existing.map((a) => a.id));
  const added: Actor[] = [...proposed.values()]
    .filter((a) => used.has(a.id) && !existingIds.has(a.id))
    .map((a) => ({ id: a.id, label: a.label, kind: a.kind, affiliation: a.affiliation, aliases: [] }));

  const source: Source = { id, title: review.source.title, outlet: review.source.outlet, published: review.source.published, url: review.source.url, coding: 'hand', attributes: {} };
  const sources = dataset.sources.some((s) => s.id === id) ? dataset.sources.map((s) => (s.id === id ? source : s)) : [...dataset.sources, source];
  return { dataset: { types: dataset.types, actors: [...existing, ...added], sources, relations }, lineOf, merged };
}

/** The files of a dataset with its source texts as `texts/<id>.txt`, the form the loader checks quotes in. */
export function filesWithTexts(dataset: Dataset, texts: Record<string, string>): DatasetFiles {
  const files = writeGraphData(dataset);
  for (const [id, text] of Object.entries(texts)) if (dataset.sources.some((s) => s.id === id)) files[`texts/${id}.txt`] = text;
  return files;
}

/** The `texts/<id>.txt` files of stored graph-data files, by source id. */
export function textsInFiles(files: DatasetFiles): Record<string, string> {
  const texts: Record<string, string> = {};
  for (const [path, text] of Object.entries(files)) {
    const match = /^texts\/([^/]+)\.txt$/.exec(path);
    if (match) texts[match[1]] = text;
  }
  return texts;
}

export type ReviewOutcome =
  | { ok: true; dataset: Dataset; files: DatasetFiles; merged: number }
  | { ok: false; issues: DataIssue[]; messages: string[] };

/**
 * Applies the review and validates the result through the loader, quotes checked against the text.
 * Refused as a whole: a message per issue, naming file, line and field, and the candidate it came from.
 */
export function reviewOutcome(dataset: Dataset, review: Review, otherTexts: Record<string, string>): ReviewOutcome {
  const applied = applyReview(dataset, review);
  const files = filesWithTexts(applied.dataset, { ...otherTexts, [review.source.id]: review.text });
  const loaded = loadDataset(files);
  if (loaded.ok) return { ok: true, dataset: loaded.dataset, files, merged: applied.merged };
  const byLine = new Map([...applied.lineOf].map(([candidate, line]) => [line, candidate]));
  const file = `relations/${review.source.id}.csv`;
  const messages = loaded.issues.map((issue) => {
    const candidate = issue.file === file ? byLine.get(issue.line) : undefined;
    const item = candidate ? review.items.find((i) => i.candidate.id === candidate) : undefined;
    return formatIssue(issue) + (item ? ` (candidate ${item.candidate.subject} → ${item.candidate.object}, ${item.candidate.type})` : '');
  });
  return { ok: false, issues: loaded.issues, messages };
}
