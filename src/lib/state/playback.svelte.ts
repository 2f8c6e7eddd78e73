/** "Play": slides the date window through the dataset's extent, a step per tick. */
import type { Explorer } from './explorer.svelte';

const TICK_MS = 700;
const STEPS_ACROSS_EXTENT = 48;
const DEFAULT_WIDTH_DAYS = 182;

export class Playback {
  playing = $state(false);
  private timer: ReturnType<typeof setInterval> | undefined;

  constructor(private explorer: Explorer) {}

  toggle(): void {
    if (this.playing) this.stop();
    else this.start();
  }

  start(): void {
    const index = this.explorer.index;
    if (!index) return;
    const { start, end } = index.extent;
    let width = this.explorer.to - this.explorer.from;
    if (this.explorer.isFullExtent || width <= 0) width = Math.min(DEFAULT_WIDTH_DAYS, end - start);
    const step = Math.max(7, Math.round((end - start) / STEPS_ACROSS_EXTENT));
    let from = this.explorer.to >= end || this.explorer.isFullExtent ? start : this.explorer.from;
    this.explorer.setWindow(from, from + width);
    this.playing = true;
    this.timer = setInterval(() => {
      // Someone else moved the window (keyboard, dates, Back): they win.
      if (this.explorer.from !== from || this.explorer.to !== from + width) return this.stop();
      from += step;
      if (from + width > end) {
        this.explorer.setWindow(end - width, end);
        this.stop();
        return;
      }
      this.explorer.setWindow(from, from + width);
    }, TICK_MS);
  }

  stop(): void {
    clearInterval(this.timer);
    this.playing = false;
  }
}
