/**
 * ForceAtlas2 run in steps, for the layout worker: iterations in time-boxed
 * batches, each followed by a progress report, until the picture has settled.
 * Settling is judged per iteration (mean movement as a share of the drawing's
 * diagonal), not per wall-clock second, so a busy machine gets the same
 * picture as an idle one. Pure: the unit tests run it in Node.
 */
import iterate from 'graphology-layout-forceatlas2/iterate.js';

/** Floats per node and per edge in graphology-layout-forceatlas2's matrices. */
export const NODE_STRIDE = 10;
export const EDGE_STRIDE = 3;

export interface SettleOptions {
  /** Mean movement per iteration, as a share of the drawing's diagonal, under which the layout counts as settled. */
  settledMovement: number;
  minIterations: number;
  maxIterations: number;
  /** Iterations between two movement checks; a batch always runs at least this many, whatever its time box. */
  checkEvery: number;
  /** Iterating time, on the stepper's own clock from its first batch, after which it stops ('timeout'). */
  maxDurationMs: number;
  /**
   * Cooling: from this many iterations on, every check multiplies FA2's slowDown by coolFactor, so a
   * layout that would jitter around its equilibrium (a large dense graph does) comes to rest. 1: no cooling.
   */
  coolFrom: number;
  coolFactor: number;
}

export const DEFAULT_SETTLE_OPTIONS: SettleOptions = {
  settledMovement: 0.0004,
  minIterations: 150,
  maxIterations: 1500,
  checkEvery: 10,
  maxDurationMs: 20_000,
  coolFrom: 0,
  coolFactor: 1,
};

export type LayoutFinish = 'settled' | 'limit' | 'timeout';

export type LayoutSettings = Record<string, number | boolean>;

export interface LayoutProgress {
  iterations: number;
  /** Mean movement per iteration at the last check, as a share of the diagonal (Infinity before the first check). */
  movement: number;
  /** Share of the way to settling, 0–1: the larger of iterations towards the minimum and movement towards the threshold (log scale). */
  fraction: number;
  /** 'settled': moved less than the threshold; 'limit': reached maxIterations; 'timeout': iterated for maxDurationMs. */
  finished: LayoutFinish | null;
}

/** Node positions as x, y pairs out of a node matrix. */
export function positionsOf(nodes: Float32Array): Float32Array {
  const count = nodes.length / NODE_STRIDE;
  const out = new Float32Array(count * 2);
  for (let i = 0; i < count; i++) {
    out[2 * i] = nodes[i * NODE_STRIDE];
    out[2 * i + 1] = nodes[i * NODE_STRIDE + 1];
  }
  return out;
}

function meanMovementShare(before: Float32Array, after: Float32Array): number {
  let moved = 0;
  let minX = Infinity, maxX = -Infinity, minY = Infinity, maxY = -Infinity;
  for (let i = 0; i < after.length; i += 2) {
    moved += Math.hypot(after[i] - before[i], after[i + 1] - before[i + 1]);
    if (after[i] < minX) minX = after[i];
    if (after[i] > maxX) maxX = after[i];
    if (after[i + 1] < minY) minY = after[i + 1];
    if (after[i + 1] > maxY) maxY = after[i + 1];
  }
  const diagonal = Math.hypot(maxX - minX, maxY - minY) || 1;
  return moved / (after.length / 2 || 1) / diagonal;
}

export class LayoutSteps {
  private iterations = 0;
  private movement = Infinity;
  private firstMovement = 0;
  private previous: Float32Array;
  private finished: LayoutFinish | null = null;
  private startedAt: number | null = null;
  private readonly options: SettleOptions;
  private readonly settings: LayoutSettings;

  constructor(
    private readonly nodes: Float32Array,
    private readonly edges: Float32Array,
    settings: LayoutSettings,
    options: Partial<SettleOptions> = {},
  ) {
    this.options = { ...DEFAULT_SETTLE_OPTIONS, ...options };
    // A copy, because cooling changes slowDown as the run goes.
    this.settings = { slowDown: 1, ...settings };
    this.previous = positionsOf(nodes);
  }

  /**
   * Runs iterations for about `budgetMs`, or until the layout has finished. Every batch runs at least
   * one check's worth of iterations before it looks at the clock, so neither a zero budget, nor an
   * iteration longer than the budget, nor a clock that jumps past the time cap can end a run at 0
   * iterations: the time cap counts only the stepper's own batches, not the time before the first one.
   */
  run(budgetMs: number, now: () => number = () => performance.now()): LayoutProgress {
    const start = now();
    this.startedAt ??= start;
    const until = start + budgetMs;
    const { checkEvery, minIterations, maxIterations, settledMovement, maxDurationMs, coolFrom, coolFactor } = this.options;
    while (!this.finished) {
      for (let k = 0; k < checkEvery; k++) iterate(this.settings, this.nodes, this.edges);
      this.iterations += checkEvery;
      const current = positionsOf(this.nodes);
      this.movement = meanMovementShare(this.previous, current) / checkEvery;
      this.previous = current;
      if (!this.firstMovement && this.movement > 0) this.firstMovement = this.movement;
      if (coolFactor !== 1 && this.iterations >= coolFrom) this.settings.slowDown = (this.settings.slowDown as number) * coolFactor;
      const time = now();
      if (this.iterations >= minIterations && this.movement < settledMovement) this.finished = 'settled';
      else if (this.iterations >= maxIterations) this.finished = 'limit';
      else if (time - this.startedAt >= maxDurationMs) this.finished = 'timeout';
      if (time >= until) break;
    }
    return this.progress();
  }

  progress(): LayoutProgress {
    const { minIterations, maxIterations, settledMovement } = this.options;
    const byIterations = Math.min(1, this.iterations / minIterations);
    // Movement falls roughly geometrically, so its way down to the threshold is measured on a log scale.
    const span = Math.log(this.firstMovement / settledMovement);
    const byMovement = span > 0 && Number.isFinite(this.movement) ? Math.log(this.firstMovement / Math.max(this.movement, settledMovement)) / span : 0;
    // Settling needs both the minimum iterations and the movement under the threshold; most runs settle soon after the minimum.
    const fraction = this.finished ? 1 : Math.min(0.99, Math.max(this.iterations / maxIterations, Math.min(byIterations, 0.6 * byIterations + 0.4 * byMovement)));
    return { iterations: this.iterations, movement: this.movement, fraction, finished: this.finished };
  }

  positions(): Float32Array {
    return positionsOf(this.nodes);
  }
}
