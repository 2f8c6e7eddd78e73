/**
 * What part of the dataset's extent the timeline shows. It opens on the range
 * holding the bulk of the relations (core/time-axis bulkRange), so a few busy
 * years are not a sliver beside quiet decades; "All years" shows the extent.
 * The filter's window is independent: it still opens on the whole period.
 */
import { bulkRange, pannedRange, rangeAround, zoomedRange } from '../core/time-axis';
import type { DayWindow } from '../core/window-edit';
import type { RelationIndex } from '../core/relation-index';
import type { Explorer } from './explorer.svelte';

const ZOOM_STEP = 1.6;

const sameRange = (a: DayWindow, b: DayWindow) => a.from === b.from && a.to === b.to;

export class TimelineRange {
  /** The range the user chose, for the dataset it was chosen on; none means the opening range. */
  private chosen = $state.raw<{ index: RelationIndex; range: DayWindow } | null>(null);

  constructor(private explorer: Explorer) {}

  readonly extent: DayWindow | null = $derived.by(() => {
    const index = this.explorer.index;
    return index ? { from: index.extent.start, to: index.extent.end } : null;
  });

  /** Where the bulk of the relations start: the range the timeline opens on. */
  readonly opening: DayWindow | null = $derived.by(() => {
    const index = this.explorer.index;
    return index && this.extent ? bulkRange(index.starts, this.extent) : null;
  });

  /** The visible range; a choice made on another dataset is dropped. */
  readonly shown: DayWindow = $derived.by(() => {
    const chosen = this.chosen;
    if (chosen && chosen.index === this.explorer.index) return chosen.range;
    return this.opening ?? { from: 0, to: 0 };
  });

  readonly isWhole = $derived(!this.extent || sameRange(this.shown, this.extent));
  /** Whether the data has quiet years outside its busy range, so that "All years" shows more. */
  readonly hasQuietYears = $derived(!!this.extent && !!this.opening && !sameRange(this.opening, this.extent));

  zoomAt(anchor: number, factor: number): void {
    if (this.extent) this.show(zoomedRange(this.shown, anchor, factor, this.extent));
  }

  zoomIn(): void {
    this.zoomAt(this.anchor(), 1 / ZOOM_STEP);
  }

  zoomOut(): void {
    this.zoomAt(this.anchor(), ZOOM_STEP);
  }

  pan(deltaDays: number): void {
    if (this.extent) this.show(pannedRange(this.shown, deltaDays, this.extent));
  }

  /** Zooms to the date window, or to any other span (both compared periods). */
  zoomToWindow(window: DayWindow = { from: this.explorer.from, to: this.explorer.to }): void {
    if (this.extent) this.show(rangeAround(window, this.extent));
  }

  showWhole(): void {
    if (this.extent) this.show(this.extent);
  }

  /** Back to the range the timeline opened on. */
  showBusy(): void {
    if (this.opening) this.show(this.opening);
  }

  /** Brings a window that lies wholly off the axis (typed dates, Back) into view. */
  reveal(window: DayWindow): void {
    if (!this.extent || (window.from <= this.shown.to && window.to >= this.shown.from)) return;
    this.show(rangeAround(window, this.extent));
  }

  /**
   * Comparing, both periods are kept whole on the axis, and not left as slivers on one far wider:
   * period B used to sit off screen whenever the axis had zoomed to A.
   */
  revealPeriods(a: DayWindow, b: DayWindow): void {
    const extent = this.extent;
    if (!extent) return;
    const clamp = (w: DayWindow) => ({ from: Math.max(w.from, extent.from), to: Math.min(w.to, extent.to) });
    const shown = this.shown;
    const whole = (w: DayWindow) => w.from >= shown.from && w.to <= shown.to;
    const union = clamp({ from: Math.min(a.from, b.from), to: Math.max(a.to, b.to) });
    if (whole(clamp(a)) && whole(clamp(b)) && (union.to - union.from + 1) * 4 >= shown.to - shown.from + 1) return;
    this.show(rangeAround(union, extent));
  }

  private show(range: DayWindow): void {
    const index = this.explorer.index;
    if (index) this.chosen = { index, range };
  }

  /** Zoom keeps the window in place: its middle, or the part of it on the axis. */
  private anchor(): number {
    const from = Math.max(this.shown.from, this.explorer.from);
    const to = Math.min(this.shown.to, this.explorer.to);
    return from <= to ? Math.round((from + to) / 2) : Math.round((this.shown.from + this.shown.to) / 2);
  }
}
