/// <reference lib="webworker" />
/**
 * Runs ForceAtlas2 off the main thread, reporting positions every few tens of
 * milliseconds until it settles or reaches its limits. The time cap is kept
 * here, on the worker's clock, so a main thread busy drawing cannot use it up
 * before the first iteration (see core/layout-steps.ts). Stop terminates the worker.
 */
import { mergeLayoutEdges } from '../core/layout-matrices';
import { LayoutSteps } from '../core/layout-steps';
import type { LayoutReply, LayoutRequest } from './layout-messages';

const scope = self as unknown as DedicatedWorkerGlobalScope;

scope.onmessage = (event: MessageEvent<LayoutRequest>) => {
  const { nodes, list, influence, massByNeighbours, settings, options, reportEveryMs } = event.data;
  const edges = mergeLayoutEdges(nodes, list, influence, massByNeighbours);
  const steps = new LayoutSteps(nodes, edges, settings, options);
  let first = true;
  const batch = () => {
    // The first report comes after the first movement check, so even a layout that settles fast is seen running.
    const progress = steps.run(first ? 0 : reportEveryMs);
    first = false;
    const positions = steps.positions();
    scope.postMessage({ kind: 'progress', positions, progress } satisfies LayoutReply, [positions.buffer]);
    // A macrotask between batches, so the worker stays responsive to termination.
    if (!progress.finished) setTimeout(batch, 0);
  };
  batch();
};
