/**
 * The explorer's state: the loaded dataset, the filter (types and date window),
 * the selection, and what follows from them. Components read it and call its
 * methods; the renderer is fed from it by the canvas component.
 */
import { loadDataset, type DatasetFiles } from '../core/load';
import { MODALITIES, formatIssue, type Actor, type Dataset, type Relation, type RelationType, type Source } from '../core/model';
import { buildRelationIndex, type RelationIndex } from '../core/relation-index';
import { rowOfRelation } from '../core/relation-row-lookup';
import { modalityMaskOf, typeMaskOf, visibleRelationIndices, type FilterResult } from '../core/filter';
import { createFilterEngine, type EngineLayout, type FilterEngine } from '../core/filter-engine';
import { formatDay, parsePartialDate, todayDayNumber } from '../core/dates';
import { monthlyHistogram, type MonthlyHistogram } from '../core/histogram';
import type { ActorMatch } from '../core/actor-search';
import { rolledEdgeRows, withRollupEdges, type Rollup } from '../core/rollup';
import { ViewScope } from './scope.svelte';
import type { RelationFilter } from '../core/filter';
import type { PeriodComparison } from '../core/compare';
import { viewFilters } from './view-filters.svelte';
import { compare } from './compare.svelte';
import { preparedIndexOf } from './import-worker';
import { computeView, lazyActorSearch, resultOfView, visibleRows, type ExplorerView } from './explorer-view';

export type LoadStatus = 'loading' | 'ready' | 'error';

export class Explorer {
  status = $state<LoadStatus>('loading');
  loadError = $state.raw<{ summary: string; details: string[] } | null>(null);
  index = $state.raw<RelationIndex | null>(null);
  shownTypes = $state.raw<string[]>([]);
  /** Modalities shown (asserted, conditional, denied, reported); all by default. */
  shownModalities = $state.raw<string[]>([...MODALITIES]);
  /** Standing relations without end date hold until today instead of through their source's publication date. */
  carryForward = $state(false);
  from = $state(0);
  to = $state(0);
  focus = $state<string | null>(null);
  selectedEdge = $state<number | null>(null);
  showIsolated = $state(false);
  notices = $state.raw<string[]>([]);

  /** Pinned actors (scope) and roll-up; see scope.svelte.ts. */
  readonly scope = new ViewScope(() => this.dropHiddenSelection());
  /** How the index's edges roll up; the index holds the rolled-up view's edges too, so the graph is built once for both. */
  rollup: Rollup | null = null;
  private engine: FilterEngine | null = null;
  /** The engine's sorted groups, when the import worker built them. */
  private engineLayout: EngineLayout | undefined;
  private viewScratch: { edgeCounts: Int32Array; nodeCounts: Int32Array } | null = null;

  /** The filter before the kind and source masks (state/view-filters.svelte.ts), which the legends need for their own counts. */
  readonly baseFilter: RelationFilter | null = $derived.by(() => {
    const index = this.index;
    if (!index) return null;
    return { from: this.from, to: this.to, typeMask: typeMaskOf(index, this.shownTypes), modalityMask: this.modalityMask, carryForward: this.carryForward };
  });

  /**
   * The view's result: kind and source masks, then roll-up and scope (core/scope.ts), then the minimum
   * weight; or, comparing two periods, the comparison over the scoped edges (core/compare.ts), which counts
   * the dataset's own edges, so roll-up waits while periods are compared.
   */
  private readonly view: ExplorerView | null = $derived.by(() => {
    const index = this.index;
    if (!index || !this.baseFilter) return null;
    this.engine ??= createFilterEngine(index, this.engineLayout);
    this.viewScratch ??= { edgeCounts: new Int32Array(index.edges.length), nodeCounts: new Int32Array(index.actorIds.length) };
    const pins = this.scope.pins.map((id) => this.actorPosition.get(id) ?? -1).filter((i) => i >= 0);
    const rollup = this.rolledUp ? this.rollup : null;
    return computeView({ engine: this.engine, index, baseFilter: this.baseFilter, pins, depth: this.scope.depth, rollup, scratch: this.viewScratch, drawnEdgeRows: (e) => this.drawnEdgeRows(e) });
  });

  /** Whether the view counts people and bodies as their state or organisation (and the dataset has any to roll up); not while comparing. */
  readonly rolledUp: boolean = $derived(this.scope.rollUp && !!this.rollup?.changesAnything && !compare.active);

  /** Position of each actor id in the index, for pins and roll-up look-ups. */
  private readonly actorPosition: Map<string, number> = $derived(new Map(this.index?.actorIds.map((id, i) => [id, i]) ?? []));

  readonly result: (FilterResult & { comparison?: PeriodComparison }) | null = $derived(this.view ? resultOfView(this.view) : null);

  readonly dataset: Dataset | null = $derived(this.index?.dataset ?? null);
  readonly modalityMask: Uint8Array = $derived(modalityMaskOf(this.shownModalities));
  /** Its own derived, so the histogram is recounted only when the mask changes, not on every window move. */
  private readonly histogramMask: Uint8Array | undefined = $derived(this.view?.edgeMask);
  readonly histogram: MonthlyHistogram | null = $derived(this.index ? monthlyHistogram(this.index, this.modalityMask, this.histogramMask) : null);
  /** Whether rows share statement ids, so that counting statements says something counting rows does not. */
  readonly sharesStatements = $derived(!!this.index && this.index.statementCount < this.index.relationCount);
  /** Built on the first query, not at load: at a million rows its per-actor counts are the dearest part. */
  readonly searchActors: (query: string) => ActorMatch[] = $derived(this.index ? lazyActorSearch(this.index) : () => []);
  readonly actorsById: Map<string, Actor> = $derived(new Map(this.dataset?.actors.map((a) => [a.id, a]) ?? []));
  readonly sourcesById: Map<string, Source> = $derived(new Map(this.dataset?.sources.map((s) => [s.id, s]) ?? []));
  readonly typesById: Map<string, RelationType> = $derived(new Map(this.dataset?.types.map((t) => [t.id, t]) ?? []));
  readonly visibleRelations: Relation[] = $derived(
    this.result && this.dataset ? visibleRows(this.dataset.relations, visibleRelationIndices(this.result)) : [],
  );
  readonly fromText = $derived(formatDay(this.from));
  readonly toText = $derived(formatDay(this.to));
  readonly isFullExtent = $derived(!!this.index && this.from <= this.index.extent.start && this.to >= this.index.extent.end);
  readonly allTypeIds: string[] = $derived(this.dataset?.types.map((t) => t.id) ?? []);
  /** The window starts after the last day any source attests, and nothing is carried forward: an empty view says why. */
  readonly windowAfterSources = $derived(!!this.index && !this.carryForward && this.from > this.index.extent.end);
  readonly lastAttestedText = $derived(this.index ? formatDay(this.index.extent.end) : '');

  actorLabel(id: string): string {
    return this.actorsById.get(id)?.label ?? id;
  }

  /** Validates and installs a dataset; on any issue the current one stays as it was. */
  install(files: DatasetFiles, today = todayDayNumber()): boolean {
    const loaded = loadDataset(files);
    if (!loaded.ok) {
      this.loadError = {
        summary: `The dataset has ${loaded.issues.length} problem${loaded.issues.length === 1 ? '' : 's'} and was not loaded.`,
        details: loaded.issues.map(formatIssue),
      };
      if (!this.index) this.status = 'error';
      return false;
    }
    this.installDataset(loaded.dataset, today);
    return true;
  }

  /** Installs a dataset that has already passed loadDataset (in the import worker), replacing the current one. */
  installDataset(dataset: Dataset, today = todayDayNumber()): void {
    const prepared = preparedIndexOf(dataset);
    const { index, rollup } = prepared ?? withRollupEdges(buildRelationIndex(dataset, today));
    this.engine = null;
    this.engineLayout = prepared?.engine;
    this.viewScratch = null;
    this.rollup = rollup;
    this.scope.reset();
    this.index = index;
    this.shownTypes = index.typeIds.slice();
    this.shownModalities = [...MODALITIES];
    this.carryForward = false;
    this.from = index.extent.start;
    this.to = index.extent.end;
    this.focus = null;
    this.selectedEdge = null;
    viewFilters.reset();
    compare.stop();
    this.loadError = null;
    this.status = 'ready';
  }

  failLoading(message: string): void {
    this.loadError = { summary: 'The dataset could not be loaded.', details: [message] };
    this.status = 'error';
  }

  setTypeShown(typeId: string, shown: boolean): void {
    const set = new Set(this.shownTypes);
    if (shown) set.add(typeId);
    else set.delete(typeId);
    this.shownTypes = this.allTypeIds.filter((id) => set.has(id));
    this.dropHiddenSelection();
  }

  showAllTypes(): void {
    this.shownTypes = this.allTypeIds.slice();
  }

  showNoTypes(): void {
    this.shownTypes = [];
    this.selectedEdge = null;
  }

  setModalityShown(modality: string, shown: boolean): void {
    const set = new Set(this.shownModalities);
    if (shown) set.add(modality);
    else set.delete(modality);
    this.shownModalities = MODALITIES.filter((m) => set.has(m));
    this.dropHiddenSelection();
  }

  showAllModalities(): void {
    this.shownModalities = [...MODALITIES];
  }

  setCarryForward(on: boolean): void {
    this.carryForward = on;
    this.dropHiddenSelection();
  }

  /** Sets the window; bounds are clamped so that from ≤ to always holds. */
  setWindow(from: number, to: number): void {
    this.from = Math.min(from, to);
    this.to = Math.max(from, to);
    this.dropHiddenSelection();
  }

  /** Parses a date input value; returns false (and changes nothing) when it is not a date. */
  setBound(bound: 'from' | 'to', text: string): boolean {
    const date = parsePartialDate(text);
    if (!date) return false;
    if (bound === 'from') this.setWindow(date.start, Math.max(date.start, this.to));
    else this.setWindow(Math.min(this.from, date.end), date.end);
    return true;
  }

  resetWindow(): void {
    if (this.index) this.setWindow(this.index.extent.start, this.index.extent.end);
  }

  selectEdge(edgeIndex: number | null): void {
    this.selectedEdge = edgeIndex;
    if (edgeIndex !== null) this.focus = null;
  }

  focusActor(actorId: string | null): void {
    this.focus = actorId;
    if (actorId !== null) this.selectedEdge = null;
  }

  clearSelection(): void {
    this.focus = null;
    this.selectedEdge = null;
  }

  addNotices(messages: string[]): void {
    if (messages.length) this.notices = [...this.notices, ...messages];
  }

  dismissNotices(): void {
    this.notices = [];
  }

  /** Opens the evidence of the edge a relation row is drawn in: the keyboard path to what a click on the canvas shows. */
  showEvidenceOf(relation: Relation): void {
    const row = this.index ? rowOfRelation(this.index.columns, relation.source, relation.line) : undefined;
    if (this.index && row !== undefined) this.selectEdge(this.drawnEdgeOfRow(row));
  }

  /** Relation rows behind an aggregated edge that are visible now. */
  visibleRelationsOfEdge(edgeIndex: number): Relation[] {
    if (!this.index || !this.result) return [];
    return Array.from(this.drawnEdgeRows(edgeIndex))
      .filter((i) => this.result!.visible[i])
      .map((i) => this.index!.dataset.relations[i]);
  }

  /** Every row drawn in an edge, visible or not: its own, or rolled up, those of the edges rolled into it. */
  drawnEdgeRows(edgeIndex: number): ArrayLike<number> {
    if (!this.index) return [];
    return this.rolledUp && this.rollup ? rolledEdgeRows(this.index, this.rollup, edgeIndex) : this.index.edgeRelations[edgeIndex];
  }

  /** The edge a row is drawn in: its own, or the one it rolls into. */
  drawnEdgeOfRow(row: number): number {
    const own = this.index!.edgeOf[row];
    return this.rolledUp && this.rollup ? this.rollup.rolledEdgeOf[own] : own;
  }

  /** The actor an actor is counted as: itself, or the top of its affiliation chain when rolled up. */
  countedAs(actorId: string): string {
    if (!this.rolledUp || !this.rollup || !this.index) return actorId;
    const i = this.actorPosition.get(actorId);
    return i === undefined ? actorId : this.index.actorIds[this.rollup.topOf[i]];
  }

  /** Drops a selected edge that the filter no longer draws. */
  dropHiddenSelection(): void {
    if (this.selectedEdge !== null && this.result && this.result.edgeCounts[this.selectedEdge] === 0) this.selectedEdge = null;
  }
}

export const explorer = new Explorer();

