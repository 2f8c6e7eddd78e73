/**
 * The source workbench: add an article, let the assistant propose candidates,
 * review them. Every change of a review goes through the core validator
 * (core/source-review) and is stored with the dataset before it is shown; a
 * refused change leaves the review and the dataset exactly as they were.
 */
import { extractCandidates } from '../core/extract/extract';
import type { Candidate } from '../core/extract/types';
import { reviewOutcome, sourceIdFor, startReview, type Decision, type Review, type ReviewItem, type SourceDraft } from '../core/source-review';
import type { DatasetFiles } from '../core/load';
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
  /** Index of the current candidate in the shown review. */
  cursor = $state(0);
  busy = $state(false);
  /** Why the last change was refused (file, line, field), or null. */
  errors = $state.raw<string[] | null>(null);
  /** Short confirmation of the last change, for the live region. */
  announcement = $state('');
  private undoStack = $state.raw<Array<{ review: Review; cursor: number }>>([]);
  private chain: Promise<unknown> = Promise.resolve();
  /** The files last stored, to tell a change of rows from a change of decisions only. */
  private lastFiles: DatasetFiles | null = null;

  readonly reviews: Review[] = $derived(datasets.reviews);
  readonly review: Review | null = $derived(this.reviews.find((r) => r.source.id === this.sourceId) ?? this.reviews[0] ?? null);
  readonly items: ReviewItem[] = $derived(this.review?.items ?? []);
  readonly current: ReviewItem | null = $derived(this.items[this.cursor] ?? null);
  readonly counts = $derived({
    open: this.items.filter((i) => i.decision === 'open').length,
    accepted: this.items.filter((i) => i.decision === 'accepted').length,
    rejected: this.items.filter((i) => i.decision === 'rejected').length,
  });
  /** Actors a candidate can name: the dataset's and the new ones proposed for this source, by label. */
  readonly actorOptions: Array<{ id: string; label: string; isNew: boolean }> = $derived(
    [
      ...(explorer.dataset?.actors ?? []).map((a) => ({ id: a.id, label: a.label, isNew: false })),
      ...(this.review?.newActors ?? []).filter((a) => !explorer.actorsById.has(a.id)).map((a) => ({ id: a.id, label: a.label, isNew: true })),
    ].sort((a, b) => a.label.localeCompare(b.label)),
  );
  readonly canUndo = $derived(this.undoStack.some((u) => u.review.source.id === this.review?.source.id));

  /** Adds a source: the assistant's candidates, all open, stored with the dataset (a copy if it is the bundled one). */
  addSource(draft: Omit<SourceDraft, 'id'>, text: string): Promise<boolean> {
    return this.serial(() => this.addSourceNow(draft, text));
  }

  private async addSourceNow(draft: Omit<SourceDraft, 'id'>, text: string): Promise<boolean> {
    const dataset = explorer.dataset;
    if (!dataset) return false;
    const source = { ...draft, id: sourceIdFor(draft, text, new Set(dataset.sources.map((s) => s.id))) };
    const extraction = extractCandidates(text, dataset, { published: draft.published });
    const review = startReview(source, text, extraction, dataset);
    if (!(await this.commit(review, 0))) return false;
    this.undoStack = [];
    this.sourceId = source.id;
    this.cursor = 0;
    this.announcement = `Added “${draft.title}” with ${review.items.length} candidate relations to review.`;
    return true;
  }

  select(index: number): void {
    if (index >= 0 && index < this.items.length) this.cursor = index;
  }

  show(sourceId: string): void {
    this.sourceId = sourceId;
    this.cursor = 0;
    this.errors = null;
  }

  next(): void {
    this.select(Math.min(this.cursor + 1, this.items.length - 1));
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
    const item = this.current;
    if (!item || !this.review) return;
    const at = this.cursor;
    const items = this.items.map((i, n) => (n === at ? { ...i, decision } : i));
    if (await this.change({ ...this.review, items }, `${decision === 'accepted' ? 'Accepted' : decision === 'rejected' ? 'Rejected' : 'Reopened'}: ${this.describe(item.candidate)}.`)) {
      const nextOpen = items.findIndex((i, n) => n > at && i.decision === 'open');
      this.cursor = nextOpen >= 0 ? nextOpen : Math.min(at + 1, items.length - 1);
    }
  }

  private async editNow(fields: Partial<Candidate>, decision?: Decision): Promise<boolean> {
    const item = this.current;
    if (!item || !this.review) return false;
    const candidate = { ...item.candidate, ...fields };
    if (fields.quote !== undefined) Object.assign(candidate, this.locate(fields.quote, item.candidate.quoteStart));
    const items = this.items.map((i, n) => (n === this.cursor ? { ...i, candidate, decision: decision ?? i.decision } : i));
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
    this.cursor = items.findIndex((i) => i.candidate.id === id);
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

  private async change(review: Review, announcement: string): Promise<boolean> {
    const before = this.review;
    const cursor = this.cursor;
    if (!(await this.commit(review, cursor))) return false;
    if (before) this.undoStack = [...this.undoStack.slice(-UNDO_DEPTH + 1), { review: before, cursor }];
    this.announcement = announcement;
    return true;
  }

  /** Validates the dataset with `review` applied, stores it with every review, and shows it; false (state kept) when refused. */
  private async commit(review: Review, cursor: number): Promise<boolean> {
    const dataset = explorer.dataset;
    if (!dataset) return false;
    this.busy = true;
    try {
      const others = this.reviews.filter((r) => r.source.id !== review.source.id);
      const outcome = reviewOutcome(dataset, review, Object.fromEntries(others.map((r) => [r.source.id, r.text])));
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
