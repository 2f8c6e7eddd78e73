/**
 * Roll-up: people, ministries and sub-bodies counted as the top of their
 * affiliation chain (Lavrov → Russia, CSTO Joint Staff's Sidorov → CSTO).
 *
 * A row's rolled edge depends only on its aggregated edge (same type, both ends
 * replaced by their chain tops), so the roll-up is a map from edges to edges:
 * the filter engine runs as always, and its counts are summed into the rolled
 * edges. Rolled edges that do not exist among the dataset's own edges are
 * appended to the index once, with no rows of their own, so the graph is built
 * once with every edge either view can draw and toggling never rebuilds it.
 */
import type { Actor } from './model';
import { aggregatedEdgeKey, type AggregatedEdge, type RelationIndex } from './relation-index';

export interface Rollup {
  /** Index of the top of each actor's affiliation chain (itself when it has none). */
  topOf: Int32Array;
  /** For each edge, the edge it is counted in when rolled up; -1 when both ends roll into one actor (a minister and their state). */
  rolledEdgeOf: Int32Array;
  /**
   * The edges rolled into each edge, ascending, as one array: those of edge `r` are
   * `members[memberStart[r]]` up to `members[memberStart[r + 1]]` (none for an edge between actors that are not tops).
   * Two flat arrays, not one list per edge, so a dataset of half a million edges pays a few MB, not tens.
   */
  memberStart: Int32Array;
  members: Int32Array;
  /** 1 for each edge whose rows stay in the rolled-up view (0: internal to one state or organisation). */
  keep: Uint8Array;
  /** Number of edges of the dataset itself; those after it exist only for the rolled-up view. */
  ownEdgeCount: number;
  /** Whether any actor rolls into another at all. */
  changesAnything: boolean;
}

/**
 * The top of every actor's affiliation chain. An affiliation to an unknown id ends the chain
 * where it is; a loop (which the loader rejects, but data may come from elsewhere) rolls every
 * actor that reaches it into the loop's first actor in dataset order, so it cannot hang.
 */
export function affiliationTops(actors: readonly Actor[]): Int32Array {
  const byId = new Map(actors.map((a, i) => [a.id, i]));
  const parent = Int32Array.from(actors, (a) => (a.affiliation ? (byId.get(a.affiliation) ?? -1) : -1));
  const top = new Int32Array(actors.length).fill(-1);
  for (let start = 0; start < actors.length; start++) {
    if (top[start] >= 0) continue;
    const path: number[] = [];
    const onPath = new Map<number, number>();
    let at = start;
    let found = -1;
    while (true) {
      if (top[at] >= 0) {
        found = top[at];
        break;
      }
      const seenAt = onPath.get(at);
      if (seenAt !== undefined) {
        // A loop: its members are path[seenAt..]; all of it, and all that leads into it, rolls into its first member.
        found = Math.min(...path.slice(seenAt));
        break;
      }
      onPath.set(at, path.length);
      path.push(at);
      if (parent[at] < 0) {
        found = at;
        break;
      }
      at = parent[at];
    }
    for (const i of path) top[i] = found;
  }
  return top;
}

/**
 * Adds the rolled-up view's edges to an index: returns the index with the extra edges appended
 * (no rows, so nothing counts into them unless rolled up) and the map between the two views.
 * When no actor has an affiliation the index is returned as it is.
 */
export function withRollupEdges(index: RelationIndex): { index: RelationIndex; rollup: Rollup } {
  const { actorIds, edges, edgeSourceIndex, edgeTargetIndex } = index;
  const topOf = affiliationTops(index.dataset.actors);
  const ownEdgeCount = edges.length;
  const changesAnything = topOf.some((t, i) => t !== i);
  const rolledEdgeOf = new Int32Array(ownEdgeCount);
  const extra: AggregatedEdge[] = [];
  const extraSource: number[] = [];
  const extraTarget: number[] = [];
  const byKey = new Map<string, number>();
  if (changesAnything) edges.forEach((edge, e) => byKey.set(edge.key, e));
  for (let e = 0; e < ownEdgeCount; e++) {
    const s = topOf[edgeSourceIndex[e]];
    const t = topOf[edgeTargetIndex[e]];
    if (s === edgeSourceIndex[e] && t === edgeTargetIndex[e]) {
      rolledEdgeOf[e] = e;
      continue;
    }
    if (s === t) {
      rolledEdgeOf[e] = -1;
      continue;
    }
    const { type, directed } = edges[e];
    const key = aggregatedEdgeKey(actorIds[s], actorIds[t], type, directed);
    let r = byKey.get(key);
    if (r === undefined) {
      r = ownEdgeCount + extra.length;
      byKey.set(key, r);
      const forward = directed || actorIds[s] < actorIds[t];
      extra.push({ key, source: actorIds[forward ? s : t], target: actorIds[forward ? t : s], type, directed });
      extraSource.push(forward ? s : t);
      extraTarget.push(forward ? t : s);
    }
    rolledEdgeOf[e] = r;
  }
  const total = ownEdgeCount + extra.length;
  const memberStart = new Int32Array(total + 1);
  for (let e = 0; e < ownEdgeCount; e++) if (rolledEdgeOf[e] >= 0) memberStart[rolledEdgeOf[e] + 1]++;
  for (let r = 0; r < total; r++) memberStart[r + 1] += memberStart[r];
  const members = new Int32Array(memberStart[total]);
  const fill = memberStart.slice(0, total);
  for (let e = 0; e < ownEdgeCount; e++) if (rolledEdgeOf[e] >= 0) members[fill[rolledEdgeOf[e]]++] = e;
  const rollup: Rollup = {
    topOf,
    rolledEdgeOf,
    memberStart,
    members,
    keep: Uint8Array.from(rolledEdgeOf, (r) => (r >= 0 ? 1 : 0)),
    ownEdgeCount,
    changesAnything,
  };
  if (extra.length === 0) return { index, rollup };
  const joined = (own: Int32Array, more: number[]) => {
    const out = new Int32Array(total);
    out.set(own);
    out.set(more, ownEdgeCount);
    return out;
  };
  const extended: RelationIndex = {
    ...index,
    edges: [...edges, ...extra],
    edgeSourceIndex: joined(edgeSourceIndex, extraSource),
    edgeTargetIndex: joined(edgeTargetIndex, extraTarget),
    edgeRelations: [...index.edgeRelations, ...extra.map(() => new Int32Array(0))],
  };
  extendColumnarEdges(index, extended, extra);
  return { index: extended, rollup };
}

/**
 * A columnar index (per-edge type numbers, rows grouped by edge with start offsets) gets the
 * extra edges there too: their type, and an empty run of rows each, so code reading either form agrees.
 */
function extendColumnarEdges(index: RelationIndex, extended: RelationIndex, extra: AggregatedEdge[]): void {
  const columnar = index as RelationIndex & { edgeTypeOf?: Uint16Array; edgeRowStart?: Int32Array };
  const out = extended as RelationIndex & { edgeTypeOf?: Uint16Array; edgeRowStart?: Int32Array };
  if (columnar.edgeTypeOf) {
    const types = new Uint16Array(columnar.edgeTypeOf.length + extra.length);
    types.set(columnar.edgeTypeOf);
    extra.forEach((edge, k) => (types[columnar.edgeTypeOf!.length + k] = index.typeIds.indexOf(edge.type)));
    out.edgeTypeOf = types;
  }
  if (columnar.edgeRowStart) {
    const starts = new Int32Array(columnar.edgeRowStart.length + extra.length);
    starts.set(columnar.edgeRowStart);
    starts.fill(columnar.edgeRowStart[columnar.edgeRowStart.length - 1] ?? 0, columnar.edgeRowStart.length);
    out.edgeRowStart = starts;
  }
}

/**
 * Sums per-edge counts into the rolled edges and recounts the actors from them.
 * `edgeCounts` and the outputs are sized to the extended index's edges and actors.
 */
export function rollUpCounts(index: RelationIndex, rollup: Rollup, edgeCounts: Int32Array, into: { edgeCounts: Int32Array; nodeCounts: Int32Array }): void {
  into.edgeCounts.fill(0);
  into.nodeCounts.fill(0);
  const { rolledEdgeOf, ownEdgeCount } = rollup;
  for (let e = 0; e < ownEdgeCount; e++) {
    const c = edgeCounts[e];
    if (c !== 0 && rolledEdgeOf[e] >= 0) into.edgeCounts[rolledEdgeOf[e]] += c;
  }
  const { edgeSourceIndex, edgeTargetIndex } = index;
  for (let e = 0; e < into.edgeCounts.length; e++) {
    const c = into.edgeCounts[e];
    if (c === 0) continue;
    into.nodeCounts[edgeSourceIndex[e]] += c;
    into.nodeCounts[edgeTargetIndex[e]] += c;
  }
}

/** The rows drawn in an edge of the rolled-up view, ascending: the rows of every edge rolled into it. */
export function rolledEdgeRows(index: RelationIndex, rollup: Rollup, edge: number): number[] {
  const rows: number[] = [];
  const { memberStart, members } = rollup;
  if (edge < 0 || edge + 1 >= memberStart.length) return rows;
  for (let k = memberStart[edge]; k < memberStart[edge + 1]; k++) for (const i of index.edgeRelations[members[k]]) rows.push(i);
  return rows.sort((a, b) => a - b);
}
