/** What part of the dataset's extent the timeline shows: all of it, or a zoomed range the user chose. */
import { pannedRange, rangeAround, zoomedRange } from '../core/time-axis';
import type { DayWindow } from '../core/window-edit';
import type { Explorer } from './explorer.svelte';

const ZOOM_STEP = 1.6;

export class TimelineRange {
  private zoomed = $state.raw<DayWindow | null>(null);

  constructor(private explorer: Explorer) {}

  readonly extent: DayWindow | null = $derived.by(() => {
    const index = this.explorer.index;
    return index ? { from: index.extent.start, to: index.extent.end } : null;
  });

  /** The visible range; a zoom from another dataset's extent is dropped rather than shown out of bounds. */
  readonly shown: DayWindow = $derived.by(() => {
    const extent = this.extent ?? { from: 0, to: 0 };
    const zoomed = this.zoomed;
    return zoomed && zoomed.from >= extent.from && zoomed.to <= extent.to ? zoomed : extent;
  });

  readonly isWhole = $derived(this.shown === this.extent || !this.extent);

  zoomAt(anchor: number, factor: number): void {
    if (this.extent) this.show(zoomedRange(this.shown, anchor, factor, this.extent));
  }

  zoomIn(): void {
    this.zoomAt(this.centre(), 1 / ZOOM_STEP);
  }

  zoomOut(): void {
    this.zoomAt(this.centre(), ZOOM_STEP);
  }

  pan(deltaDays: number): void {
    if (this.extent) this.show(pannedRange(this.shown, deltaDays, this.extent));
  }

  zoomToWindow(): void {
    if (this.extent) this.show(rangeAround({ from: this.explorer.from, to: this.explorer.to }, this.extent));
  }

  showWhole(): void {
    this.zoomed = null;
  }

  private show(range: DayWindow): void {
    const extent = this.extent!;
    this.zoomed = range.from === extent.from && range.to === extent.to ? null : range;
  }

  private centre(): number {
    return Math.round((this.shown.from + this.shown.to) / 2);
  }
}
