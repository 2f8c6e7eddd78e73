/**
 * "Export video": the dialog's choices (range, window, step, speed, size) and
 * the recording of the playback they describe as a WebM file, with progress
 * and Cancel. While it records, the explorer shows each frame's window, as
 * Play does; afterwards the view is back where it was.
 */
import { tick } from 'svelte';
import { defaultExportFileName, type ExportAnnotation } from '../core/export-caption';
import { formatDay, parsePartialDate } from '../core/dates';
import { typeMaskOf } from '../core/filter';
import { sortedSpans, type SortedSpans } from '../core/play-plan';
import { defaultStepMonths, defaultWindowMonths, MAX_VIDEO_FRAMES, videoDurationMs, videoPlan, videoPlanProblem, withVideoLegend } from '../core/video-plan';
import type { DayWindow } from '../core/window-edit';
import { createVideoSurface, encodeVideo, recordVideo, videoSupport, type VideoBackground, type VideoFraming, type VideoSupport, type VideoSurface } from '../render/export-video';
import { downloadBlob } from './download';
import type { Explorer } from './explorer.svelte';
import type { Exporter } from './exporter.svelte';
import type { GraphView } from './graph-view.svelte';
import { FRAME_MS, type PlaySpeed } from './playback.svelte';
import { ExportSession } from './export-session.svelte';

export const VIDEO_SIZES = { '854x480': '854 × 480', '1280x720': '1280 × 720', '1920x1080': '1920 × 1080' } as const;
export type VideoSize = keyof typeof VIDEO_SIZES;

/** What the last finished recording was, for end-to-end tests that read the file back. */
export interface VideoExportRecord {
  fileName: string;
  mimeType: string;
  /** WebCodecs encoder (exact timestamps) or MediaRecorder (real time). */
  method: 'encoder' | 'recorder';
  width: number;
  height: number;
  frameMs: number;
  /** The date windows of the frames, in order. */
  windows: Array<{ from: string; to: string }>;
  lateMs: number;
  recordedMs: number;
  bytes: number;
}

const nextTask = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

export class VideoExporter extends ExportSession {
  rangeFrom = $state('');
  rangeTo = $state('');
  windowMonths = $state(3);
  stepMonths = $state(1);
  skipQuiet = $state(true);
  speed = $state<PlaySpeed>(1);
  size = $state<VideoSize>('1280x720');
  background = $state<VideoBackground>('white');
  framing = $state<VideoFraming>('camera');
  legend = $state(true);
  caption = $state(true);
  title = $state('');
  fileNameEdited = $state<string | null>(null);
  support = $state.raw<VideoSupport | null>(null);
  /** True while frames are being shown for the recording, so the URL follows without filling the history. */
  recording = $state(false);

  constructor(
    private explorer: Explorer,
    private graphView: GraphView,
    private exporter: Exporter,
    private play: { range: () => DayWindow; speed: () => PlaySpeed },
    /** Called as the dialog opens: the view must hold still (no playback, no layout) while it is recorded. */
    onOpen: () => void = () => {},
  ) {
    super(onOpen);
  }

  private readonly spans: SortedSpans | null = $derived.by(() => {
    const index = this.explorer.index;
    if (!index) return null;
    const mask = typeMaskOf(index, this.explorer.shownTypes);
    return sortedSpans(index.starts, index.ends, (row) => mask[index.typeOf[row]] === 1);
  });

  /** The range typed in the dialog, or null when a bound is not a date. */
  get range(): DayWindow | null {
    const from = parsePartialDate(this.rangeFrom);
    const to = parsePartialDate(this.rangeTo);
    return from && to ? { from: from.start, to: to.end } : null;
  }

  readonly planProblem: string | null = $derived.by(() => {
    const range = this.range;
    if (!range) return 'Enter the range as two dates (YYYY-MM-DD).';
    return videoPlanProblem({ range, windowMonths: this.windowMonths, stepMonths: this.stepMonths, skipQuiet: this.skipQuiet });
  });

  readonly frames: DayWindow[] = $derived.by(() => {
    const range = this.range;
    if (!range || this.planProblem || !this.spans) return [];
    return videoPlan(this.spans, { range, windowMonths: this.windowMonths, stepMonths: this.stepMonths, skipQuiet: this.skipQuiet });
  });

  get tooManyFrames(): boolean {
    return this.frames.length > MAX_VIDEO_FRAMES;
  }

  get frameMs(): number {
    return FRAME_MS / this.speed;
  }

  get durationMs(): number {
    return videoDurationMs(this.frames.length, this.frameMs);
  }

  get pixels(): { width: number; height: number } {
    const [width, height] = this.size.split('x').map(Number);
    return { width, height };
  }

  get defaultFileName(): string {
    const range = this.range;
    return range ? defaultExportFileName('entente', formatDay(range.from), formatDay(range.to), 'webm') : 'entente.webm';
  }

  get fileName(): string {
    const name = this.fileNameEdited ?? this.defaultFileName;
    return name.toLowerCase().endsWith('.webm') ? name : `${name}.webm`;
  }

  get canExport(): boolean {
    return !!this.support?.ok && !this.planProblem && this.frames.length > 0 && !this.tooManyFrames && !this.busy;
  }

  /** Opens on what Play would show: the timeline's range, the current window's length, Play's step and speed. */
  openDialog(): void {
    const session = this.openSession();
    const range = this.play.range();
    this.rangeFrom = formatDay(range.from);
    this.rangeTo = formatDay(range.to);
    this.windowMonths = defaultWindowMonths({ from: this.explorer.from, to: this.explorer.to }, range);
    this.stepMonths = defaultStepMonths(this.windowMonths);
    this.speed = this.play.speed();
    this.support = null;
    void videoSupport(this.pixels.width, this.pixels.height).then((support) => {
      if (this.isCurrent(session)) this.support = support;
    });
  }

  private titleNow(): string {
    return this.title.trim() || this.exporter.defaultTitle;
  }

  /** Shows a frame's window and waits until the graph has been updated for it. */
  private async show(frame: DayWindow): Promise<void> {
    this.explorer.setWindow(frame.from, frame.to);
    await tick();
  }

  async exportVideo(): Promise<boolean> {
    const renderer = this.graphView.renderer;
    if (!renderer || !this.canExport) return false;
    const frames = this.frames;
    const frameMs = this.frameMs;
    const { width, height } = this.pixels;
    // Asked again for this size: an encoder may take 1280 × 720 and refuse 1920 × 1080.
    const support = await videoSupport(width, height);
    this.support = support;
    if (!support.ok) return false;
    const fileName = this.fileName;
    const before = { from: this.explorer.from, to: this.explorer.to, edge: this.explorer.selectedEdge };
    this.recording = true;
    let surface: VideoSurface | null = null;
    return this.runExport(
      async (signal, wanted) => {
        // First every frame's caption, so that legend and graph can keep one place throughout.
        const annotations: ExportAnnotation[] = [];
        for (let i = 0; i < frames.length; i++) {
          this.progress = { step: `Preparing frame ${i + 1} of ${frames.length}`, done: i, total: frames.length };
          await this.show(frames[i]);
          annotations.push(this.exporter.annotation(this.titleNow()));
          if (i % 8 === 7) await nextTask();
          signal.throwIfAborted();
        }
        const stable = withVideoLegend(annotations, this.explorer.dataset?.types.map((t) => t.label) ?? []);
        surface = createVideoSurface(renderer, stable, { width, height, background: this.background, legend: this.legend, caption: this.caption, framing: this.framing });
        const drawn = surface;
        const options = {
          width,
          height,
          frameCount: frames.length,
          frameMs,
          signal,
          compose: async (i: number) => {
            await this.show(frames[i]);
            signal.throwIfAborted();
            drawn.draw(stable[i]);
            return drawn.canvas;
          },
          onFrame: (i: number) => (this.progress = { step: `Recording frame ${i + 1} of ${frames.length}`, done: i + 1, total: frames.length }),
        };
        const video = support.method === 'encoder' ? await encodeVideo({ ...options, codec: support.codec, codecId: support.codecId }) : await recordVideo({ ...options, mimeType: support.mimeType });
        if (!wanted()) return null;
        downloadBlob(video.blob, fileName);
        const record: VideoExportRecord = {
          fileName,
          mimeType: video.type,
          method: support.method,
          width,
          height,
          frameMs,
          windows: frames.map((f) => ({ from: formatDay(f.from), to: formatDay(f.to) })),
          lateMs: video.lateMs,
          recordedMs: video.recordedMs,
          bytes: video.blob.size,
        };
        (window as unknown as { __ententeLastVideo?: VideoExportRecord }).__ententeLastVideo = record;
        const late = video.lateMs > frameMs / 2 ? `; drawing ran ${(video.lateMs / 1000).toFixed(1)} s behind, so some frames last longer` : '';
        return `Saved ${fileName} (${frames.length} frames, ${(videoDurationMs(frames.length, frameMs) / 1000).toFixed(1)} s, ${(video.blob.size / 1e6).toFixed(2)} MB${late}).`;
      },
      async () => {
        surface?.kill();
        this.explorer.setWindow(before.from, before.to);
        if (before.edge !== null && this.explorer.selectedEdge === null) this.explorer.selectEdge(before.edge);
        await tick();
        this.recording = false;
      },
    );
  }
}
