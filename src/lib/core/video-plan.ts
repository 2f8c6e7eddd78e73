/**
 * The frames of an exported video: windows of a chosen number of months,
 * sliding by a chosen step over a chosen range, as Play slides them; and how
 * long the video runs. A quiet stretch (frames showing exactly the relations
 * of the frame before) keeps one frame and skips the rest, as Play does, unless
 * the user asks for every step.
 */
import { addMonths, dayNumber, formatDay } from './dates';
import { countIn, wholeMonthsOf, fitsRange, DEFAULT_PLAY_MONTHS, type SortedSpans } from './play-plan';
import type { DayWindow } from './window-edit';
import type { ExportAnnotation, LegendKind, LegendSwatch } from './export-caption';
import { KIND_STYLES } from './kind-styles';
import { ACTOR_KINDS } from './model';

export interface VideoPlanOptions {
  range: DayWindow;
  /** Length of each frame's window, in calendar months. */
  windowMonths: number;
  /** How far each frame moves on, in months. */
  stepMonths: number;
  /** Keep one frame of a run that shows nothing new, and skip the rest. */
  skipQuiet: boolean;
}

/** Longest video the dialog records: at 4× that is still over a minute of frames. */
export const MAX_VIDEO_FRAMES = 400;

/** Why the options make no video, or null when they do. */
export function videoPlanProblem(options: VideoPlanOptions): string | null {
  const { range, windowMonths, stepMonths } = options;
  if (!Number.isInteger(windowMonths) || windowMonths < 1) return 'The window must be a whole number of months, at least 1.';
  if (!Number.isInteger(stepMonths) || stepMonths < 1) return 'The step must be a whole number of months, at least 1.';
  if (stepMonths > windowMonths) return 'The step must not be longer than the window, or some days would be skipped.';
  if (!(range.from <= range.to)) return 'The range must end after it starts.';
  return null;
}

const firstOfMonth = (day: number) => {
  const [year, month] = formatDay(day).split('-').map(Number);
  return dayNumber(year, month, 1);
};

/**
 * The windows the video shows: the first starts on the 1st of the range's first month
 * (cut to the range), each next one `stepMonths` later, until one reaches the range's end.
 */
export function videoPlan(spans: SortedSpans, options: VideoPlanOptions): DayWindow[] {
  const problem = videoPlanProblem(options);
  if (problem) throw new Error(`video-plan: ${problem}`);
  const { range, windowMonths, stepMonths, skipQuiet } = options;
  const start = firstOfMonth(range.from);
  const frames: DayWindow[] = [];
  let previous: DayWindow | null = null;
  let quiet = 0;
  for (let j = 0; ; j++) {
    const from = Math.max(range.from, addMonths(start, j * stepMonths));
    const to = Math.min(range.to, addMonths(start, j * stepMonths + windowMonths) - 1);
    const frame = { from, to };
    const last = to >= range.to;
    const changed = !previous || countIn(spans.starts, previous.to + 1, frame.to) > 0 || countIn(spans.ends, previous.from, frame.from - 1) > 0;
    quiet = changed ? 0 : quiet + 1;
    if (!skipQuiet || changed || quiet <= 1 || last) frames.push(frame);
    previous = frame;
    if (last || frames.length > MAX_VIDEO_FRAMES) break;
  }
  return frames;
}

/** The window length the dialog opens with: the current window's whole months when Play could slide it, else Play's default. */
export function defaultWindowMonths(current: DayWindow, range: DayWindow): number {
  const months = fitsRange(current, range) ? wholeMonthsOf(current) : 0;
  return months > 0 ? months : DEFAULT_PLAY_MONTHS;
}

/** Play's step for a window: a third of it, at least a month. */
export const defaultStepMonths = (windowMonths: number) => Math.max(1, Math.floor(windowMonths / 3));

/** Milliseconds the video runs: each frame its time on screen; the closing frame only marks the end. */
export const videoDurationMs = (frameCount: number, frameMs: number) => frameCount * frameMs;

/**
 * Every frame's legend lists what appears anywhere in the video, in legend order,
 * so legend and graph keep their place from frame to frame.
 */
export function withVideoLegend(annotations: readonly ExportAnnotation[], typeOrder: readonly string[]): ExportAnnotation[] {
  const kinds = new Map<string, LegendKind>();
  const types = new Map<string, LegendSwatch>();
  for (const annotation of annotations) {
    for (const kind of annotation.kinds) kinds.set(kind.label, kind);
    for (const type of annotation.types) types.set(type.label, type);
  }
  const kindRank = (k: LegendKind) => ACTOR_KINDS.findIndex((id) => KIND_STYLES[id].label === k.label);
  const typeRank = (t: LegendSwatch) => typeOrder.indexOf(t.label);
  const legendKinds = [...kinds.values()].sort((a, b) => kindRank(a) - kindRank(b));
  const legendTypes = [...types.values()].sort((a, b) => typeRank(a) - typeRank(b));
  return annotations.map((annotation) => ({ ...annotation, kinds: legendKinds, types: legendTypes }));
}
