/** "Play": slides the date window through the range the timeline shows (the whole extent unless zoomed), a step per tick. */
import type { DayWindow } from '../core/window-edit';
import type { Explorer } from './explorer.svelte';

const TICK_MS = 700;
const STEPS_ACROSS_RANGE = 48;
const DEFAULT_WIDTH_DAYS = 182;

export class Playback {
  playing = $state(false);
  private timer: ReturnType<typeof setInterval> | undefined;

  constructor(
    private explorer: Explorer,
    private range: () => DayWindow,
  ) {}

  toggle(): void {
    if (this.playing) this.stop();
    else this.start();
  }

  start(): void {
    if (!this.explorer.index) return;
    const { from: start, to: end } = this.range();
    let width = this.explorer.to - this.explorer.from;
    if (width <= 0 || width >= end - start) width = Math.min(DEFAULT_WIDTH_DAYS, Math.round((end - start) / 4));
    const step = Math.max(7, Math.round((end - start) / STEPS_ACROSS_RANGE));
    // Resume from the current window when it lies inside the range; otherwise start over at its beginning.
    let from = this.explorer.from >= start && this.explorer.to < end && this.explorer.to - this.explorer.from === width ? this.explorer.from : start;
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
