/**
 * The panels around the graph are mounted one group per task once the data is first ready, not all
 * in the task that installs it: at a million relations, each group's first counts (the histogram,
 * the timeline's bulk range, the source and type counts) took 30 to 170 ms, and together they made
 * one main-thread task of half a second. The shell says "ready" only once every group is mounted.
 */
const yieldToPage = (next: () => void) => setTimeout(next, 0);

class StagedReveal {
  /** Groups mounted so far; 0 until the data is first ready. */
  step = $state(0);
  readonly groups: number;

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

  /** Mounts the groups a task at a time; once only, later datasets find every group mounted. */
  start(): void {
    if (this.step > 0) return;
    const next = () => {
      this.step++;
      if (!this.done) yieldToPage(next);
    };
    yieldToPage(next);
  }
}

/** The footer (timeline, status line, scope bar) and then the graph; filters and legends; sources; weight and comparison; details and dialogs. */
export const reveal = new StagedReveal(5);
