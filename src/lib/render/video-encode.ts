/**
 * Turning composed frames into a WebM. Where WebCodecs has a VP9 or VP8 encoder, each
 * frame is encoded with its own timestamp (i × frameMs) and written into a WebM by
 * core/webm-write.ts: the timing is exact however long drawing takes. Otherwise
 * MediaRecorder records a canvas (`captureStream(0)`, one `requestFrame()` per frame);
 * it stamps frames with the time they were captured, so it records in real time, and a
 * frame that takes longer to compose than its time on screen lasts longer (`lateMs`).
 */
import { writeWebm, type EncodedVideoFrame } from '../core/webm-write';

/** Codecs tried in order: VP9 is smaller for the same picture, VP8 plays everywhere WebM does. */
const ENCODER_CODECS = [
  { codec: 'vp09.00.10.08', codecId: 'V_VP9', label: 'VP9' },
  { codec: 'vp8', codecId: 'V_VP8', label: 'VP8' },
] as const;
export const VIDEO_MIME_TYPES = ['video/webm;codecs=vp9', 'video/webm;codecs=vp8', 'video/webm'] as const;
/** Enough for sharp text and thin edges in a picture that changes little between frames. */
const BITS_PER_PIXEL_SECOND = 4;
/** A keyframe every so many frames, so a player can seek without decoding from the start. */
const KEYFRAME_EVERY = 10;

const bitrateOf = (width: number, height: number) => Math.round(Math.min(12e6, Math.max(1e6, width * height * BITS_PER_PIXEL_SECOND)));

/**
 * How this browser can make the WebM: by encoding each frame with WebCodecs at the frame's own
 * timestamp (exact timing, as fast as frames can be drawn), else by recording the canvas with
 * MediaRecorder in real time; or why it cannot.
 */
export type VideoSupport =
  | { ok: true; method: 'encoder'; codec: string; codecId: 'V_VP8' | 'V_VP9'; label: string }
  | { ok: true; method: 'recorder'; mimeType: string; label: string }
  | { ok: false; reason: string };

export async function videoSupport(width: number, height: number): Promise<VideoSupport> {
  if (typeof VideoEncoder !== 'undefined' && typeof VideoFrame !== 'undefined') {
    for (const choice of ENCODER_CODECS) {
      const config = { codec: choice.codec, width, height, bitrate: bitrateOf(width, height) };
      const supported = await VideoEncoder.isConfigSupported(config).then((r) => r.supported, () => false);
      if (supported) return { ok: true, method: 'encoder', codec: choice.codec, codecId: choice.codecId, label: choice.label };
    }
  }
  if (typeof MediaRecorder === 'undefined') return { ok: false, reason: 'This browser has neither a VP8/VP9 video encoder (WebCodecs) nor MediaRecorder, so it cannot make a video.' };
  if (typeof HTMLCanvasElement.prototype.captureStream !== 'function') return { ok: false, reason: 'This browser cannot record a canvas (no captureStream).' };
  const mimeType = VIDEO_MIME_TYPES.find((type) => MediaRecorder.isTypeSupported(type));
  if (!mimeType) return { ok: false, reason: 'This browser cannot record WebM video (neither VP9 nor VP8).' };
  return { ok: true, method: 'recorder', mimeType, label: `${mimeType.split('codecs=')[1]?.toUpperCase() ?? 'WebM'}, recorded in real time` };
}

export interface RecordOptions {
  width: number;
  height: number;
  frameCount: number;
  frameMs: number;
  /** Composes frame i (sets the window, draws) and returns the canvas holding it. */
  compose(frame: number): Promise<HTMLCanvasElement>;
  onFrame?(frame: number): void;
  signal?: AbortSignal;
}

export interface RecordedVideo {
  blob: Blob;
  /** The media type with its codec. */
  type: string;
  /** How much later than planned the video ends because frames took longer to compose than their time on screen. */
  lateMs: number;
  /** Milliseconds from the first frame to the closing one, as recorded. */
  recordedMs: number;
}

const waitUntil = (time: number, signal?: AbortSignal) =>
  new Promise<void>((resolve, reject) => {
    const timer = setTimeout(done, Math.max(0, time - performance.now()));
    function done() {
      signal?.removeEventListener('abort', abort);
      resolve();
    }
    function abort() {
      clearTimeout(timer);
      reject(signal!.reason);
    }
    signal?.addEventListener('abort', abort, { once: true });
  });

/** The next animation frame, by which a requested canvas frame has been captured. */
const nextPaint = () => new Promise<void>((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => resolve())));

/**
 * Encodes frame after frame with WebCodecs, each stamped i × frameMs, plus a closing copy of the
 * last at frameCount × frameMs, and writes them into a WebM. Drawing may take any time.
 */
export async function encodeVideo(options: RecordOptions & { codec: string; codecId: 'V_VP8' | 'V_VP9' }): Promise<RecordedVideo> {
  const { frameCount, frameMs, signal, width, height } = options;
  const frames: EncodedVideoFrame[] = [];
  let failure: Error | null = null;
  const encoder = new VideoEncoder({
    output: (chunk) => {
      const data = new Uint8Array(chunk.byteLength);
      chunk.copyTo(data);
      frames.push({ timeMs: chunk.timestamp / 1000, keyframe: chunk.type === 'key', data });
    },
    error: (error) => (failure = new Error(`The browser's video encoder failed: ${error.message}`)),
  });
  const started = performance.now();
  try {
    encoder.configure({ codec: options.codec, width, height, bitrate: bitrateOf(width, height), framerate: 1000 / frameMs, latencyMode: 'quality' });
    let picture: HTMLCanvasElement | null = null;
    for (let i = 0; i <= frameCount; i++) {
      if (i < frameCount) picture = await options.compose(i);
      signal?.throwIfAborted();
      if (failure) throw failure;
      const frame = new VideoFrame(picture!, { timestamp: Math.round(i * frameMs * 1000), duration: Math.round(frameMs * 1000) });
      encoder.encode(frame, { keyFrame: i % KEYFRAME_EVERY === 0 });
      frame.close();
      if (i < frameCount) options.onFrame?.(i);
      // Drawing runs ahead of encoding by a few frames at most, so memory stays flat on long videos.
      while (encoder.encodeQueueSize > 2) await new Promise((resolve) => encoder.addEventListener('dequeue', resolve, { once: true }));
    }
    await encoder.flush();
    if (failure) throw failure;
    signal?.throwIfAborted();
    frames.sort((a, b) => a.timeMs - b.timeMs);
    const bytes = writeWebm({ codecId: options.codecId, width, height }, frames, frameCount * frameMs);
    return { blob: new Blob([bytes as BlobPart], { type: 'video/webm' }), type: `video/webm;codecs=${options.codec}`, lateMs: 0, recordedMs: Math.round(performance.now() - started) };
  } finally {
    if (encoder.state !== 'closed') encoder.close();
  }
}

/** Records frames with MediaRecorder in real time, each held frameMs; aborting stops and discards the recording. */
export async function recordVideo(options: RecordOptions & { mimeType: string }): Promise<RecordedVideo> {
  const { frameCount, frameMs, signal } = options;
  const canvas = document.createElement('canvas');
  canvas.width = options.width;
  canvas.height = options.height;
  // In the document, so that the browser captures it at its next paint like any canvas on the page.
  Object.assign(canvas.style, { position: 'absolute', right: '101%', bottom: '101%' });
  document.body.appendChild(canvas);
  const ctx = canvas.getContext('2d')!;
  /** Puts a picture on the recorded canvas and waits until the browser has captured it, so no frame is drawn over before it is recorded. */
  const show = async (picture: HTMLCanvasElement) => {
    ctx.drawImage(picture, 0, 0);
    track.requestFrame();
    await nextPaint();
  };

  let picture = await options.compose(0);
  signal?.throwIfAborted();
  const stream = canvas.captureStream(0);
  const track = stream.getVideoTracks()[0] as CanvasCaptureMediaStreamTrack;
  const recorder = new MediaRecorder(stream, {
    mimeType: options.mimeType,
    videoBitsPerSecond: bitrateOf(options.width, options.height),
  });
  const chunks: Blob[] = [];
  recorder.ondataavailable = (event) => event.data.size && chunks.push(event.data);
  const stopped = new Promise<void>((resolve) => (recorder.onstop = () => resolve()));
  const failed = new Promise<never>((_, reject) => (recorder.onerror = (event) => reject(new Error(`The browser stopped recording: ${(event as ErrorEvent).message ?? 'unknown error'}`))));
  failed.catch(() => {});
  const stop = async () => {
    if (recorder.state !== 'inactive') recorder.stop();
    await stopped;
    track.stop();
  };

  try {
    // Recording starts at once (state "recording"); Chrome fires "start" only once a first frame arrives.
    recorder.start();
    // Nothing is drawn on the canvas before the recorder runs: a picture captured earlier would open the video with a pause.
    await show(picture);
    const first = performance.now();
    let start = first;
    let lateMs = 0;
    options.onFrame?.(0);
    for (let i = 1; i <= frameCount; i++) {
      // Frame i is composed while frame i − 1 is on screen; the closing frame shows the last one again.
      if (i < frameCount) picture = await options.compose(i);
      signal?.throwIfAborted();
      const due = start + i * frameMs;
      const now = performance.now();
      if (now > due + 1) {
        lateMs += now - due;
        start += now - due;
      } else await Promise.race([waitUntil(due, signal), failed]);
      await show(picture);
      if (i < frameCount) options.onFrame?.(i);
    }
    const recordedMs = performance.now() - first;
    await stop();
    canvas.remove();
    signal?.throwIfAborted();
    const blob = new Blob(chunks, { type: 'video/webm' });
    if (blob.size === 0) throw new Error('The browser recorded an empty video.');
    return { blob, type: options.mimeType, lateMs: Math.round(lateMs), recordedMs: Math.round(recordedMs) };
  } catch (error) {
    await stop();
    canvas.remove();
    throw error;
  }
}
