/** The messages between the app and its layout worker. */
import type { LayoutProgress, LayoutSettings, SettleOptions } from '../core/layout-steps';

export interface LayoutRequest {
  kind: 'start';
  /** graphology-layout-forceatlas2's node and edge matrices. */
  nodes: Float32Array;
  edges: Float32Array;
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
