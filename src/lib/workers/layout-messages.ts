/** The messages between the app and its layout worker. */
import type { LayoutEdgeList } from '../core/layout-matrices';
import type { LayoutProgress, LayoutSettings, SettleOptions } from '../core/layout-steps';

export interface LayoutRequest {
  kind: 'start';
  /** graphology-layout-forceatlas2's node matrix, masses still at 1, and the graph's edges, merged by pair here (core/layout-matrices.ts). */
  nodes: Float32Array;
  list: LayoutEdgeList;
  /** The edge weight influence and mass profile the merge applies (render/layout.ts layoutSettings). */
  influence: number;
  massByNeighbours: boolean;
  settings: LayoutSettings;
  /** Settling rule and time cap; the cap runs on the worker's clock. */
  options: Partial<SettleOptions>;
  /** Iterating time between two reports. */
  reportEveryMs: number;
}

/** Positions so far (x, y per node, in the order of the node matrix) and how far the run is. */
export interface LayoutReply {
  kind: 'progress';
  positions: Float32Array;
  progress: LayoutProgress;
}
