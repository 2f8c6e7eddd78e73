/**
 * The source workbench: add an article, let the assistant propose candidates,
 * review them. Every change of a review goes through the core validator
 * (core/source-review) and is stored with the dataset before it is shown; a
 * refused change leaves the review and the dataset exactly as they were. The
 * assistant runs in a worker (workers/extract.worker.ts); new actors it proposes are
 * reviewed in the same list as relations, and an accepted one joins the dataset.
 */
import type { Candidate, NewActor } from '../core/extract/types';
import { reviewOutcome, sourceIdFor, startReview, type Decision, type ReviewItem, type SourceDraft } from '../core/source-review';
import type { DatasetFiles } from '../core/load';
import type { ExtractTimings } from '../workers/extract-messages';
import { ExtractClient, type ExtractDone } from './extract-worker';
import { acceptedActors, decisionOf, forValidator, withProposals, type ActorReview, type Entry } from './actor-review';
import { datasets } from './datasets.svelte';
import { explorer } from './explorer.svelte';

const UNDO_DEPTH = 200;

function sameFiles(a: DatasetFiles, b: DatasetFiles): boolean {
  const keys = Object.keys(a);
  return keys.length === Object.keys(b).length && keys.every((k) => a[k] === b[k]);
}

export class Workbench {
  /** Whether the "Add source" dialog is open. */
  adding = $state(false);
  /** Id of the source whose review is shown. */
  sourceId = $state<string | null>(null);
  /** Index of the current entry (new actors first, then relations) in the shown review. */
  cursor = $state(0);
  /** How long the assistant took on the last article, as the worker measured it. */
  timings = $state.raw<ExtractTimings | null>(null);
  busy = $state(false);
  /** Whether the assistant has its model and this dataset's names loaded, so an article pays for its own text alone. */
  assistantReady = $state(false);
  /** Why the last change was refused (file, line, field), or null. */
  errors = $state.raw<string[] | null>(null);
  /** Short confirmation of the last change, for the live region. */
  announcement = $state('');
  private undoStack = $state.raw<Array<{ review: ActorReview; cursor: number }>>([]);
  private extractor = new ExtractClient();
  private chain: Promise<unknown> = Promise.resolve();
  /** The files last stored, to tell a change of rows from a change of decisions only. */
  private lastFiles: DatasetFiles | null = null;

  readonly reviews: ActorReview[] = $derived(datasets.reviews);
  readonly review: ActorReview | null = $derived(this.reviews.find((r) => r.source.id === this.sourceId) ?? this.reviews[0] ?? null);
  readonly items: ReviewItem[] = $derived(this.review?.items ?? []);
  readonly entries: Entry[] = $derived([
    ...(this.review?.newActors ?? []).map((actor) => ({ kind: 'actor' as const, actor, decision: this.review?.actorDecisions?.[actor.id] ?? 'open' })),
    ...this.items.map((item, index) => ({ kind: 'relation' as const, item, index })),
  ]);
  readonly currentEntry: Entry | null = $derived(this.entries[this.cursor] ?? null);
  /** The current relation candidate, or null when the cursor is on a new actor. */
  readonly current: ReviewItem | null = $derived(this.currentEntry?.kind === 'relation' ? this.currentEntry.item : null);
  readonly currentActor: (NewActor & { cue?: string }) | null = $derived(this.currentEntry?.kind === 'actor' ? this.currentEntry.actor : null);
  readonly counts = $derived({
    open: this.entries.filter((e) => decisionOf(e) === 'open').length,
    accepted: this.entries.filter((e) => decisionOf(e) === 'accepted').length,
    rejected: this.entries.filter((e) => decisionOf(e) === 'rejected').length,
    actors: this.entries.filter((e) => e.kind === 'actor').length,
  });
  /** Actors a candidate can name: the dataset's and the new ones proposed for this source, by label. */
  readonly actorOptions: Array<{ id: string; label: string; isNew: boolean }> = $derived(
    [
      ...(explorer.dataset?.actors ?? []).map((a) => ({ id: a.id, label: a.label, isNew: false })),
      ...(this.review?.newActors ?? []).filter((a) => !explorer.actorsById.has(a.id)).map((a) => ({ id: a.id, label: a.label, isNew: true })),
    ].sort((a, b) => a.label.localeCompare(b.label)),
  );
  readonly canUndo = $derived(this.undoStack.some((u) => u.review.source.id === this.review?.source.id));

  /** Loads the assistant while the user fills in the source, instead of after they submit it. */
  prepareAssistant(): void {
    const dataset = explorer.dataset;
    if (!dataset) return;
    this.assistantReady = false;
    this.extractor.warm(dataset).then(
      () => (this.assistantReady = explorer.dataset === dataset),
      // A failed warm-up is not the user's error: the article's own request reports it, if it fails again.
      () => {},
    );
  }

  /** Adds a source: the assistant's candidates, all open, stored with the dataset (a copy if it is the bundled one). */
  addSource(draft: Omit<SourceDraft, 'id'>, text: string): Promise<boolean> {
    return this.serial(() => this.addSourceNow(draft, text));
  }

  private async addSourceNow(draft: Omit<SourceDraft, 'id'>, text: string): Promise<boolean> {
    const dataset = explorer.dataset;
    if (!dataset) return false;
    const source = { ...draft, id: sourceIdFor(draft, text, new Set(dataset.sources.map((s) => s.id))) };
    this.busy = true;
    let done: ExtractDone;
    try {
      done = await this.extractor.run(text, draft.published, dataset);
    } catch (error) {
      this.errors = [(error as Error).message];
      return false;
    } finally {
      this.busy = false;
    }
    this.timings = done.timings;
    const review: ActorReview = { ...startReview(source, text, withProposals(done.extraction, done.proposals), dataset), actorDecisions: {} };
    if (!(await this.commit(review, 0))) return false;
    this.undoStack = [];
    this.sourceId = source.id;
    this.cursor = 0;
    this.announcement = `Added “${draft.title}” with ${review.newActors.length} new actors and ${review.items.length} candidate relations to review.`;
    return true;
  }

  /** Makes the candidate relation with this id current. */
  selectCandidate(id: string): void {
    this.select(this.entries.findIndex((e) => e.kind === 'relation' && e.item.candidate.id === id));
  }

  /** Makes the proposed new actor with this id current. */
  selectActor(id: string): void {
    this.select(this.entries.findIndex((e) => e.kind === 'actor' && e.actor.id === id));
  }

  /** Changes a proposed new actor's label, kind or affiliation; `decision` when saving also decides it. */
  editActor(fields: Partial<Pick<NewActor, 'label' | 'kind' | 'affiliation'>>, decision?: Decision): Promise<boolean> {
    return this.serial(async () => {
      const actor = this.currentActor;
      if (!actor || !this.review) return false;
      const edited = { ...actor, ...fields };
      const newActors = this.review.newActors.map((a) => (a.id === actor.id ? edited : a));
      const actorDecisions = decision ? { ...this.review.actorDecisions, [actor.id]: decision } : this.review.actorDecisions;
      return this.change({ ...this.review, newActors, actorDecisions }, `Saved: ${edited.label}, new ${edited.kind}.`);
    });
  }

  select(index: number): void {
    if (index >= 0 && index < this.entries.length) this.cursor = index;
  }

  show(sourceId: string): void {
    this.sourceId = sourceId;
    this.cursor = 0;
    this.errors = null;
  }

  next(): void {
    this.select(Math.min(this.cursor + 1, this.entries.length - 1));
  }

  previous(): void {
    this.select(Math.max(this.cursor - 1, 0));
  }

  /** Accepts or rejects the current candidate and moves to the next open one, as Prodigy does. */
  decide(decision: Decision): Promise<void> {
    return this.serial(() => this.decideNow(decision));
  }

  /** Replaces the current candidate's fields; `decision` when saving also decides it. */
  edit(fields: Partial<Candidate>, decision?: Decision): Promise<boolean> {
    return this.serial(() => this.editNow(fields, decision));
  }

  /** A relation the assistant missed: the selected span is its quote; it is accepted at once. */
  addManual(fields: Pick<Candidate, 'subject' | 'object' | 'type' | 'date' | 'quoteStart' | 'quoteEnd'> & Partial<Candidate>): Promise<boolean> {
    return this.serial(() => this.addManualNow(fields));
  }

  undo(): Promise<void> {
    return this.serial(() => this.undoNow());
  }

  /** Keys come faster than a store: each change runs after the one before, on the state that one left. */
  private serial<T>(task: () => Promise<T>): Promise<T> {
    const run = this.chain.then(task, task);
    this.chain = run.catch(() => undefined);
    return run;
  }

  private async decideNow(decision: Decision): Promise<void> {
    const entry = this.currentEntry;
    if (!entry || !this.review) return;
    const at = this.cursor;
    const verb = decision === 'accepted' ? 'Accepted' : decision === 'rejected' ? 'Rejected' : 'Reopened';
    let review: ActorReview;
    let what: string;
    if (entry.kind === 'actor') {
      review = { ...this.review, actorDecisions: { ...this.review.actorDecisions, [entry.actor.id]: decision } };
      what = `new ${entry.actor.kind} ${entry.actor.label}`;
    } else {
      review = { ...this.review, items: this.items.map((i, n) => (n === entry.index ? { ...i, decision } : i)) };
      what = this.describe(entry.item.candidate);
    }
    if (await this.change(review, `${verb}: ${what}.`)) {
      const nextOpen = this.entries.findIndex((e, n) => n > at && decisionOf(e) === 'open');
      this.cursor = nextOpen >= 0 ? nextOpen : Math.min(at + 1, this.entries.length - 1);
    }
  }

  private async editNow(fields: Partial<Candidate>, decision?: Decision): Promise<boolean> {
    const item = this.current;
    if (!item || !this.review) return false;
    const candidate = { ...item.candidate, ...fields };
    if (fields.quote !== undefined) Object.assign(candidate, this.locate(fields.quote, item.candidate.quoteStart));
    const items = this.items.map((i) => (i === item ? { ...i, candidate, decision: decision ?? i.decision } : i));
    return this.change({ ...this.review, items }, `Saved: ${this.describe(candidate)}.`);
  }

  private async addManualNow(fields: Pick<Candidate, 'subject' | 'object' | 'type' | 'date' | 'quoteStart' | 'quoteEnd'> & Partial<Candidate>): Promise<boolean> {
    if (!this.review) return false;
    const quote = this.review.text.slice(fields.quoteStart, fields.quoteEnd);
    const taken = new Set(this.items.map((i) => i.candidate.id));
    let id = `manual-${fields.quoteStart}-${fields.quoteEnd}`;
    for (let n = 2; taken.has(id); n++) id = `manual-${fields.quoteStart}-${fields.quoteEnd}-${n}`;
    const candidate: Candidate = { endDate: '', confidence: 1, cue: '', statement: '', modality: 'asserted', flags: [], ...fields, id, quote };
    const items = [...this.items, { candidate, decision: 'accepted' as const, origin: 'manual' as const }].sort((a, b) => a.candidate.quoteStart - b.candidate.quoteStart);
    if (!(await this.change({ ...this.review, items }, `Added and accepted: ${this.describe(candidate)}.`))) return false;
    this.selectCandidate(id);
    return true;
  }

  private async undoNow(): Promise<void> {
    const sourceId = this.review?.source.id;
    let at = this.undoStack.length - 1;
    while (at >= 0 && this.undoStack[at].review.source.id !== sourceId) at--;
    if (at < 0) return;
    const last = this.undoStack[at];
    const rest = this.undoStack.filter((_, n) => n !== at);
    if (await this.commit(last.review, last.cursor)) {
      this.undoStack = rest;
      this.cursor = last.cursor;
      this.announcement = 'Undone.';
    }
  }

  /** Where a quote occurs in the text: the occurrence nearest the old one, or nowhere (-1). */
  locate(quote: string, near: number): { quoteStart: number; quoteEnd: number } {
    const text = this.review?.text ?? '';
    let best = -1;
    for (let at = text.indexOf(quote); at !== -1 && quote; at = text.indexOf(quote, at + 1)) {
      if (best < 0 || Math.abs(at - near) < Math.abs(best - near)) best = at;
    }
    return best < 0 ? { quoteStart: -1, quoteEnd: -1 } : { quoteStart: best, quoteEnd: best + quote.length };
  }

  describe(c: Candidate): string {
    const type = explorer.typesById.get(c.type)?.label ?? c.type;
    return `${this.actorLabel(c.subject)} → ${this.actorLabel(c.object)}, ${type}, ${c.date}`;
  }

  actorLabel(id: string): string {
    return explorer.actorsById.get(id)?.label ?? this.review?.newActors.find((a) => a.id === id)?.label ?? id;
  }

  private async change(review: ActorReview, announcement: string): Promise<boolean> {
    const before = this.review;
    const cursor = this.cursor;
    if (!(await this.commit(review, cursor))) return false;
    if (before) this.undoStack = [...this.undoStack.slice(-UNDO_DEPTH + 1), { review: before, cursor }];
    this.announcement = announcement;
    return true;
  }

  /** Validates the dataset with `review` applied, stores it with every review, and shows it; false (state kept) when refused. */
  private async commit(review: ActorReview, cursor: number): Promise<boolean> {
    const dataset = explorer.dataset;
    if (!dataset) return false;
    this.busy = true;
    try {
      const others = this.reviews.filter((r) => r.source.id !== review.source.id);
      // an actor accepted in any review is the dataset's, so that no other review's proposals take it out again
      const checked = forValidator(dataset, review, acceptedActors([review, ...others]));
      const outcome = reviewOutcome(checked.dataset, checked.review, Object.fromEntries(others.map((r) => [r.source.id, r.text])));
      if (!outcome.ok) {
        this.errors = outcome.messages;
        this.announcement = `Not applied: ${outcome.messages.length} problem${outcome.messages.length === 1 ? '' : 's'}.`;
        return false;
      }
      const reviews = this.reviews.some((r) => r.source.id === review.source.id) ? this.reviews.map((r) => (r.source.id === review.source.id ? review : r)) : [...this.reviews, review];
      const changed = !this.lastFiles || !sameFiles(this.lastFiles, outcome.files);
      await datasets.storeReviewed(outcome.files, outcome.dataset, reviews, changed);
      this.lastFiles = outcome.files;
      this.errors = null;
      this.cursor = cursor;
      return true;
    } catch (error) {
      this.errors = [(error as Error).message];
      return false;
    } finally {
      this.busy = false;
    }
  }
}

export const workbench = new Workbench();
