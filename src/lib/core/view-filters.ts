/**
 * Filters by actor kind, by source and by edge weight, on top of the filter
 * engine's contract: a hidden actor kind masks every aggregated edge touching
 * an actor of that kind (`edgeMask`), a hidden source masks its relation rows
 * (`rowMask`), and a minimum weight drops the drawn edges that carry fewer
 * relations, after the pass. Masked rows count nowhere; edges below the minimum
 * leave the graph, the status count, the table and the exports, but not the
 * legends, whose counts are about the date window (see `withMinWeight`).
 */
import { ACTOR_KINDS, type ActorKind, type Dataset, type Source } from './model';
import type { FilterResult, RelationFilter } from './filter';
import type { RelationIndex } from './relation-index';
import { outletText } from './relation-text';

export interface ViewFilterSelection {
  hiddenKinds: readonly ActorKind[];
  /** Ids of the sources whose relations are left out. */
  hiddenSources: readonly string[];
  /** Fewest relations a drawn edge carries; 1 draws every edge. */
  minWeight: number;
}

export const NO_VIEW_FILTERS: ViewFilterSelection = { hiddenKinds: [], hiddenSources: [], minWeight: 1 };

/** 1 for each aggregated edge whose two actors are of shown kinds; undefined when no kind is hidden. */
export function kindEdgeMask(index: RelationIndex, hiddenKinds: readonly ActorKind[]): Uint8Array | undefined {
  if (hiddenKinds.length === 0) return undefined;
  const hidden = new Set(hiddenKinds);
  const actorHidden = Uint8Array.from(index.dataset.actors, (a) => (hidden.has(a.kind) ? 1 : 0));
  const { edgeSourceIndex, edgeTargetIndex } = index;
  return Uint8Array.from(index.edges, (_, e) => (actorHidden[edgeSourceIndex[e]] || actorHidden[edgeTargetIndex[e]] ? 0 : 1));
}

/** 1 for each relation row of a shown source; undefined when no source is hidden. */
export function sourceRowMask(index: RelationIndex, hiddenSources: readonly string[]): Uint8Array | undefined {
  if (hiddenSources.length === 0) return undefined;
  const hidden = new Set(hiddenSources);
  return Uint8Array.from(index.dataset.relations, (r) => (hidden.has(r.source) ? 0 : 1));
}

/** Both masks at once: a row or edge passes when it passes each; undefined when neither is given. */
export function andMasks(a: Uint8Array | undefined, b: Uint8Array | undefined): Uint8Array | undefined {
  if (!a) return b;
  if (!b) return a;
  return a.map((v, i) => (v && b[i] ? 1 : 0));
}

/** `base` with the kind and source masks laid over whatever masks it already has (a scope, for example). */
export function withViewMasks(
  base: RelationFilter,
  masks: { rowMask?: Uint8Array; edgeMask?: Uint8Array },
): RelationFilter {
  return { ...base, rowMask: andMasks(base.rowMask, masks.rowMask), edgeMask: andMasks(base.edgeMask, masks.edgeMask) };
}

/**
 * The result with every drawn edge of fewer than `minWeight` visible relations left out: their rows are no
 * longer visible, and the edge, actor, row and statement counts follow. The legend counts (per type and
 * modality in the window) stay as they are, since they say what the window holds whatever is drawn.
 */
/** `rowsOfEdge` gives the rows drawn in an edge: its own, or rolled up, those of the edges rolled into it. */
export function withMinWeight(
  index: RelationIndex,
  result: FilterResult,
  minWeight: number,
  rowsOfEdge: (edge: number) => ArrayLike<number> = (edge) => index.edgeRelations[edge],
): FilterResult {
  if (minWeight <= 1) return result;
  const edgeCounts = new Int32Array(result.edgeCounts.length);
  const nodeCounts = new Int32Array(result.nodeCounts.length);
  const visible = new Uint8Array(index.relationCount);
  const statementSeen = new Uint8Array(index.statementCount);
  const rawVisible = result.visible;
  let visibleCount = 0;
  let visibleStatementCount = 0;
  for (let e = 0; e < edgeCounts.length; e++) {
    const c = result.edgeCounts[e];
    if (c < minWeight) continue;
    edgeCounts[e] = c;
    visibleCount += c;
    nodeCounts[index.edgeSourceIndex[e]] += c;
    nodeCounts[index.edgeTargetIndex[e]] += c;
    const rows = rowsOfEdge(e);
    for (let k = 0; k < rows.length; k++) {
      const row = rows[k];
      if (!rawVisible[row]) continue;
      visible[row] = 1;
      const st = index.statementOf[row];
      if (!statementSeen[st]) {
        statementSeen[st] = 1;
        visibleStatementCount++;
      }
    }
  }
  return {
    visible,
    visibleCount,
    visibleStatementCount,
    typeCountsInWindow: result.typeCountsInWindow,
    modalityCountsInWindow: result.modalityCountsInWindow,
    edgeCounts,
    nodeCounts,
  };
}

/** Visible rows per source id; read from the source column, since row objects cost seconds at a million rows. */
export function countsBySource(index: RelationIndex, visible: Uint8Array): Map<string, number> {
  const { source, sourceIds } = index.columns;
  const perSource = new Int32Array(sourceIds.length);
  for (let i = 0; i < visible.length; i++) if (visible[i]) perSource[source[i]]++;
  const counts = new Map<string, number>();
  perSource.forEach((n, s) => n > 0 && counts.set(sourceIds[s], n));
  return counts;
}

/** Actors with at least one visible relation, per kind. */
export function actorCountsByKind(index: RelationIndex, nodeCounts: Int32Array): Map<ActorKind, number> {
  const counts = new Map<ActorKind, number>(ACTOR_KINDS.map((k) => [k, 0]));
  const { actors } = index.dataset;
  for (let i = 0; i < nodeCounts.length; i++) if (nodeCounts[i] > 0) counts.set(actors[i].kind, counts.get(actors[i].kind)! + 1);
  return counts;
}

export interface OutletGroup {
  /** The outlet as the source list names it ("outlet not identified" when none is named). */
  outlet: string;
  sources: Source[];
}

/** Sources grouped by outlet, outlets by name and each outlet's sources by publication date. */
export function outletGroups(dataset: Dataset): OutletGroup[] {
  const byOutlet = new Map<string, Source[]>();
  for (const source of dataset.sources) {
    const key = outletText(source);
    const list = byOutlet.get(key);
    if (list) list.push(source);
    else byOutlet.set(key, [source]);
  }
  return [...byOutlet.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([outlet, sources]) => ({ outlet, sources: sources.sort((a, b) => a.published.localeCompare(b.published) || a.id.localeCompare(b.id)) }));
}

const KIND_PLURALS: Record<ActorKind, string> = { state: 'states', person: 'persons', organisation: 'organisations', region: 'regions', group: 'groups' };

/** What the kind, source and weight filters leave out, as caption lines; none when they leave nothing out. */
export function viewFilterCaptionLines(dataset: Dataset, selection: ViewFilterSelection): string[] {
  const lines: string[] = [];
  if (selection.hiddenKinds.length) {
    const present = ACTOR_KINDS.filter((k) => dataset.actors.some((a) => a.kind === k));
    const shown = present.filter((k) => !selection.hiddenKinds.includes(k));
    lines.push(shown.length ? `Actors: ${shown.map((k) => KIND_PLURALS[k]).join(', ')} only` : 'Actors: none');
  }
  const text = sourceSelectionText(dataset, selection.hiddenSources);
  if (text) lines.push(text);
  if (selection.minWeight > 1) lines.push(`Edges drawn only with at least ${selection.minWeight} relations`);
  return lines;
}

/** "Only RT, “Armenia asks …” (2022-09-14)" for a few sources, else "Leaving out RT; 2 other sources". */
export function sourceSelectionText(dataset: Dataset, hiddenSources: readonly string[]): string | null {
  if (hiddenSources.length === 0) return null;
  const hidden = new Set(hiddenSources);
  const shown = dataset.sources.filter((s) => !hidden.has(s.id));
  if (shown.length === 0) return 'Sources: none shown';
  if (shown.length <= 2 && shown.length < hidden.size) {
    return `Only ${shown.map((s) => `${outletText(s)}, “${s.title}” (${s.published})`).join('; ')}`;
  }
  const parts: string[] = [];
  let partial = 0;
  for (const group of outletGroups(dataset)) {
    const out = group.sources.filter((s) => hidden.has(s.id)).length;
    if (out === group.sources.length) parts.push(group.outlet);
    else partial += out;
  }
  if (partial) parts.push(`${partial} other source${partial === 1 ? '' : 's'}`);
  return `Leaving out ${parts.join('; ')}`;
}
