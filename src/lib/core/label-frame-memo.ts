/**
 * Whether a frame's label candidates are those of the frame before. Sigma
 * clears and redraws its label canvas on every render, and a render comes
 * for many reasons that leave the labels as they were (a repaint of edges
 * only, a hover, a setting); choosing and placing the labels again each time
 * was most of the label cost. The candidates are compared one by one (node,
 * text, screen position, size, priority, forced) with the frame's context
 * (screen size, the boxes labels keep out of), not through invalidation
 * events: a camera move, a node hidden or resized, a selection, all show up
 * as a changed candidate, however the change reached sigma. Pure; columns
 * are reused from frame to frame so a frame allocates nothing once grown.
 */

/** Numbers per candidate: x, y, r, priority, forced (0/1). */
const STRIDE = 5;

export class LabelFrameMemo {
  private keys: string[] = [];
  private labels: string[] = [];
  private numbers = new Float64Array(STRIDE * 256);
  private context: number[] = [];
  private count = 0;
  /** The frame being compared still matches the previous one up to `count`. */
  private same = false;
  private hasPrevious = false;

  /** Starts a frame: `context` holds the numbers the placement depends on besides its candidates (screen size, covered boxes). */
  begin(context: readonly number[]): void {
    this.same = this.hasPrevious && context.length === this.context.length && context.every((v, i) => v === this.context[i]);
    if (!this.same) this.context = context.slice();
    this.count = 0;
  }

  /** Adds the frame's next candidate, in a stable order (the graph's). */
  push(key: string, label: string, x: number, y: number, r: number, priority: number, forced: boolean): void {
    const i = this.count++;
    const o = i * STRIDE;
    if (o + STRIDE > this.numbers.length) {
      const grown = new Float64Array(this.numbers.length * 2);
      grown.set(this.numbers);
      this.numbers = grown;
    }
    const n = this.numbers;
    const f = forced ? 1 : 0;
    // Past the previous frame's length the slots hold stale values from longer frames; `i < previousCount` guards that in end().
    if (this.same && (this.keys[i] !== key || this.labels[i] !== label || n[o] !== x || n[o + 1] !== y || n[o + 2] !== r || n[o + 3] !== priority || n[o + 4] !== f)) this.same = false;
    this.keys[i] = key;
    this.labels[i] = label;
    n[o] = x;
    n[o + 1] = y;
    n[o + 2] = r;
    n[o + 3] = priority;
    n[o + 4] = f;
  }

  private previousCount = -1;

  /** Ends the frame: true when its candidates and context equal the previous frame's, so its placement can be reused. */
  end(): boolean {
    const unchanged = this.same && this.count === this.previousCount;
    this.previousCount = this.count;
    this.keys.length = this.count;
    this.labels.length = this.count;
    this.hasPrevious = true;
    return unchanged;
  }

  /** Forgets the previous frame, so the next one counts as changed (a new font, say). */
  reset(): void {
    this.hasPrevious = false;
    this.previousCount = -1;
  }

  /** The frame's candidates, for the placement to read: their count and the i-th's fields. */
  get size(): number {
    return this.count;
  }
  key(i: number): string {
    return this.keys[i];
  }
  label(i: number): string {
    return this.labels[i];
  }
  x(i: number): number {
    return this.numbers[i * STRIDE];
  }
  y(i: number): number {
    return this.numbers[i * STRIDE + 1];
  }
  r(i: number): number {
    return this.numbers[i * STRIDE + 2];
  }
  priority(i: number): number {
    return this.numbers[i * STRIDE + 3];
  }
  forced(i: number): boolean {
    return this.numbers[i * STRIDE + 4] === 1;
  }
}
