/**
 * The panels around the graph are mounted one group per task, and only once the graph has drawn its
 * first frame: at a million relations, each group's first counts (the histogram, the timeline's bulk
 * range, the source and type counts) took 30 to 170 ms, and mounted before the graph they put off its
 * first frame by as much (at 100k relations too). The shell says "ready" only once every group is mounted.
 */
const yieldToPage = (next: () => void) => setTimeout(next, 0);

/** Past this, the panels mount without the graph's first frame (a browser without WebGL never draws one). */
const GRAPH_WAIT_MS = 20_000;

class StagedReveal {
  /** Groups mounted so far; 0 until the data is first ready. */
  step = $state(0);
  readonly groups: number;
  private started = false;

  constructor(groups: number) {
    this.groups = groups;
  }

  get done(): boolean {
    return this.step >= this.groups;
  }

  /** Whether group `n` (1 to groups) is mounted. */
  shown(n: number): boolean {
    return this.step >= n;
  }

  /**
   * Mounts the first group (the graph and the footer it sits on) two tasks later, the others a task at a
   * time once `graphDrawn` resolves; once only, later datasets find every group mounted.
   */
  start(graphDrawn: Promise<unknown>, prepare: () => unknown = () => {}): void {
    if (this.started) return;
    this.started = true;
    // Not in the task that installed the data, and `prepare` (the first filter result, about 70 ms at a
    // million relations, which the first group's counts read) in a task of its own before it.
    performance.mark('mount:installed');
    yieldToPage(() => {
      prepare();
      performance.mark('mount:first-result');
      yieldToPage(() => (this.step = 1));
    });
    const next = () => {
      this.step++;
      if (!this.done) yieldToPage(next);
    };
    let waited: ReturnType<typeof setTimeout> | undefined;
    const timeout = new Promise<void>((done) => (waited = setTimeout(done, GRAPH_WAIT_MS)));
    void Promise.race([graphDrawn, timeout]).then(() => {
      clearTimeout(waited);
      yieldToPage(next);
    });
  }
}

/**
 * The graph with the footer (timeline axis, status line, scope bar), so its canvas is never resized after its
 * first frame; then the histogram; filters and legends; sources; weight and comparison; details and dialogs.
 */
export const reveal = new StagedReveal(6);
