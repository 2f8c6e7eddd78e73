/**
 * Writes encoded VP8/VP9 frames into a WebM file: EBML header, Info (with the
 * Duration), one video track, Clusters of SimpleBlocks, and Cues, so players
 * know the length and can seek. Timestamps are the frames' own, in
 * milliseconds: the file's timing never depends on how long encoding took.
 */

export interface EncodedVideoFrame {
  timeMs: number;
  keyframe: boolean;
  data: Uint8Array;
}

export interface WebmVideoTrack {
  codecId: 'V_VP8' | 'V_VP9';
  width: number;
  height: number;
}

/** A SimpleBlock's time is an int16 offset from its Cluster's. */
const MAX_CLUSTER_MS = 30_000;

type Bytes = Uint8Array;

function idBytes(id: number): number[] {
  const out: number[] = [];
  for (let v = id; v > 0; v = Math.floor(v / 256)) out.unshift(v & 0xff);
  return out;
}

/** The size as an EBML variable-length integer, in as few bytes as it fits (all-ones is reserved for "unknown"). */
function sizeBytes(size: number): number[] {
  let length = 1;
  while (size >= 2 ** (7 * length) - 1) length++;
  if (length > 8) throw new Error(`webm-write: element of ${size} bytes is too large`);
  const out: number[] = [];
  let v = size;
  for (let i = 0; i < length; i++) {
    out.unshift(v & 0xff);
    v = Math.floor(v / 256);
  }
  out[0] |= 0x80 >> (length - 1);
  return out;
}

function concat(parts: readonly Bytes[]): Bytes {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const part of parts) out.set(part, (at += part.length) - part.length);
  return out;
}

function element(id: number, ...children: Bytes[]): Bytes {
  const body = concat(children);
  return concat([Uint8Array.from([...idBytes(id), ...sizeBytes(body.length)]), body]);
}

function uint(id: number, value: number): Bytes {
  const bytes: number[] = [];
  for (let v = value; v > 0 || bytes.length === 0; v = Math.floor(v / 256)) bytes.unshift(v & 0xff);
  return element(id, Uint8Array.from(bytes));
}

function float64(id: number, value: number): Bytes {
  const bytes = new Uint8Array(8);
  new DataView(bytes.buffer).setFloat64(0, value);
  return element(id, bytes);
}

const text = (id: number, value: string) => element(id, new TextEncoder().encode(value));

function simpleBlock(frame: EncodedVideoFrame, clusterMs: number): Bytes {
  const relative = Math.round(frame.timeMs) - clusterMs;
  const header = Uint8Array.from([0x81, (relative >> 8) & 0xff, relative & 0xff, frame.keyframe ? 0x80 : 0]);
  return element(0xa3, header, frame.data);
}

/** A WebM of the frames (in time order, the first a keyframe) lasting `durationMs`. */
export function writeWebm(track: WebmVideoTrack, frames: readonly EncodedVideoFrame[], durationMs: number, app = 'Entente'): Uint8Array {
  if (!frames.length) throw new Error('webm-write: no frames');
  if (!frames[0].keyframe) throw new Error('webm-write: the first frame must be a keyframe');
  const header = element(
    0x1a45dfa3,
    uint(0x4286, 1),
    uint(0x42f7, 1),
    uint(0x42f2, 4),
    uint(0x42f3, 8),
    text(0x4282, 'webm'),
    uint(0x4287, 4),
    uint(0x4285, 2),
  );
  const info = element(0x1549a966, uint(0x2ad7b1, 1_000_000), text(0x4d80, app), text(0x5741, app), float64(0x4489, durationMs));
  const tracks = element(
    0x1654ae6b,
    element(0xae, uint(0xd7, 1), uint(0x73c5, 1), uint(0x9c, 0), text(0x86, track.codecId), uint(0x83, 1), element(0xe0, uint(0xb0, track.width), uint(0xba, track.height))),
  );

  // A Cluster opens at every keyframe (so each one can be sought to) and at least every 30 s.
  const clusters: Array<{ timeMs: number; bytes: Bytes }> = [];
  let open: { timeMs: number; blocks: Bytes[] } | null = null;
  const close = () => open && clusters.push({ timeMs: open.timeMs, bytes: element(0x1f43b675, uint(0xe7, open.timeMs), ...open.blocks) });
  for (const frame of frames) {
    const time = Math.round(frame.timeMs);
    if (!open || frame.keyframe || time - open.timeMs >= MAX_CLUSTER_MS) {
      close();
      open = { timeMs: time, blocks: [] };
    }
    open.blocks.push(simpleBlock(frame, open.timeMs));
  }
  close();

  // Cue positions count from the start of the Segment's data.
  let position = info.length + tracks.length;
  const cuePoints: Bytes[] = [];
  for (const cluster of clusters) {
    cuePoints.push(element(0xbb, uint(0xb3, cluster.timeMs), element(0xb7, uint(0xf7, 1), uint(0xf1, position))));
    position += cluster.bytes.length;
  }
  const segment = element(0x18538067, info, tracks, ...clusters.map((c) => c.bytes), element(0x1c53bb6b, ...cuePoints));
  return concat([header, segment]);
}
