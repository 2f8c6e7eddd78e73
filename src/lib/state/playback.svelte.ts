/**
 * "Play": shows the frames of the play plan (core/play-plan.ts) over the range the
 * timeline shows, one per tick, at the chosen speed; and steps one frame back or on.
 */
import { playPlan, sortedSpans, fitsRange, type PlayPlan, type SortedSpans } from '../core/play-plan';
import { typeMaskOf } from '../core/filter';
import type { DayWindow } from '../core/window-edit';
import type { Explorer } from './explorer.svelte';

/** Time a frame stays on screen at 1×. */
export const FRAME_MS = 700;
export const PLAY_SPEEDS = [0.5, 1, 2, 4] as const;
export type PlaySpeed = (typeof PLAY_SPEEDS)[number];

/** Announced to scripts and tests: one event per frame Play shows, with its window. */
export const PLAY_FRAME_EVENT = 'entente:playframe';

const sameWindow = (a: DayWindow, b: DayWindow) => a.from === b.from && a.to === b.to;

export class Playback {
  playing = $state(false);
  speed = $state<PlaySpeed>(1);
  private timer: ReturnType<typeof setTimeout> | undefined;
  /** The window Play last showed; if the explorer's differs at the next tick, the user moved it and Play yields. */
  private shownFrame: DayWindow | null = null;

  constructor(
    private explorer: Explorer,
    private range: () => DayWindow,
  ) {}

  /** Spans of the shown types, sorted for the plan; recomputed only when the data or the types change. */
  private readonly spans = $derived.by(() => {
    const index = this.explorer.index;
    if (!index) return null;
    const mask = typeMaskOf(index, this.explorer.shownTypes);
    return sortedSpans(index.starts, index.ends, (row) => mask[index.typeOf[row]] === 1);
  });

  private get window(): DayWindow {
    return { from: this.explorer.from, to: this.explorer.to };
  }

  /** The plan last used, kept so that a frame cut at the range's ends still steps on the lattice it came from. */
  private lastPlan: { spans: SortedSpans; range: DayWindow; frames: DayWindow[] } | null = null;

  /** The plan through `current`: the last one if `current` is one of its frames, else a new one aligned on it. */
  private plan(current: DayWindow = this.window): PlayPlan | null {
    const spans = this.spans;
    if (!spans) return null;
    const range = this.range();
    const last = this.lastPlan;
    if (last && last.spans === spans && sameWindow(last.range, range)) {
      const at = last.frames.findIndex((frame) => sameWindow(frame, current));
      if (at >= 0) return { frames: last.frames, at };
    }
    const plan = playPlan(spans, range, current);
    this.lastPlan = { spans, range, frames: plan.frames };
    return plan;
  }

  /** Whether a step back or on has somewhere to go (for the buttons' disabled state). */
  readonly canStepBack = $derived.by(() => fitsRange(this.window, this.range()) && this.window.from > this.range().from);
  readonly canStepForward = $derived.by(() => !!this.explorer.index && (!fitsRange(this.window, this.range()) || this.window.to < this.range().to));

  toggle(): void {
    if (this.playing) this.stop();
    else this.start();
  }

  /** Plays on from the current window when it is a frame short of the end; otherwise from the first frame. */
  start(): void {
    const plan = this.plan();
    if (!plan) return;
    this.playing = true;
    // At the end (or outside the range) Play starts over, on the range's own lattice.
    if (plan.at < 0 || plan.at >= plan.frames.length - 1) this.show(this.plan(this.range())!.frames[0]);
    else this.shownFrame = this.window;
    this.schedule();
  }

  stop(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    this.playing = false;
    this.shownFrame = null;
  }

  setSpeed(speed: PlaySpeed): void {
    this.speed = speed;
    // The frame on screen keeps its time; the new speed applies from the next one.
  }

  stepForward(): void {
    this.stop();
    const plan = this.plan();
    if (!plan) return;
    const next = plan.frames[plan.at + 1];
    if (next) this.show(next, false);
  }

  stepBack(): void {
    this.stop();
    const plan = this.plan();
    if (!plan || plan.at < 0) return;
    // A window merged into a quiet frame steps back to that frame first.
    const target = sameWindow(plan.frames[plan.at], this.window) ? plan.at - 1 : plan.at;
    if (target >= 0) this.show(plan.frames[target], false);
  }

  private schedule(): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => this.tick(), FRAME_MS / this.speed);
  }

  private tick(): void {
    // Someone else moved the window (keyboard, dates, Back): they win.
    if (!this.shownFrame || !sameWindow(this.shownFrame, this.window)) return this.stop();
    const plan = this.plan();
    const next = plan && plan.at >= 0 ? plan.frames[plan.at + 1] : undefined;
    // The last frame has had its full time on screen: Play ends there.
    if (!next) return this.stop();
    this.show(next);
    this.schedule();
  }

  private show(frame: DayWindow, announce = true): void {
    this.explorer.setWindow(frame.from, frame.to);
    if (this.playing) this.shownFrame = frame;
    if (announce && typeof window !== 'undefined') window.dispatchEvent(new CustomEvent(PLAY_FRAME_EVENT, { detail: { ...frame } }));
  }
}
