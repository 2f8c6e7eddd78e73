/**
 * sigma created without drawing in its constructor. sigma 3's constructor creates its canvases and
 * programs, indexes every item, processes them all and draws the first frame, in one task: at a million
 * relations (2,000 nodes and the first 2,000 edges) that task took 150 to 260 ms. Here the constructor
 * only indexes; the process runs after it, its node part in a task of its own and its edges in slices
 * (sliced-process.ts), and the frame it then schedules only draws. Whatever draws a frame meanwhile
 * processes as sigma would. The first frame is sigma's first render, as before.
 */
import Sigma from 'sigma';
import type { Settings } from 'sigma/settings';
import type Graph from 'graphology';
import type { Attributes } from 'graphology-types';
import { processInSlices } from './sliced-process';

let creating = false;

class SigmaDrawnLater<N extends Attributes, E extends Attributes> extends Sigma<N, E> {
  killed = false;

  override kill(): void {
    this.killed = true;
    super.kill();
  }

  override refresh(options?: Parameters<Sigma['refresh']>[0]): this {
    // Only the constructor's own refresh is put off: any later one is sigma's as asked.
    return super.refresh(creating ? { ...options, schedule: true } : options);
  }
}

interface Processing {
  needToProcess?: boolean;
  renderFrame?: number | null;
}

export function createSigmaDrawnLater<N extends Attributes, E extends Attributes>(graph: Graph<N, E>, container: HTMLElement, settings: Partial<Settings<N, E>>): Sigma<N, E> {
  creating = true;
  let sigma: SigmaDrawnLater<N, E>;
  try {
    sigma = new SigmaDrawnLater(graph, container, settings);
  } finally {
    creating = false;
  }
  const internals = sigma as unknown as Processing;
  // Without the members this relies on, the frame the constructor scheduled processes as sigma would.
  if (typeof internals.renderFrame === 'number' && typeof internals.needToProcess === 'boolean') {
    cancelAnimationFrame(internals.renderFrame);
    internals.renderFrame = null;
    const drawn = sigma;
    setTimeout(() => {
      if (!drawn.killed && internals.needToProcess)
        void processInSlices(drawn, () => drawn.killed, undefined, 'mount:first-process').then((outcome) => {
          // Drawn in the task of the last slice, not at a later animation frame, which a busy machine put off by up to half a second.
          if (outcome === 'sliced' && !drawn.killed) (drawn as unknown as { render(): unknown }).render();
        });
    }, 0);
  }
  return sigma;
}

/** Resolves after `sigma`'s next render, or after `timeoutMs` (a hidden page draws no frame). */
export function afterNextRender(sigma: Sigma, timeoutMs = 3000): Promise<void> {
  return new Promise((done) => {
    const timer = setTimeout(done, timeoutMs);
    (sigma as Sigma).once('afterRender', () => {
      clearTimeout(timer);
      done();
    });
  });
}
