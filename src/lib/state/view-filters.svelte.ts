/**
 * Which actor kinds and sources are left out, and the minimum weight of a drawn
 * edge. The explorer lays the masks over its filter (see its `result`); the
 * legends read their counts from facet-counts.svelte.ts.
 */
import type { ActorKind } from '../core/model';
import type { RelationIndex } from '../core/relation-index';
import { kindEdgeMask, sourceRowMask, type ViewFilterSelection } from '../core/view-filters';

interface Masks {
  rowMask?: Uint8Array;
  edgeMask?: Uint8Array;
}

export class ViewFilters {
  hiddenKinds = $state.raw<ActorKind[]>([]);
  hiddenSources = $state.raw<string[]>([]);
  minWeight = $state(1);

  // Masks are rebuilt only when the selection or the dataset changes, not on every slider move.
  private kindMemo: { index: RelationIndex; kinds: readonly ActorKind[]; mask: Uint8Array | undefined } | null = null;
  private sourceMemo: { index: RelationIndex; sources: readonly string[]; mask: Uint8Array | undefined } | null = null;

  get selection(): ViewFilterSelection {
    return { hiddenKinds: this.hiddenKinds, hiddenSources: this.hiddenSources, minWeight: this.minWeight };
  }

  /** The masks of the kind and source filters; `leaveOut` drops one of them, for that legend's own counts. */
  masksFor(index: RelationIndex, leaveOut: 'kinds' | 'sources' | null = null): Masks {
    const kinds = this.hiddenKinds;
    const sources = this.hiddenSources;
    if (this.kindMemo?.index !== index || this.kindMemo.kinds !== kinds) this.kindMemo = { index, kinds, mask: kindEdgeMask(index, kinds) };
    if (this.sourceMemo?.index !== index || this.sourceMemo.sources !== sources) this.sourceMemo = { index, sources, mask: sourceRowMask(index, sources) };
    return {
      edgeMask: leaveOut === 'kinds' ? undefined : this.kindMemo.mask,
      rowMask: leaveOut === 'sources' ? undefined : this.sourceMemo.mask,
    };
  }

  setKindShown(kind: ActorKind, shown: boolean): void {
    const rest = this.hiddenKinds.filter((k) => k !== kind);
    this.hiddenKinds = shown ? rest : [...rest, kind];
  }

  showAllKinds(): void {
    this.hiddenKinds = [];
  }

  /** Shows or leaves out a set of sources (one, or an outlet's). */
  setSourcesShown(ids: readonly string[], shown: boolean): void {
    const set = new Set(this.hiddenSources);
    for (const id of ids) {
      if (shown) set.delete(id);
      else set.add(id);
    }
    this.hiddenSources = [...set].sort();
  }

  /** Leaves out every source but these: "look at one article". */
  showOnlySources(ids: readonly string[], allIds: readonly string[]): void {
    const keep = new Set(ids);
    this.hiddenSources = allIds.filter((id) => !keep.has(id)).sort();
  }

  showAllSources(): void {
    this.hiddenSources = [];
  }

  setMinWeight(n: number): void {
    this.minWeight = Number.isFinite(n) ? Math.max(1, Math.round(n)) : 1;
  }

  reset(): void {
    this.hiddenKinds = [];
    this.hiddenSources = [];
    this.minWeight = 1;
  }
}

export const viewFilters = new ViewFilters();
